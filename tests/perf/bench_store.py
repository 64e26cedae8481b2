"""Store figures: one queue item update persisted (fsync included) on the ``stress`` store.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench import BenchEnv, Result, child, figure, log, percentile
from hooks import emit

WRITES_PER_RUN = 40


@child("write")
def child_write(_t0: float, args: list[str]) -> None:
    """``WRITES_PER_RUN`` single queue-item updates on the store ``args[0]``, each timed."""
    from cm_tui.store import Store

    db, count = Path(args[0]), int(args[1])
    samples: list[float] = []
    with Store.open(db) as store:
        queue = store.repo.queue
        items = queue.open_items()[:count]
        if not items:
            emit({"error": "no open queue item in the store"})
            os._exit(1)
        for i, item in enumerate(items):
            changed = item.replace(notes=f"bench {time.time_ns()} {i}")
            start = time.perf_counter()
            queue.update(changed)  # returns once durable (fsync'd)
            samples.append((time.perf_counter() - start) * 1000)
    emit({"write_ms": samples})
    os._exit(0)


@figure("write_ms", target=("<=", 10.0))
def bench_write_ms(env: BenchEnv, runs: int) -> Result:
    import statistics

    db = str(env.store("stress"))
    samples: list[float] = []
    for i in range(runs):
        log(f"write {i + 1}/{runs}")
        samples.extend(env.child("write", db, str(WRITES_PER_RUN))["write_ms"])
    return Result(
        statistics.median(samples),
        {"write_ms": samples},
        {"write_ms_p95": percentile(samples, 95), "writes": len(samples)},
    )
