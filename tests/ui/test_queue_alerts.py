"""The deadline alerts remember what they sent only while it matters: an item closed, or past
both thresholds long enough, is forgotten, so an app open all day keeps a bounded memory and
still announces each item once per threshold (``ui/queue_alerts.py``)."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import Any

from cm_tui.core.clock import FixedClock
from cm_tui.core.models import format_instant
from cm_tui.core.queue import DeadlineIndex, OpenEntry, entry_counts
from cm_tui.ui.queue_alerts import FORGET_AFTER, QueueAlerts
from tests.conftest import FIXED_NOW


class FakeApp:
    """What the alerts use of the app: messages, notifications, the bell."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.labels: list[Any] = []

    def post_message(self, message: Any) -> None:
        self.labels.append(message)

    def notify(self, message: str, **_kwargs: Any) -> None:
        self.notes.append(message)

    def bell(self) -> None:
        pass

    def query(self, _selector: str) -> list[Any]:
        return []  # no Today pane


class FakeQueue:
    """Open items by id: each check reads them as ``OpenEntry``; a new list when they change,
    as ``UiContext.open_queue_entries`` gives a new list when the store changed."""

    def __init__(self) -> None:
        self.deadlines: dict[int, str] = {}
        self._entries: list[OpenEntry] = []

    def add(self, item_id: int, deadline: Any) -> None:
        self.deadlines[item_id] = format_instant(deadline)
        self._changed()

    def close(self, item_id: int) -> None:
        del self.deadlines[item_id]
        self._changed()

    def _changed(self) -> None:
        self._entries = [
            OpenEntry(i, "new", d, format_instant(FIXED_NOW), None)
            for i, d in self.deadlines.items()
        ]

    def entries(self) -> list[OpenEntry]:
        return self._entries

    def peek(self, item_id: int) -> Any:
        return SimpleNamespace(author_name=f"a{item_id}", author_handle="", network="x")


def make_alerts() -> tuple[QueueAlerts, FakeApp, FakeQueue, FixedClock]:
    clock = FixedClock(FIXED_NOW)
    queue = FakeQueue()
    ctx = SimpleNamespace(
        now=clock.now,
        open_queue_entries=queue.entries,
        open_queue_counts=lambda now: entry_counts(queue.entries(), now),
        open_queue_index=lambda: DeadlineIndex(queue.entries()),
        repo=SimpleNamespace(queue=queue, networks=SimpleNamespace(all=list)),
        settings=SimpleNamespace(bell=False),
    )
    app = FakeApp()
    return QueueAlerts(app, ctx), app, queue, clock  # type: ignore[arg-type]


def run(alerts: QueueAlerts, clock: FixedClock, seconds: int, step: int = 60) -> None:
    for _ in range(seconds // step):
        clock.advance(timedelta(seconds=step))
        alerts.check()


def test_a_closed_item_is_forgotten() -> None:
    alerts, app, queue, clock = make_alerts()
    queue.add(1, FIXED_NOW + timedelta(minutes=20))
    run(alerts, clock, 10 * 60)
    assert len(app.notes) == 1  # its last 15 minutes began
    assert alerts.remembered == 1
    queue.close(1)
    alerts.check()
    assert alerts.remembered == 0


def test_an_item_past_both_thresholds_is_forgotten_and_never_announced_again() -> None:
    alerts, app, queue, clock = make_alerts()
    queue.add(1, FIXED_NOW + timedelta(minutes=20))
    run(alerts, clock, 30 * 60)
    assert len(app.notes) == 2  # due soon, then overdue
    assert alerts.remembered == 2
    run(alerts, clock, int(FORGET_AFTER.total_seconds()))
    assert alerts.remembered == 0
    run(alerts, clock, 24 * 3600, step=600)
    assert len(app.notes) == 2


def test_a_day_of_arrivals_keeps_what_is_remembered_bounded() -> None:
    """A new item every minute for a day, none answered: each alert once, and at most the
    items of the last ``FORGET_AFTER`` (and those not yet due) remembered."""
    alerts, app, queue, clock = make_alerts()
    most = 0
    for minute in range(24 * 60):
        queue.add(minute, clock.now() + timedelta(minutes=30))
        clock.advance(timedelta(minutes=1))
        alerts.check()
        most = max(most, alerts.remembered)
    # item m arrives at minute m: due soon at m + 15, overdue at m + 30, the day ends at 1440
    assert len(app.notes) == (24 * 60 - 14) + (24 * 60 - 29)
    window = int((FORGET_AFTER + timedelta(minutes=30)).total_seconds() // 60)
    assert most <= 2 * (window + 2)
