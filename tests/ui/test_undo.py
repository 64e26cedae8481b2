"""Pilot tests of the one undo/redo history (``UiContext.edits``): ``u`` and ``ctrl+r`` on every
tab that writes, messages that say what was undone or redone, one depth everywhere, and ``u``
on one tab undoing the last edit made on another (the message names that tab).

Keys are looked up by action in the panes' bindings, so a tab's keys can move (``[keys]``, the
key grammar) without these tests changing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.binding import Binding

from cm_tui.core.agenda import AgendaRow, RowStatus
from cm_tui.core.edits import DEPTH, EditHistory
from cm_tui.core.models import Post, PostStatus, QueueStatus
from cm_tui.core.settings import Settings
from cm_tui.store import Store
from cm_tui.ui.panes.calendar import CalendarPane
from cm_tui.ui.panes.queue import QueuePane
from cm_tui.ui.panes.stats import StatsPane
from cm_tui.ui.panes.today import TodayPane
from cm_tui.ui.screens.confirm import Confirm
from tests.ui.conftest import SIZE, settle
from tests.ui.test_calendar_edit import open_calendar, settings, small_db  # noqa: F401
from tests.ui.test_queue_triage import qdb  # noqa: F401


def pane_of(app: Any) -> TodayPane:
    pane = app.active_pane
    assert isinstance(pane, TodayPane)
    return pane


def current(app: Any) -> AgendaRow:
    row = pane_of(app).list.current
    assert isinstance(row, AgendaRow)
    return row


async def to_day_rows(pilot: Any) -> AgendaRow:
    """Move past the overdue rows to the first row of the shown day."""
    for _ in range(50):
        row = current(pilot.app)
        agenda = pane_of(pilot.app).agenda
        if row.day == agenda.day and row not in agenda.overdue:
            return row
        await pilot.press("j")
    raise AssertionError("no row of the shown day")


def status_of(app: Any, key: str) -> RowStatus | None:
    agenda = pane_of(app).agenda
    return next((r.status for r in agenda.rows if r.occurrence_key == key), None)


def key_for(owner: type, action: str) -> str:
    """The first key ``owner`` binds to ``action`` (whatever the key grammar made it)."""
    for base in owner.__mro__:
        for binding in base.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.action == action:
                return binding.key.split(",")[0].strip()
    raise AssertionError(f"{owner.__name__} binds nothing to {action}")


def notes(app: Any) -> list[str]:
    return [note.message for note in app._notifications]


def last_note(app: Any) -> str:
    return notes(app)[-1]


def statuses(app: Any) -> dict[str, QueueStatus]:
    return {item.author_handle: item.status for item in app.ctx.repo.queue.all()}


def alice(app: Any) -> Any:
    return next(i for i in app.ctx.repo.queue.all() if i.author_handle == "@alice")


def test_every_writing_tab_binds_undo_and_redo_with_stable_ids() -> None:
    for pane in (TodayPane, CalendarPane, QueuePane, StatsPane):
        ids = {
            binding.action: binding.id
            for binding in pane.BINDINGS
            if isinstance(binding, Binding) and binding.action in ("undo", "redo")
        }
        tab = pane.PANE_ID
        assert ids == {"undo": f"{tab}.undo", "redo": f"{tab}.redo"}, tab
        assert key_for(pane, "undo") == "u" and key_for(pane, "redo") == "ctrl+r"


async def test_today_undo_says_what_it_undid_and_redo_does_it_again(make_app) -> None:
    app = make_app()
    toggle = key_for(TodayPane, "toggle_done")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = await to_day_rows(pilot)
        label = row.label("en")
        await pilot.press(toggle)
        await settle(pilot)
        assert status_of(app, row.occurrence_key) is RowStatus.DONE
        await pilot.press("u")
        await settle(pilot)
        assert status_of(app, row.occurrence_key) is RowStatus.PENDING
        assert last_note(app) == f"Undone: marked “{label}” done"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert status_of(app, row.occurrence_key) is RowStatus.DONE
        assert app.ctx.repo.occurrences.by_key(row.occurrence_key) is not None
        assert last_note(app) == f"Redone: marked “{label}” done"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert last_note(app) == "Nothing to redo."


async def test_today_history_has_the_same_depth_as_every_tab(make_app) -> None:
    """Today's history was unbounded: it keeps the last edits up to the app's one depth (3
    here, ``DEPTH`` in use), and the oldest are forgotten."""
    app = make_app()
    assert app.ctx.edits.depth == DEPTH
    app.ctx.edits = EditHistory(depth=3)
    toggle = key_for(TodayPane, "toggle_done")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = await to_day_rows(pilot)
        await pilot.press(*[toggle] * 5)  # done at the end
        await settle(pilot)
        assert current(app).occurrence_key == row.occurrence_key
        await pilot.press("u", "u", "u")  # back to after the 2nd toggle: pending
        await settle(pilot)
        assert status_of(app, row.occurrence_key) is RowStatus.PENDING
        await pilot.press("u")
        await settle(pilot)
        assert last_note(app) == "Nothing to undo."
        assert status_of(app, row.occurrence_key) is RowStatus.PENDING


async def test_queue_undo_and_redo_name_the_item(make_app, qdb: Path) -> None:  # noqa: F811
    app = make_app(db=qdb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+s")  # empty: refused, the text field has the focus
        await pilot.press(*"ok", "ctrl+s")
        await settle(pilot)
        assert statuses(app)["@alice"] is QueueStatus.REPLIED
        replied = alice(app)
        assert replied.reply_text
        await pilot.press(key_for(QueuePane, "ignore"))  # bob
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert last_note(app) == "Undone: ignored @bob"
        await pilot.press("u")
        await settle(pilot)
        assert last_note(app) == "Undone: replied to @alice"
        assert statuses(app)["@alice"] is QueueStatus.NEW
        assert app.query_one(QueuePane).list.current.author_handle == "@alice"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert last_note(app) == "Redone: replied to @alice"
        assert statuses(app)["@alice"] is QueueStatus.REPLIED
        assert alice(app) == replied
        assert "@alice" not in [item.author_handle for item in app.query_one(QueuePane).list.rows]


async def test_a_new_edit_clears_what_could_be_redone(make_app, qdb: Path) -> None:  # noqa: F811
    app = make_app(db=qdb, initial_tab="queue")
    done = key_for(QueuePane, "done")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(done, "u")  # alice replied, then not
        await settle(pilot)
        await pilot.press("j", done)  # bob replied: a new edit
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert last_note(app) == "Nothing to redo."
        assert statuses(app)["@alice"] is QueueStatus.NEW
        assert statuses(app)["@bob"] is QueueStatus.REPLIED


async def test_u_on_another_tab_undoes_the_last_edit_and_names_its_tab(
    make_app,
    qdb: Path,  # noqa: F811
) -> None:
    app = make_app(db=qdb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(key_for(QueuePane, "done"))
        await settle(pilot)
        assert statuses(app)["@alice"] is QueueStatus.REPLIED
        await pilot.press("1")
        await settle(pilot)
        assert app.active_pane.PANE_ID == "today"
        await pilot.press("u")
        await settle(pilot)
        assert last_note(app) == "Undone (Queue): marked @alice replied"
        assert statuses(app)["@alice"] is QueueStatus.NEW
        await pilot.press("3")
        await settle(pilot)
        queue = app.query_one(QueuePane)
        assert "@alice" in [item.author_handle for item in queue.list.rows]
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert last_note(app) == "Redone: marked @alice replied"
        assert "@alice" not in [item.author_handle for item in queue.list.rows]


async def test_calendar_redo_follows_a_post_that_undo_recreated(open_calendar: Any) -> None:  # noqa: F811
    """A deleted post comes back under a new id; the older steps (its status change) and the
    redone ones (the deletion again) act on that post."""
    app = open_calendar()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        original = pane.selected_post
        assert (original.title, original.status) == ("Launch thread", PostStatus.DRAFT)
        await pilot.press(key_for(CalendarPane, "cycle_status"))
        await settle(pilot)
        status = app.ctx.repo.posts.get(original.id).status
        assert status is not PostStatus.DRAFT
        await pilot.press(key_for(CalendarPane, "delete_post"))
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)

        def launch() -> list[Post]:
            return [p for p in app.ctx.repo.posts.all() if p.title == "Launch thread"]

        assert launch() == []
        await pilot.press("u")
        await settle(pilot)
        assert last_note(app) == "Undone: deleted the post “Launch thread”"
        (back,) = launch()
        assert back.id != original.id and back.status is status
        await pilot.press("u")  # the status change, on the post that came back
        await settle(pilot)
        assert [p.replace(id=original.id) for p in launch()] == [original]
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert [p.status for p in launch()] == [status]
        assert last_note(app).startswith("Redone: set “Launch thread” to ")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert launch() == []
        assert last_note(app) == "Redone: deleted the post “Launch thread”"
        await pilot.press("u", "u")
        await settle(pilot)
        assert [p.replace(id=original.id) for p in launch()] == [original]
        assert pane.selected_post.title == "Launch thread"


async def test_stats_figures_can_be_undone_and_redone(make_app) -> None:
    from cm_tui.ui.screens.figures_form import FiguresForm

    app = make_app(initial_tab="stats")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        assert isinstance(pane, StatsPane)
        before = list(app.ctx.repo.figures.all())
        await pilot.press(key_for(StatsPane, "enter_figures"))
        await settle(pilot)
        assert isinstance(app.screen, FiguresForm)
        app.screen.query_one("#figures-followers").value = "4242"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FiguresForm)
        assert app.ctx.repo.figures.all() != before
        await pilot.press("u")
        await settle(pilot)
        assert app.ctx.repo.figures.all() == before
        assert last_note(app).startswith("Undone: entered the figures of ")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert 4242 in [f.followers for f in app.ctx.repo.figures.all()]


async def test_messages_in_french(make_app, qdb: Path, demo_settings: Settings) -> None:  # noqa: F811
    from cm_tui.core.i18n import set_language

    set_language("fr")  # as the command line does from the settings (reset after each test)
    french = Settings(
        timezone="Europe/Paris", language="fr", active_networks=demo_settings.active_networks
    )
    app = make_app(db=qdb, settings=french, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(key_for(QueuePane, "done"), "u")
        await settle(pilot)
        assert last_note(app) == "Défait : marqué @alice comme répondu"
        await pilot.press("ctrl+r", "ctrl+r")
        await settle(pilot)
        assert notes(app)[-2:] == ["Refait : marqué @alice comme répondu", "Rien à refaire."]
        await pilot.press("1", "u")
        await settle(pilot)
        assert last_note(app) == "Défait (File) : marqué @alice comme répondu"


async def test_the_history_ends_with_the_app(make_app, qdb: Path) -> None:  # noqa: F811
    """Undo after a restart is not offered: the history is the running app's."""
    app = make_app(db=qdb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(key_for(QueuePane, "done"))
        await settle(pilot)
    app.ctx.store.close()
    again = make_app(db=qdb, initial_tab="queue")
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert last_note(again) == "Nothing to undo."
    with Store.open(qdb, readonly=True) as store:
        assert {i.author_handle: i.status for i in store.repo.queue.all()}["@alice"] is (
            QueueStatus.REPLIED
        )
