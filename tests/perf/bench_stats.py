"""Stats figures: ``m`` (next figure) on the Stats chart, and the month's Markdown report.

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
    log,
    paired_ratio,
    percentile,
)
from hooks import arm_after, emit, open_on_tab, time_frames
from lockstep import press_turn

STATS_PRESSES = 30
STATS_MONTHS = 36
#: the 7 networks the stats_switch_ms target was set for (every network of the first article;
#: a new settings file activated them all then; it activates three now)
STATS_NETWORKS = ("facebook", "x", "instagram", "pinterest", "linkedin", "snapchat", "blog")
REPORT_MONTH = "2026-10"
REPORT_RUNS = 10


@child("stats_figures")
def child_stats_figures(_t0: float, args: list[str]) -> None:
    """Give the store ``args[0]`` ``STATS_MONTHS`` months of figures for each of the
    ``STATS_NETWORKS`` (the ones it lacks), and make them the demo's active networks, so that
    the Stats chart draws 36 months x 7 networks (the workload the target was set for)."""
    import random

    from cm_tui.core.models import MonthlyFigures
    from cm_tui.core.timeutil import shift_month
    from cm_tui.store import Store

    rng = random.Random(6)
    with Store.open(Path(args[0])) as store:
        have = {(f.network, f.month) for f in store.repo.figures.all()}
        new = []
        for n, network in enumerate(STATS_NETWORKS):
            followers = 1000.0 * (n + 1)
            for i in range(STATS_MONTHS):
                month = shift_month(REPORT_MONTH, i - STATS_MONTHS + 1)
                followers *= 1 + rng.uniform(0.0, 0.04)
                reach = int(followers * rng.uniform(1.5, 2.5))
                if (network, month) not in have:
                    new.append(
                        MonthlyFigures(network, month, followers=int(followers), reach=reach,
                                       impressions=reach * 2, reactions=reach // 30,
                                       comments=reach // 200, shares=reach // 300,
                                       clicks=reach // 80, profile_visits=reach // 60)
                    )  # fmt: skip
        store.repo.figures.add_many(new)
        store.repo.prefs.set("demo.active_networks", list(STATS_NETWORKS))
    emit({"added": len(new)})
    os._exit(0)


@child("stats_switch")
def child_stats_switch(_t0: float, args: list[str]) -> None:
    """``m`` (next figure) pressed ``STATS_PRESSES`` times on the Stats tab with the range set to
    all months, through the real ``cm-tui`` start-up (``args``). Each sample: posting
    ``events.Key`` -> the first frame displayed after the pane's action returned. The figures
    that need the whole queue (response charts) are skipped over: their thread's pass is not a
    key's latency. Three warm-up presses."""
    import asyncio

    from textual import events

    state: dict[str, Any] = {"started": False, "armed": False, "event": None, "frame": 0.0}

    async def measure(app: Any) -> None:
        try:
            await asyncio.sleep(0.3)
            pane = app.active_pane
            pane.range = 0  # every month: 36
            pane._draw_chart()
            await asyncio.sleep(0.2)
            months = len(pane.chart_months())
            networks = len(pane._networks)
            samples: list[float] = []
            cpu: list[float] = []
            i = 0
            while len(samples) < STATS_PRESSES:
                await press_turn()
                event = asyncio.Event()
                state["event"] = event
                before = pane.chart.builds
                start = time.perf_counter()
                cpu_start = time.thread_time()
                app.post_message(events.Key("m", "m"))
                await asyncio.wait_for(event.wait(), 10)
                elapsed = (state["frame"] - start) * 1000
                await asyncio.sleep(0.03)
                if pane.chart.builds == before:
                    emit({"error": f"press {i}: the chart was not rebuilt"})
                    os._exit(1)
                if i >= 3 and pane.metric not in ("response_median", "on_time_share"):
                    samples.append(elapsed)
                    cpu.append((state["frame_cpu"] - cpu_start) * 1000)
                i += 1
                while pane.metric in ("response_median", "on_time_share") and (
                    pane._responses_version != app.ctx.version
                ):
                    await asyncio.sleep(0.05)  # the queue pass, in its thread
            emit({"cpu": cpu, "samples": samples, "months": months, "networks": networks})
        except Exception as exc:  # pragma: no cover - reported to the parent
            emit({"error": repr(exc)})
        os._exit(0)

    from cm_tui.ui.panes.stats import StatsPane

    arm_after(StatsPane, "action_next_metric", state)
    time_frames(state, measure)
    open_on_tab("stats")
    from cm_tui.cli import main

    main(args)
    emit({"error": "the app exited before the measurement ended"})
    os._exit(1)


