"""Child-side helpers of the benchmarks: what a measured process (a child mode, see
``bench.py``) uses to time its frames and report its figures.

Only light standard modules at top level: the children ARE the measured processes, so they must
not pay for anything the real ``cm-tui`` start-up does not (Textual and cm-tui are imported
inside the functions, by the child that needs them).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import Any

#: the terminal size every measured app runs at, headless
SIZE = (140, 45)


def emit(payload: dict[str, Any]) -> None:
    """Write the child's figures (one JSON line) to fd 1, unbuffered: the child exits next."""
    os.write(1, (json.dumps(payload) + "\n").encode())


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory now (``VmRSS``) or at its peak (``VmHWM``), in MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:  # pragma: no cover - not Linux
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb() -> float:
    """This process's peak resident memory. Not ``ru_maxrss``: Linux keeps that across
    ``execve``, so a child would report the bench parent's own peak when it is higher (every
    dry run read 88.6 MB, the parent's size, in a full run)."""
    return rss_mb("VmHWM")


def hook_first_frame(t0: float, ready: Callable[[Any], bool]) -> None:
    """Make every Textual app run headless at ``SIZE`` and exit at its first ready frame."""
    from textual.app import App

    display = App._display

    def _display(self: App, screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None and ready(self):
            elapsed = time.time() - t0
            emit({"elapsed_s": elapsed, "cpu_s": time.process_time(), "rss_mb": rss_mb()})
            os._exit(0)

    App._display = _display  # type: ignore[method-assign]
    run_headless()


def time_frames(
    state: dict[str, Any],
    measure: Callable[[Any], Any],
    waits: tuple[str, ...] = ("",),
    handed: bool = False,
) -> None:
    """Run every Textual app headless at ``SIZE``; time its frames for ``measure``.

    ``measure(app)`` (a coroutine) starts as a worker at the first frame with the active tab's
    pane mounted. A frame written while ``state[w + "armed"]`` is set (``w`` in ``waits``, the
    first armed one only) stamps ``state[w + "frame"]`` (``perf_counter``) and
    ``state[w + "frame_cpu"]`` (``thread_time``: the UI thread's CPU time, which a busy machine
    does not inflate), ``state[w + "frame_handed"]`` (``time_handed_over``'s count, 0 without
    it) and sets ``state[w + "event"]``. ``handed``: count what other threads hand the UI
    thread (``time_handed_over``).
    """
    from textual.app import App

    if handed:
        time_handed_over(state)

    display = App._display

    def _display(self: App, screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is None:
            return
        for wait in waits:
            if state[wait + "armed"] and state[wait + "event"] is not None:
                state[wait + "frame"] = time.perf_counter()
                state[wait + "frame_cpu"] = time.thread_time()
                state[wait + "frame_handed"] = state.get("handed_cpu", 0.0)
                state[wait + "armed"] = False
                state[wait + "event"].set()
                break
        if not state["started"] and getattr(self, "active_pane", None) is not None:
            state["started"] = True
            self.call_later(lambda: self.run_worker(measure(self)))

    App._display = _display  # type: ignore[method-assign]
    run_headless()


def wrap_handed_over(wrap: Callable[[Callable[[], Any]], Callable[[], Any]]) -> None:
    """Make every ``App.call_from_thread`` callback (what another thread hands the UI thread:
    an import's chunks, a live engine's store steps) run as ``wrap(callback)()`` on the UI
    thread: the one place the bench patches that hand-over."""
    import functools

    from textual.app import App

    call = App.call_from_thread

    def call_from_thread(self: App, callback: Callable[..., Any], *a: Any, **kw: Any) -> Any:
        return call(self, wrap(functools.partial(callback, *a, **kw)))

    App.call_from_thread = call_from_thread  # type: ignore[method-assign]


def time_handed_over(state: dict[str, Any]) -> None:
    """Count in ``state["handed_cpu"]`` (seconds) the UI thread's CPU time spent running what
    other threads hand it (``wrap_handed_over``). ``time_frames`` stamps it with each timed
    frame (``state[w + "frame_handed"]``), so that a key's own CPU time is its window's less
    what ran there for the other thread."""
    state["handed_cpu"] = 0.0

    def timing(callback: Callable[[], Any]) -> Callable[[], Any]:
        def timed() -> Any:
            start = time.thread_time()
            try:
                return callback()
            finally:
                state["handed_cpu"] += time.thread_time() - start

        return timed

    wrap_handed_over(timing)


def cpu_mark(state: dict[str, Any]) -> tuple[float, float]:
    """The UI thread's CPU time now and ``time_handed_over``'s count, as a key is posted."""
    return time.thread_time(), state.get("handed_cpu", 0.0)


def own_cpu_ms(state: dict[str, Any], mark: tuple[float, float]) -> tuple[float, float]:
    """(the key's own CPU time, what ran there for another thread), in ms, from ``mark`` to
    the frame ``time_frames`` stamped for it."""
    handed = (state["frame_handed"] - mark[1]) * 1000
    return (state["frame_cpu"] - mark[0]) * 1000 - handed, handed


def run_headless() -> None:
    """Make every Textual app run headless at ``SIZE`` (what a terminal of that size shows)."""
    from textual.app import App

    run = App.run

    def _run(self: App, *a: Any, **kw: Any) -> Any:
        kw["headless"] = True
        kw["size"] = SIZE
        return run(self, *a, **kw)

    App.run = _run  # type: ignore[method-assign]


def open_on_tab(tab: str) -> None:
    """Make cm-tui's app open on ``tab`` (as ``initial_tab``) instead of Today."""
    from cm_tui.ui import app as ui_app

    init = ui_app.CmTuiApp.__init__

    def __init__(self: Any, *a: Any, **kw: Any) -> None:
        kw["initial_tab"] = tab
        init(self, *a, **kw)

    ui_app.CmTuiApp.__init__ = __init__  # type: ignore[method-assign]


def arm_after(owner: type, name: str, state: dict[str, Any]) -> None:
    """Wrap the action ``owner.name`` so that, once it has returned, the next frame is timed."""
    action = getattr(owner, name)

    def armed(self: Any, *a: Any, **kw: Any) -> Any:
        result = action(self, *a, **kw)
        state["armed"] = True
        return result

    setattr(owner, name, armed)
