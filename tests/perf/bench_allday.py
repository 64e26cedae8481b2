"""All-day figures: what an app left open costs when idle, and how its memory moves over a day.

* ``idle_cpu_pct``: the share of a core the app uses sitting idle on each tab of the stress
  store (real timers, real clock) for ``IDLE_S`` seconds, the worst tab; as a ratio to a bare
  Textual app (a header clock, a line of text, a footer) idle as long, run at the same time.
* ``allday_rss_growth_pct``: RSS after an eight-hour day simulated on the injected clock (5,000
  comments arriving, a key a minute, a tab switch every 20 minutes, the per-second jobs every
  ``JOB_STEP_S`` simulated seconds) against RSS after its first hour, the app warm (each tab
  shown once) when the day starts; as a ratio of growth factors to a bare Textual app (tabs
  and a footer) given the same keys and switches.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import gc
import os
import time
from typing import Any

from bench import NOW, BenchEnv, Result, child, figure, log
from hooks import SIZE, emit, rss_mb, time_frames

#: seconds of idle measured per tab (after ``SETTLE_S``)
IDLE_S = 60.0
SETTLE_S = 8.0
TABS = ("today", "calendar", "queue", "stats")
#: the simulated day
DAY_MINUTES = 8 * 60
COMMENTS = 5000
SWITCH_EVERY = 20
#: each tab shown once before the day starts (see ``_simulate_day``)
WARM_KEYS = ("1", "2", "3", "4", "1")
#: the per-second jobs run every this many simulated seconds (the alerts catch up any span;
#: a run must stay within the harness's 300 s a child)
JOB_STEP_S = 60


def _idle_cpu(tab: str | None) -> Any:
    async def measure(app: Any) -> None:
        import asyncio

        if tab is not None:  # shown as a user does, from Today (``1``-``4``)
            await app.open_tab(tab)
        await asyncio.sleep(SETTLE_S)
        start = time.process_time()
        await asyncio.sleep(IDLE_S)
        emit({"cpu_pct": (time.process_time() - start) / IDLE_S * 100})
        os._exit(0)

    return measure


@child("idle_cpu")
def child_idle_cpu(_t0: float, args: list[str]) -> None:
    """The real ``cm-tui`` (``args[1:]``, real timers and clock), tab ``args[0]`` shown."""
    state: dict[str, Any] = {"started": False, "armed": False, "event": None}
    time_frames(state, _idle_cpu(args[0]))
    from cm_tui.cli import main

    main(args[1:])
    emit({"error": "the app exited before the measurement ended"})
    os._exit(1)


@child("bare_idle_cpu")
def child_bare_idle_cpu(_t0: float, _args: list[str]) -> None:
    """The baseline: a bare Textual app with a clock in its header, a text and a footer."""
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Bare(App[None]):
        BINDINGS = [("1", "bell", "One"), ("2", "bell", "Two")]

        def compose(self) -> Any:
            yield Header(show_clock=True)
            yield Static("idle")
            yield Footer()

        def on_mount(self) -> None:
            self.run_worker(_idle_cpu(None)(self))

    Bare().run(headless=True, size=SIZE)
    os._exit(1)


@figure("idle_cpu_pct", target=("<=", 1.0), ratio_target=("<=", 4.0))
def bench_idle_cpu_pct(env: BenchEnv, runs: int) -> Result:
    """Each run: the four tabs and the bare app idle at the same time (idle costs little
    CPU, so they barely meet); the worst tab's share of a core, and its ratio to the bare."""
    import shutil
    import statistics
    from concurrent.futures import ThreadPoolExecutor

    # one copy of the store per tab: each app holds its store's lock
    stores = {}
    for tab in TABS:
        stores[tab] = env.root / f"idle-{tab}"
        shutil.copytree(env.store("stress").parent, stores[tab], dirs_exist_ok=True)
    worst: list[float] = []
    ratios: list[float] = []
    per_tab: dict[str, list[float]] = {tab: [] for tab in TABS}
    bare: list[float] = []
    for run in range(runs):
        log(f"idle_cpu_pct: run {run + 1}/{runs} ({IDLE_S + SETTLE_S:.0f} s)")
        with ThreadPoolExecutor(len(TABS) + 1) as pool:
            tabs = {
                tab: pool.submit(env.child, "idle_cpu", tab, "--db", str(store / "store.json"))
                for tab, store in stores.items()
            }
            base = pool.submit(env.child, "bare_idle_cpu")
            for tab, done in tabs.items():
                per_tab[tab].append(done.result()["cpu_pct"])
            bare.append(base.result()["cpu_pct"])
        worst.append(max(per_tab[tab][-1] for tab in TABS))
        ratios.append(worst[-1] / max(bare[-1], 0.01))
    samples = {f"idle_cpu_pct_{tab}": values for tab, values in per_tab.items()}
    samples["bare_idle_cpu_pct"] = bare
    return Result(statistics.median(worst), samples, {}, statistics.median(ratios))


# --------------------------------------------------------------------------- the day


