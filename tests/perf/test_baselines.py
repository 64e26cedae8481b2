"""The bare baselines do the same work as their figures (docs/architecture.md, "Performance
facts"): the agenda's looks up the build's own keys in the same records, and the triage list's
``d`` writes a durable journal line as long as the one it is given; a key timed beside another
thread's work can tell its own CPU time from that work's."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).parent))

import bench
import lockstep
from baseline import KeyRecorder, day_lookups, lookup_plan
from hooks import time_handed_over

from cm_tui.core.agenda import build_agenda
from cm_tui.core.models import OccurrenceStatus, TaskOccurrence
from cm_tui.core.recurrence import WorkHours, slots_for
from cm_tui.io.shipped import load_catalog

BENCH = Path(__file__).with_name("bench.py")


def test_the_agenda_baseline_looks_up_the_builds_keys_in_the_same_records() -> None:
    zone = ZoneInfo("Europe/Paris")
    now = datetime.fromisoformat(bench.NOW)
    day = now.astimezone(zone).date()
    templates = load_catalog()
    history: dict[str, TaskOccurrence] = {}
    for back in range(1, 15):
        probe = day - timedelta(days=back)
        for template in templates[::2]:
            for slot in slots_for(template.cadence, probe, zone, WorkHours()):
                key = f"{template.key}@{probe.isoformat()}#{slot.index}"
                history[key] = TaskOccurrence(
                    key, template.key, probe, slot.index, OccurrenceStatus.DONE, slot.at_utc
                )
    build = KeyRecorder(history)
    build_agenda(templates, build, day, now, zone)

    baseline = KeyRecorder(history)
    rows = day_lookups(lookup_plan(build.seen), baseline, zone)

    assert baseline.seen == build.seen
    assert rows == len(build.seen)
    assert any(key in history for key in build.seen)  # records found, not only misses


def test_the_triage_baseline_fsyncs_one_line_of_the_given_size_per_key(tmp_path: Path) -> None:
    journal = tmp_path / "bare.journal"
    env = {
        **os.environ,
        "PYTHONPATH": str(BENCH.parents[2]),
        "TEXTUAL_ANIMATIONS": "none",
    }
    args = ["durable", str(journal), "300", "list", "50", "3", "d"]
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--child", "baseline:bare_keys", repr(time.time()), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    payload = json.loads(proc.stdout.splitlines()[-1])
    assert "error" not in payload, payload
    lines = journal.read_bytes().splitlines(keepends=True)
    assert len(lines) == 3 + 3  # three warm-up presses, three measured
    assert {len(line) for line in lines} == {300}
    assert [json.loads(line)["status"] for line in lines] == ["done"] * 6


class _RecordingEnv:
    """A ``BenchEnv`` stand-in that records the children it is asked for, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def lockstep(self, *children: list[str]) -> list[dict[str, str]]:
        self.calls.append(tuple(mode for mode, *_ in children))
        return [{"mode": mode} for mode, *_ in children]


def test_interleave_runs_three_bare_and_app_pairs_per_run_in_lockstep() -> None:
    """A key's cost moves by up to 20 % between processes: its ratio is a median of three pairs
    per run, the bare child and its app child pressed in turn (the bare first)."""
    env = _RecordingEnv()
    pairs = bench.interleave(env, 2, "k", ["app_mode"], ["bare_mode"])  # type: ignore[arg-type]
    assert env.calls == [("bare_mode", "app_mode")] * (2 * bench.PAIRS_PER_RUN)
    assert bench.PAIRS_PER_RUN == 3
    assert pairs == [({"mode": "app_mode"}, {"mode": "bare_mode"})] * 6


def test_lockstep_children_take_turns_and_never_press_at_the_same_time(tmp_path) -> None:
    """Two real bare children in lockstep: their presses alternate one for one (the first
    child's first), and no press of one overlaps a press of the other."""
    env = bench.BenchEnv(tmp_path)
    first, second = env.lockstep(
        ["bare_keys", "list", "50", "4", "j", "k"], ["bare_keys", "list", "50", "6", "j", "k"]
    )
    windows = sorted(
        [(start, end, "a") for start, end in first["windows"]]
        + [(start, end, "b") for start, end in second["windows"]]
    )
    assert len(first["samples"]) == 4 and len(second["samples"]) == 6
    assert [who for _, _, who in windows] == ["a", "b"] * 7 + ["b"] * 2
    for (_, end, _), (start, _, _) in itertools.pairwise(windows):
        assert end <= start


