"""Import figures: rows per second of the CSV import, and the peak memory of a dry run.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from baseline import CsvAround
from bench import BenchEnv, Result, child, figure, log, pair_numbers, sample_pair_ratio
from hooks import emit, peak_rss_mb, rss_mb

IMPORT_ROWS = 100_000


@child("import")
def child_import(_t0: float, args: list[str]) -> None:
    """Import the CSV ``args[0]`` into a new store ``args[1]`` with ``cm_tui.io.queue_import``
    (streamed, one transaction); emits rows/s, the resident memory before, the peak after a
    dry run (the importer alone) and the peak after the real import (the store then holds
    the 100,000 items in memory, as TinyDB does with every record). The baseline: rows per CPU
    second of the standard library's ``csv`` reading the same file in this process, three
    times just before and three times just after (``CsvAround``)."""

    from cm_tui.core.settings import Settings
    from cm_tui.io.queue_import import ImportOptions, import_queue
    from cm_tui.store import Store

    csv_path, db = Path(args[0]), Path(args[1])
    settings = Settings(timezone="Europe/Paris", language="en")
    options = ImportOptions(
        tz=settings.zone, deadline_policy=settings.deadline_policy, keywords=("nova",)
    )
    rss_before = rss_mb()
    # a dry run first: the importer's own memory (streaming: it must not grow with the file)
    import_queue(csv_path, options)
    dry_peak = peak_rss_mb()
    # the baseline, in the same process just before and just after (``CsvAround``)
    csv_baseline = CsvAround(csv_path, ";")
    with Store.open(db) as store:
        start, cpu = time.perf_counter(), time.thread_time()
        result = import_queue(
            csv_path,
            options,
            existing=store.repo.queue.all,
            write=store.repo.queue.add_many,
            transaction=store.transaction,
        )
        elapsed = time.perf_counter() - start
        spent = time.thread_time() - cpu
        peak = peak_rss_mb()
    emit(
        {
            "rows_per_s": result.added / elapsed,
            "rows_per_cpu_s": result.added / spent,
            "csv_rows_per_cpu_s": csv_baseline.rate(),
            "elapsed_s": elapsed,
            "rows": result.added,
            "rss_before_mb": rss_before,
            "dry_run_peak_rss_mb": dry_peak,
            "peak_rss_mb": peak,
        }
    )
    os._exit(0)


@child("import_dry")
def child_import_dry(_t0: float, args: list[str]) -> None:
    """``cm-tui import CSV --dry-run --db STORE``, the command as a user runs it; emits the
    process's peak resident memory (it must not grow with the number of rows)."""
    import contextlib
    import io

    from cm_tui.cli import main

    with contextlib.redirect_stdout(io.StringIO()) as out:
        status = main(["import", args[0], "--dry-run", "--db", args[1]])
    if status != 0:
        emit({"error": f"import --dry-run exited {status}: {out.getvalue()[-500:]}"})
        os._exit(1)
    peak = peak_rss_mb()
    emit({"peak_mb": peak, "out": out.getvalue().strip()})
    os._exit(0)


