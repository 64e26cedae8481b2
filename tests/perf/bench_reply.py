"""Keyboard figure: a reply typed in a burst (``r``, 40 characters, ``ctrl+s``) on the Queue tab.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import os
import time
from typing import Any

from baseline import REPLY, key_name
from bench import BenchEnv, Result, child, figure, interleave, mean_ratio, paired_ratio, percentile
from hooks import emit, open_on_tab, time_frames
from lockstep import press_turn

REPLY_BURSTS = 20
#: the reply typed in each burst: 40 characters (the bare modal types the same)
REPLY_TEXT = REPLY


@child("reply_burst")
def child_reply_burst(_t0: float, args: list[str]) -> None:
    """On the Queue tab of the ``stress`` store, ``args[0]`` bursts of ``r``, ``REPLY_TEXT``
    (40 characters) and ``ctrl+s`` queued at once (as a fast typist or a paste sends them). Each
    sample: the first key posted -> every key handled and settled (the app's key gate idle),
    the reply checked persisted with exactly that text and the cursor on another item. Two
    warm-up bursts."""
    import asyncio

    from textual import events

    count = int(args[0])
    assert len(REPLY_TEXT) == 40

    async def measure(app: Any) -> None:
        try:
            await asyncio.sleep(0.3)
            pane = app.active_pane
            pane.list.move_to(len(pane.list.rows) // 2)
            samples: list[float] = []
            cpu: list[float] = []
            for i in range(count + 2):
                await press_turn()
                before = pane.list.current
                keys = [events.Key("r", "r")]
                keys += [events.Key(key_name(c), c) for c in REPLY_TEXT]
                keys.append(events.Key("ctrl+s", None))
                start = time.perf_counter()
                cpu_start = time.thread_time()
                for key in keys:
                    app.post_message(key)
                await asyncio.sleep(0)
                await asyncio.wait_for(app.key_gate.wait_idle(), 10)
                elapsed = (time.perf_counter() - start) * 1000
                spent = (time.thread_time() - cpu_start) * 1000
                stored = app.ctx.repo.queue.get(before.id)
                if stored is None or stored.reply_text != REPLY_TEXT:
                    got = None if stored is None else stored.reply_text
                    emit({"error": f"burst {i}: the reply was not persisted as typed: {got!r}"})
                    os._exit(1)
                if pane.list.current is None or pane.list.current.id == before.id:
                    emit({"error": f"burst {i}: the cursor did not move on"})
                    os._exit(1)
                if i >= 2:
                    samples.append(elapsed)
                    cpu.append(spent)
                await asyncio.sleep(0.05)
            emit({"cpu": cpu, "samples": samples, "rows": len(pane.list.rows)})
        except Exception as exc:  # pragma: no cover - reported to the parent
            emit({"error": repr(exc)})
        os._exit(0)

    time_frames({"started": False, "armed": False, "event": None}, measure)
    open_on_tab("queue")
    from cm_tui.cli import main

    main(args[1:])
    emit({"error": "the app exited before the measurement ended"})
    os._exit(1)


@figure("reply_burst_ms", target=("<=", 100.0), ratio_target=("<=", 7.8))
def bench_reply_burst_ms(env: BenchEnv, runs: int) -> Result:
    """``r``, 40 characters and ``ctrl+s`` sent at once on the ``stress`` store, until the reply
    is persisted and the next item selected. Figure: the **median**. The ratio is to the same
    burst in a bare app: a modal with an ``Input`` opened on a line-API list as long, the text
    typed, the modal closed and the cursor moved on (``baseline.child_bare_keys``), in CPU
    time per burst: the mean of each side's bursts (``bench.mean_ratio``: why)."""
    import statistics

    args = env.app_args("stress")
    rows = env.child("reply_burst", "1", *args)["rows"]  # warm-up
    pairs = interleave(
        env,
        runs,
        "reply_burst_ms",
        ["reply_burst", str(REPLY_BURSTS), *args],
        ["bare_keys", "modal", str(rows), str(REPLY_BURSTS), "r"],
    )
    runs_ms = [app["samples"] for app, _ in pairs]
    bare_ms = [bare["samples"] for _, bare in pairs]
    samples = [v for run in runs_ms for v in run]
    bare = [v for run in bare_ms for v in run]
    return Result(
        statistics.median(samples),
        {"reply_burst_ms": samples, "reply_burst_bare_ms": bare},
        {
            "reply_burst_ms_p95": percentile(samples, 95),
            "reply_bursts": len(samples),
            "reply_burst_bare_ms": statistics.median(bare),
            "reply_burst_wall_ratio": paired_ratio(runs_ms, bare_ms),
        },
        mean_ratio([app["cpu"] for app, _ in pairs], [bare["cpu"] for _, bare in pairs]),
    )