async def _simulate_day(app: Any, clock: Any, add_comments: Any) -> dict[str, float]:
    """The day on ``app`` (a Pilot run): RSS after the first hour and at the end.

    The app is warm when the day starts: each tab shown once (``WARM_KEYS``), as a user opens
    them in the morning and as the issue measured ("77 MB warm"). Without it the first hour
    (switches at minutes 0, 20 and 40) never shows Stats, whose first showing (its tables
    parsed, its chart library imported: a one-off, about 5 MB) fell in the day's growth."""
    from datetime import timedelta

    rss: dict[str, float] = {}
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await pilot.pause()
        for key in WARM_KEYS:
            await pilot.press(key)
            await pilot.pause()
        for minute in range(DAY_MINUTES):
            if add_comments is not None:
                add_comments(minute)
            if minute % SWITCH_EVERY == 0:
                await pilot.press(str(minute // SWITCH_EVERY % 4 + 1))
            await pilot.press("down")
            if clock is not None:
                for _ in range(60 // JOB_STEP_S):
                    clock.advance(timedelta(seconds=JOB_STEP_S))
                    app.run_periodic_jobs("clock tick", "queue alerts")
                    await pilot.pause()
            if minute + 1 == 60:
                await pilot.pause()
                gc.collect()
                rss["hour1"] = rss_mb()
        await pilot.pause()
        gc.collect()
        rss["end"] = rss_mb()
    return rss


@child("allday_rss")
def child_allday_rss(_t0: float, args: list[str]) -> None:
    """The app on the store ``args[0]`` with settings ``args[1]``, its clock and jobs driven
    by the bench (``real_time_timers=False``, as the tests do)."""
    import asyncio
    from datetime import datetime, timedelta
    from pathlib import Path

    from cm_tui.core.clock import FixedClock
    from cm_tui.core.models import QueueItem, QueueKind
    from cm_tui.io.settings_file import load_settings
    from cm_tui.store import Store
    from cm_tui.ui.app import CmTuiApp

    settings = load_settings(Path(args[1]), write_template=False)
    store = Store.open(Path(args[0]))
    clock = FixedClock(datetime.fromisoformat(args[2]))
    app = CmTuiApp(store, settings, clock, "bench", real_time_timers=False)
    app.animation_level = "none"
    per_minute = COMMENTS / DAY_MINUTES
    arrived = [0]

    def add_comments(minute: int) -> None:
        due = round((minute + 1) * per_minute)
        now = clock.now()
        items = [
            QueueItem(
                kind=QueueKind.COMMENT,
                network="facebook",
                author_handle=f"@reader{n}",
                author_name=f"Reader {n}",
                text=f"Question {n} about the opening hours",
                received_at=now,
                deadline=now + timedelta(minutes=30 + n % 90),
            )
            for n in range(arrived[0], due)
        ]
        arrived[0] = due
        app.ctx.write(lambda: store.repo.queue.add_many(items))

    rss = asyncio.run(_simulate_day(app, clock, add_comments))
    store.close()
    emit(rss)
    os._exit(0)


@child("bare_allday_rss")
def child_bare_allday_rss(_t0: float, _args: list[str]) -> None:
    """The baseline: a bare Textual app (four tabs, a list, a line of keys) given the same keys
    and tab switches. Not Textual's ``Footer``: it leaks at each switch (``docs/architecture.md``,
    "All day"), which would excuse the same growth in the app."""
    import asyncio

    from textual.app import App
    from textual.widgets import OptionList, Static, TabbedContent, TabPane

    class Bare(App[None]):
        BINDINGS = [(str(i), f"show({i})", f"Tab {i}") for i in range(1, 5)]

        def compose(self) -> Any:
            with TabbedContent(id="tabs"):
                for i in range(1, 5):
                    with TabPane(f"Tab {i}", id=f"t{i}"):
                        yield OptionList(*[f"row {n}" for n in range(40)])
            yield Static(" ".join(f"{i} Tab {i}" for i in range(1, 5)))

        def action_show(self, i: int) -> None:
            self.query_one(TabbedContent).active = f"t{i}"
            self.query_one(f"#t{i} OptionList").focus()

    rss = asyncio.run(_simulate_day(Bare(), None, None))
    emit(rss)
    os._exit(0)


@figure("allday_rss_growth_pct", target=("<=", 10.0), ratio_target=("<=", 1.1))
def bench_allday_rss_growth_pct(env: BenchEnv, runs: int) -> Result:
    """RSS growth from the first hour to the end of the day (%), on a copy of the year store;
    the ratio: the app's growth factor over the bare app's (1.0: grows as Textual does)."""
    import shutil
    import statistics

    growth: list[float] = []
    bare_growth: list[float] = []
    ratios: list[float] = []
    for run in range(runs):
        log(f"allday_rss_growth_pct: run {run + 1}/{runs}")
        copy = env.root / f"allday-{run}"
        shutil.copytree(env.store("year").parent, copy, dirs_exist_ok=True)
        settings = env.home / "settings.toml"
        bare = env.child("bare_allday_rss")
        app = env.child("allday_rss", str(copy / "store.json"), str(settings), NOW)
        growth.append((app["end"] / app["hour1"] - 1) * 100)
        bare_growth.append((bare["end"] / bare["hour1"] - 1) * 100)
        ratios.append((app["end"] / app["hour1"]) / (bare["end"] / bare["hour1"]))
    samples = {"allday_rss_growth_pct": growth, "bare_allday_rss_growth_pct": bare_growth}
    return Result(statistics.median(growth), samples, {}, statistics.median(ratios))
