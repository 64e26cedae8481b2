"""The platforms' exports in the app: ``ctrl+o`` on the Queue tab and the inbox folder take them
by their content into the month figures, like ``cm-tui import``, and say what they took them
for; a look-alike is refused with what was expected."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from cm_tui.core.models import NetworkProfile, PostingPeriod
from cm_tui.core.settings import Settings
from cm_tui.store import Store
from cm_tui.ui.screens.detail import DetailScreen
from tests.io.export_files import linkedin_book, meta_daily, write_csv
from tests.ui.conftest import SIZE, close_quietly, screen_text, settle


@pytest.fixture
def edb(tmp_path: Path) -> Path:
    db = tmp_path / "e" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:
        store.repo.networks.add_many(
            NetworkProfile(key, key.title(), 3000, 1, 3, PostingPeriod.WEEK)
            for key in ("facebook", "linkedin")
        )
    return db


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def notifications(app: Any) -> list[str]:
    return [note.message for note in app._notifications]


def figures(db: Path, app: Any) -> dict[tuple[str, str], Any]:
    close_quietly(app.ctx.store)
    with Store.open(db) as store:
        return {(f.network, f.month): f for f in store.repo.figures.all()}


async def test_ctrl_o_takes_a_meta_daily_series(make_app, edb: Path, tmp_path: Path) -> None:
    meta_daily(tmp_path / "r.csv", "Facebook Page reach", [("2026-03-01", 4), ("2026-03-02", 6)])
    app = make_app(db=edb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o", *"r.csv", "enter")
        await settle(pilot)
        done = notifications(app)[-1]
        assert "r.csv: taken for a Meta daily series (Facebook Page reach)" in done
        assert "facebook 2026-03: Reach 10 (from r.csv)" in done
    assert figures(edb, app)[("facebook", "2026-03")].reach == 10


async def test_ctrl_o_refuses_a_look_alike(make_app, edb: Path, tmp_path: Path) -> None:
    write_csv(tmp_path / "t.csv", ["Tweet id", "time", "likes"], [["1", "x", "2"]])
    app = make_app(db=edb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o", *"t.csv", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert "looks like an X analytics export" in screen_text(app)


def _dropped(path: Path, age: float) -> None:
    past = time.time() - age
    os.utime(path, (past, past))


async def test_the_inbox_takes_a_linkedin_workbook(make_app, edb: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _dropped(linkedin_book(inbox / "page.xlsx", [("2026-03-01", 100, 7)]), 90)
    old = inbox / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    _dropped(old, 80)
    settings = Settings(timezone="Europe/Paris", language="en", inbox=str(inbox))
    app = make_app(db=edb, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.check_inbox()
        await settle(pilot)
        assert any("taken for a LinkedIn page analytics workbook" in n for n in notifications(app))
    assert [p.name for p in (inbox / "processed").iterdir()] == ["page.xlsx"]
    reason = (inbox / "failed" / "old.xls.reason.txt").read_text(encoding="utf-8")
    assert "save it as XLSX" in reason
    march = figures(edb, app)[("linkedin", "2026-03")]
    assert (march.impressions, march.profile_visits) == (100, 7)


async def test_a_posts_detail_shows_its_figures_from_the_exports(make_app, demo_db) -> None:
    from datetime import timedelta

    from cm_tui.core.export_facts import ExportFact
    from cm_tui.core.models import Post
    from tests.conftest import FIXED_NOW

    at = FIXED_NOW.replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=1)
    with Store.open(demo_db) as store:
        post = store.repo.posts.add(Post(network="facebook", at=at, title="Launch"))
        store.repo.export_facts.add(
            ExportFact(
                "facebook",
                "https://facebook.com/p1",
                "post",
                "Posts Mar.csv",
                at=at,
                post=post.id,
                figures=("reach", "reactions"),
                reach=1234,
                reactions=56,
            )
        )
    app = make_app(initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.active_pane._follow(post)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = str(app.screen.query_one("#detail-text").render())
        assert "Figures from the exports" in text
        assert "reach 1,234" in text and "reactions 56" in text and "Posts Mar.csv" in text


# --------------------------------------------------------------------------- large files, undo

BIG = 30_000


def _big_meta_posts(path: Path, count: int = BIG) -> Path:
    """``count`` posts of March 2026 (reach 2 each, one reaction each)."""
    from tests.io.export_files import META_EN, meta_row

    rows = (
        meta_row(META_EN, n, when=f"03/{1 + n % 28:02d}/2026 10:{n % 60:02d}", reach=2, reactions=1)
        for n in range(count)
    )
    return write_csv(path, META_EN, rows)


def _with_queue_items(db: Path) -> None:
    from datetime import timedelta

    from cm_tui.core.models import QueueItem, QueueKind
    from tests.conftest import FIXED_NOW

    with Store.open(db) as store:
        store.repo.queue.add_many(
            QueueItem(
                kind=QueueKind.COMMENT,
                network="facebook",
                author_handle=f"@{name}",
                text=f"hello from {name}",
                received_at=FIXED_NOW - timedelta(minutes=50 - n),
                deadline=FIXED_NOW + timedelta(minutes=10 + n),
            )
            for n, name in enumerate(("alice", "bob", "carol"))
        )


async def _until(pilot: Any, done: Any, tries: int = 2000) -> None:
    """Let the app run until ``done()`` (a worker's progress), without a wall-clock wait."""
    for _ in range(tries):
        if done():
            return
        await pilot.pause()
    raise AssertionError("the condition was never met")


async def test_keys_are_handled_while_a_large_export_is_written(
    make_app, edb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker is held once part of the export is in the store: a key pressed then is
    handled at once (the export is written in several transactions, not one that keeps the
    UI thread until its end), and the figures are right once the rest is written."""
    import threading

    from cm_tui.ui import queue_import_flow as flow_module
    from cm_tui.ui.panes.queue import QueuePane

    _with_queue_items(edb)
    _big_meta_posts(tmp_path / "big.csv")
    part_written, gate = threading.Event(), threading.Event()
    real_call = flow_module.QueueImportFlow._call
    app = make_app(db=edb, initial_tab="queue")

    def held_call(self: Any, callback: Any, *args: Any) -> Any:
        result = real_call(self, callback, *args)
        stored = app.ctx.repo.export_facts.count()
        if 0 < stored < BIG and not part_written.is_set():
            part_written.set()
            assert gate.wait(60)
        return result

    monkeypatch.setattr(flow_module.QueueImportFlow, "_call", held_call)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        before = pane.list.cursor
        worker = pane.import_path(tmp_path / "big.csv")
        assert worker is not None
        await _until(pilot, lambda: part_written.is_set() or worker.is_finished)
        assert part_written.is_set(), "the export was written in one piece"
        await pilot.press("j")
        assert pane.list.cursor == before + 1  # handled mid-import
        assert 0 < app.ctx.repo.export_facts.count() < BIG
        gate.set()
        await settle(pilot)
        assert worker.is_finished and worker.error is None
        assert "facebook 2026-03: Posts 30,000, Reach 60,000" in notifications(app)[-1]
    march = figures(edb, app)[("facebook", "2026-03")]
    assert (march.posts, march.reach, march.reactions) == (BIG, 2 * BIG, BIG)


def _store_state(db: Path) -> tuple[list[Any], list[Any]]:
    with Store.open(db, readonly=True) as store:
        return _state_of(store.repo)


def _earlier_import(db: Path) -> None:
    """March's figures typed by hand, and one post an earlier export gave (the file updates
    it): what a failed or undone import must leave as it was."""
    from datetime import UTC, datetime

    from cm_tui.core.export_facts import ExportFact
    from cm_tui.core.models import MonthlyFigures

    with Store.open(db) as store:
        store.repo.figures.add(MonthlyFigures("facebook", "2026-03", followers=500, reach=7))
        store.repo.export_facts.add(
            ExportFact(
                "facebook",
                "https://www.facebook.com/123/posts/1",
                "post",
                "old.csv",
                at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
                permalink="https://www.facebook.com/123/posts/1",
                figures=("reach",),
                reach=7,
            )
        )


def _posts_file(path: Path, count: int) -> Path:
    from tests.io.export_files import META_EN, meta_row

    rows = [meta_row(META_EN, n, when="03/02/2026 10:00", reach=5) for n in range(1, count + 1)]
    return write_csv(path, META_EN, rows)


async def test_an_export_that_cannot_be_saved_part_way_leaves_the_store_as_it_was(
    make_app, edb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cm_tui.io.exports import writing
    from cm_tui.store import StoreWriteError

    _earlier_import(edb)
    before = _store_state(edb)
    _posts_file(tmp_path / "p.csv", 7)
    monkeypatch.setattr(writing, "CHUNK", 2)
    app = make_app(db=edb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        facts = app.ctx.repo.export_facts
        real_add = facts.add_many
        calls: list[int] = []

        def third_fails(items: Any) -> Any:
            items = list(items)
            calls.append(len(items))
            if len(calls) == 3:
                raise StoreWriteError("disk full")
            return real_add(items)

        monkeypatch.setattr(facts, "add_many", third_fails)
        await pilot.press("ctrl+o", *"p.csv", "enter")
        await settle(pilot)
        assert calls == [2, 2, 2]  # two chunks landed, the third failed
        assert any(m.startswith("Not saved: disk full.") for m in notifications(app))
        assert not any("months of figures changed" in m for m in notifications(app))
    close_quietly(app.ctx.store)
    assert _store_state(edb) == before


async def test_u_undoes_an_export_import_and_ctrl_r_redoes_it(
    make_app, edb: Path, tmp_path: Path
) -> None:
    _earlier_import(edb)
    before = _store_state(edb)
    _posts_file(tmp_path / "p.csv", 3)
    app = make_app(db=edb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o", *"p.csv", "enter")
        await settle(pilot)
        march = app.ctx.repo.figures.all()[0]
        assert (march.followers, march.reach, march.posts) == (500, 15, 3)
        assert app.ctx.repo.export_facts.count() == 3
        await pilot.press("u")
        await settle(pilot)
        assert notifications(app)[-1] == "Undone (Stats): imported p.csv"
        assert _state_of(app.ctx.repo) == before
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert notifications(app)[-1] == "Redone (Stats): imported p.csv"
        march = app.ctx.repo.figures.all()[0]
        assert (march.followers, march.reach, march.posts) == (500, 15, 3)
        assert sorted(f.reach for f in app.ctx.repo.export_facts.all()) == [5, 5, 5]
    with Store.open(edb, readonly=True) as store:
        assert store.repo.export_facts.count() == 3


def _state_of(repo: Any) -> tuple[list[Any], list[Any]]:
    """The export facts and month figures, ids aside (an undone deletion comes back under a
    new id)."""
    facts = sorted(repr(f.replace(id=0).to_dict()) for f in repo.export_facts.all())
    months = sorted(repr(f.replace(id=0).to_dict()) for f in repo.figures.all())
    return facts, months


# --------------------------------------------------------------------------- typed figures


def _typed_march(db: Path) -> None:
    """March's reach typed by hand (no export gave it): an export's reach would replace it."""
    from cm_tui.core.models import MonthlyFigures

    with Store.open(db) as store:
        store.repo.figures.add(MonthlyFigures("facebook", "2026-03", followers=500, reach=7))


def _french() -> Settings:
    from cm_tui.core.i18n import set_language

    set_language("fr")  # as the command line does from the settings (reset after each test)
    return Settings(timezone="Europe/Paris", language="fr")


async def _ctrl_o_until_asked(app: Any, pilot: Any, name: str) -> None:
    from cm_tui.ui.screens.confirm import Confirm

    await settle(pilot)
    from cm_tui.ui import queue_import_flow as flow_module

    await pilot.press("ctrl+o", *name, "enter")
    await _until(pilot, lambda: not any(w.group == flow_module.GROUP for w in app.workers))
    await settle(pilot)
    assert isinstance(app.screen, Confirm), notifications(app)


async def test_ctrl_o_asks_before_replacing_figures_typed_by_hand(
    make_app, edb: Path, tmp_path: Path
) -> None:
    """No command-line flag in the app: it asks, and y takes the export's figures."""
    _typed_march(edb)
    _posts_file(tmp_path / "p.csv", 3)
    app = make_app(db=edb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await _ctrl_o_until_asked(app, pilot, "p.csv")
        text = screen_text(app)
        assert "Replace figures typed by hand with those of p.csv?" in text
        assert "Facebook, March 2026: Reach" in text
        assert "--" not in text
        await pilot.press("y")
        await settle(pilot)
        assert not any("--" in n for n in notifications(app))
        assert "facebook 2026-03: Posts 3, Reach 15," in notifications(app)[-1]
    march = figures(edb, app)[("facebook", "2026-03")]
    assert (march.followers, march.reach, march.posts) == (500, 15, 3)


@pytest.mark.parametrize("key", ["n", "escape"])
async def test_ctrl_o_keeps_typed_figures_when_told_so(
    make_app, edb: Path, tmp_path: Path, key: str
) -> None:
    _typed_march(edb)
    _posts_file(tmp_path / "p.csv", 3)
    app = make_app(db=edb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await _ctrl_o_until_asked(app, pilot, "p.csv")
        await pilot.press(key)
        await settle(pilot)
        done = notifications(app)[-1]
        assert "kept as typed: Reach" in done
        assert not any("--" in n for n in notifications(app))
    march = figures(edb, app)[("facebook", "2026-03")]
    assert (march.followers, march.reach, march.posts) == (500, 7, 3)


async def test_the_question_and_the_notice_in_french(make_app, edb: Path, tmp_path: Path) -> None:
    _typed_march(edb)
    _posts_file(tmp_path / "p.csv", 3)
    app = make_app(db=edb, settings=_french(), initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await _ctrl_o_until_asked(app, pilot, "p.csv")
        text = screen_text(app)
        assert "Remplacer des chiffres saisis par ceux de p.csv ?" in text
        assert "Facebook, mars 2026 : Portée" in text
        await pilot.press("n")
        await settle(pilot)
        assert "gardés tels que saisis : Portée" in notifications(app)[-1]
        assert not any("--" in n for n in notifications(app))


async def test_the_inbox_keeps_typed_figures_and_says_how_to_replace_them(
    make_app, edb: Path, tmp_path: Path
) -> None:
    """The inbox asks nothing (no one may be there, and a key typed elsewhere must never
    answer): it keeps what was typed and says the app's way to take the export's."""
    _typed_march(edb)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _dropped(_posts_file(inbox / "p.csv", 3), 90)
    settings = Settings(timezone="Europe/Paris", language="en", inbox=str(inbox))
    app = make_app(db=edb, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.check_inbox()
        await settle(pilot)
        done = next(n for n in notifications(app) if "kept as typed" in n)
        assert "kept as typed: Reach" in done
        assert "import processed/p.csv again from the Queue tab to replace them" in done
        assert not any("--" in n for n in notifications(app))
    assert figures(edb, app)[("facebook", "2026-03")].reach == 7


# --------------------------------------------------------------------------- the dialog


@pytest.mark.parametrize(
    ("lang", "title", "hint"),
    [
        ("en", "Import a file: queue items or a platform's export", "month figures"),
        ("fr", "Importer un fichier : éléments de la file ou export d'une", "chiffres du mois"),
    ],
)
async def test_the_import_dialog_says_it_takes_platform_exports_too(
    make_app, edb: Path, lang: str, title: str, hint: str
) -> None:
    settings = _french() if lang == "fr" else None
    app = make_app(db=edb, settings=settings, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert title in screen_text(app)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert hint in shown


# --------------------------------------------------------------------------- undo in steps

HUGE = 100_000


async def test_undo_and_redo_of_a_large_import_run_in_steps_and_keep_the_keys(
    make_app, edb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``u`` after an import of 100,000 facts: the undo is written in steps of
    ``STEP_RECORDS`` records, each one durable write, with a turn of the event loop between
    two (the screen handles what was posted to it meanwhile: the app draws); the keys typed
    during it wait in the key gate and act once it ended, none lost. The same for
    ``ctrl+r``. Structure, not time: no clock is read."""
    from cm_tui.core.edits import STEP_RECORDS
    from cm_tui.ui import edit_steps
    from cm_tui.ui.panes.queue import QueuePane
    from tests.ui.conftest import send_in_one_burst

    _with_queue_items(edb)
    _big_meta_posts(tmp_path / "big.csv", HUGE)
    app = make_app(db=edb, initial_tab="queue")
    turns: list[tuple[int, int]] = []  # (facts stored, list cursor) at each turn
    screen_ran: list[int] = []  # the turns after which the screen handled a posted callback
    real_turn = edit_steps.next_turn

    async def counted_turn(run: Any) -> None:
        number = len(turns)
        turns.append((app.ctx.repo.export_facts.count(), pane.list.cursor))
        app.screen.call_later(screen_ran.append, number)
        await real_turn(run)

    monkeypatch.setattr(edit_steps, "next_turn", counted_turn)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        assert pane.import_path(tmp_path / "big.csv") is not None
        await settle(pilot)
        assert app.ctx.repo.export_facts.count() == HUGE
        start = pane.list.cursor
        send_in_one_burst(app, "u", "j", "j")
        await settle(pilot)
        # the facts' writes, then the month's: one turn between two writes
        writes = HUGE // STEP_RECORDS + 1
        assert len(turns) == writes - 1
        assert [count for count, _ in turns[: writes - 1]] == [
            HUGE - STEP_RECORDS * (n + 1) for n in range(writes - 1)
        ]
        assert sorted(set(screen_ran)) == list(range(writes - 1))  # the UI ran between writes
        assert {cursor for _, cursor in turns} == {start}  # the keys waited for the undo...
        assert pane.list.cursor == start + 2  # ...and then acted, none lost
        assert "Undoing: imported big.csv…" in notifications(app)
        assert notifications(app)[-1] == "Undone (Stats): imported big.csv"
        assert app.ctx.repo.export_facts.count() == 0 and app.ctx.repo.figures.all() == []
        turns.clear()
        send_in_one_burst(app, "ctrl+r", "k")
        await settle(pilot)
        assert len(turns) == writes - 1
        assert {cursor for _, cursor in turns} == {start + 2}
        assert pane.list.cursor == start + 1
        assert notifications(app)[-1] == "Redone (Stats): imported big.csv"
        assert app.ctx.repo.export_facts.count() == HUGE
    march = figures(edb, app)[("facebook", "2026-03")]
    assert (march.posts, march.reach) == (HUGE, 2 * HUGE)