def test_a_figure_can_set_the_pause_its_lockstep_children_take_after_each_press(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """``inbox_key_ms`` runs its pair with no pause (``settle=0``): the partner's press is the
    pause, so the app's keys come as a burst. Other figures keep each child's own pause."""
    seen: list[dict[str, str]] = []
    monkeypatch.setattr(lockstep, "run_lockstep", lambda commands, env: seen.append(env) or [])
    env = bench.BenchEnv(tmp_path)
    env.lockstep(settle=0)
    env.lockstep()
    assert seen[0][lockstep.SETTLE_ENV] == "0"
    assert lockstep.SETTLE_ENV not in seen[1]

    monkeypatch.setenv(lockstep.SETTLE_ENV, "0")
    assert lockstep.settle_s(0.03) == 0.0
    monkeypatch.delenv(lockstep.SETTLE_ENV)
    assert lockstep.settle_s(0.03) == 0.03


async def test_cpu_time_handed_to_the_ui_thread_is_counted_apart(monkeypatch: Any) -> None:
    """What a worker hands the UI thread (``call_from_thread``) runs there, its result goes
    back, and its CPU time is counted in ``handed_cpu``: a key's window can leave it out."""
    import threading

    from textual.app import App

    monkeypatch.setattr(App, "call_from_thread", App.call_from_thread)  # restored after
    state: dict[str, Any] = {}
    time_handed_over(state)

    def busy(seconds: float) -> str:
        start = time.thread_time()
        while time.thread_time() - start < seconds:
            pass
        return threading.current_thread().name

    app: App[None] = App()
    async with app.run_test() as pilot:
        answers: list[str] = []
        worker = threading.Thread(
            target=lambda: answers.append(app.call_from_thread(busy, 0.05)), name="worker"
        )
        worker.start()
        while worker.is_alive():
            await pilot.pause(0.01)
        assert answers == [threading.current_thread().name]  # ran on the UI thread
    assert state["handed_cpu"] >= 0.05


def test_a_mean_ratio_follows_the_share_of_each_mode_where_a_median_jumps() -> None:
    """Bursts whose CPU time falls in two modes (``bench.mean_ratio``): a run with one more
    slow burst moves the mean a little and the median of the run all the way."""
    fast, slow = 40.0, 80.0
    bare_a = [fast] * 6 + [slow] * 5
    bare_b = [fast] * 5 + [slow] * 6
    app = [[200.0] * 11, [200.0] * 11]
    assert bench.paired_ratio(app, [bare_a, bare_a]) == 5.0
    assert bench.paired_ratio(app, [bare_b, bare_b]) == 2.5
    by_mean = bench.mean_ratio(app, [bare_a, bare_a]) / bench.mean_ratio(app, [bare_b, bare_b])
    assert 1.0 < by_mean < 1.1


def test_a_pickup_counts_the_processs_cpu_time_but_not_its_own_landed_checks(
    tmp_path: Path,
) -> None:
    """``inbox_pickup_s`` judges CPU time per pickup: the measurer's ``landed()`` checks are
    its own work, not the pickup's, and it checks when ``arrived`` is set, not by polling."""
    import asyncio

    from bench_inbox import _drop_and_wait

    source, inbox = tmp_path / "export.csv", tmp_path / "inbox"
    source.write_text("x\n", encoding="utf-8")
    inbox.mkdir()
    checks: list[float] = []

    def landed() -> bool:
        spin = time.thread_time()
        while time.thread_time() - spin < 0.03:
            pass
        checks.append(spin)
        return len(checks) == 3

    async def pickup() -> tuple[float, float]:
        arrived = asyncio.Event()
        loop = asyncio.get_running_loop()
        loop.call_later(0.05, arrived.set)
        loop.call_later(0.10, arrived.set)
        return await _drop_and_wait(inbox, source, landed, arrived)

    wall, cpu = asyncio.run(pickup())
    assert (inbox / "export.csv").exists() and not source.exists()
    assert len(checks) == 3, "landed() is checked at the drop and each time arrived is set"
    assert wall >= 0.10
    assert cpu < 0.03, f"the checks' 90 ms of CPU time were counted: {cpu * 1000:.1f} ms"
