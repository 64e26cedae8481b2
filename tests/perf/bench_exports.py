"""Platform export figures: rows per second of a Meta posts export imported into a new store,
and its peak memory.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from baseline import CsvAround
from bench import BenchEnv, Result, child, figure, pair_numbers, sample_pair_ratio
from hooks import emit, peak_rss_mb, rss_mb

EXPORT_ROWS = 100_000
#: Meta Business Suite's posts export, 32 columns (its documented column set)
META_COLUMNS = (
    "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time",
    "Caption type", "Permalink", "Is crosspost", "Is share", "Post type", "Languages",
    "Custom labels", "Funded content status", "Data comment", "Date", "Views", "Reach",
    '"Reactions, Comments and Shares"', "Reactions", "Comments", "Shares", "Total clicks",
    "Link clicks", "Other clicks", "Matched audience targeting consumption (Photo click)",
    "Negative feedback from users: Hide all", "Seconds viewed", "Average seconds viewed",
    "Estimated earnings (USD)", "Ad impressions",
)  # fmt: skip


def write_meta_posts(path: Path, rows: int) -> None:
    """``rows`` distinct posts of a Meta posts export (UTF-8 with BOM, month-first times)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write(",".join(META_COLUMNS) + "\n")
        width = len(META_COLUMNS)
        for n in range(rows):
            day, minute = 1 + n % 28, n % 1440
            row = [""] * width
            row[0], row[1], row[2] = f"12215800000{n:07d}", "1234567", "Page"
            row[3], row[4] = f"Post {n}", f'"Hello, a post about Nova {n}"'
            row[6] = f"10/{day:02d}/2026 {minute // 60:02d}:{minute % 60:02d}"
            row[8], row[11] = f"https://www.facebook.com/1234567/posts/{n}", "Photos"
            row[17], row[18], row[19] = str(n % 5000), str(n % 3000), str(n % 90)
            row[20], row[21], row[22], row[23] = str(n % 50), str(n % 30), str(n % 10), "7"
            handle.write(",".join(row) + "\n")


@child("export_import")
def child_export_import(_t0: float, args: list[str]) -> None:
    """Import the Meta posts export ``args[0]`` into a new store ``args[1]`` as ``cm-tui
    import`` does (recognised, checked whole, then written in one transaction: the facts and
    the month figures; the cyclic collector paused meanwhile, as there and in the app);
    emits rows/s (wall and CPU time) and the peak resident memory. The baseline: rows per CPU
    second of the standard library's ``csv`` reading the same file in this process, three times
    just before and three times just after (``CsvAround``), as ``import_rows_per_s``'s."""
    from zoneinfo import ZoneInfo

    from cm_tui.core.models import NetworkProfile, PostingPeriod
    from cm_tui.io.collector import collector_paused
    from cm_tui.io.exports.plan import apply_plan, read_export
    from cm_tui.store import Store

    path, db = Path(args[0]), Path(args[1])
    rss_before = rss_mb()
    csv_baseline = CsvAround(path, ",")
    with Store.open(db) as store:
        repo = store.repo
        repo.networks.add(NetworkProfile("facebook", "Facebook", 63206, 2, 3, PostingPeriod.WEEK))
        start, cpu = time.perf_counter(), time.thread_time()
        with collector_paused():
            plan = read_export(
                path,
                zone=ZoneInfo("Europe/Paris"),
                networks=["facebook"],
                stored_facts=repo.export_facts.all(),
                figures=repo.figures.all(),
                posts=repo.posts.all(),
            )
            with store.transaction():
                apply_plan(repo, plan)
        elapsed = time.perf_counter() - start
        spent = time.thread_time() - cpu
        peak = peak_rss_mb()
    emit(
        {
            "rows_per_s": plan.rows / elapsed,
            "rows_per_cpu_s": plan.rows / spent,
            "csv_rows_per_cpu_s": csv_baseline.rate(),
            "rows": plan.rows,
            "rss_before_mb": rss_before,
            "peak_rss_mb": peak,
        }
    )
    os._exit(0)


@figure("export_import_rows_per_s", target=(">=", 20_000.0), ratio_target=(">=", 0.02))
def bench_export_import_rows_per_s(env: BenchEnv, runs: int) -> Result:
    """``EXPORT_ROWS`` rows of a Meta posts export (32 columns) imported into a new store, in a
    fresh process per sample, three a run; peak memory in the info. Judged: the median of each
    process's rows per CPU second over the stdlib's ``csv`` reading the same file in that
    process (``child_export_import``), as ``import_rows_per_s`` is. The wall-time ratio of one
    parse before each import moved by 29 % beside a CPU burner: the parse's rate went from
    278,000 to 494,000 rows/s within one run."""
    import statistics

    path = env.root / "meta-posts.csv"
    if not path.exists():
        write_meta_posts(path, EXPORT_ROWS)
    rates: list[float] = []
    cpu_rates: list[float] = []
    csv_rates: list[float] = []
    peaks: list[float] = []
    for i in pair_numbers(runs, "export import"):
        db = env.root / f"export-import-{i}" / "store.json"
        payload = env.child("export_import", str(path), str(db))
        if payload["rows"] != EXPORT_ROWS:
            raise RuntimeError(f"export import: {payload['rows']} rows, not {EXPORT_ROWS}")
        rates.append(payload["rows_per_s"])
        cpu_rates.append(payload["rows_per_cpu_s"])
        csv_rates.append(payload["csv_rows_per_cpu_s"])
        peaks.append(payload["peak_rss_mb"])
    return Result(
        statistics.median(rates),
        {
            "export_import_rows_per_s": rates,
            "export_import_rows_per_cpu_s": cpu_rates,
            "export_import_csv_rows_per_cpu_s": csv_rates,
            "export_import_peak_rss_mb": peaks,
        },
        {
            "export_import_rows": EXPORT_ROWS,
            "export_import_csv_mb": round(path.stat().st_size / 2**20, 1),
            "export_import_peak_rss_mb": statistics.median(peaks),
            "export_import_csv_rows_per_cpu_s": statistics.median(csv_rates),
        },
        sample_pair_ratio(cpu_rates, csv_rates),
    )