@child("report")
def child_report(_t0: float, args: list[str]) -> None:
    """The Markdown report of ``REPORT_MONTH`` on the store ``args[0]`` (opened read-only, as
    ``cm-tui report`` does), ``REPORT_RUNS`` times: gathering (queue archive read without cache)
    plus rendering, each timed. Before each, the baseline: the store file read and parsed by
    the standard library's ``json`` (the same data, read the plainest way)."""
    import json

    from cm_tui.core.i18n import set_language
    from cm_tui.core.settings import Settings
    from cm_tui.io.report import gather, render_markdown
    from cm_tui.store import Store

    settings = Settings(timezone="Europe/Paris", language="en")
    set_language("en")
    samples: list[float] = []
    bare: list[float] = []
    spent: list[float] = []
    size = 0
    with Store.open(Path(args[0]), readonly=True) as store:
        networks = settings.network_profiles(store.repo.networks.all())
        for _ in range(REPORT_RUNS):
            cpu = time.thread_time()
            json.loads(Path(args[0]).read_text(encoding="utf-8"))
            bare.append((time.thread_time() - cpu) * 1000)
            start, cpu = time.perf_counter(), time.thread_time()
            report = gather(
                store.repo,
                REPORT_MONTH,
                networks=networks,
                tz=settings.zone,
                today=date_of(NOW),
            )
            size = len(render_markdown(report))
            samples.append((time.perf_counter() - start) * 1000)
            spent.append((time.thread_time() - cpu) * 1000)
    emit({"samples": samples, "cpu": spent, "bare": bare, "chars": size})
    os._exit(0)


def date_of(instant: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(instant).date()


@figure("stats_switch_ms", target=("<=", 50.0), ratio_target=("<=", 6.5))
def bench_stats_switch_ms(env: BenchEnv, runs: int) -> Result:
    """Median of ``m`` on the Stats tab, 36 months x 7 networks (the ``year`` demo plus the
    missing figures), all months shown. The ratio is to a bare app whose screen-sized
    ``Static`` gets a new text on a key (every cell rendered again)."""
    import shutil
    import statistics

    db = env.root / "stats36" / "store.json"
    if not db.exists():
        shutil.copytree(env.store("year").parent, db.parent)
        env.child("stats_figures", str(db))
    args = ["--db", str(db), "--now", NOW]
    pairs = interleave(
        env,
        runs,
        "stats switch",
        ["stats_switch", *args],
        ["bare_keys", "static", "0", str(STATS_PRESSES), "n"],
    )
    last = pairs[-1][0]
    info = {"stats_months": last["months"], "stats_networks": last["networks"]}
    runs_ms = [app["samples"] for app, _ in pairs]
    bare_ms = [bare["samples"] for _, bare in pairs]
    samples = [v for run in runs_ms for v in run]
    bare = [v for run in bare_ms for v in run]
    return Result(
        statistics.median(samples),
        {"stats_switch_ms": samples, "stats_switch_bare": bare},
        {
            **info,
            "stats_switch_ms_p95": percentile(samples, 95),
            "stats_switch_bare_median": statistics.median(bare),
            "stats_switch_wall_ratio": paired_ratio(runs_ms, bare_ms),
        },
        cpu_ratio(pairs),
    )


@figure("report_ms", target=("<=", 500.0), ratio_target=("<=", 0.49))
def bench_report_ms(env: BenchEnv, runs: int) -> Result:
    """Median time of the Markdown report of a month of the ``stress`` store; the ratio is to
    the stdlib's ``json`` parsing the store file, run before each report, in CPU time
    (``report_bare_ms``: the parse's CPU time)."""
    import statistics

    db = str(env.store("stress"))
    runs_ms: list[list[float]] = []
    cpu_ms: list[list[float]] = []
    bare_ms: list[list[float]] = []
    chars = 0
    for i in range(runs):
        log(f"report {i + 1}/{runs}")
        payload = env.child("report", db)
        runs_ms.append(payload["samples"])
        cpu_ms.append(payload["cpu"])
        bare_ms.append(payload["bare"])
        chars = payload["chars"]
    samples = [v for run in runs_ms for v in run]
    bare = [v for run in bare_ms for v in run]
    return Result(
        statistics.median(samples),
        {"report_ms": samples, "report_bare_ms": bare},
        {
            "report_ms_p95": percentile(samples, 95),
            "report_chars": chars,
            "report_bare_ms": statistics.median(bare),
        },
        paired_ratio(cpu_ms, bare_ms),
    )
