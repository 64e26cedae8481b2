"""The shared verbs of the key grammar, through real keys on every tab: ``enter`` shows the
selected thing in full, ``y y`` / ``y l`` copy its text / link, ``o`` opens its link, ``x`` deletes
after asking, ``/`` searches the Calendar, and ``f`` then a second key filters (a small menu that
``escape`` cancels and an unknown key closes with one line)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.agenda import AgendaRow
from cm_tui.core.models import (
    Cadence,
    CadenceKind,
    Post,
    QueueItem,
    QueueKind,
    TaskGroup,
    TaskTemplate,
)
from cm_tui.store import Store
from cm_tui.ui.screens.confirm import Confirm
from cm_tui.ui.screens.detail import DetailScreen
from cm_tui.ui.screens.help import HelpScreen
from cm_tui.ui.screens.prefix_menu import PrefixMenu
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, FakeBrowsers, screen_text, send_in_one_burst, settle

LONG = (
    "Prepare the quarterly partner newsletter with the three case studies, see "
    "https://example.org/brief, and ask legal about the quotes before Friday"
)


def notes(app: Any) -> list[str]:
    return [note.message for note in app._notifications]


def detail_text(app: Any) -> str:
    assert isinstance(app.screen, DetailScreen), type(app.screen)
    return str(app.screen.query_one("#detail-text").render())


@pytest.fixture
def opened(browsers: FakeBrowsers) -> list[str]:
    """What the app asked the browser (a fake one that opens) to open."""
    browsers.add(works=True)
    return browsers.opened


def _with_task(db: Path, label: str, source: str = "user") -> None:
    day = FIXED_NOW.date()
    with Store.open(db) as store:
        store.repo.tasks.add(
            TaskTemplate(
                key=f"user-{abs(hash(label))}",
                label_en=label,
                label_fr=label,
                group=TaskGroup.DAILY,
                cadence=Cadence(kind=CadenceKind.ONCE, anchor=day, at="23:30"),
                source=source,
            )
        )


def _select_task(pane: Any, label: str) -> None:
    index = next(
        i
        for i, row in enumerate(pane.list.rows)
        if isinstance(row, AgendaRow) and row.template.label_en == label
    )
    pane.list.move_to(index)


# ------------------------------------------------------------------ Today


async def test_today_enter_shows_the_whole_task_and_escape_closes(make_app, demo_db) -> None:
    _with_task(demo_db, LONG)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        _select_task(pane, LONG)
        await pilot.press("enter")
        await settle(pilot)
        assert " ".join(detail_text(app).split()).startswith(LONG)
        assert "Your task" in detail_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, DetailScreen)


async def test_today_y_copies_the_title_or_its_link_and_o_opens_it(
    make_app, demo_db, opened: list[str]
) -> None:
    _with_task(demo_db, LONG)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        _select_task(pane, LONG)
        send_in_one_burst(app, "y", "y")
        await settle(pilot)
        assert app.clipboard == LONG
        send_in_one_burst(app, "y", "l")
        await settle(pilot)
        assert app.clipboard == "https://example.org/brief"
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://example.org/brief"]
        pane.list.move_to(1)  # a catalog task: no link
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://example.org/brief"]
        assert notes(app)[-1] == "No link here."


async def test_today_x_deletes_a_users_task_after_asking_and_keeps_catalog_ones(
    make_app, demo_db
) -> None:
    _with_task(demo_db, "Call the printer")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        _select_task(pane, "Call the printer")
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
        assert any(t.label_en == "Call the printer" for t in app.ctx.repo.tasks.all())
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not any(t.label_en == "Call the printer" for t in app.ctx.repo.tasks.all())
        assert notes(app)[-1] == "Task deleted: Call the printer"
        await pilot.press("u")  # the deletion is an edit of the app's history
        await settle(pilot)
        assert any(t.label_en == "Call the printer" for t in app.ctx.repo.tasks.all())
        assert notes(app)[-1] == "Undone: deleted the task “Call the printer”"
        _select_task(pane, "Call the printer")
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        row = pane.list.current
        assert row.template.source == "catalog"
        await pilot.press("x")
        await settle(pilot)
        assert not isinstance(app.screen, Confirm)
        assert "comes from the catalog" in notes(app)[-1]
        assert app.ctx.repo.tasks.get(row.template.id) is not None


async def test_today_d_ticks_and_i_asks_a_skip_reason(make_app) -> None:
    from cm_tui.core.models import OccurrenceStatus
    from cm_tui.ui.screens.today_modals import SkipScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        key = pane.list.current.occurrence_key
        await pilot.press("d")
        await settle(pilot)
        stored = app.ctx.repo.occurrences.by_key(key)
        assert stored is not None and stored.status is OccurrenceStatus.DONE
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, SkipScreen)


# ------------------------------------------------------------------ Calendar


def _with_posts(db: Path) -> list[Post]:
    at = FIXED_NOW.replace(hour=9, minute=0, second=0, microsecond=0)
    posts = [
        Post(network="facebook", at=at + timedelta(days=1), title="Spring sale teaser",
             text="Our spring sale starts soon", link="https://example.org/sale"),
        Post(network="facebook", at=at + timedelta(days=9), title="Spring sale live",
             text="It is on", link="javascript:alert(1)"),
    ]  # fmt: skip
    with Store.open(db) as store:
        return [store.repo.posts.add(post) for post in posts]


async def test_calendar_enter_shows_the_post_and_e_edits_it(make_app, demo_db) -> None:
    from cm_tui.ui.screens.post_form import PostForm

    first, _second = _with_posts(demo_db)
    app = make_app(initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        pane._follow(first)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = detail_text(app)
        assert "Spring sale teaser" in text
        assert "Our spring sale starts soon" in text
        assert "https://example.org/sale" in text
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, PostForm)


async def test_calendar_slash_jumps_to_matching_posts_and_enter_to_the_next(
    make_app, demo_db
) -> None:
    first, second = _with_posts(demo_db)
    app = make_app(initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        send_in_one_burst(app, "slash", *"spring sale")
        await settle(pilot)
        assert pane.selected_post is not None and pane.selected_post.id == first.id
        await pilot.press("enter")
        await settle(pilot)
        assert pane.selected_post.id == second.id
        await pilot.press("enter")  # wraps around
        await settle(pilot)
        assert pane.selected_post.id == first.id
        await pilot.press("escape")
        await settle(pilot)
        assert not pane.search_input("calendar-search").display
        assert app.focused is pane.view


async def test_calendar_y_l_copies_the_link_and_o_opens_web_links_only(
    make_app, demo_db, opened: list[str]
) -> None:
    first, second = _with_posts(demo_db)
    app = make_app(initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        pane._follow(first)
        send_in_one_burst(app, "y", "l")
        await settle(pilot)
        assert app.clipboard == "https://example.org/sale"
        await pilot.press("o")
        pane._follow(second)
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://example.org/sale"]
        assert "not a web address" in notes(app)[-1]


async def test_calendar_f_n_shows_one_network_escape_all_again(make_app) -> None:
    app = make_app(initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        every = [n.key for n in pane.networks]
        send_in_one_burst(app, "f", "n")
        await settle(pilot)
        assert [n.key for n in pane.networks] == every[:1]
        await pilot.press("escape")  # clears the filter
        await settle(pilot)
        assert [n.key for n in pane.networks] == every
        for _ in range(len(every) + 1):  # each network, then all of them
            send_in_one_burst(app, "f", "n")
            await settle(pilot)
        assert [n.key for n in pane.networks] == every


async def test_calendar_v_cycles_week_month_list(make_app) -> None:
    app = make_app(initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        seen = []
        for _ in range(3):
            await pilot.press("v")
            await settle(pilot)
            seen.append(pane.mode)
        assert seen == ["month", "list", "week"]


# ------------------------------------------------------------------ Queue


def _queue_db(tmp_path: Path) -> Path:
    db = tmp_path / "q" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:
        for n, (who, network) in enumerate((("ann", "x"), ("ben", "facebook"))):
            deadline = FIXED_NOW + timedelta(minutes=10 * (n + 1))
            store.repo.queue.add(
                QueueItem(
                    kind=QueueKind.COMMENT,
                    network=network,
                    author_handle=f"@{who}",
                    author_name=who,
                    text=f"hello from {who}",
                    received_at=deadline - timedelta(hours=1),
                    deadline=deadline,
                    link=f"https://example.org/{who}",
                )
            )
    return db


async def test_queue_f_then_a_second_key_filters_in_one_burst(make_app, tmp_path) -> None:
    app = make_app(db=_queue_db(tmp_path), initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        send_in_one_burst(app, "f", "n")
        await settle(pilot)
        assert [item.network for item in pane.list.rows] == ["facebook"]
        assert "Filter" in screen_text(app)
        await pilot.press("escape")  # clears the filters (no menu open)
        await settle(pilot)
        assert len(pane.list.rows) == 2


async def test_a_prefix_menu_lists_its_keys_escape_cancels_and_an_unknown_key_says_so(
    make_app, tmp_path
) -> None:
    app = make_app(db=_queue_db(tmp_path), initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, PrefixMenu)
        shown = screen_text(app)
        for line in ("n  Filter: network", "k  Filter: kind", "w  Filter: keywords"):
            assert line in shown, line
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, PrefixMenu)
        assert len(pane.list.rows) == 2
        before = len(notes(app))
        send_in_one_burst(app, "f", "z")
        await settle(pilot)
        assert not isinstance(app.screen, PrefixMenu)
        assert notes(app)[before:] == ["f then z: no such key, nothing done (f lists the keys)"]
        assert len(pane.list.rows) == 2


async def test_queue_grammar_keys_copy_open_escalate_lists_import(
    make_app, tmp_path, opened: list[str]
) -> None:
    from cm_tui.ui.screens.queue_modals import (
        EscalateScreen,
        ImportFileScreen,
        LinesEditorScreen,
    )

    app = make_app(db=_queue_db(tmp_path), initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        send_in_one_burst(app, "y", "y")
        await settle(pilot)
        assert app.clipboard == "hello from ann"
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://example.org/ann"]
        for keys, screen in (
            (("exclamation_mark",), EscalateScreen),
            (("M", "r"), LinesEditorScreen),
            (("M", "w"), LinesEditorScreen),
            (("ctrl+o",), ImportFileScreen),
        ):
            send_in_one_burst(app, *keys)
            await settle(pilot)
            assert isinstance(app.screen, screen), keys
            await pilot.press("escape")
            await settle(pilot)


# ------------------------------------------------------------------ Stats


async def test_stats_enter_shows_the_months_figures_f_r_t_f_n_escape(make_app) -> None:
    app = make_app(initial_tab="stats")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.active_pane
        month = pane.selected_month()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        text = detail_text(app)
        for network in pane._networks:
            assert network.name in text
        await pilot.press("escape")
        await settle(pilot)
        first_range = pane.range
        send_in_one_burst(app, "f", "r")
        await settle(pilot)
        assert pane.range != first_range
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert pane.selected_month() != month
        await pilot.press("t")
        await settle(pilot)
        assert pane.selected_month() == month
        send_in_one_burst(app, "f", "n")
        await settle(pilot)
        assert pane.network == pane._networks[0].key
        await pilot.press("escape")
        await settle(pilot)
        assert pane.network is None


# ------------------------------------------------------------------ help


async def test_help_lists_the_shared_verbs_first_then_the_tabs_own_keys(make_app) -> None:
    app = make_app(initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "Shared keys" in screen_text(app)
        sections = app.help_sections("queue")
        assert [title for title, _keys in sections] == ["Shared keys", "Queue only", "Everywhere"]
        shared = [(info.keys, info.binding_id) for info in sections[0][1]]
        assert shared[0] == (("⏎",), "queue.detail")
        assert (("f n",), "queue.network") in shared
        assert (("y l",), "copy.link") in shared
        assert shared.index((("f",), "queue.filters")) + 1 == shared.index(
            (("f n",), "queue.network")
        )
        own = [info.binding_id for info in sections[1][1]]
        assert "queue.reply" in own and "queue.escalate" in own
