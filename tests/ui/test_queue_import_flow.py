"""Pilot tests of the Queue tab's imports in a thread worker (``ui.queue_import_flow``): rows
appear, rejected files show their report, keys keep working while a file is read, store writes
stay on the UI thread (in chunks, each one transaction), the settings' column mapping applies,
and the inbox folder is processed in the background."""

from __future__ import annotations

import os
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.models import QueueItem, QueueKind, QueueStatus
from cm_tui.core.settings import Settings
from cm_tui.store import Store, StoreWriteError
from cm_tui.ui import queue_import_flow as flow_module
from cm_tui.ui.panes.queue import QueuePane
from cm_tui.ui.screens.detail import DetailScreen
from cm_tui.ui.screens.queue_modals import ImportFileScreen
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, close_quietly, dropped, screen_text, settle

GOOD = (
    "network,author,text,date\n"
    "x,@zed,new one [/] [@click=app.quit]x[/],2026-11-19 09:00\n"
    "facebook,@yan,second,2026-11-19 09:05\n"
)
FAN = "Réseau;Nom du fan;Contenu du post;Quand\ninstagram;@lea;J'adore !;19/11/2026 09:10\n"


@pytest.fixture
def qdb(tmp_path: Path) -> Path:
    db = tmp_path / "q" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:
        store.repo.queue.add_many(
            QueueItem(
                kind=QueueKind.COMMENT,
                network="x",
                author_handle=f"@{name}",
                text=f"hello from {name}",
                received_at=FIXED_NOW - timedelta(minutes=50 - n),
                deadline=FIXED_NOW + timedelta(minutes=10 + n),
            )
            for n, name in enumerate(("alice", "bob"))
        )
    return db


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are typed as short relative paths (each key press costs harness time)."""
    monkeypatch.chdir(tmp_path)


def write(folder: Path, name: str, text: str) -> Path:
    """Write ``folder/name``; return ``name``, the path as typed (``folder`` is the cwd)."""
    (folder / name).write_text(text, encoding="utf-8")
    return Path(name)


def authors(app: Any) -> list[str]:
    return [item.author_handle for item in app.query_one(QueuePane).list.rows]


def notifications(app: Any) -> list[str]:
    return [note.message for note in app._notifications]


def import_workers(app: Any) -> list[Any]:
    return [w for w in app.workers if w.group == flow_module.GROUP]


def stored(db: Path, app: Any) -> dict[str, QueueItem]:
    close_quietly(app.ctx.store)
    with Store.open(db) as store:
        return {item.author_handle: item for item in store.repo.queue.all()}


async def test_o_imports_a_file_and_its_rows_appear(make_app, qdb: Path, tmp_path: Path) -> None:
    good = write(tmp_path, "in.csv", GOOD)
    app = make_app(db=qdb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, ImportFileScreen)
        await pilot.press(*str(good), "enter")
        await settle(pilot)
        assert app.is_running
        assert {"@zed", "@yan"} <= set(authors(app))
        assert notifications(app)[-2:] == [
            f"Importing {good}…",
            f"Imported 2 items from {good} (0 already there)",
        ]
        assert "new one [/] [@click=app.quit]x[/]" in screen_text(app)  # shown as written
    assert {"@alice", "@bob", "@zed", "@yan"} == set(stored(qdb, app))


async def test_a_missing_path_keeps_the_modal_open(make_app, qdb: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.csv")
    (tmp_path / "d.csv").mkdir()
    app = make_app(db=qdb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o", *"nope.csv", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportFileScreen)  # can be corrected
        assert notifications(app)[-1] == "cannot import nope.csv: no such file"
        for name in ("p.csv", "d.csv"):  # a FIFO, a folder: never opened
            app.screen.query_one("#queue-import-path").value = name
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ImportFileScreen)
            assert notifications(app)[-1] == (
                f"cannot import {name}: not a regular file (a folder, a pipe or a device)"
            )
        assert import_workers(app) == []


async def test_a_bad_file_shows_the_rejection_report(make_app, qdb: Path, tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.csv", GOOD + "x,@late,ok,never\n")
    fan = write(tmp_path, "fan.csv", FAN)
    app = make_app(db=qdb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o", *str(bad), "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        text = screen_text(app)
        assert "rejected, nothing imported (1 problem)" in text
        assert "line 4: “never” is not a date" in text
        await pilot.press("escape")
        await settle(pilot)
        assert authors(app) == ["@alice", "@bob"]  # all or nothing
        # unknown columns: the report says how to map them
        await pilot.press("ctrl+o", *str(fan), "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        text = " ".join(screen_text(app).split())
        assert "no recognised column for text, received_at, author" in text
        assert "[import.columns]" in text
    assert set(stored(qdb, app)) == {"@alice", "@bob"}


async def test_the_settings_column_mapping_applies_in_the_app(
    make_app, qdb: Path, tmp_path: Path
) -> None:
    fan = write(tmp_path, "fan.csv", FAN)
    columns = {"author": "Nom du fan", "text": "Contenu du post", "received_at": "Quand"}
    settings = Settings(timezone="Europe/Paris", language="en", import_columns=columns)
    app = make_app(db=qdb, settings=settings, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o", *str(fan), "enter")
        await settle(pilot)
        assert "@lea" in authors(app)
        assert notifications(app)[-1] == f"Imported 1 item from {fan} (0 already there)"
    assert stored(qdb, app)["@lea"].text == "J'adore !"


async def test_keys_work_while_the_file_is_read_and_no_write_is_lost(
    make_app, qdb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is read in a thread (held here on an event): meanwhile ``d`` closes an item
    at once and durably, a second ``o`` is refused; then the import lands, in chunks of one
    item, every store write on the UI thread; both the triage and the import are kept."""
    good = write(tmp_path, "in.csv", GOOD)
    gate = threading.Event()
    readers: list[int] = []
    real_read = flow_module.read_new_items

    def held_read(*args: Any, **kwargs: Any) -> Any:
        readers.append(threading.get_ident())
        assert gate.wait(10)
        return real_read(*args, **kwargs)

    monkeypatch.setattr(flow_module, "read_new_items", held_read)
    monkeypatch.setattr(flow_module, "WRITE_CHUNK", 1)
    app = make_app(db=qdb, initial_tab="queue")
    ui_thread = threading.get_ident()  # the test and the app share one event loop
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        repo = app.ctx.repo.queue
        writers: list[int] = []
        real_add = repo.add_many

        def add_many(items: list[QueueItem]) -> list[QueueItem]:
            writers.append(threading.get_ident())
            return real_add(items)

        monkeypatch.setattr(repo, "add_many", add_many)
        await pilot.press("ctrl+o", *str(good), "enter")
        for _ in range(50):  # wait for the worker to reach the file (no sleep in the UI)
            await pilot.pause()
            if readers:
                break
        (worker,) = import_workers(app)
        assert worker.is_running and readers[0] != ui_thread
        alice = next(i for i in repo.all() if i.author_handle == "@alice")
        await pilot.press("d")
        await pilot.pause()
        assert repo.get(alice.id).status is QueueStatus.REPLIED  # handled now, not after
        with Store.open(qdb, readonly=True) as other:  # and durable
            assert other.repo.queue.get(alice.id).status is QueueStatus.REPLIED
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert notifications(app)[-1] == "An import is already running: wait for it to finish"
        assert not isinstance(app.screen, ImportFileScreen)
        gate.set()
        await settle(pilot)
        assert worker.is_finished and worker.error is None
        assert {"@zed", "@yan"} <= set(authors(app))
        assert writers == [ui_thread, ui_thread]  # two chunks, both on the UI thread
    items = stored(qdb, app)
    assert items["@alice"].status is QueueStatus.REPLIED
    assert {"@bob", "@zed", "@yan"} <= set(items)


