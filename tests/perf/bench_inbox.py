"""Inbox figure: seconds from a file landing in the inbox to its items in the queue.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from bench import BenchEnv, Result, child, figure, log, paired_ratio, percentile
from hooks import emit, time_frames

#: files dropped per run (one at a time, each waited for)
INBOX_FILES = 12
#: rows of each file
INBOX_FILE_ROWS = 20
#: seconds a file may take before the run is declared failed (the poll alone is 5 s)
GIVE_UP_S = 30.0
#: what a file looks like: written a minute ago elsewhere, renamed into the inbox (README)
HEADER = "network,author,name,text,received at,kind,id\n"


def _write_source(folder: Path, run: int, index: int) -> Path:
    """A small export written outside the inbox, dated a minute ago (the README's advice:
    write, then rename into the inbox)."""
    source = folder / f"export-{run}-{index}.csv"
    with open(source, "w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        for n in range(INBOX_FILE_ROWS):
            key = f"{run}-{index}-{n}"
            handle.write(
                f"facebook,@pick{key},Pick {key},Question {key},2026-11-19 09:00,comment,pk-{key}\n"
            )
    written = time.time() - 60
    os.utime(source, (written, written))
    return source


async def _drop_and_wait(folder: Path, source: Path, landed: Any, sleep: Any) -> float:
    """Rename ``source`` into ``folder``; seconds until ``landed()`` says its items arrived."""
    start = time.perf_counter()
    os.replace(source, folder / source.name)
    while not landed():
        if time.perf_counter() - start > GIVE_UP_S:
            raise RuntimeError(f"{source.name} not picked up within {GIVE_UP_S} s")
        await sleep(0.005)
    return time.perf_counter() - start


@child("inbox_pickup")
def child_inbox_pickup(_t0: float, args: list[str]) -> None:
    """The real ``cm-tui`` start-up (``args[2:]``); once the app is drawn and its inbox
    notifications are up, ``INBOX_FILES`` files renamed into its inbox one at a time. Each
    sample: the rename -> the file's items in the queue (read on the UI thread). ``args[0]``
    is the run's number, ``args[1]`` ``notify`` or ``poll`` (notifications made unavailable:
    the fallback)."""
    import asyncio

    run, path = int(args[0]), args[1]
    state: dict[str, Any] = {"started": False, "armed": False, "event": None}
    scratch = Path(args[2])

    async def measure(app: Any) -> None:
        try:
            notifier = app.watch_inbox()
            for _ in range(1000):
                if notifier.watching.is_set() or notifier.unavailable.is_set():
                    break
                await asyncio.sleep(0.01)
            if (path == "notify") != notifier.watching.is_set():
                emit({"error": f"notifications: watching={notifier.watching.is_set()}"})
                os._exit(1)
            folder = app.inbox_watch.folder
            queue = app.ctx.repo.queue
            samples: list[float] = []
            for index in range(INBOX_FILES):
                source = _write_source(scratch, run, index)
                before = len(queue.open_entries())

                def landed(before: int = before) -> bool:
                    return len(queue.open_entries()) >= before + INBOX_FILE_ROWS

                samples.append(await _drop_and_wait(folder, source, landed, asyncio.sleep))
                await asyncio.sleep(0.05)
            emit({"samples": samples})
        except Exception as exc:  # pragma: no cover - reported to the parent
            emit({"error": repr(exc)})
        os._exit(0)

    if path == "poll":
        from cm_tui.io import inbox_notify

        def unavailable() -> Any:
            raise ImportError("notifications made unavailable by the bench")

        inbox_notify.load_watch = unavailable
    time_frames(state, measure)
    from cm_tui.cli import main

    main(args[3:])
    emit({"error": "the app exited before the measurement ended"})
    os._exit(1)


@child("bare_inbox")
def child_bare_inbox(_t0: float, args: list[str]) -> None:
    """The baseline: the same watch loop in a bare Textual app. ``watchfiles`` in a thread
    with cm-tui's settings posts a message; the app reads the file with the standard
    library's ``csv`` and moves it aside. Each sample: the rename -> the file's rows read."""
    import asyncio
    import csv
    import threading

    from textual.app import App
    from textual.message import Message
    from watchfiles import watch

    from cm_tui.io.inbox_notify import DEBOUNCE_MS, STEP_MS, TIMEOUT_MS

    run, folder, scratch = int(args[0]), Path(args[1]), Path(args[2])
    (folder / "processed").mkdir(parents=True, exist_ok=True)
    stop = threading.Event()
    up = threading.Event()

    class Landed(Message):
        pass

    class Bare(App[None]):
        rows = 0

        def on_mount(self) -> None:
            threading.Thread(target=self.watch_folder, daemon=True).start()
            self.run_worker(self.measure())

        def watch_folder(self) -> None:
            for changes in watch(
                folder,
                debounce=DEBOUNCE_MS,
                step=STEP_MS,
                stop_event=stop,
                rust_timeout=TIMEOUT_MS,
                yield_on_timeout=True,
                recursive=False,
            ):
                up.set()
                if changes:
                    self.post_message(Landed())

        def on_landed(self, _message: Landed) -> None:
            for entry in os.scandir(folder):
                if entry.is_file() and entry.name.endswith(".csv"):
                    with open(entry.path, encoding="utf-8", newline="") as handle:
                        self.rows += sum(1 for _ in csv.DictReader(handle))
                    os.replace(entry.path, folder / "processed" / entry.name)

        async def measure(self) -> None:
            try:
                while not up.is_set():
                    await asyncio.sleep(0.01)
                samples: list[float] = []
                for index in range(INBOX_FILES):
                    source = _write_source(scratch, run, index)
                    before = self.rows

                    def landed(before: int = before) -> bool:
                        return self.rows >= before + INBOX_FILE_ROWS

                    samples.append(await _drop_and_wait(folder, source, landed, asyncio.sleep))
                    await asyncio.sleep(0.05)
                emit({"samples": samples})
            except Exception as exc:  # pragma: no cover - reported to the parent
                emit({"error": repr(exc)})
            stop.set()
            os._exit(0)

    from hooks import run_headless

    run_headless()
    Bare().run()


@figure("inbox_pickup_s", target=("<=", 3.0), ratio_target=("<=", 6.0))
def bench_inbox_pickup_s(env: BenchEnv, runs: int) -> Result:
    """p95 of the seconds from a file renamed into the inbox to its items in the queue, in
    the real app (``year`` store, its own inbox), ``INBOX_FILES`` files a run. The ratio is to
    the same watch loop in a bare Textual app (``bare_inbox``), run just before: what cm-tui
    adds to the platform's notification (settle rule, import, write). Its target, 6, leaves
    room for the import's duplicate check, which reads the store's items for each file (the
    bare loop only parses the file). The fallback (no notifications: the poll, every 5 s) is
    measured once, in the info."""
    import shutil

    pairs: list[tuple[list[float], list[float]]] = []
    for i in range(runs):
        log(f"inbox_pickup_s {i + 1}/{runs}")
        scratch = env.root / f"pickup-src-{i}"
        scratch.mkdir(parents=True, exist_ok=True)
        bare = env.child("bare_inbox", str(i), str(env.root / f"bare-inbox-{i}"), str(scratch))
        db = env.root / f"pickup-store-{i}" / "store.json"
        shutil.copytree(env.store("year").parent, db.parent)
        args = ["--db", str(db), "--now", "2026-11-19T09:00:00+01:00"]
        payload = env.child("inbox_pickup", str(i), "notify", str(scratch), *args)
        pairs.append((payload["samples"], bare["samples"]))
    log("inbox_pickup_s: the polling fallback")
    scratch = env.root / "pickup-src-poll"
    scratch.mkdir(parents=True, exist_ok=True)
    db = env.root / "pickup-store-poll" / "store.json"
    shutil.copytree(env.store("year").parent, db.parent)
    poll = env.child("inbox_pickup", str(runs), "poll", str(scratch), "--db", str(db))["samples"]
    app_all = [s for app, _ in pairs for s in app]
    bare_all = [s for _, bare in pairs for s in bare]
    return Result(
        percentile(app_all, 95),
        {"inbox_pickup_s": app_all, "inbox_pickup_bare_s": bare_all, "inbox_pickup_poll_s": poll},
        {
            "inbox_pickup_median_s": percentile(app_all, 50),
            "inbox_pickup_bare_p95_s": percentile(bare_all, 95),
            "inbox_pickup_poll_p95_s": percentile(poll, 95),
            "inbox_pickup_poll_median_s": percentile(poll, 50),
            "inbox_files": INBOX_FILES,
            "inbox_file_rows": INBOX_FILE_ROWS,
        },
        paired_ratio([app for app, _ in pairs], [bare for _, bare in pairs]),
    )
