"""The inbox's settle rule across jumps of the wall clock: a file's modification time is a
wall-clock time, so it is believed only while the wall clock has not jumped since the file was
first seen; otherwise the file must stay unchanged for the settle time on the monotonic clock."""

from __future__ import annotations

import os
from pathlib import Path

from tests.io.test_import_inbox import GOOD, Clocks, drop
from tests.io.test_import_inbox import inbox as inbox  # the inbox folder fixture

HOUR = 3600.0


def test_a_file_being_written_is_not_taken_early_when_the_clock_jumps_forward(
    inbox: Path,
) -> None:
    clocks = Clocks()
    watch = clocks.watch(inbox, settle_seconds=5)
    path = drop(inbox, "a.csv", GOOD, old=False)
    os.utime(path, (clocks.wall, clocks.wall))
    assert watch.ready() == []
    clocks.advance(1)
    clocks.wall += HOUR  # the wall clock is set an hour ahead while the file is written
    assert watch.ready() == []
    clocks.advance(3)
    assert watch.ready() == []
    clocks.advance(2)  # unchanged for 5 s of real time: settled
    assert watch.ready() == [path]


def test_a_file_written_before_the_clock_went_back_settles_in_the_settle_time(
    inbox: Path,
) -> None:
    clocks = Clocks()
    watch = clocks.watch(inbox, settle_seconds=5)
    path = drop(inbox, "a.csv", GOOD, old=False)
    os.utime(path, (clocks.wall, clocks.wall))
    assert watch.ready() == []
    clocks.wall -= HOUR
    clocks.advance(3)
    assert watch.ready() == []
    clocks.advance(3)
    assert watch.ready() == [path]


def test_a_file_renamed_in_after_a_jump_is_still_read_at_once(inbox: Path) -> None:
    clocks = Clocks()
    watch = clocks.watch(inbox, settle_seconds=5)
    assert watch.ready() == []
    clocks.wall += HOUR
    path = drop(inbox, "a.csv", GOOD)  # written elsewhere a minute ago, renamed in
    os.utime(path, (clocks.wall - 60, clocks.wall - 60))
    assert watch.ready() == [path]
