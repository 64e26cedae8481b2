"""An app open all day keeps a flat memory (``docs/architecture.md``, "All day").

Driven by the app's injected clock, never by real time: tab switches, keys, comments arriving
and alerts over a simulated day, while what could grow (widgets, watchers, the alerts
remembered, the cached queue data) is counted, never RSS."""

from __future__ import annotations

import gc
from typing import Any

from textual.dom import DOMNode
from textual.widget import Widget

from cm_tui.ui.alerts import HISTORY_SIZE
from cm_tui.ui.panes.queue import QueueList
from tests.ui.conftest import SIZE, settle

TAB_KEYS = ("1", "2", "3", "4")


def live_widgets() -> int:
    gc.collect()
    return sum(1 for obj in gc.get_objects() if isinstance(obj, Widget))


def watchers(app: Any) -> int:
    """Reactive watchers registered on the app and every node of every screen (Textual keeps
    them in each watched object's ``__watchers``)."""
    nodes: list[DOMNode] = [app]
    for screen in app.screen_stack:
        nodes += [screen, *screen.walk_children(with_self=False)]
    return sum(
        len(callbacks) for node in nodes for callbacks in getattr(node, "__watchers", {}).values()
    )


async def test_tab_switches_leave_no_widget_or_watcher_behind(make_app: Any) -> None:
    """Textual's ``Footer`` rebuilds a key widget per binding at each switch and keeps each
    one registered as a watcher of its ``compact`` setting (about 450 KB a switch): 200
    switches must leave as many widgets and watchers as one round of the tabs."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in TAB_KEYS * 2:  # every pane mounted, every cache warm
            await pilot.press(key)
        await settle(pilot)
        widgets, watched = live_widgets(), watchers(app)
        for switch in range(200):
            await pilot.press(TAB_KEYS[switch % 4])
        await pilot.press(TAB_KEYS[-1])
        await settle(pilot)
        assert watchers(app) <= watched
        assert live_widgets() <= widgets + 5  # a notification's toast, at most


def _comment(n: int, now: Any) -> Any:
    from datetime import timedelta

    from cm_tui.core.models import QueueItem, QueueKind

    return QueueItem(
        kind=QueueKind.COMMENT,
        network="facebook",
        author_handle=f"@reader{n}",
        author_name=f"Reader {n}",
        text=f"question {n}",
        received_at=now,
        deadline=now + timedelta(minutes=30),
    )


async def test_a_simulated_day_announces_each_alert_once_and_stays_bounded(
    make_app: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    """Four hours on the injected clock (the bench runs eight): two comments a minute (none
    answered but those done with ``d`` on the Queue tab), a key and the per-second jobs every
    minute, a tab switch every 20 minutes. Each item is announced once per threshold and kept
    once (its stored document), and what could grow stays as it was after the first hour or
    within its bound."""
    from datetime import timedelta

    import cm_tui.ui.queue_alerts as queue_alerts
    from cm_tui.core.clock import FixedClock
    from cm_tui.store import Store
    from tests.conftest import FIXED_NOW

    announced: list[tuple[int, str]] = []
    real_crossed = queue_alerts.crossed_entry_alerts

    def recording(*args: Any, **kwargs: Any) -> Any:
        crossed = real_crossed(*args, **kwargs)
        announced.extend((entry.id, threshold) for entry, threshold in crossed)
        return crossed

    monkeypatch.setattr(queue_alerts, "crossed_entry_alerts", recording)
    db = tmp_path / "day" / "store.json"
    db.parent.mkdir()
    Store.open(db).close()
    clock = FixedClock(FIXED_NOW)
    app = make_app(db=db, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        queue = app.ctx.repo.queue
        first_hour: tuple[int, int] | None = None
        most_remembered = 0
        for minute in range(4 * 60):
            for n in (2 * minute, 2 * minute + 1):
                item = _comment(n, clock.now())
                app.ctx.write(lambda item=item: queue.add(item))
            if minute % 20 == 0:
                await pilot.press(TAB_KEYS[(minute // 20) % 4])
            await pilot.press("d" if app.active_tab == "queue" and minute % 7 == 0 else "down")
            clock.advance(timedelta(minutes=1))
            app.run_periodic_jobs("clock tick", "queue alerts")
            await pilot.pause()
            most_remembered = max(most_remembered, app.queue_alerts.remembered)
            if minute == 59:
                await settle(pilot)
                first_hour = (live_widgets(), watchers(app))
        await settle(pilot)
        assert first_hour is not None
        # each item is kept once, as its stored document: an object only for what was read
        # whole (the Queue list's rows), not for each of the 480 arrivals (the alerts peek,
        # Stats filters the documents first). Read before ``queue.all()`` below builds them.
        assert len(queue._cache) <= 2 * SIZE[1]
        assert len(announced) == len(set(announced))  # never twice
        end = clock.now()
        for item in queue.all():
            if item.status.value == "new" and item.deadline <= end - timedelta(minutes=1):
                assert (item.id, "due15") in announced and (item.id, "overdue") in announced
        # two arrivals a minute: at most those of the last FORGET_AFTER and the next 30 min
        window = (queue_alerts.FORGET_AFTER + timedelta(minutes=31)).total_seconds() / 60
        assert most_remembered <= 2 * 2 * window
        assert watchers(app) <= first_hour[1]
        assert live_widgets() <= first_hour[0] + 5
        # the notifications: the alert line and its history keep the last ones only
        assert len(app.alerts.history) <= HISTORY_SIZE and len(app.alerts.shown) <= HISTORY_SIZE
        # the Queue list's drawn lines stay within its cache
        assert len(app.query_one(QueueList)._lines) <= QueueList._CACHE_SIZE
