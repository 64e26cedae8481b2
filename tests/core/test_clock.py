"""The clock's two faces: the wall clock, which may jump, and the monotonic one, which
measures intervals (``Interval``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cm_tui.core.clock import FixedClock, Interval, SystemClock, wall_jumped, wall_offset

AT = datetime(2026, 11, 19, 8, 12, tzinfo=UTC)


def test_advancing_moves_both_faces_setting_moves_the_wall_only() -> None:
    clock = FixedClock(AT)
    clock.advance(timedelta(seconds=90))
    assert clock.now() == AT + timedelta(seconds=90) and clock.monotonic() == 90
    clock.set(AT - timedelta(hours=1))
    assert clock.monotonic() == 90
    clock.advance(timedelta(seconds=-30))  # set back: time did not pass
    assert clock.monotonic() == 90 and clock.now() == AT - timedelta(hours=1, seconds=30)


def test_an_interval_is_due_after_its_seconds_of_monotonic_time() -> None:
    clock = FixedClock(AT)
    every = Interval(clock, 60)
    assert every.due()
    every.mark()
    clock.advance(timedelta(seconds=59))
    assert not every.due()
    clock.advance(timedelta(seconds=1))
    assert every.due()


def test_a_jump_either_way_makes_an_interval_due_once() -> None:
    for jump in (timedelta(hours=-1), timedelta(hours=1), timedelta(seconds=-3)):
        clock = FixedClock(AT)
        every = Interval(clock, 60)
        every.mark()
        clock.set(AT + jump)
        assert every.due()
        every.mark()
        clock.advance(timedelta(seconds=30))
        assert not every.due()
        clock.advance(timedelta(seconds=30))
        assert every.due()


def test_drift_below_the_jump_threshold_is_not_a_jump() -> None:
    clock = FixedClock(AT)
    before = wall_offset(clock)
    clock.set(AT + timedelta(seconds=1))
    assert not wall_jumped(before, wall_offset(clock))


def test_the_system_clock_is_monotonic_and_utc() -> None:
    clock = SystemClock()
    first = clock.monotonic()
    assert clock.monotonic() >= first
    assert clock.now().tzinfo is UTC
