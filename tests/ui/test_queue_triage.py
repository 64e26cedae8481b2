"""Pilot tests of the Queue tab's triage keys, bulk actions, undo, modals, filters and alerts.

Each test runs the real app on a small store of known items, presses real keys and checks both
the screen and the store (reopened after the app quits, as a restart would).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.clock import FixedClock
from cm_tui.core.models import QueueItem, QueueKind, QueueStatus
from cm_tui.core.settings import Settings
from cm_tui.store import Store
from cm_tui.ui.panes.queue import QueuePane
from cm_tui.ui.screens.queue_modals import ReplyScreen
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, close_quietly, screen_text, send_in_one_burst, settle

#: (author, network, kind, minutes until the deadline, ambassador, keywords)
ITEMS = [
    ("alice", "x", "comment", 5, False, ()),
    ("bob", "facebook", "message", 20, True, ()),
    ("carol", "instagram", "mention", 40, False, ("brand",)),
    ("dave", "x", "review", 90, False, ()),
    ("erin", "facebook", "comment", 120, True, ("brand",)),
]


def _item(author: str, network: str, kind: str, left: int, amb: bool, kw: tuple) -> QueueItem:
    deadline = FIXED_NOW + timedelta(minutes=left)
    return QueueItem(
        kind=QueueKind(kind),
        network=network,
        author_handle=f"@{author}",
        author_name=author.title(),
        text=f"hello from {author}",
        received_at=deadline - timedelta(hours=1),
        deadline=deadline,
        ambassador=amb,
        keywords=kw,
    )


@pytest.fixture
def qdb(tmp_path: Path) -> Path:
    db = tmp_path / "q" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:
        store.repo.queue.add_many(_item(*row) for row in ITEMS)
    return db


def stored(db: Path, app: Any = None) -> dict[str, QueueItem]:
    """The queue as a restarted app would find it (the app's store closed first, as when it
    quits): author handle -> item."""
    if app is not None:
        close_quietly(app.ctx.store)
    with Store.open(db) as store:
        return {item.author_handle: item for item in store.repo.queue.all()}


def notifications(app: Any) -> list[str]:
    return [note.message for note in app._notifications]


def authors(pane: QueuePane) -> list[str]:
    return [item.author_handle for item in pane.list.rows]


async def start(make_app: Any, db: Path, **kw: Any) -> tuple[Any, Any]:
    app = make_app(db=db, initial_tab="queue", **kw)
    return app, app.run_test(size=SIZE)


def current(app: Any) -> str:
    return app.query_one(QueuePane).list.current.author_handle


async def test_d_and_i_close_the_item_persist_and_move_on(make_app, qdb: Path) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        assert current(app) == "@alice"
        await pilot.press("d")
        await settle(pilot)
        assert current(app) == "@bob"
        await pilot.press("i")
        await settle(pilot)
        assert current(app) == "@carol"
        assert authors(pane) == ["@carol", "@dave", "@erin"]
        assert "hello from alice" not in screen_text(app)
        # persisted at once: another reader sees it before the app quits
        with Store.open(qdb, readonly=True) as store:
            statuses = {i.author_handle: i.status for i in store.repo.queue.all()}
        assert statuses["@alice"] is QueueStatus.REPLIED
        assert statuses["@bob"] is QueueStatus.IGNORED
    items = stored(qdb, app)
    assert items["@alice"].status is QueueStatus.REPLIED
    assert items["@alice"].closed_at == FIXED_NOW == items["@alice"].replied_at
    assert items["@alice"].reply_text == ""
    assert items["@bob"].status is QueueStatus.IGNORED and items["@bob"].closed_at == FIXED_NOW
    assert items["@bob"].replied_at is None


async def test_escalate_with_a_note(make_app, qdb: Path) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        await pilot.press(*"ask legal", "enter")
        await settle(pilot)
        assert current(app) == "@bob"  # moved to the next item; alice stays in the queue
        assert "@alice" in authors(app.query_one(QueuePane))
    alice = stored(qdb, app)["@alice"]
    assert alice.status is QueueStatus.ESCALATED
    assert alice.notes.endswith("ask legal") and alice.closed_at is None
    assert alice.deadline == FIXED_NOW + timedelta(minutes=5)


async def test_escape_cancels_a_modal_without_change(make_app, qdb: Path) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        for key in ("e", "s", "r"):
            await pilot.press(key)
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert current(app) == "@alice"
    assert stored(qdb, app)["@alice"].status is QueueStatus.NEW


@pytest.mark.parametrize(
    ("choice", "until"),
    [
        ("1", FIXED_NOW + timedelta(minutes=15)),
        ("2", FIXED_NOW + timedelta(hours=1)),
        # tomorrow 09:00 in Paris (the settings' zone, default working day start)
        ("3", FIXED_NOW.replace(hour=8, minute=0) + timedelta(days=1)),
    ],
)
async def test_snooze_keeps_the_deadline_and_wakes_up(
    make_app, qdb: Path, choice: str, until: Any
) -> None:
    clock = FixedClock(FIXED_NOW)
    app, run = await start(make_app, qdb, clock=clock)
    async with run as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(choice)
        await settle(pilot)
        pane = app.query_one(QueuePane)
        assert current(app) == "@bob"
        assert authors(pane)[-1] == "@alice"  # asleep: at the end
        # wake-up: once the snooze ends the item is back in deadline order (overdue first)
        clock.set(until + timedelta(seconds=1))
        pane.tick()
        pane.tick()
        await settle(pilot)
        clock.advance(timedelta(minutes=2))
        pane.reload()
        await settle(pilot)
        assert authors(pane)[0] == "@alice"
    alice = stored(qdb, app)["@alice"]
    assert alice.status is QueueStatus.SNOOZED
    assert alice.snoozed_until == until
    assert alice.deadline == FIXED_NOW + timedelta(minutes=5)


async def test_reply_with_a_template_fills_author_stores_and_copies(make_app, qdb: Path) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert "Reply to Alice (@alice)" in screen_text(app)
        await pilot.press("down")  # the first saved reply
        await settle(pilot)
        await pilot.press(*" :)")
        await pilot.press("ctrl+s")
        await settle(pilot)
        expected = "Thank you Alice! We are glad you like it. :)"
        assert app.clipboard == expected
        assert current(app) == "@bob"
    alice = stored(qdb, app)["@alice"]
    assert alice.status is QueueStatus.REPLIED
    assert alice.reply_text == expected
    assert alice.replied_at == FIXED_NOW == alice.closed_at


async def test_reply_uses_the_saved_replies_of_the_store(make_app, qdb: Path) -> None:
    with Store.open(qdb) as store:
        store.repo.prefs.set(
            "queue.reply_templates", [{"name": "Hi", "text": "Hi {author} [b]{x}[/b]"}]
        )
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("down", "ctrl+s")
        await settle(pilot)
        assert app.clipboard == "Hi Alice [b]{x}[/b]"


async def test_empty_reply_is_refused(make_app, qdb: Path) -> None:
    with Store.open(qdb) as store:
        store.repo.prefs.set("queue.reply_templates", [])
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReplyScreen)  # still open
        assert "The reply is empty" in notifications(app)
        await pilot.press(*"ok", "ctrl+s")
        await settle(pilot)
    assert stored(qdb, app)["@alice"].reply_text == "ok"


async def test_mark_then_bulk_done_and_ignore(make_app, qdb: Path) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        await pilot.press("space", "j", "space")  # alice, carol
        await settle(pilot)
        assert "2 marked" in screen_text(app)
        await pilot.press("D")
        await settle(pilot)
        assert authors(pane) == ["@bob", "@dave", "@erin"]
        await pilot.press("g", "space", "space")  # bob, dave
        await pilot.press("I")
        await settle(pilot)
        assert authors(pane) == ["@erin"]
        await pilot.press("D")  # nothing marked: a warning, no change
        await settle(pilot)
        assert authors(pane) == ["@erin"]
    items = stored(qdb, app)
    assert [items[a].status for a in ("@alice", "@carol")] == [QueueStatus.REPLIED] * 2
    assert [items[a].status for a in ("@bob", "@dave")] == [QueueStatus.IGNORED] * 2
    assert items["@erin"].status is QueueStatus.NEW


async def test_undo_several_levels(make_app, qdb: Path) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        await pilot.press("d", "i")  # alice replied, bob ignored
        await pilot.press("space", "space", "D")  # carol + dave in one step
        await settle(pilot)
        assert authors(pane) == ["@erin"]
        await pilot.press("u")
        await settle(pilot)
        assert authors(pane) == ["@carol", "@dave", "@erin"]
        with Store.open(qdb, readonly=True) as store:
            assert store.repo.queue.get(pane.list.rows[0].id).status is QueueStatus.NEW
        await pilot.press("u", "u")
        await settle(pilot)
        assert authors(pane) == ["@alice", "@bob", "@carol", "@dave", "@erin"]
        await pilot.press("u")  # nothing left: a warning
        await settle(pilot)
        assert "Nothing to undo." in notifications(app)
    items = stored(qdb, app)
    assert all(item.status is QueueStatus.NEW for item in items.values())
    assert all(item.closed_at is None and item.replied_at is None for item in items.values())


async def test_navigation_and_detail(make_app, qdb: Path) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        await pilot.press("G")
        assert current(app) == "@erin"
        await pilot.press("k")
        assert current(app) == "@dave"
        await pilot.press("g")
        assert current(app) == "@alice"
        await pilot.press("j")
        assert current(app) == "@bob"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#detail-text")
        assert "hello from bob" in str(app.screen.query_one("#detail-text").render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen.focused, type(app.query_one(QueuePane).list))


async def test_filters_text_network_kind_status_ambassadors_keywords(make_app, qdb: Path) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        await pilot.press("slash", *"CAROL")
        await settle(pilot)
        assert authors(pane) == ["@carol"]
        await pilot.press("enter")  # back to the list, filter kept
        await pilot.press("escape")
        await settle(pilot)
        assert len(authors(pane)) == 5
        await pilot.press("f", "n")  # networks in alphabetical order: facebook first
        await settle(pilot)
        assert authors(pane) == ["@bob", "@erin"]
        assert "Filter:" in screen_text(app)
        await pilot.press("escape", "f", "k")  # kinds: comment first
        await settle(pilot)
        assert authors(pane) == ["@alice", "@erin"]
        await pilot.press("escape", "f", "a")
        await settle(pilot)
        assert authors(pane) == ["@bob", "@erin"]
        await pilot.press("f", "w")  # ambassadors AND keyword matches
        await settle(pilot)
        assert authors(pane) == ["@erin"]
        await pilot.press("escape", "g", "d")  # mark alice replied
        await pilot.press("exclamation_mark", *"x", "enter")  # escalate bob
        await settle(pilot)
        await pilot.press("f", "s")  # status: new
        await settle(pilot)
        assert authors(pane) == ["@carol", "@dave", "@erin"]
        await pilot.press("f", "s")  # escalated
        await settle(pilot)
        assert authors(pane) == ["@bob"]
        await pilot.press("escape")
        await settle(pilot)
        assert authors(pane) == ["@bob", "@carol", "@dave", "@erin"]
        assert "Filter:" not in screen_text(app)


async def test_a_filter_that_hides_everything_says_so(make_app, qdb: Path) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        await pilot.press("slash", *"nobody-writes-this", "enter")
        await settle(pilot)
        assert authors(pane) == []
        text = screen_text(app)
        assert "No open item matches the filter (esc clears it)." in text
        assert "Nobody is waiting" not in text
        await pilot.press("escape")
        await settle(pilot)
        assert len(authors(pane)) == 5
        assert "No open item matches" not in screen_text(app)


async def test_a_burst_after_slash_is_search_text_not_triage(make_app, qdb: Path) -> None:
    """``/`` then ``d`` in one burst (a paste): ``d`` must not mark the item replied."""
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        send_in_one_burst(app, "slash", "d", "a")
        await settle(pilot)
        assert pane.search_input("queue-search").value == "da"
        assert len(app.ctx.repo.queue.open_items()) == 5  # nothing triaged


async def test_alerts_once_per_threshold(make_app, qdb: Path) -> None:
    clock = FixedClock(FIXED_NOW)
    settings = Settings(timezone="Europe/Paris", language="en", bell=True)
    app, run = await start(make_app, qdb, clock=clock, settings=settings)
    bells: list[int] = []
    async with run as pilot:
        await settle(pilot)
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        notes: list[str] = []
        original = app.notify

        def notify(message: str, **kw: Any) -> None:
            notes.append(message)
            original(message, **kw)

        app.notify = notify  # type: ignore[method-assign]
        check = app.queue_alerts.check
        check()
        assert notes == []  # nothing crossed a threshold yet
        clock.advance(timedelta(minutes=5, seconds=1))  # alice overdue, bob enters 15 min
        check()
        assert sorted(notes) == ["15 minutes left: Bob on facebook", "Overdue: Alice on x"]
        assert len(bells) == 1
        check()
        clock.advance(timedelta(seconds=30))
        check()
        assert len(notes) == 2  # never repeated
        clock.advance(timedelta(minutes=20))  # bob overdue, carol enters her last 15 min
        check()
        assert sorted(notes[2:]) == [
            "15 minutes left: Carol on instagram",
            "Overdue: Bob on facebook",
        ]
        clock.set(FIXED_NOW)  # the clock going back does not repeat alerts either
        check()
        clock.advance(timedelta(minutes=21))
        check()
        assert len(notes) == 4
        await settle(pilot)
        assert "Overdue: Alice on x" in notifications(app)


async def test_alerts_come_on_any_tab_the_queue_never_opened(make_app, qdb: Path) -> None:
    """The app announces deadlines from its start: the user may never open the Queue tab."""
    clock = FixedClock(FIXED_NOW)
    app = make_app(db=qdb, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.active_tab == "today" and app.pane("queue") is None
        before = app.tabs.get_tab("queue").label.plain
        clock.advance(timedelta(minutes=5, seconds=1))  # alice overdue, bob enters 15 min
        app.run_periodic_jobs()  # what the app's timers do every second
        await settle(pilot)
        assert "Overdue: Alice on x" in notifications(app)
        assert "15 minutes left: Bob on facebook" in notifications(app)
        # the tab's counts follow the clock too
        assert (before, app.tabs.get_tab("queue").label.plain) == (
            "Queue 5 · 1 soon · 0 late",
            "Queue 5 · 1 soon · 1 late",
        )
        assert app.pane("queue") is None


async def test_saved_replies_are_edited_in_a_modal(make_app, qdb: Path) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        await pilot.press("M", "r")
        await settle(pilot)
        area = app.screen.query_one("#queue-lines-text")
        assert "Thanks | Thank you {author}!" in area.text
        area.text = "Hi | Hello {author}, thanks!\nBye | See you {author}"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("down", "down", "ctrl+s")  # the second saved reply
        await settle(pilot)
        assert app.clipboard == "See you Alice"
    close_quietly(app.ctx.store)
    with Store.open(qdb) as store:
        assert store.repo.prefs.get("queue.reply_templates") == [
            {"name": "Hi", "text": "Hello {author}, thanks!"},
            {"name": "Bye", "text": "See you {author}"},
        ]


async def test_watch_keywords_are_edited_and_open_items_reflagged(make_app, qdb: Path) -> None:
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        await pilot.press("M", "w")
        await settle(pilot)
        area = app.screen.query_one("#queue-lines-text")
        area.text = "competitor: CAROL\nfrom dave\n"
        await pilot.press("ctrl+s")
        await settle(pilot)
        pane = app.query_one(QueuePane)
        await pilot.press("f", "w")  # keyword matches only
        await settle(pilot)
        assert authors(pane) == ["@carol", "@dave"]
        await pilot.press("escape", "M", "w", "escape")  # cancel: nothing changes
        await settle(pilot)
    close_quietly(app.ctx.store)
    with Store.open(qdb) as store:
        kws = sorted((k.kind.value, k.term) for k in store.repo.keywords.all())
        by_author = {i.author_handle: i.keywords for i in store.repo.queue.all()}
    assert kws == [("brand", "from dave"), ("competitor", "CAROL")]
    assert by_author["@carol"] == ("CAROL",) and by_author["@dave"] == ("from dave",)
    assert by_author["@erin"] == ()  # "brand" no longer watched


@pytest.mark.slow
async def test_import_a_file_from_the_tab(make_app, qdb: Path, tmp_path: Path) -> None:
    good = tmp_path / "in.csv"
    good.write_text("réseau;auteur;texte;reçu le\nx;@zed;new one [/];19/11/2026 09:00\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("network,author,text,date\nx,@y,ok,never\n")
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        await pilot.press("ctrl+o", *str(bad), "enter")
        await settle(pilot)
        assert "line 2: “never” is not a date" in screen_text(app)
        await pilot.press("escape", "ctrl+o", *str(good), "enter")
        await settle(pilot)
        assert "@zed" in authors(pane)
        assert "Imported 1 item from" in notifications(app)[-1]
        await pilot.press("ctrl+o", *str(good), "enter")  # again: nothing new
        await settle(pilot)
        assert "Imported 0 items" in notifications(app)[-1]
        assert authors(pane).count("@zed") == 1


async def test_the_inbox_folder_is_picked_up(make_app, qdb: Path, tmp_path: Path) -> None:
    import os
    import time

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    dropped = inbox / "drop.csv"
    dropped.write_text("network,author,text,date\nx,@inbox,from the inbox,2026-11-19 09:00\n")
    os.utime(dropped, (time.time() - 60, time.time() - 60))
    settings = Settings(timezone="Europe/Paris", language="en", inbox=str(inbox))
    app, run = await start(make_app, qdb, settings=settings)
    async with run as pilot:
        await settle(pilot)
        pane = app.query_one(QueuePane)
        app.check_inbox()
        await settle(pilot)
        assert "@inbox" in authors(pane)
        assert (inbox / "processed" / "drop.csv").exists()


async def test_ctrl_e_writes_the_reply_in_the_editor(
    make_app, qdb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``ctrl+e`` in the reply dialog: the reply written in ``$EDITOR`` comes back in the text."""
    import contextlib

    from cm_tui.ui.screens import form_editor

    script = tmp_path / "editor.sh"
    script.write_text('#!/bin/sh\nprintf "Written in vi\\n" > "$1"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.setattr(form_editor, "handed_over", lambda app: contextlib.nullcontext())
    app, run = await start(make_app, qdb)
    async with run as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ReplyScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert stored(qdb, app)["@alice"].reply_text == "Written in vi"
