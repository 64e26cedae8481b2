"""The inbox folder: imported files go to processed/, rejected ones to failed/ with a reason;
files still being written, symlinks and oversized files are handled without losing a row."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cm_tui.core.models import QueueItem
from cm_tui.io.queue_import import ImportOptions, ImportResult, import_queue
from cm_tui.io.queue_inbox import FAILED, PROCESSED, InboxWatch, is_candidate
from cm_tui.store import Store

GOOD = "network,author,text,date\nx,@a,hello,2026-11-19 09:00\n"
BAD = "network,author,text,date\nx,@a,hello,tomorrow\n"


def _old(path: Path) -> None:
    past = time.time() - 60
    os.utime(path, (past, past), follow_symlinks=False)


class Clocks:
    """The wall and monotonic clocks of an ``InboxWatch``, moved by hand."""

    def __init__(self) -> None:
        self.wall = time.time()
        self.mono = 1000.0

    def watch(self, folder: Path, **kw: object) -> InboxWatch:
        return InboxWatch(
            folder,
            wall=lambda: self.wall,
            monotonic=lambda: self.mono,
            **kw,  # type: ignore[arg-type]
        )

    def advance(self, seconds: float) -> None:
        self.wall += seconds
        self.mono += seconds


class Memory:
    """An importer into a list (what the store would hold)."""

    def __init__(self) -> None:
        self.items: list[QueueItem] = []
        self.before_return: Callable[[Path], None] = lambda _path: None

    def __call__(self, path: Path) -> ImportResult:
        result = import_queue(
            path,
            ImportOptions(tz=ZoneInfo("Europe/Paris")),
            existing=lambda: list(self.items),
            write=self.items.extend,
        )
        self.before_return(path)
        return result


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def drop(inbox: Path, name: str, text: str, old: bool = True) -> Path:
    path = inbox / name
    path.write_text(text, encoding="utf-8")
    if old:
        _old(path)
    return path


def test_inbox_imports_moves_and_explains(inbox: Path, tmp_path: Path) -> None:
    for name, text in (("a.csv", GOOD), ("b.csv", BAD), (".hidden.csv", GOOD), ("c.pdf", GOOD)):
        drop(inbox, name, text)
    drop(inbox, "fresh.csv", GOOD, old=False)  # still being written?
    db = tmp_path / "s" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:

        def importer(path: Path) -> ImportResult:
            return import_queue(
                path,
                ImportOptions(tz=ZoneInfo("Europe/Paris")),
                existing=store.repo.queue.all,
                write=store.repo.queue.add_many,
                transaction=store.transaction,
            )

        watch = InboxWatch(inbox)
        outcomes = watch.process(importer)
        assert [(o.name, o.ok) for o in outcomes] == [("a.csv", True), ("b.csv", False)]
        assert store.repo.queue.count() == 1
        assert (inbox / PROCESSED / "a.csv").exists()
        assert (inbox / FAILED / "b.csv").exists()
        reason = (inbox / FAILED / "b.csv.reason.txt").read_text(encoding="utf-8")
        assert "line 2: “tomorrow” is not a date" in reason
        left = sorted(p.name for p in inbox.iterdir() if p.is_file())
        assert left == [".hidden.csv", "c.pdf", "fresh.csv"]
        # the same file dropped again: imported (nothing new), and moved without overwriting
        drop(inbox, "a.csv", GOOD)
        (outcome,) = watch.process(importer)
        assert outcome.ok and outcome.result is not None
        assert (outcome.result.added, outcome.result.skipped) == (0, 1)
        assert (inbox / PROCESSED / "a.1.csv").exists()
    assert InboxWatch(tmp_path / "missing").ready() == []


@pytest.mark.parametrize(
    "name",
    [".a.csv", "a.csv.part", "a.csv.tmp", "a.csv.crdownload", "a.csv.download", "a.CSV.PART"],
)
def test_names_of_files_being_written_are_never_read(inbox: Path, name: str) -> None:
    assert not is_candidate(name)
    drop(inbox, name, GOOD)
    assert InboxWatch(inbox).ready() == []


def test_a_file_is_read_once_it_has_settled(inbox: Path) -> None:
    clocks = Clocks()
    watch = clocks.watch(inbox, settle_seconds=5)
    path = drop(inbox, "a.csv", GOOD, old=False)
    os.utime(path, (clocks.wall, clocks.wall))
    assert watch.ready() == []
    clocks.advance(3)
    assert watch.ready() == []
    clocks.advance(3)
    assert watch.ready() == [path]


def test_a_file_dated_in_the_future_settles_by_the_monotonic_clock(inbox: Path) -> None:
    clocks = Clocks()
    watch = clocks.watch(inbox, settle_seconds=5)
    path = drop(inbox, "a.csv", GOOD, old=False)
    future = clocks.wall + 10 * 365 * 86400
    os.utime(path, (future, future))
    assert watch.ready() == []
    clocks.advance(6)
    assert watch.ready() == [path]


def test_a_writer_appending_slowly_never_gets_half_imported(inbox: Path) -> None:
    """A row every 3 s: with a 5 s settle time the file is read only once the writer stopped,
    and all its rows are imported."""
    clocks = Clocks()
    memory = Memory()
    watch = clocks.watch(inbox, settle_seconds=5)
    path = inbox / "slow.csv"
    rows = [f"x,@u{n},row {n},2026-11-19 09:{n:02d}\n" for n in range(12)]
    path.write_text("network,author,text,date\n", encoding="utf-8")
    for row in rows:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(row)
        os.utime(path, (clocks.wall, clocks.wall))
        assert watch.process(memory) == []
        clocks.advance(3)
    clocks.advance(3)
    (outcome,) = watch.process(memory)
    assert outcome.ok and len(memory.items) == 12
    assert (inbox / PROCESSED / "slow.csv").exists()


def test_a_file_that_changed_while_it_was_read_stays_and_is_read_again(inbox: Path) -> None:
    memory = Memory()
    path = drop(inbox, "grow.csv", GOOD)

    def append_once(p: Path) -> None:
        memory.before_return = lambda _p: None
        with p.open("a", encoding="utf-8") as handle:
            handle.write("x,@b,second,2026-11-19 09:05\n")
        _old(p)

    memory.before_return = append_once
    watch = InboxWatch(inbox)
    (outcome,) = watch.process(memory)
    assert outcome.changed and not outcome.ok
    assert path.exists() and not (inbox / PROCESSED).exists()
    (outcome,) = watch.process(memory)
    assert outcome.ok and outcome.result is not None
    assert (outcome.result.added, outcome.result.skipped) == (1, 1)
    assert [i.text for i in memory.items] == ["hello", "second"]


def test_a_symlink_is_refused_without_quoting_its_target(inbox: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:TOP-SECRET\n", encoding="utf-8")
    (inbox / "passwd.csv").symlink_to(secret)
    _old(inbox / "passwd.csv")
    memory = Memory()
    (outcome,) = InboxWatch(inbox).process(memory)
    assert not outcome.ok and memory.items == []
    moved = inbox / FAILED / "passwd.csv"
    assert moved.is_symlink()
    reason = (inbox / FAILED / "passwd.csv.reason.txt").read_text(encoding="utf-8")
    assert "symbolic link" in reason and "TOP-SECRET" not in reason
    assert secret.read_text(encoding="utf-8").startswith("root")


def test_a_fifo_is_refused_without_being_opened(inbox: Path) -> None:
    os.mkfifo(inbox / "pipe.csv")
    (outcome,) = InboxWatch(inbox).process(Memory())
    assert not outcome.ok
    assert stat.S_ISFIFO((inbox / FAILED / "pipe.csv").lstat().st_mode)
    assert "not a regular file" in (inbox / FAILED / "pipe.csv.reason.txt").read_text("utf-8")


def test_a_file_above_the_size_limit_goes_to_failed_naming_the_cli(inbox: Path) -> None:
    drop(inbox, "big.csv", GOOD + "x,@a,hello,2026-11-19 09:00\n" * 2000)
    (outcome,) = InboxWatch(inbox, max_bytes=10_000).process(Memory())
    assert not outcome.ok
    reason = (inbox / FAILED / "big.csv.reason.txt").read_text(encoding="utf-8")
    assert "cm-tui import" in reason


def test_a_file_that_breaks_the_parser_goes_to_failed_and_the_inbox_goes_on(inbox: Path) -> None:
    drop(inbox, "1-deep.json", "[" * 3000)
    drop(inbox, "2-far.csv", "network,author,text,date\nx,@a,hello,31/12/9999 23h59\n")
    os.utime(inbox / "2-far.csv", (time.time() - 30, time.time() - 30))
    drop(inbox, "3-good.csv", GOOD)
    os.utime(inbox / "3-good.csv", (time.time() - 20, time.time() - 20))
    memory = Memory()
    outcomes = InboxWatch(inbox).process(memory)
    assert [(o.name, o.ok) for o in outcomes] == [
        ("1-deep.json", False),
        ("2-far.csv", False),
        ("3-good.csv", True),
    ]
    reasons = {p.name: p.read_text("utf-8") for p in (inbox / FAILED).glob("*.reason.txt")}
    assert "element 1: nested too deeply" in reasons["1-deep.json.reason.txt"]
    assert "line 2: date out of range" in reasons["2-far.csv.reason.txt"]
    assert len(memory.items) == 1


def test_a_bug_in_the_importer_fails_one_file_not_the_inbox(inbox: Path) -> None:
    drop(inbox, "a.csv", GOOD)

    def broken(_path: Path) -> ImportResult:
        raise KeyError("oops")

    (outcome,) = InboxWatch(inbox).process(broken)
    assert not outcome.ok and (inbox / FAILED / "a.csv").exists()


def test_reason_files_are_private_and_hold_no_escape(inbox: Path) -> None:
    name = "\x1b]2;TITLE\x1b\\.csv"
    drop(inbox, name, BAD)
    old = os.umask(0)
    try:
        (outcome,) = InboxWatch(inbox).process(Memory())
    finally:
        os.umask(old)
    assert not outcome.ok
    (reason_file,) = (inbox / FAILED).glob("*.reason.txt")
    assert stat.S_IMODE(reason_file.stat().st_mode) == 0o600
    assert stat.S_IMODE((inbox / FAILED).stat().st_mode) == 0o700
    assert b"\x1b" not in reason_file.read_bytes()
    assert "␛]2;TITLE␛\\.csv" in reason_file.read_text("utf-8")  # the name, shown safely


def test_one_app_at_a_time_handles_an_inbox(inbox: Path) -> None:
    """Two apps on one inbox (two stores opened with --db): the second leaves it alone, so no
    file is imported twice; it takes over once the first has gone."""
    drop(inbox, "a.csv", GOOD)
    first, second = InboxWatch(inbox), InboxWatch(inbox)
    assert first.claim() and first.claim()
    assert not second.claim()
    assert second.ready() == [inbox / "a.csv"]  # looking is harmless; importing needs the claim
    first.release()
    assert second.claim()
    second.release()
    assert [p.name for p in InboxWatch(inbox).ready()] == ["a.csv"]  # the lock is hidden
