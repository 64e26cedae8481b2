"""``DeadlineIndex`` counts what ``entry_counts`` counts, at any instant, in two bisections."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from cm_tui.core.models import format_instant
from cm_tui.core.queue import DeadlineIndex, OpenEntry, crossed_entry_alerts, entry_counts

START = datetime(2026, 11, 19, 8, 0, tzinfo=UTC)


def entry(i: int, minutes: int) -> OpenEntry:
    at = format_instant(START + timedelta(minutes=minutes))
    return OpenEntry(i, "new", at, format_instant(START), None)


@given(
    st.lists(st.integers(-600, 600), max_size=60),
    st.integers(-700, 700),
    st.integers(0, 59),
)
def test_the_index_counts_as_the_loop_does(deadlines: list[int], minute: int, second: int) -> None:
    entries = [entry(i, m) for i, m in enumerate(deadlines)]
    now = START + timedelta(minutes=minute, seconds=second)
    assert DeadlineIndex(entries).counts(now) == entry_counts(entries, now)


def test_the_boundaries_are_the_loop_s() -> None:
    """A deadline exactly now is overdue; exactly 15 minutes ahead is due soon."""
    entries = [entry(0, 0), entry(1, 15), entry(2, 16)]
    counts = DeadlineIndex(entries).counts(START)
    assert (counts.open, counts.due_soon, counts.overdue) == (3, 1, 1)
    assert counts == entry_counts(entries, START)


@given(
    st.lists(st.integers(-120, 120), max_size=60),
    st.integers(-130, 130),
    st.integers(-5, 40),
)
def test_near_holds_every_entry_an_alert_check_announces(
    deadlines: list[int], start: int, step: int
) -> None:
    entries = [entry(i, m) for i, m in enumerate(deadlines)]
    since = START + timedelta(minutes=start)
    now = since + timedelta(minutes=step)
    near = DeadlineIndex(entries).near(since, now)
    found = crossed_entry_alerts(near, since, now)
    assert sorted(found) == sorted(crossed_entry_alerts(entries, since, now))  # in deadline order