@figure("import_rows_per_s", target=(">=", 20_000.0), ratio_target=(">=", 0.014))
def bench_import_rows_per_s(env: BenchEnv, runs: int) -> Result:
    """``IMPORT_ROWS`` CSV rows (French headers, ``;``, Windows line ends, UTF-8 with BOM)
    imported into a new store, in a fresh process per sample, three a run; peak memory in the
    info. Judged: the median of each process's rows per CPU second over the standard library's
    ``csv`` parse of the same file timed in that process, three times just before and three
    times just after (``CsvAround``): a pair."""
    import statistics

    csv_path = env.root / "import.csv"
    if not csv_path.exists():
        with open(csv_path, "w", encoding="utf-8-sig", newline="") as handle:
            handle.write("Réseau;Auteur;Nom;Texte;Reçu le;Type;Identifiant\r\n")
            kinds = ("commentaire", "mention", "mp", "avis")
            for n in range(IMPORT_ROWS):
                day, minute = 1 + n % 28, n % 1440
                handle.write(
                    f"facebook;@user{n};Utilisateur {n};"
                    f'"Bonjour, une question sur Nova n°{n} ; merci !";'
                    f"{day:02d}/10/2026 {minute // 60:02d}:{minute % 60:02d};"
                    f"{kinds[n % 4]};fb-{n}\r\n"
                )
    rates: list[float] = []
    csv_rates: list[float] = []
    cpu_rates: list[float] = []
    peaks: list[float] = []
    befores: list[float] = []
    dry_peaks: list[float] = []
    for i in pair_numbers(runs, "import"):  # three a run: one run's ratio moved by a third
        db = env.root / f"import-{i}" / "store.json"
        payload = env.child("import", str(csv_path), str(db))
        if payload["rows"] != IMPORT_ROWS:
            raise RuntimeError(f"import: {payload['rows']} rows imported, not {IMPORT_ROWS}")
        rates.append(payload["rows_per_s"])
        csv_rates.append(payload["csv_rows_per_cpu_s"])
        cpu_rates.append(payload["rows_per_cpu_s"])
        peaks.append(payload["peak_rss_mb"])
        befores.append(payload["rss_before_mb"])
        dry_peaks.append(payload["dry_run_peak_rss_mb"])
    return Result(
        statistics.median(rates),
        {
            "import_rows_per_s": rates,
            "import_csv_rows_per_cpu_s": csv_rates,
            "import_peak_rss_mb": peaks,
        },
        {
            "import_rows": IMPORT_ROWS,
            "import_csv_mb": round(csv_path.stat().st_size / 2**20, 1),
            "import_peak_rss_mb": statistics.median(peaks),
            "import_rss_before_mb": statistics.median(befores),
            # the importer alone (dry run, nothing kept): memory independent of the file size
            "import_dry_run_peak_rss_mb": statistics.median(dry_peaks),
            "import_csv_rows_per_cpu_s": statistics.median(csv_rates),
        },
        sample_pair_ratio(cpu_rates, csv_rates),
    )


def write_queue_csv(path: Path, rows: int) -> None:
    """``rows`` distinct queue rows (English headers, UTF-8)."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("network,author,name,text,received at,kind,id\n")
        for n in range(rows):
            day, minute = 1 + n % 28, n % 1440
            handle.write(
                f"facebook,@user{n},User {n},Hello a question about Nova {n},"
                f"2026-10-{day:02d} {minute // 60:02d}:{minute % 60:02d},comment,fb-{n}\n"
            )


#: rows of the file whose dry run ``import_dry_peak_mb`` measures
DRY_RUN_ROWS = 1_000_000


@figure("import_dry_peak_mb", target=("<=", 80.0), ratio_target=("<=", 6.0))
def bench_import_dry_peak_mb(env: BenchEnv, runs: int) -> Result:
    """Peak memory of ``cm-tui import FILE --dry-run`` on a CSV of ``DRY_RUN_ROWS`` distinct
    rows (about 110 MB) against an empty store: the importer streams, and its duplicate check
    keeps 8-16 bytes a row (``io.keyset``), so this stays far below the file's size. The ratio
    is to a Python process streaming the same file through the stdlib's ``csv`` alone."""
    import statistics

    csv_path = env.root / "dry-run.csv"
    if not csv_path.exists():
        log(f"writing {DRY_RUN_ROWS:,} rows...")
        write_queue_csv(csv_path, DRY_RUN_ROWS)
    db = env.root / "dry-run-store" / "store.json"
    if not db.exists():
        from cm_tui.store import Store

        db.parent.mkdir(parents=True, exist_ok=True)
        Store.open(db).close()
    peaks: list[float] = []
    bare: list[float] = []
    for i in range(runs):
        log(f"import --dry-run {i + 1}/{runs}")
        bare.append(env.child("csv_peak", str(csv_path))["peak_mb"])
        peaks.append(env.child("import_dry", str(csv_path), str(db))["peak_mb"])
    return Result(
        statistics.median(peaks),
        {"import_dry_peak_mb": peaks, "import_dry_bare_peak_mb": bare},
        {
            "import_dry_rows": DRY_RUN_ROWS,
            "import_dry_csv_mb": round(csv_path.stat().st_size / 1e6),
            "import_dry_bare_peak_mb": statistics.median(bare),
        },
        statistics.median(peaks) / statistics.median(bare),
    )
