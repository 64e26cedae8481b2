"""Pilot tests of the app shell: tabs, help, palette, themes, persistence, write errors."""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta

from cm_tui.core.agenda import AgendaRow, RowStatus
from cm_tui.core.i18n import set_language
from cm_tui.core.models import OccurrenceStatus
from cm_tui.store import Store, StoreWriteError
from cm_tui.ui.app import TABS
from cm_tui.ui.panes.calendar import CalendarPane
from cm_tui.ui.panes.queue import QueuePane
from cm_tui.ui.panes.stats import StatsPane
from cm_tui.ui.panes.today import TodayPane
from cm_tui.ui.screens.help import HelpScreen
from tests.ui.conftest import SIZE, close_quietly, screen_text, settle


async def test_starts_on_today_with_the_demo(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.active_tab == "today"
        assert app.sub_title == "demo"
        today = app.active_pane
        assert isinstance(today, TodayPane)
        assert today.agenda is not None and today.agenda.total > 0
        text = screen_text(app)
        assert "Thu 19 Nov 2026  09:12:00" in text  # the header shows the fixed clock
        assert f"/{today.agenda.total} done" in text
        assert "Posting targets" in text
        # only the visible tab was mounted before the first frame
        assert [app.pane(tab.pane_id) is not None for tab in TABS] == [True, False, False, False]


async def test_number_keys_switch_every_tab(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key, pane_cls in (
            ("2", CalendarPane),
            ("3", QueuePane),
            ("4", StatsPane),
            ("1", TodayPane),
        ):
            await pilot.press(key)
            await settle(pilot)
            assert app.active_tab == pane_cls.PANE_ID
            pane = app.active_pane
            assert isinstance(pane, pane_cls)
            assert app.focused is not None and pane in app.focused.ancestors_with_self


async def test_help_lists_the_keys_of_the_current_tab(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert re.search(r"\bd +Done / not done +today\.toggle", text)
        assert "Next row" in text  # the agenda list's keys belong to the tab
        *_tab, (everywhere, app_keys) = app.help_sections("today")  # below, scrolled to
        assert everywhere == "Everywhere" and "Change theme" in [k.description for k in app_keys]
        assert "Previous week" not in text  # a Calendar key
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)

        await pilot.press("2", "question_mark")
        await settle(pilot)
        text = screen_text(app)
        assert "Previous week" in text and "Done / not done" not in text
        await pilot.press("question_mark")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_keymap_from_settings_remaps_keys_and_help_shows_it(make_app, demo_settings) -> None:
    settings = dataclasses.replace(demo_settings, keys={"today.toggle": "z", "app.help": "f1"})
    app = make_app(settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)  # ? no longer opens help
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert re.search(r"\bz +Done / not done +today\.toggle", text)
        await pilot.press("escape")
        today = app.active_pane
        row = today.list.current
        await pilot.press("z")
        await settle(pilot)
        assert app.ctx.repo.occurrences.by_key(row.occurrence_key) is not None


async def test_palette_lists_every_keyed_action_and_runs_one(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        titles = [entry.title for entry in app.command_entries()]
        for expected in (
            "Calendar",
            "Stats",
            "Help",
            "Change theme",
            "Quit",
            "Today: Done / not done",
            "Calendar: Next week",
            "Stats: Next figure",
        ):
            assert expected in titles
        await pilot.press("ctrl+p")
        await settle(pilot)
        app.screen.query_one("Input").cursor_blink = False
        await pilot.press(*"next week")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.active_tab == "calendar"
        calendar = app.active_pane
        assert calendar.week_start == app.ctx.today() - timedelta(days=3) + timedelta(weeks=1)


async def test_d_marks_done_and_it_survives_a_restart(make_app, demo_db) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        today = app.active_pane
        rows = today.list.rows
        index = next(
            i
            for i, r in enumerate(rows)
            if isinstance(r, AgendaRow)
            and r.day == today.agenda.day
            and not r.handled
            and r not in today.agenda.overdue
        )
        today.list.move_to(index)
        row = today.list.current
        done_before = today.agenda.done
        await pilot.press("d")
        await settle(pilot)
        assert today.agenda.done == done_before + 1
        assert today.list.current.occurrence_key == row.occurrence_key  # the cursor stays
        assert today.list.current.status is RowStatus.DONE
        key = row.occurrence_key
        assert app.ctx.repo.occurrences.by_key(key).status is OccurrenceStatus.DONE
    close_quietly(app.ctx.store)

    with Store.open(demo_db) as store:
        assert store.repo.occurrences.by_key(key).status is OccurrenceStatus.DONE

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        today = again.active_pane
        shown = [r for r in today.list.rows if isinstance(r, AgendaRow) and r.occurrence_key == key]
        assert shown and shown[0].status is RowStatus.DONE
        today.list.move_to(today.list.rows.index(shown[0]))
        await pilot.press("d")  # d again: back to not done
        await settle(pilot)
        assert again.ctx.repo.occurrences.by_key(key) is None


async def test_a_failed_write_is_reported_not_crashed(make_app, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        repo = app.ctx.repo

        def refuse(*_args, **_kwargs):
            raise StoreWriteError("disk full")

        monkeypatch.setattr(repo.occurrences, "set", refuse)
        row = app.active_pane.list.current
        await pilot.press("d")
        await settle(pilot)
        assert app.is_running
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Not saved: disk full.") for m in messages), messages
        assert all(m.lower().count("saved") <= 1 for m in messages)  # said once
        assert repo.occurrences.by_key(row.occurrence_key) is None


async def test_theme_is_remembered_across_restarts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme != "nord"
        await pilot.press("ctrl+t")
        await settle(pilot)
        app.screen.query_one("Input").cursor_blink = False
        await pilot.press(*"nord", "enter")
        await settle(pilot)
        assert app.theme == "nord"
        assert app.ctx.repo.prefs.get("theme") == "nord"
    close_quietly(app.ctx.store)

    again = make_app()
    assert again.theme == "nord"


async def test_french_titles(make_app) -> None:
    set_language("fr")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Aujourd'hui" in text and "Calendrier" in text
        assert "jeu. 19 nov. 2026" in text
        await pilot.press("question_mark")
        await settle(pilot)
        assert "Fait / pas fait" in screen_text(app)


async def test_queue_counts_follow_the_clock(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        label_before = app.tabs.get_tab("queue").label.plain
        queue = app.active_pane
        items = list(queue.list.rows)
        late_before = sum(1 for i in items if i.deadline <= app.ctx.now())
        app.ctx.clock.advance(timedelta(hours=2))
        app._tick()
        await settle(pilot)
        late_after = sum(1 for i in items if i.deadline <= app.ctx.now())
        assert late_after > late_before
        label_after = app.tabs.get_tab("queue").label.plain
        assert label_after != label_before and f"{late_after} late" in label_after


async def test_confirm_modal_answers_yes_or_no(make_app) -> None:
    from cm_tui.ui.screens.confirm import Confirm

    app = make_app()
    answers: list[bool] = []
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(Confirm("Delete [/] «x»?"), answers.append)
        await settle(pilot)
        assert "Delete [/] «x»?" in screen_text(app)  # the question is plain text
        await pilot.press("y")
        await settle(pilot)
        app.push_screen(Confirm("Again?"), answers.append)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    assert answers == [True, False]


async def test_a_tab_key_pressed_at_once_is_not_undone_by_the_initial_tab(make_app) -> None:
    """The initial tab's activation can arrive after the first key: it must not switch back."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        for _ in range(5):
            await pilot.pause()
        assert app.active_tab == "stats"
        assert app.active_pane is not None and app.active_pane.PANE_ID == "stats"
