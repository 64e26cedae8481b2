"""Markup safety of the Queue tab: imported text is shown exactly, never run as markup.

Every widget of the tab that shows imported text is covered: the list row, the side detail,
the detail modal, the reply modal (title and saved replies with ``{author}`` filled in), the
escalate modal, and the alert notifications. Hypothesis drives the renderers with any text;
a Pilot test puts hostile strings through the real widgets and clicks on them.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cm_tui.core.clock import FixedClock
from cm_tui.core.models import QueueItem, QueueKind
from cm_tui.core.settings import Settings
from cm_tui.core.textsafe import clean_line, clean_text
from cm_tui.store import Store
from cm_tui.ui import fmt
from cm_tui.ui.panes.queue import QueuePane
from tests.conftest import FIXED_NOW, PARIS
from tests.ui.conftest import SIZE, screen_text, settle

HOSTILE = (
    "[/]",
    "[@click=app.quit]x[/]",
    "[link=file:///etc/passwd]x[/]",
    "[b]bold?[/b] [red]red[/red]",
    "\x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07",
    "{author} {0} %s $text-error",
)


def _item(author: str, text: str, left: int = 30, **kw: Any) -> QueueItem:
    deadline = FIXED_NOW + timedelta(minutes=left)
    return QueueItem(
        kind=QueueKind.COMMENT,
        network="x",
        author_handle=clean_line(author) or "@x",
        author_name=clean_line(author),
        text=clean_text(text),
        received_at=deadline - timedelta(hours=1),
        deadline=deadline,
        **kw,
    )


def _bare_pane() -> QueuePane:
    ctx = SimpleNamespace(
        now=lambda: FIXED_NOW,
        zone=PARIS,
        settings=Settings(timezone="Europe/Paris"),
        clock=FixedClock(FIXED_NOW),
    )
    return QueuePane(ctx)  # type: ignore[arg-type]


PANE = _bare_pane()
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80) | st.sampled_from(HOSTILE)


@settings(max_examples=200, deadline=None)
@given(author=TEXT, text=TEXT, notes=TEXT, reply=TEXT)
def test_renderers_show_any_text_exactly(author: str, text: str, notes: str, reply: str) -> None:
    item = _item(author or "@a", text or ".", notes=clean_text(notes), reply_text=clean_text(reply))
    row = PANE._render_item(item, 400)
    assert fmt.one_line(item.text)[:100] in row.plain
    detail = PANE._detail_content(item).plain
    assert item.text in detail
    assert item.author_handle in detail
    if item.notes:
        assert item.notes in detail
    if item.reply_text:
        assert item.reply_text in detail


@pytest.mark.slow
async def test_hostile_text_in_every_queue_widget(make_app, tmp_path: Path) -> None:
    db = tmp_path / "h" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:
        for n, hostile in enumerate(HOSTILE):
            store.repo.queue.add(_item(hostile, f"{hostile} #{n}", left=10 + n))
        store.repo.prefs.set(
            "queue.reply_templates", [{"name": "[/]", "text": "Hi {author} [@click=app.quit]!"}]
        )
    clock = FixedClock(FIXED_NOW)
    app = make_app(db=db, clock=clock, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        for n, hostile in enumerate(HOSTILE):
            item = pane.list.current
            assert item.author_handle == clean_line(hostile)
            shown = clean_line(hostile)
            assert f"{shown} #{n}" in screen_text(app)  # the row and the side detail
            await pilot.press("enter")  # the detail modal
            await settle(pilot)
            assert f"{shown} #{n}" in screen_text(app)
            await pilot.click("#detail-text")
            await pilot.press("escape", "r")  # the reply modal
            await settle(pilot)
            text = screen_text(app)
            assert f"Hi {item.author_name} [@click=app.quit]!" in text
            await pilot.click("#queue-reply-templates")
            await pilot.press("escape", "exclamation_mark")  # the escalate modal
            await settle(pilot)
            assert shown in screen_text(app)
            await pilot.press("escape", "j")
            await settle(pilot)
        # alerts name the author: shown as written
        clock.advance(timedelta(minutes=10, seconds=1))  # only the "[/]" item is overdue
        app.queue_alerts.check()
        await settle(pilot)
        assert [note.message for note in app._notifications][-1] == "Overdue: [/] on x"
        # the search bar shows typed text literally too
        await pilot.press("slash", *"[/]")
        await settle(pilot)
        assert "“[/]”" in screen_text(app)
        assert app.is_running and app.return_code is None
