"""Store figures: one queue item update persisted (fsync included) on the ``stress`` store.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench import BenchEnv, Result, child, figure, pair_numbers, paired_ratio, percentile
from hooks import emit

WRITES_PER_RUN = 40


@child("write")
def child_write(_t0: float, args: list[str]) -> None:
    """``WRITES_PER_RUN`` single queue-item updates on the store ``args[0]``, each timed; before
    each, the baseline: the same item as one JSON line appended to a file beside the store with
    the standard library and fsync'd (a durable write of the same record, nothing else)."""
    import json

    from cm_tui.store import Store

    db, count = Path(args[0]), int(args[1])
    samples: list[float] = []
    bare: list[float] = []
    plain = os.open(db.parent / "baseline.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with Store.open(db) as store:
        queue = store.repo.queue
        items = queue.open_items()[:count]
        if not items:
            emit({"error": "no open queue item in the store"})
            os._exit(1)
        for i, item in enumerate(items):
            changed = item.replace(notes=f"bench {time.time_ns()} {i}")
            line = (json.dumps(changed.to_dict()) + "\n").encode()
            start = time.perf_counter()
            os.write(plain, line)
            os.fsync(plain)
            bare.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            queue.update(changed)  # returns once durable (fsync'd)
            samples.append((time.perf_counter() - start) * 1000)
    os.close(plain)
    emit({"write_ms": samples, "bare_ms": bare})
    os._exit(0)


@figure("write_ms", target=("<=", 10.0), ratio_target=("<=", 1.7))
def bench_write_ms(env: BenchEnv, runs: int) -> Result:
    """One queue item update persisted; the ratio is to the stdlib's durable append of the same
    record, each write beside its baseline: wall times (fsync is waiting, not CPU), the lower
    decile of each run (a shared disk's stalls only ever add). Three processes a run: with one,
    the figure moved by 12.5 % between a plain run and one beside a CPU burner, then by 0.3 %."""
    import statistics

    db = str(env.store("stress"))
    runs_ms: list[list[float]] = []
    bare_ms: list[list[float]] = []
    for _ in pair_numbers(runs, "write"):
        payload = env.child("write", db, str(WRITES_PER_RUN))
        runs_ms.append(payload["write_ms"])
        bare_ms.append(payload["bare_ms"])
    samples = [v for run in runs_ms for v in run]
    bare = [v for run in bare_ms for v in run]
    return Result(
        statistics.median(samples),
        {"write_ms": samples, "write_bare_ms": bare},
        {
            "write_ms_p95": percentile(samples, 95),
            "writes": len(samples),
            "write_bare_ms": statistics.median(bare),
        },
        paired_ratio(runs_ms, bare_ms, pct=10),
    )
