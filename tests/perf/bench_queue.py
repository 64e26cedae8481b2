"""Queue figures: ``d`` (triage) and ``j`` (scroll) on the ``stress`` store's 10,000 open items, and
``j`` while the app imports a large file dropped in its inbox.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from bench import (
    NOW,
    BenchEnv,
    Result,
    child,
    cpu_ratio,
    figure,
    interleave,
    pair_numbers,
    paired_ratio,
    percentile,
)
from bench_import import write_queue_csv
from hooks import arm_after, cpu_mark, emit, open_on_tab, own_cpu_ms, time_frames
from lockstep import press_turn, settle_s

QUEUE_KEY_PRESSES = 40


@child("queue_key")
def child_queue_key(_t0: float, args: list[str]) -> None:
    """``args[0]`` (``d`` or ``j``) pressed ``args[1]`` times on the Queue tab, through the real
    ``cm-tui`` start-up (``args[2:]``). Each sample: ``post_message(events.Key(...))`` -> the
    first frame displayed after the key's action has returned (for ``d`` the write is fsync'd
    by then; the item is checked closed in the repository). Three warm-up presses.

    ``args[0] == "inbox"``: ``args[1]`` is a CSV moved into the inbox first, and the presses
    are made while the app imports it (checked: the import is still running at the end)."""
    import asyncio

    from textual import events

    inbox_file = None
    if args[0] == "inbox":
        inbox_file, args = Path(args[1]), args[2:]
    key, count = args[0], int(args[1])
    state: dict[str, Any] = {"started": False, "armed": False, "event": None, "frame": 0.0}

    async def measure(app: Any) -> None:
        try:
            await asyncio.sleep(0.3)
            if inbox_file is not None:
                await _start_inbox_import(app, inbox_file)
            pane = app.active_pane
            pane.list.move_to(len(pane.list.rows) // 2)
            journal = app.ctx.store.paths.journal
            journal_start = journal.stat().st_size
            samples: list[float] = []
            cpu: list[float] = []
            handed: list[float] = []
            for i in range(count + 3):
                await press_turn()
                before = pane.list.current
                event = asyncio.Event()
                state["event"] = event
                start = time.perf_counter()
                mark = cpu_mark(state)
                app.post_message(events.Key(key, key))
                await asyncio.wait_for(event.wait(), 10)
                elapsed = (state["frame"] - start) * 1000
                if key == "d":
                    stored = app.ctx.repo.queue.get(before.id)
                    if stored is None or stored.status.value != "replied":
                        emit({"error": f"press {i}: the change was not persisted"})
                        os._exit(1)
                if pane.list.current is None or pane.list.current.id == before.id:
                    emit({"error": f"press {i}: the cursor did not move on"})
                    os._exit(1)
                if i >= 3:
                    samples.append(elapsed)
                    own, beside = own_cpu_ms(state, mark)
                    cpu.append(own)
                    handed.append(beside)
                await asyncio.sleep(settle_s(0.03))
            if inbox_file is not None and not any(w.is_running for w in app.workers):
                emit({"error": "the inbox import ended before the last press"})
                os._exit(1)
            line_bytes = (journal.stat().st_size - journal_start) // (count + 3)
            payload = {"cpu": cpu, "samples": samples, "open": len(pane.list.rows),
                       "journal_line_bytes": line_bytes}  # fmt: skip
            if "handed_cpu" in state:  # counted (an import beside the keys): said, even if 0
                payload["handed"] = handed
            emit(payload)
        except Exception as exc:  # pragma: no cover - reported to the parent
            emit({"error": repr(exc)})
        os._exit(0)

    from cm_tui.ui.panes.queue import QueuePane
    from cm_tui.ui.widgets.rowlist import RowList

    if key == "d":
        owner, name = QueuePane, "action_done"
    else:
        owner, name = RowList, "action_cursor_down"
    arm_after(owner, name, state)
    time_frames(state, measure, handed=inbox_file is not None)
    open_on_tab("queue")
    from cm_tui.cli import main

    main(args[2:])
    emit({"error": "the app exited before the measurement ended"})
    os._exit(1)


async def _start_inbox_import(app: Any, source: Path) -> None:
    """Move ``source`` into the app's inbox (a rename: read at once) and wait until the app's
    import worker has started reading it."""
    import asyncio

    watch = app.inbox_watch
    written = time.time() - 60  # written a minute ago, then renamed into the inbox
    os.utime(source, (written, written))
    os.replace(source, watch.folder / source.name)
    app.check_inbox()
    for _ in range(200):
        if any(w.is_running for w in app.workers):
            return
        await asyncio.sleep(0.01)
    raise RuntimeError("the inbox import did not start")


def _queue_key_bench(env: BenchEnv, runs: int, key: str, name: str) -> Result:
    """``key`` on the Queue list, each run beside the same key in a bare line-API list as long
    (``baseline.child_bare_keys``: ``d`` marks the row, appends and fsyncs a journal line as
    long as the app's beside the stores, and moves on; ``j`` moves)."""

    args = env.app_args("stress")
    warm = env.child("queue_key", key, "3", *args)  # warm-up
    rows, info = warm["open"], {f"{name}_rows": warm["open"]}
    durable: list[str] = []
    if key == "d":
        info[f"{name}_journal_line_bytes"] = line = warm["journal_line_bytes"]
        durable = ["durable", str(env.root / f"{name}-bare.journal"), str(line)]
    pairs = interleave(
        env,
        runs,
        name,
        ["queue_key", key, str(QUEUE_KEY_PRESSES), *args],
        ["bare_keys", *durable, "list", str(rows), str(QUEUE_KEY_PRESSES), key],
    )
    return _key_result(name, pairs, info)


def _key_result(
    name: str, pairs: list[tuple[dict[str, Any], dict[str, Any]]], info: dict[str, Any]
) -> Result:
    """A key figure: the p95 of the app's samples, its ratio to the bare list's (paired runs).
    Where the app's keys were timed beside another thread's work (``handed``), the ratio is of
    the key's own CPU time; ``<name>_handed_median``/``_p95`` say what that work took of the
    keys' windows (docs/architecture.md, "Performance facts")."""
    import statistics

    handed = [v for app, _ in pairs for v in app.get("handed", ())]
    if handed:
        info = {
            **info,
            f"{name}_handed_median": statistics.median(handed),
            f"{name}_handed_p95": percentile(handed, 95),
        }
    runs_ms = [app["samples"] for app, _ in pairs]
    bare_ms = [bare["samples"] for _, bare in pairs]
    samples = [v for run in runs_ms for v in run]
    bare = [v for run in bare_ms for v in run]
    return Result(
        percentile(samples, 95),
        {name: samples, f"{name}_bare": bare},
        {
            f"{name}_median": statistics.median(samples),
            f"{name}_presses": len(samples),
            f"{name}_bare_median": statistics.median(bare),
            f"{name}_wall_ratio": paired_ratio(runs_ms, bare_ms),
            **info,
        },
        cpu_ratio(pairs),
    )


@figure("triage_key_ms", target=("<=", 16.0), ratio_target=("<=", 5.1))
def bench_triage_key_ms(env: BenchEnv, runs: int) -> Result:
    """``d`` on a Queue item of the ``stress`` store (10,000 open) to the next frame, the
    change persisted (fsync'd) and the cursor on the next item. Figure: the **p95**."""
    return _queue_key_bench(env, runs, "d", "triage_key_ms")


@figure("queue_scroll_ms", target=("<=", 16.0), ratio_target=("<=", 2.3))
def bench_queue_scroll_ms(env: BenchEnv, runs: int) -> Result:
    """``j`` on the Queue list of the ``stress`` store to the next frame. Figure: the p95."""
    return _queue_key_bench(env, runs, "j", "queue_scroll_ms")


#: rows of the file dropped in the inbox while ``inbox_key_ms`` presses keys (about 24 MB)
INBOX_ROWS = 200_000


@figure("inbox_key_ms", target=("<=", 16.0), ratio_target=("<=", 2.2))
def bench_inbox_key_ms(env: BenchEnv, runs: int) -> Result:
    """p95 of ``j`` on the Queue tab (stress store) while the app imports a file of
    ``INBOX_ROWS`` rows dropped in its inbox: the import reads in a worker thread and writes
    in chunks on the UI thread, so keys must stay within the triage target. The ratio is to
    ``j`` in a bare line-API list as long, with no import beside it (the ratio shows what the
    import costs the keys), in CPU time: the key's own, less what the import ran on the UI
    thread in its window (``hooks.time_handed_over``; its cost is ``import_rows_per_s``'s).

    In lockstep (``BenchEnv.lockstep``), each side pressing as soon as the other's press is
    done (``settle=0``): the app's keys come as a burst, about every 30 ms, as the figure
    means, which keeps the import paused (``ui/keys_first.py``); with each side's usual 30 ms
    pause they came every 70-85 ms, the import went on between them and a key waited for the
    chunk being written (p95 25 ms). Run one after the other, the pairs' ratios spread from
    1.1 to 2.5 and the figure moved by 17-19 % beside a CPU burner."""
    import shutil

    source = env.root / "inbox-source.csv"
    if not source.exists():
        write_queue_csv(source, INBOX_ROWS)
    rows = env.child("queue_key", "j", "3", *env.app_args("stress"))["open"]  # warm-up
    pairs = []
    for i in pair_numbers(runs, "inbox_key_ms"):  # one pair's ratio moved too much alone
        dropped = env.root / f"inbox-{i}.csv"
        shutil.copyfile(source, dropped)
        db = env.root / f"inbox-store-{i}" / "store.json"
        shutil.copytree(env.store("stress").parent, db.parent)
        presses = str(QUEUE_KEY_PRESSES)
        bare, payload = env.lockstep(
            ["bare_keys", "list", str(rows), presses, "j"],
            ["queue_key", "inbox", str(dropped), "j", presses, "--db", str(db), "--now", NOW],
            settle=0,
        )
        pairs.append((payload, bare))
        shutil.rmtree(db.parent)
    return _key_result("inbox_key_ms", pairs, {"inbox_rows": INBOX_ROWS})
