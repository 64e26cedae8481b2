"""The Stats tab's response figures read the archive's month summaries, never its month files,
and read even those once until the archive changes: a visit after a change costs the hot table
only (``docs/architecture.md``, "All day")."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.clock import FixedClock
from cm_tui.store import Store
from cm_tui.store.archive import Archive
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, settle


def figures_of(responses: dict[tuple[str, str], Any]) -> dict[tuple[str, str], tuple]:
    return {
        key: (f.received, f.replied, f.on_time, sorted(f.response_minutes))
        for key, f in responses.items()
    }


@pytest.fixture
def archived_db(demo_db: Path) -> Path:
    """The demo store with its closed items of more than 30 days in the archive."""
    with Store.open(demo_db) as store:
        store.put_away_old(FIXED_NOW, 30)
        assert store.archive.months()
    return demo_db


async def response_figures(app: Any, pilot: Any) -> dict[tuple[str, str], Any]:
    pane = app.query_one("#stats-pane")
    pane._response_figures()
    await app.workers.wait_for_complete()
    await settle(pilot)
    figures = pane._response_figures()
    assert figures is not None
    return figures


async def test_response_figures_read_summaries_once_per_archive_change(
    make_app: Any, archived_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cm_tui.core.stats import response_figures as compute

    reads: list[str] = []
    for name in ("read_docs", "items", "summary"):
        real = getattr(Archive, name)

        def counted(self: Any, *args: Any, _real: Any = real, _name: str = name, **kw: Any) -> Any:
            reads.append(_name)
            return _real(self, *args, **kw)

        monkeypatch.setattr(Archive, name, counted)
    clock = FixedClock(FIXED_NOW)
    app = make_app(db=archived_db, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        reads.clear()
        first = await response_figures(app, pilot)
        assert "read_docs" not in reads and "items" not in reads  # no month file read whole
        queue = app.ctx.repo.queue
        everything = [*queue.all(), *queue.iter_archived(cache=False)]
        assert figures_of(first) == figures_of(compute(everything, app.ctx.zone))
        # a change to the hot table: the archive's part is not read again
        item = next(i for i in queue.all() if i.status.value == "new")
        app.ctx.write(lambda: queue.update(item.replace(author_name="changed")))
        clock.advance(timedelta(minutes=1))
        reads.clear()
        second = await response_figures(app, pilot)
        assert reads == []
        assert figures_of(second) == figures_of(first)
