"""Type-ahead is exact: keys sent in one burst (0 ms apart, all queued before the first is
handled) land where they would have landed typed one by one, through every modal, also when each
frame is slow to draw.

Keys are looked up by binding id (``key_of``), so these tests follow a remap of the key grammar.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.models import OccurrenceStatus, QueueStatus
from cm_tui.core.queue import fill_template
from cm_tui.core.settings import Settings
from cm_tui.ui.bindings import declared_keys
from cm_tui.ui.panes.calendar import CalendarPane
from cm_tui.ui.panes.queue import QueuePane
from cm_tui.ui.panes.stats import StatsPane
from cm_tui.ui.panes.today import TodayPane
from tests.conftest import FIXED_NOW
from tests.ui import test_calendar_edit as calendar_tests
from tests.ui import test_queue_triage as triage_tests
from tests.ui.conftest import SIZE, close_quietly, send_in_one_burst, settle
from tests.ui.test_queue_triage import current, stored

#: the small stores of the Queue and Calendar tests, as fixtures of this module too
qdb = triage_tests.qdb
small_db, settings = calendar_tests.small_db, calendar_tests.settings

#: how long each frame takes to draw under ``slow_frames`` (a loaded machine, a slow terminal)
SLOW_FRAME_S = 0.03


def key_of(owner: type, binding_id: str) -> str:
    """The first key bound to ``binding_id`` on ``owner`` (as declared)."""
    return declared_keys(owner)[binding_id][0]


@pytest.fixture(params=["fast", "slow"])
def frames(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every test runs twice: as is, and with each frame taking ``SLOW_FRAME_S`` to draw
    (blocking the loop, as a slow terminal does)."""
    if request.param == "slow":
        from textual.screen import Screen

        draw = Screen._compositor_refresh

        def slow(self: Any) -> None:
            time.sleep(SLOW_FRAME_S)
            draw(self)

        monkeypatch.setattr(Screen, "_compositor_refresh", slow)
    yield request.param


async def _queue(make_app: Any, db: Path) -> Any:
    return make_app(db=db, initial_tab="queue")


# -- Queue: reply, escalate, snooze ---------------------------------------------------------


async def test_reply_text_typed_with_r_lands_in_the_text(make_app, qdb: Path, frames: str) -> None:
    """The reply dialog opens with the cursor in the text: what is typed after ``r`` is the
    reply, ``ctrl+s`` sends it, and the key after goes to the next item."""
    app = await _queue(make_app, qdb)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reply, done = key_of(QueuePane, "queue.reply"), key_of(QueuePane, "queue.done")
        send_in_one_burst(app, reply, *"Merci Paul", "ctrl+s", done)
        await settle(pilot)
        assert current(app) == "@carol"
    items = stored(qdb, app)
    assert items["@alice"].status is QueueStatus.REPLIED
    assert items["@alice"].reply_text == "Merci Paul"
    assert items["@bob"].status is QueueStatus.REPLIED and items["@bob"].reply_text == ""
    assert items["@carol"].status is QueueStatus.NEW


async def test_reply_down_picks_a_saved_reply_and_ctrl_s_sends_it(
    make_app, qdb: Path, frames: str
) -> None:
    app = await _queue(make_app, qdb)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first_template = app.query_one(QueuePane).reply_templates()[0][1]
        send_in_one_burst(app, key_of(QueuePane, "queue.reply"), "down", "ctrl+s")
        await settle(pilot)
        assert current(app) == "@bob"
    alice = stored(qdb, app)["@alice"]
    assert alice.status is QueueStatus.REPLIED
    assert alice.reply_text == fill_template(first_template, alice)


async def test_saved_replies_move_with_j_and_k(make_app, qdb: Path, frames: str) -> None:
    """``tab`` reaches the saved replies; ``j``/``k`` move in them like in every list; ``enter``
    fills the text and goes back to it."""
    app = await _queue(make_app, qdb)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        second = app.query_one(QueuePane).reply_templates()[1][1]
        send_in_one_burst(app, key_of(QueuePane, "queue.reply"), "tab", "j", "k", "j", "enter")
        send_in_one_burst(app, *" ok", "ctrl+s")
        await settle(pilot)
    alice = stored(qdb, app)["@alice"]
    assert alice.reply_text == fill_template(second, alice) + " ok"


async def test_escalate_then_a_triage_key_goes_to_the_next_item(
    make_app, qdb: Path, frames: str
) -> None:
    app = await _queue(make_app, qdb)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        escalate, ignore = key_of(QueuePane, "queue.escalate"), key_of(QueuePane, "queue.ignore")
        send_in_one_burst(app, escalate, *"ask legal", "enter", ignore)
        await settle(pilot)
    items = stored(qdb, app)
    assert items["@alice"].status is QueueStatus.ESCALATED
    assert items["@alice"].notes.endswith("ask legal")
    assert items["@bob"].status is QueueStatus.IGNORED
    assert items["@carol"].status is QueueStatus.NEW