def _second_chunk_fails(app: Any, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make the store refuse the import's second chunk; the sizes of the chunks tried."""
    repo = app.ctx.repo.queue
    real_add = repo.add_many
    calls: list[int] = []

    def second_fails(items: list[QueueItem]) -> list[QueueItem]:
        calls.append(len(items))
        if len(calls) == 2:
            raise StoreWriteError("disk full")
        return real_add(items)

    monkeypatch.setattr(repo, "add_many", second_fails)
    return calls


async def test_a_chunk_that_cannot_be_saved_takes_the_import_back(
    make_app, qdb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = write(tmp_path, "in.csv", GOOD)
    monkeypatch.setattr(flow_module, "WRITE_CHUNK", 1)
    app = make_app(db=qdb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        calls = _second_chunk_fails(app, monkeypatch)
        await pilot.press("ctrl+o", *str(good), "enter")
        await settle(pilot)
        assert calls == [1, 1]  # the first chunk landed, the second failed
        assert app.is_running
        assert any(m.startswith("Not saved: disk full.") for m in notifications(app))
        assert not any(m.startswith("Imported") for m in notifications(app))
        assert authors(app) == ["@alice", "@bob"]
    assert set(stored(qdb, app)) == {"@alice", "@bob"}  # the first chunk was taken back


async def test_a_triage_write_between_chunks_survives_the_import_being_taken_back(
    make_app, qdb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker is held after the import's first chunk landed: ``d`` then runs in its own
    transaction, durable at once. The second chunk fails, the first is taken back; the
    triage write is not part of the import and stays."""
    good = write(tmp_path, "in.csv", GOOD)
    monkeypatch.setattr(flow_module, "WRITE_CHUNK", 1)
    landed, gate = threading.Event(), threading.Event()
    real_call = flow_module.QueueImportFlow._call

    def held_call(self: Any, callback: Any, *args: Any) -> Any:
        result = real_call(self, callback, *args)
        if getattr(callback, "__name__", "") == "_write_chunk" and not landed.is_set():
            landed.set()
            assert gate.wait(10)
        return result

    monkeypatch.setattr(flow_module.QueueImportFlow, "_call", held_call)
    app = make_app(db=qdb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        calls = _second_chunk_fails(app, monkeypatch)
        await pilot.press("ctrl+o", *str(good), "enter")
        for _ in range(50):
            await pilot.pause()
            if landed.is_set():
                break
        assert calls == [1] and import_workers(app)[0].is_running
        alice = next(i for i in app.ctx.repo.queue.all() if i.author_handle == "@alice")
        await pilot.press("d")
        await pilot.pause()
        with Store.open(qdb, readonly=True) as other:  # durable now, mid-import
            assert other.repo.queue.get(alice.id).status is QueueStatus.REPLIED
            assert "@zed" in {i.author_handle for i in other.repo.queue.all()}  # chunk 1
        gate.set()
        await settle(pilot)
        assert calls == [1, 1]
    items = stored(qdb, app)
    assert items["@alice"].status is QueueStatus.REPLIED  # kept
    assert set(items) == {"@alice", "@bob"}  # the import, taken back whole


async def test_the_inbox_is_imported_in_a_worker(make_app, qdb: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    dropped(inbox, "a.csv", GOOD, 90)
    dropped(inbox, "b.csv", GOOD, 80)  # the same rows again: the second file adds nothing
    dropped(inbox, "c.csv", FAN, 70)  # unknown columns: failed/, with the fix in the reason
    settings = Settings(timezone="Europe/Paris", language="en", inbox=str(inbox))
    app = make_app(db=qdb, settings=settings)  # on Today: the app polls the inbox itself
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.pane("queue") is None
        app.check_inbox()
        assert len(import_workers(app)) == 1
        await settle(pilot)
        assert "Importing a.csv…" in notifications(app)
        await pilot.press("3")  # the Queue tab, opened after the import, shows its items
        await settle(pilot)
        assert authors(app).count("@zed") == 1
        assert notifications(app)[-6:] == [
            "Importing a.csv…",
            "Imported 2 items from a.csv (0 already there)",
            "Importing b.csv…",
            "Imported 0 items from b.csv (2 already there)",
            "Importing c.csv…",
            "Inbox: c.csv was rejected (see failed/c.csv.reason.txt)",
        ]
        app.check_inbox()  # nothing left: no worker started
        assert import_workers(app) == []
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == ["a.csv", "b.csv"]
    reason = (inbox / "failed" / "c.csv.reason.txt").read_text(encoding="utf-8")
    assert "no recognised column" in reason and "[import.columns]" in reason
    assert list(stored(qdb, app)).count("@zed") == 1


DEEP = "[" * 3000
FAR = "network,author,text,date\nx,@far,hello,31/12/9999 23h59\n"


async def test_a_file_that_breaks_the_parser_never_stops_the_app(
    make_app, qdb: Path, tmp_path: Path
) -> None:
    """3,000 nested ``[`` and a date in year 9999, dropped in the inbox: both go to failed/
    with the element or line that is wrong, the good file beside them is imported, and the
    app goes on (it used to die with a traceback on every start, exit status 0)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    dropped(inbox, "deep.json", DEEP, 90)
    dropped(inbox, "far.csv", FAR, 80)
    dropped(inbox, "good.csv", GOOD, 70)
    settings = Settings(timezone="Europe/Paris", language="en", inbox=str(inbox))
    app = make_app(db=qdb, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.check_inbox()
        await settle(pilot)
        assert app.is_running and import_workers(app) == []
        await pilot.press("3")
        await settle(pilot)
        assert "@zed" in authors(app)
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == ["good.csv"]
    failed = inbox / "failed"
    assert "element 1: nested too deeply" in (failed / "deep.json.reason.txt").read_text("utf-8")
    assert "line 2: date out of range" in (failed / "far.csv.reason.txt").read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("deep.json", DEEP, "element 1: nested too deeply"),
        ("far.csv", FAR, "line 2: date out of range"),
    ],
    ids=["deep-json", "year-9999"],
)
async def test_o_on_a_file_that_breaks_the_parser_shows_the_report(
    make_app, qdb: Path, tmp_path: Path, name: str, text: str, problem: str
) -> None:
    path = write(tmp_path, name, text)
    app = make_app(db=qdb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press(*str(path), "enter")
        await settle(pilot)
        assert app.is_running
        assert problem in screen_text(app)


async def test_an_inbox_another_app_handles_is_left_alone(
    make_app, qdb: Path, tmp_path: Path
) -> None:
    from cm_tui.io.queue_inbox import InboxWatch

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    dropped(inbox, "a.csv", GOOD, 90)
    other = InboxWatch(inbox)
    assert other.claim()
    settings = Settings(timezone="Europe/Paris", language="en", inbox=str(inbox))
    app = make_app(db=qdb, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.check_inbox()
        assert import_workers(app) == []
        other.release()
        app.check_inbox()  # the other app has gone: this one takes over
        await settle(pilot)
        assert "Imported 2 items from a.csv (0 already there)" in notifications(app)
    assert InboxWatch(inbox).claim()  # released when the app ended


async def test_the_duplicate_check_reads_the_archive_summaries_not_every_archived_item(
    make_app, qdb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row already in the archive is skipped, found through the month summaries
    (``QueueRepo.archived_keys``): the archived items themselves are never read."""
    from cm_tui.store.repository import QueueRepo

    with Store.open(qdb) as store:
        store.repo.queue.add_archived(
            [
                QueueItem(
                    kind=QueueKind.COMMENT,
                    network="facebook",
                    author_handle="@yan",
                    text="second",
                    received_at=FIXED_NOW.replace(hour=8, minute=5),
                    deadline=FIXED_NOW,
                    status=QueueStatus.REPLIED,
                )
            ]
        )

    def whole_archive(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the whole archive was read for the duplicate check")

    monkeypatch.setattr(QueueRepo, "iter_archived", whole_archive)
    good = write(tmp_path, "in.csv", GOOD)
    app = make_app(db=qdb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o", *str(good), "enter")
        await settle(pilot)
        assert notifications(app)[-1] == f"Imported 1 item from {good} (1 already there)"


async def test_a_file_dropped_in_the_inbox_during_an_import_is_taken_when_it_ends(
    make_app, qdb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The inbox is looked at while a ctrl+o import runs (a poll, a file notification): it
    waits, and is taken as soon as that import ends, not at the next poll (none runs here)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    gate = threading.Event()
    readers: list[str] = []
    real_read = flow_module.read_new_items

    def held_read(path: Path, *args: Any, **kwargs: Any) -> Any:
        readers.append(path.name)
        if path.name == "in.csv":
            assert gate.wait(10)
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(flow_module, "read_new_items", held_read)
    good = write(
        tmp_path,
        "in.csv",
        FAN.replace("Nom du fan", "auteur")
        .replace("Contenu du post", "texte")
        .replace("Quand", "date"),
    )
    settings = Settings(timezone="Europe/Paris", language="en", inbox=str(inbox))
    app = make_app(db=qdb, settings=settings, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o", *str(good), "enter")
        for _ in range(200):
            await pilot.pause()
            if readers:
                break
        dropped(inbox, "a.csv", GOOD, 90)
        app.check_inbox()  # the poll or a file notification, while the import runs
        assert readers == ["in.csv"]
        gate.set()
        await settle(pilot)
        await settle(pilot)
        assert readers == ["in.csv", "a.csv"]
        assert "Imported 2 items from a.csv (0 already there)" in notifications(app)
    assert [p.name for p in (inbox / "processed").iterdir()] == ["a.csv"]


async def test_a_file_without_known_columns_says_what_to_do_in_the_app(
    make_app, qdb: Path, tmp_path: Path
) -> None:
    """Seen: ``ctrl+o`` and the inbox's reason file advised ``--column text=HEADER``, an option
    of ``cm-tui import`` that the app has no place to type; in the app the advice is the
    settings file's ``[import.columns]`` (or renaming the column), then importing again."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    dropped(inbox, "c.csv", FAN, 70)
    fan = write(tmp_path, "fan.csv", FAN)
    settings = Settings(timezone="Europe/Paris", language="en", inbox=str(inbox))
    app = make_app(db=qdb, settings=settings, initial_tab="queue")
    advice = (
        "no recognised column for text, received_at, author (columns: Réseau, Nom du fan, "
        "Contenu du post, Quand); name its column for every file in the settings file: "
        '[import.columns] text = "HEADER", or rename that column in the file; then import it '
        "again"
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o", *str(fan), "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "--column" not in text
        assert 'settings file: [import.columns] text = "HEADER", or rename' in text
        assert "then import it again" in text
        await pilot.press("escape")
        app.check_inbox()
        await settle(pilot)
    reason = (inbox / "failed" / "c.csv.reason.txt").read_text(encoding="utf-8")
    assert "--column" not in reason
    assert advice in " ".join(reason.split())
