"""Command-line figures on a big store: history must cost little.

Each figure is a whole ``cm-tui`` process (interpreter start to exit) on the ``stress`` demo
store (10,000 open items, 100,000 archived), divided by the same command on a store of the same
10,000 open items and no archive, the two run back to back in the same run: what the archive
adds. The wall-time ratio is the figure, the CPU-time ratio is judged; the absolute seconds on
the stress store are reported beside them.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from bench import BenchEnv, Result, child, figure, pair_numbers, sample_pair_ratio
from hooks import emit

#: rows of the file the import dry run reads (none of them already in the store)
DRY_RUN_ROWS = 10_000
MONTH = "2026-10"


@child("cli")
def child_cli(t0: float, args: list[str]) -> None:
    """Run ``cm-tui ARGS`` in this process (its output discarded); emits the seconds from the
    process's spawn (``t0``, taken by the parent) to the command's end, and the process's CPU
    seconds then (``process_time``: interpreter start-up and every thread included)."""
    import contextlib
    import io

    from cm_tui.cli import main

    sink = io.TextIOWrapper(io.BytesIO())  # with a ``buffer``: payloads are written there
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(io.StringIO()):
        status = main(args)
    elapsed = time.time() - t0
    cpu = time.process_time()
    if status != 0:
        emit({"error": f"cm-tui {' '.join(args)} exited {status}"})
        os._exit(1)
    emit({"elapsed_s": elapsed, "cpu_s": cpu})
    os._exit(0)


def _no_archive_store(env: BenchEnv) -> Path:
    """The stress store's data file and journal copied without its archive (once per run)."""
    stress = env.store("stress")
    db = env.root / "stress-no-archive" / "store.json"
    if not db.exists():
        db.parent.mkdir(parents=True)
        for path in stress.parent.iterdir():
            if path.is_file() and not path.name.endswith(".lock"):
                shutil.copy2(path, db.parent / path.name)
    return db


def _queue_csv(env: BenchEnv) -> Path:
    path = env.root / "cli-dry-run.csv"
    if not path.exists():
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write("network,author,name,text,received at,kind,id\n")
            for n in range(DRY_RUN_ROWS):
                day, minute = 1 + n % 28, n % 1440
                handle.write(
                    f"facebook,@reader{n},Reader {n},A question about Nova {n},"
                    f"2026-10-{day:02d} {minute // 60:02d}:{minute % 60:02d},comment,cli-{n}\n"
                )
    return path


def _stress_over_bare(env: BenchEnv, runs: int, name: str, command: list[str]) -> Result:
    """``command`` (``--db`` appended) on the stress store over the store without archive, in
    ``runs`` x ``PAIRS_PER_RUN`` pairs (the store without archive first). The figure: the ratio
    of their median wall times; judged: the median of the pairs' CPU-time ratios (three
    wall-time pairs moved this ratio by 29 % under a CPU burner; the two commands of a pair see
    the same machine, which on a shared host switched between two speeds within a run, 0.41
    and 0.67 s for the same report, and moved a ratio of medians by a third)."""
    import statistics

    stress, bare = str(env.store("stress")), str(_no_archive_store(env))
    env.child("cli", *command, "--db", stress)  # warm-up: page cache, summaries written
    env.child("cli", *command, "--db", bare)
    big: list[dict[str, float]] = []
    small: list[dict[str, float]] = []
    for _ in pair_numbers(runs, name):
        small.append(env.child("cli", *command, "--db", bare))
        big.append(env.child("cli", *command, "--db", stress))
    key = name.removesuffix("_ratio")
    big_s = [run["elapsed_s"] for run in big]
    small_s = [run["elapsed_s"] for run in small]
    return Result(
        statistics.median(big_s) / statistics.median(small_s),
        {f"{key}_s": big_s, f"{key}_no_archive_s": small_s},
        {f"{key}_s": statistics.median(big_s), f"{key}_no_archive_s": statistics.median(small_s)},
        sample_pair_ratio([run["cpu_s"] for run in big], [run["cpu_s"] for run in small]),
    )


@figure("cli_check_stress_ratio", target=("<=", 3.0), ratio_target=("<=", 3.0))
def bench_cli_check_stress_ratio(env: BenchEnv, runs: int) -> Result:
    """``cm-tui check``: the sealed months are verified by their hash, not parsed."""
    return _stress_over_bare(env, runs, "cli_check_stress_ratio", ["check"])


@figure("cli_import_dry_stress_ratio", target=("<=", 1.5), ratio_target=("<=", 1.5))
def bench_cli_import_dry_stress_ratio(env: BenchEnv, runs: int) -> Result:
    """``cm-tui import FILE --dry-run`` of ``DRY_RUN_ROWS`` new rows: the duplicate check reads
    the archive's month summaries, not the months."""
    command = ["import", str(_queue_csv(env)), "--dry-run"]
    return _stress_over_bare(env, runs, "cli_import_dry_stress_ratio", command)


@figure("cli_report_stress_ratio", target=("<=", 1.5), ratio_target=("<=", 1.5))
def bench_cli_report_stress_ratio(env: BenchEnv, runs: int) -> Result:
    """``cm-tui report MONTH``: the archived response figures come from the month summaries."""
    return _stress_over_bare(env, runs, "cli_report_stress_ratio", ["report", MONTH])