async def test_snooze_choice_then_done_acts_on_the_next_item(
    make_app, qdb: Path, frames: str
) -> None:
    app = await _queue(make_app, qdb)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        snooze, done = key_of(QueuePane, "queue.snooze"), key_of(QueuePane, "queue.done")
        send_in_one_burst(app, snooze, "1", done)
        await settle(pilot)
    items = stored(qdb, app)
    assert items["@alice"].status is QueueStatus.SNOOZED
    assert items["@alice"].snoozed_until == FIXED_NOW + timedelta(minutes=15)
    assert items["@bob"].status is QueueStatus.REPLIED


async def test_escape_then_keys_go_to_the_list_after_the_dialog_closed(
    make_app, qdb: Path, frames: str
) -> None:
    """A key typed right after the key that closes a dialog acts on what is under it, once."""
    app = await _queue(make_app, qdb)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reply, done = key_of(QueuePane, "queue.reply"), key_of(QueuePane, "queue.done")
        send_in_one_burst(app, reply, "x", "escape", done, "j", done)
        await settle(pilot)
    items = stored(qdb, app)
    assert items["@alice"].status is QueueStatus.REPLIED and items["@alice"].reply_text == ""
    assert items["@bob"].status is QueueStatus.NEW
    assert items["@carol"].status is QueueStatus.REPLIED


# -- Today: skip reason, snooze, search ----------------------------------------------------


async def _today_row(app: Any, pilot: Any) -> Any:
    from tests.ui.test_today import to_day_rows

    await settle(pilot)
    return await to_day_rows(pilot)


