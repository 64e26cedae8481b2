"""Alerts never cover the work: one alert line above the footer (the newest alert, a count of
the others), gone after its timeout on the app's clock, and a history on ``ctrl+n``."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cm_tui.core.clock import FixedClock
from cm_tui.ui.alerts import Alert, AlertLog
from cm_tui.ui.app import CmTuiApp
from cm_tui.ui.widgets.alert_line import AlertLine
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, screen_text, settle

AT = datetime(2026, 11, 19, 8, 12, tzinfo=UTC)


def alert(text: str, severity: str = "information") -> Alert:
    return Alert(text=text, title="", severity=severity, markup=False, raised_at=AT)


# ---------------------------------------------------------------------------- the log


def test_the_line_shows_the_newest_alert_and_counts_the_others() -> None:
    log = AlertLog()
    for index, text in enumerate(("one", "two", "three")):
        log.add(alert(text), shown_until=10.0 + index)
    assert [a.text for a in log.shown] == ["three", "two", "one"]
    assert log.expire(now=11.0)  # "one" and "two" are gone
    assert [a.text for a in log.shown] == ["three"]
    assert not log.expire(now=11.5)  # nothing changed
    assert [a.text for a in log.history] == ["three", "two", "one"]


def test_the_history_is_bounded_and_newest_first() -> None:
    log = AlertLog(keep=3)
    for index in range(5):
        log.add(alert(f"alert {index}"), shown_until=float(index))
    assert [a.text for a in log.history] == ["alert 4", "alert 3", "alert 2"]
    assert len(log.shown) == 3


# ---------------------------------------------------------------------------- in the app


def box_lines(text: str, title_part: str) -> list[str]:
    """The lines of the box whose top border holds ``title_part``, borders included."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "╭" in line and title_part in line)
    end = next(i for i in range(start + 1, len(lines)) if "╰" in lines[i])
    return lines[start : end + 1]


async def test_three_alerts_on_stats_leave_the_table_rows_visible(make_app: Any) -> None:
    """Reproduced: three stacked toasts hid half of the Stats table. Run with Textual's
    notifications on, as in use."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        await settle(pilot)
        before = screen_text(app)
        table = [line for line in box_lines(before, " vs ") if "│" in line]
        rows = [line for line in table if line.strip("│ ")]
        assert len(rows) >= 4  # the heading and the networks
        for index in range(3):
            app.notify(f"Imported file-{index}.csv: 12 items", markup=False)
        await settle(pilot)
        after = screen_text(app)
        for row in rows:
            assert row in after.splitlines()
        last = after.splitlines()[-2]  # the alert line, just above the footer
        assert "Imported file-2.csv: 12 items" in last
        assert "+2" in last


async def test_alerts_leave_no_fragments_once_expired(make_app: Any) -> None:
    """Many alerts of every severity, then their timeout passes on the app's clock: the
    screen is what it was before them (the header's clock aside), and what a full redraw
    draws."""
    clock = FixedClock(FIXED_NOW)
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        await settle(pilot)
        before = screen_text(app).splitlines()
        for index in range(12):
            severity = ("information", "warning", "error")[index % 3]
            CmTuiApp.notify(app, f"inbox file {index} imported", severity=severity, timeout=5)
        await settle(pilot)
        during = screen_text(app).splitlines()
        assert "inbox file 11 imported" in during[-2]
        assert "+11" in during[-2]
        clock.advance(timedelta(seconds=4))
        app.run_periodic_jobs("clock tick")
        await settle(pilot)
        assert "inbox file 11 imported" in screen_text(app).splitlines()[-2]
        clock.advance(timedelta(seconds=2))
        app.run_periodic_jobs("clock tick")
        await settle(pilot)
        after = screen_text(app)
        assert after.splitlines()[1:] == before[1:]
        app.screen.refresh(layout=True)
        await settle(pilot)
        assert screen_text(app) == after


async def test_an_alert_raised_in_a_modal_shows_above_it(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await settle(pilot)
        app.notify("Not saved: the disk is full", severity="error", markup=False)
        await settle(pilot)
        # the modal's own line, where the main screen's is (which is dimmed behind the modal)
        assert "Not saved: the disk is full" in screen_text(app).splitlines()[-2]
        assert app.screen.query_children(AlertLine)


async def test_ctrl_n_lists_the_history_newest_first(make_app: Any) -> None:
    clock = FixedClock(FIXED_NOW)
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for text, severity in (("first", "information"), ("second", "warning"), ("third", "error")):
            app.notify(f"the {text} alert", severity=severity, markup=False)
            await settle(pilot)
            clock.advance(timedelta(minutes=1))
        await pilot.press("ctrl+n")
        await settle(pilot)
        text = screen_text(app)
        found = [line for line in text.splitlines() if re.search(r"09:1\d:00 .* alert", line)]
        assert len(found) == 3
        assert "09:14:00" in found[0] and "error" in found[0] and "the third alert" in found[0]
        assert "09:13:00" in found[1] and "warning" in found[1] and "the second alert" in found[1]
        assert "09:12:00" in found[2] and "info" in found[2] and "the first alert" in found[2]
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.screen_stack) == 1
        assert "the first alert" not in screen_text(app)


async def test_ctrl_n_is_in_the_help(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        everywhere = dict(app.help_sections("today"))["Everywhere"]
        assert [info.keys for info in everywhere if info.binding_id == "app.notifications"] == [
            ("^n",)
        ]


@pytest.mark.parametrize("markup", [True, False])
async def test_the_alert_line_shows_one_line_of_text(make_app: Any, markup: bool) -> None:
    """A title, markup (or text that only looks like it) and line breaks: one line."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.notify("line one\nline [b]two[/b]", title="Saved", markup=markup)
        await settle(pilot)
        last = screen_text(app).splitlines()[-2]
        two = "line two" if markup else "line [b]two[/b]"
        assert f"Saved: line one {two}" in last
