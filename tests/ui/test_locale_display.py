"""The TUI writes numbers, percentages, dates and counts as the report does, in the user's
language: "4,837" / "4 837", "0.8%" / "0,8 %", "1 ouvert" / "0 ouvert" / "2 ouverts"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from cm_tui.core import i18n
from cm_tui.core.queue import QueueCounts
from cm_tui.io.report import fmt_change, fmt_metric
from cm_tui.ui import fmt
from cm_tui.ui.panes.stats import change_part
from cm_tui.ui.panes.today import progress_line
from cm_tui.ui.widgets.campaign_lines import money
from cm_tui.ui.widgets.queue_summary import queue_counts_text, queue_summary, queue_tab_label

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.fixture(params=["en", "fr"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    before = i18n.language()
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language(before)


def test_stats_values_and_changes_as_the_report_writes_them(lang: str) -> None:
    from cm_tui.io.charts import format_value

    english = lang == "en"
    assert format_value("followers", 4837) == ("4,837" if english else f"4{NNBSP}837")
    assert format_value("engagement_rate", 0.84) == ("0.8%" if english else f"0,8{NBSP}%")
    assert change_part(0.8)[0] == ("▲ 0.8%" if english else f"▲ 0,8{NBSP}%")
    assert change_part(-12.25)[0] == ("▼ 12.2%" if english else f"▼ 12,2{NBSP}%")
    assert change_part(0.0)[0] == ("= 0.0%" if english else f"= 0,0{NBSP}%")
    # the report's cells are the tab's
    assert fmt_change(0.8) == change_part(0.8)[0]
    assert fmt_metric("followers", 4837) == format_value("followers", 4837)
    assert money(1234.5) == ("1,234.50" if english else f"1{NNBSP}234,50")


@pytest.mark.parametrize(
    ("counts", "english", "french"),
    [
        (QueueCounts(0, 0, 0), "0 open · 0 due < 0h15 · 0 overdue",
         "0 ouvert · 0 dû < 0h15 · 0 en retard"),
        (QueueCounts(1, 1, 1), "1 open · 1 due < 0h15 · 1 overdue",
         "1 ouvert · 1 dû < 0h15 · 1 en retard"),
        (QueueCounts(2, 2, 2), "2 open · 2 due < 0h15 · 2 overdue",
         "2 ouverts · 2 dus < 0h15 · 2 en retard"),
        (QueueCounts(10_000, 0, 3), "10,000 open · 0 due < 0h15 · 3 overdue",
         f"10{NNBSP}000 ouverts · 0 dû < 0h15 · 3 en retard"),
    ],
)  # fmt: skip
def test_queue_counts_agree_with_their_numbers(
    lang: str, counts: QueueCounts, english: str, french: str
) -> None:
    wanted = english if lang == "en" else french
    assert queue_counts_text(counts) == wanted
    assert queue_summary(counts).plain.splitlines()[0] == wanted.replace(" · ", "   ")
    assert queue_tab_label(counts).plain.split(" ", 1)[1].startswith(wanted.split(" ", 1)[0])


def test_today_progress_agrees_and_writes_the_percent_in_the_language(lang: str) -> None:
    one = progress_line(1, 3, "09:12", 80).plain
    many = progress_line(2, 3, "09:12", 80).plain
    if lang == "en":
        assert "1/3 done · 33%" in one and "2/3 done · 66%" in many
    else:
        assert f"1/3 fait · 33{NBSP}%" in one and f"2/3 faits · 66{NBSP}%" in many


def test_dates_follow_the_language(lang: str) -> None:
    day = date(2026, 11, 5)
    if lang == "en":
        assert (fmt.day_label(day), fmt.day_month(day), fmt.weekday_day(day)) == (
            "Thu 05 Nov",
            "05 Nov",
            "Thu 05",
        )
        assert fmt.month_label("2026-10") == "Oct 2026"
        assert fmt.clock_label(datetime(2026, 11, 5, 9, 12, 5)) == "Thu 05 Nov 2026  09:12:05"
    else:
        assert (fmt.day_label(day), fmt.day_month(day), fmt.weekday_day(day)) == (
            "jeu. 05 nov.",
            "05 nov.",
            "jeu. 05",
        )
        assert fmt.month_label("2026-10") == "oct. 2026"
