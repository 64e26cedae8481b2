"""The inbox's file notifications (``io/inbox_notify.py``): a file landing is heard at once,
through the platform's notifications; when they are unavailable the notifier says so once and
the app keeps polling. Every wait is on an event, with a generous timeout: nothing depends on
how fast the machine is."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cm_tui.io.inbox_notify import InboxNotifier

WAIT = 30.0  # seconds: a generous bound for an event, never a measured delay


class Heard:
    def __init__(self) -> None:
        self.changed = threading.Event()
        self.unavailable = threading.Event()
        self.count = 0

    def change(self) -> None:
        self.count += 1
        self.changed.set()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


@pytest.fixture
def heard(inbox: Path) -> Iterator[tuple[InboxNotifier, Heard]]:
    ears = Heard()
    notifier = InboxNotifier(inbox, ears.change, ears.unavailable.set)
    yield notifier, ears
    notifier.stop()


def rename_in(inbox: Path, tmp_path: Path, name: str) -> Path:
    """A file written elsewhere, then renamed into the inbox (the README's advice)."""
    source = tmp_path / name
    source.write_text("network,author,text,date\nx,@a,hi,2026-11-19 09:00\n", encoding="utf-8")
    past = time.time() - 60
    os.utime(source, (past, past))
    target = inbox / name
    os.replace(source, target)
    return target


def test_a_file_renamed_into_the_inbox_is_heard(
    heard: tuple[InboxNotifier, Heard], inbox: Path, tmp_path: Path
) -> None:
    notifier, ears = heard
    notifier.start()
    assert notifier.watching.wait(WAIT)
    rename_in(inbox, tmp_path, "a.csv")
    assert ears.changed.wait(WAIT)
    assert not ears.unavailable.is_set()


def test_a_file_written_in_place_is_heard(heard: tuple[InboxNotifier, Heard], inbox: Path) -> None:
    notifier, ears = heard
    notifier.start()
    assert notifier.watching.wait(WAIT)
    (inbox / "b.json").write_text("[]", encoding="utf-8")
    assert ears.changed.wait(WAIT)


def test_without_watchfiles_the_notifier_says_it_is_unavailable(inbox: Path) -> None:
    ears = Heard()

    def missing() -> object:
        raise ImportError("No module named 'watchfiles'")

    notifier = InboxNotifier(inbox, ears.change, ears.unavailable.set, load=missing)
    notifier.start()
    assert ears.unavailable.wait(WAIT)
    notifier.stop()
    assert not notifier.watching.is_set() and ears.count == 0


def test_a_folder_that_cannot_be_watched_is_unavailable(tmp_path: Path) -> None:
    ears = Heard()
    notifier = InboxNotifier(tmp_path / "missing", ears.change, ears.unavailable.set)
    notifier.start()
    assert ears.unavailable.wait(WAIT)
    notifier.stop()


def test_stop_ends_the_thread(heard: tuple[InboxNotifier, Heard]) -> None:
    notifier, _ears = heard
    notifier.start()
    assert notifier.watching.wait(WAIT)
    notifier.stop()
    assert not notifier.alive


def test_the_watch_says_when_a_settling_file_may_have_settled(inbox: Path) -> None:
    """The app looks again at that moment (a notification came while the file was written,
    and nothing more may come once the writer stops)."""
    from tests.io.test_import_inbox import GOOD, Clocks, drop

    clocks = Clocks()
    watch = clocks.watch(inbox, settle_seconds=5)
    assert watch.ready() == [] and watch.settles_in is None
    path = drop(inbox, "a.csv", GOOD, old=False)
    os.utime(path, (clocks.wall, clocks.wall))
    assert watch.ready() == [] and watch.settles_in == pytest.approx(5)
    clocks.advance(3)
    assert watch.ready() == [] and watch.settles_in == pytest.approx(2)
    clocks.advance(2)
    assert watch.ready() == [path] and watch.settles_in is None
