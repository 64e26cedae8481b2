"""Keys first during an import: the reading thread pauses while keys arrive, and the cyclic
collector is off while it runs (both cost the UI thread 15-40 ms a key otherwise)."""

from __future__ import annotations

import gc
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from cm_tui.core.models import QueueItem, QueueKind
from cm_tui.io import queue_import
from cm_tui.io.queue_import import ImportOptions, import_queue
from cm_tui.ui import keys_first
from cm_tui.ui import queue_import_flow as flow_module
from cm_tui.ui.queue_import_flow import QueueImportFlow


class FakeTime:
    """``time.monotonic`` and ``time.sleep`` of the flow module: sleeping moves the clock."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept = 0.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    fake = FakeTime()
    monkeypatch.setattr(keys_first, "time", fake)
    return fake


def flow_with_last_key(at: float) -> QueueImportFlow:
    app = SimpleNamespace(last_key_at=at)
    return QueueImportFlow(SimpleNamespace(app=app), lambda: None)  # type: ignore[arg-type]


def test_the_reading_waits_while_keys_arrive(fake_time: FakeTime) -> None:
    flow_with_last_key(fake_time.now - 0.01)._pace()
    assert keys_first.KEYS_QUIET - 0.01 <= fake_time.slept < keys_first.KEYS_QUIET
    fake_time.slept = 0.0
    flow_with_last_key(fake_time.now - 1.0)._pace()  # nobody typing: no wait
    assert fake_time.slept == 0.0


def test_a_key_held_down_never_stops_the_import_for_good(fake_time: FakeTime) -> None:
    flow = flow_with_last_key(0.0)
    flow.owner.app.last_key_at = float("inf")  # type: ignore[union-attr]  # always "just now"
    flow._pace()
    assert fake_time.slept == pytest.approx(keys_first.KEYS_WAIT_STEPS * keys_first.KEYS_STEP)


def test_the_collector_is_off_during_an_import_and_on_after() -> None:
    seen: list[bool] = []
    assert gc.isenabled()
    flow_module._without_collector(lambda: seen.append(gc.isenabled()))
    assert seen == [False] and gc.isenabled()
    with pytest.raises(RuntimeError):
        flow_module._without_collector(lambda: (_ for _ in ()).throw(RuntimeError()))
    assert gc.isenabled()


def test_pace_is_called_while_stored_items_and_rows_are_read(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    rows = 3 * queue_import.PACE_ROWS
    path = tmp_path / "rows.csv"
    lines = [f"x,@u{n},row {n},2026-11-19 09:00" for n in range(rows)]
    path.write_text("network,author,text,date\n" + "\n".join(lines) + "\n", encoding="utf-8")
    at = datetime(2026, 11, 19, tzinfo=UTC)
    stored = [
        QueueItem(QueueKind.COMMENT, "x", f"@s{n}", "old", at, at + timedelta(hours=1))
        for n in range(2 * queue_import.PACE_ROWS)
    ]
    calls: list[Any] = []
    result = import_queue(
        path,
        ImportOptions(tz=ZoneInfo("Europe/Paris")),
        existing=lambda: stored,
        pace=lambda: calls.append(1),
    )
    assert result.added == rows
    assert len(calls) == 2 + rows // queue_import.PACE_ROWS