async def test_skip_reason_then_keys_reach_the_agenda(make_app, demo_db: Path, frames: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        first = await _today_row(app, pilot)
        pane = app.query_one(TodayPane)
        skip, toggle = key_of(TodayPane, "today.skip"), key_of(TodayPane, "today.toggle")
        send_in_one_burst(app, skip, *"client call", "enter", "j", toggle)
        await settle(pilot)
        second = pane.list.current
        assert second.occurrence_key != first.occurrence_key
        repo = app.ctx.repo
        record = repo.occurrences.by_key(first.occurrence_key)
        assert record.status is OccurrenceStatus.SKIPPED and record.reason == "client call"
        assert repo.occurrences.by_key(second.occurrence_key).status is OccurrenceStatus.DONE
    close_quietly(app.ctx.store)


async def test_snooze_then_keys_reach_the_agenda(make_app, demo_db: Path, frames: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        first = await _today_row(app, pilot)
        snooze = key_of(TodayPane, "today.snooze")
        send_in_one_burst(app, snooze, "t", "j", snooze, "t")
        await settle(pilot)
        repo = app.ctx.repo
        assert repo.occurrences.by_key(first.occurrence_key).status is OccurrenceStatus.SNOOZED
        snoozed = [r for r in repo.occurrences.all() if r.status is OccurrenceStatus.SNOOZED]
        assert len(snoozed) == 2
    close_quietly(app.ctx.store)


# -- Calendar: post form, confirm ----------------------------------------------------------


async def test_post_form_typed_in_one_burst(
    make_app, small_db: Path, settings: Settings, frames: str
) -> None:
    app = make_app(db=small_db, settings=settings, initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(CalendarPane)
        week = pane.week_start
        new, nxt = key_of(CalendarPane, "calendar.new"), key_of(CalendarPane, "calendar.next")
        send_in_one_burst(app, "l", new, *"Weekend teaser", "ctrl+s", nxt)
        await settle(pilot)
        assert [p.title for p in app.ctx.repo.posts.all() if p.title == "Weekend teaser"]
        assert pane.week_start == week + timedelta(days=7)


async def test_confirm_answered_in_the_same_burst(
    make_app,
    small_db: Path,
    settings: Settings,
    frames: str,
) -> None:
    app = make_app(db=small_db, settings=settings, initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(CalendarPane)
        week = pane.week_start
        delete, nxt = key_of(CalendarPane, "calendar.delete"), key_of(CalendarPane, "calendar.next")
        send_in_one_burst(app, delete, "y", nxt)
        await settle(pilot)
        assert "Launch thread" not in [p.title for p in app.ctx.repo.posts.all()]
        assert pane.week_start == week + timedelta(days=7)


# -- Stats: the figures form ---------------------------------------------------------------


async def test_figures_form_typed_in_one_burst(make_app, frames: str) -> None:
    app = make_app(initial_tab="stats")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(StatsPane)
        month = pane.selected_month()
        network = pane.network or pane._networks[0].key
        edit, nxt = key_of(StatsPane, "stats.enter"), key_of(StatsPane, "stats.next_month")
        send_in_one_burst(app, edit, "ctrl+u", *"4242", "ctrl+s", nxt)
        await settle(pilot)
        saved = [
            f.followers
            for f in app.ctx.repo.figures.all()
            if (f.network, f.month) == (network, month)
        ]
        assert saved == [4242]
        assert pane.selected_month() != month


# -- a whole morning, typed fast -----------------------------------------------------------


async def test_a_fast_morning_never_garbles_a_reply(make_app, qdb: Path, frames: str) -> None:
    """The reproduced morning: replies, an escalation and an ignore typed without waiting."""
    app = await _queue(make_app, qdb)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reply = key_of(QueuePane, "queue.reply")
        escalate, ignore = key_of(QueuePane, "queue.escalate"), key_of(QueuePane, "queue.ignore")
        thanks = "Thank you! We are glad you like it."
        send_in_one_burst(app, reply, *thanks, "ctrl+s", reply, *thanks, "ctrl+s")
        send_in_one_burst(app, escalate, *"refund?", "enter", ignore)
        await settle(pilot)
    items = stored(qdb, app)
    assert items["@alice"].reply_text == thanks
    assert items["@bob"].reply_text == thanks
    assert items["@carol"].status is QueueStatus.ESCALATED
    assert items["@dave"].status is QueueStatus.IGNORED
    assert items["@erin"].status is QueueStatus.NEW


# -- search fields and the app's own screens -----------------------------------------------


async def test_search_typed_and_submitted_then_a_triage_key(
    make_app, qdb: Path, frames: str
) -> None:
    """``/``, the search, ``enter`` back to the list, then ``d``: the one item found is done."""
    app = await _queue(make_app, qdb)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        search, done = key_of(QueuePane, "queue.search"), key_of(QueuePane, "queue.done")
        send_in_one_burst(app, search, *"carol", "enter", done)
        await settle(pilot)
    items = stored(qdb, app)
    assert items["@carol"].status is QueueStatus.REPLIED
    assert [a for a, item in items.items() if item.status is not QueueStatus.NEW] == ["@carol"]


async def test_help_closed_in_the_same_burst_then_a_tab_key(make_app, frames: str) -> None:
    from cm_tui.ui.app import CmTuiApp

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        send_in_one_burst(app, key_of(CmTuiApp, "app.help"), "escape", "3")
        await settle(pilot)
        assert app.screen is app.screen_stack[0]
        assert app.active_pane.PANE_ID == "queue"


# -- j/k in every list ---------------------------------------------------------------------


async def test_j_and_k_move_in_the_network_picker(
    make_app,
    small_db: Path,
    settings: Settings,
    frames: str,
) -> None:
    """The duplicate dialog's list moves with ``j``/``k`` like every list; picked in a burst."""
    app = make_app(db=small_db, settings=settings, initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        original = app.query_one(CalendarPane).selected_post
        duplicate = key_of(CalendarPane, "calendar.duplicate")
        send_in_one_burst(app, duplicate, "j", "k", "j", "space", "enter")
        await settle(pilot)
        copies = [p.network for p in app.ctx.repo.posts.all() if p.title == original.title]
        assert sorted(copies) == ["facebook", "x"]


async def test_status_chooser_answered_in_the_same_burst(
    make_app,
    small_db: Path,
    settings: Settings,
    frames: str,
) -> None:
    """``P``, ``j`` (idea -> draft), ``enter``, then the next week: one burst."""
    from cm_tui.core.models import PostStatus

    app = make_app(db=small_db, settings=settings, initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(CalendarPane)
        week = pane.week_start
        choose, nxt = (
            key_of(CalendarPane, "calendar.set_status"),
            key_of(CalendarPane, "calendar.next"),
        )
        send_in_one_burst(app, "J", choose, "j", "enter", nxt)
        await settle(pilot)
        (recap,) = [p for p in app.ctx.repo.posts.all() if p.title == "Evening recap"]
        assert recap.status is PostStatus.DRAFT
        assert pane.week_start == week + timedelta(days=7)


async def test_escape_and_a_key_read_as_alt_key_are_both_applied(
    make_app, qdb: Path, frames: str
) -> None:
    """A terminal sends ``esc`` as the byte ESC, and ESC followed at once by ``d`` is what
    Alt+d sends: the terminal parser reads ``esc d`` typed in one burst as ``alt+d``. Reproduced
    in tmux: the reply dialog stayed open and ``d`` was lost. cm-tui binds no Alt key: an
    unbound ``alt+<key>`` is taken as ``esc`` then ``<key>``."""
    app = await _queue(make_app, qdb)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        send_in_one_burst(app, key_of(QueuePane, "queue.reply"), *"abandon")
        send_in_one_burst(app, "alt+d")
        await settle(pilot)
        assert app.screen is app.screen_stack[0]
    items = stored(qdb, app)
    assert items["@alice"].status is QueueStatus.REPLIED and items["@alice"].reply_text == ""
    assert items["@bob"].status is QueueStatus.NEW


async def test_no_cyclic_collection_while_keys_are_in_flight(
    make_app, qdb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full collection over a large store takes tens of milliseconds: it waits until the
    keys of a burst have settled, and the collector is on again afterwards."""
    import gc

    seen: list[bool] = []
    app = await _queue(make_app, qdb)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        done = pane.action_done

        def spying() -> None:
            seen.append(gc.isenabled())
            done()

        monkeypatch.setattr(pane, "action_done", spying)
        send_in_one_burst(app, *[key_of(QueuePane, "queue.done")] * 3)
        await settle(pilot)
        assert seen == [False, False, False]
        assert gc.isenabled()
