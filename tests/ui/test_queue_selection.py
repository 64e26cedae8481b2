"""Pilot tests: the Queue says what state an item is in, and its status filter finds every
status, so what was replied or ignored today by mistake can be found and opened again.

The escalate key and the status filter are run through their actions: their keys are the key
grammar's (``docs/architecture.md``), tested with the grammar.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from cm_tui.core.models import QueueStatus
from cm_tui.store import Store
from cm_tui.ui.panes.queue import QueuePane
from tests.conftest import FIXED_NOW
from tests.ui.conftest import screen_text, settle
from tests.ui.test_queue_triage import ITEMS, _item, authors, notifications, start, stored
from tests.ui.test_queue_triage import qdb as qdb  # the small store of known items


def row_of(app: object, author: str) -> str:
    """The list's line showing ``author``'s item."""
    return next(line for line in screen_text(app).splitlines() if f"hello from {author}" in line)


def side(app: object) -> str:
    return str(app.query_one("#queue-detail").render())  # type: ignore[attr-defined]


async def test_an_escalated_item_is_marked_in_the_list_and_says_so_in_the_detail(
    make_app, qdb: Path
) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        assert "⚑" not in row_of(app, "alice")
        pane.action_escalate()
        await settle(pilot)
        await pilot.press(*"ask legal", "enter")
        await settle(pilot)
        assert "⚑" in row_of(app, "alice")
        assert "⚑" not in row_of(app, "bob")
        await pilot.press("k")
        await settle(pilot)
        assert pane.list.current.author_handle == "@alice"
        assert "⚑ Escalated" in side(app)


async def test_the_status_filter_offers_every_status_and_finds_todays_closed_items(
    make_app, qdb: Path
) -> None:
    with Store.open(qdb) as store:  # replied two days ago: not today's, not listed
        old = _item("oscar", "x", "comment", -2880, False, ())
        store.repo.queue.add(
            old.replace(
                status=QueueStatus.REPLIED,
                closed_at=FIXED_NOW - timedelta(days=2),
                replied_at=FIXED_NOW - timedelta(days=2),
            )
        )
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        await pilot.press("d", "i")  # alice replied, bob ignored
        await settle(pilot)
        assert authors(pane) == ["@carol", "@dave", "@erin"]
        offered = []
        for _ in range(6):
            pane.action_cycle_status()
            await settle(pilot)
            offered.append((pane._view.filter.status, authors(pane)))
        assert offered == [
            ("new", ["@carol", "@dave", "@erin"]),
            ("escalated", []),
            ("snoozed", []),
            ("replied", ["@alice"]),
            ("ignored", ["@bob"]),
            (None, ["@carol", "@dave", "@erin"]),
        ]
        for _ in range(4):
            pane.action_cycle_status()
        await settle(pilot)
        assert authors(pane) == ["@alice"]
        assert "Filter: Replied" in screen_text(app)
        await pilot.press("d")  # replied by mistake: open again
        await settle(pilot)
        assert authors(pane) == []
        assert "Nothing closed today matches the filter (esc clears it)." in screen_text(app)
        assert "Reopened: @alice" in notifications(app)
        pane.action_cycle_status()
        await settle(pilot)
        await pilot.press("i")  # ignored by mistake: open again
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert authors(pane) == [f"@{row[0]}" for row in ITEMS]
    items = stored(qdb, app)
    for handle in ("@alice", "@bob"):
        assert items[handle].status is QueueStatus.NEW
        assert items[handle].closed_at is None and items[handle].replied_at is None
