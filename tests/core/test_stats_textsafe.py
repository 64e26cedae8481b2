"""Monthly series and text cleaning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cm_tui.core.models import MonthlyFigures, QueueItem, QueueKind, QueueStatus
from cm_tui.core.stats import (
    engagement_rate,
    month_change,
    monthly_series,
    months_range,
    percentile,
    response_figures,
)
from cm_tui.core.textsafe import KEPT_BIDI_MARKS, clean_line, clean_text

PARIS = ZoneInfo("Europe/Paris")


def test_months_range_across_year_end() -> None:
    assert months_range("2026-02", 4) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert months_range("2026-02", 1) == ["2026-02"]
    with pytest.raises(ValueError):
        months_range("2026-13", 2)


def test_monthly_series_aligned_with_gaps() -> None:
    figures = [
        MonthlyFigures("x", "2026-01", followers=100, reach=1000, reactions=30, comments=5,
                       shares=5),
        MonthlyFigures("x", "2026-03", followers=120),
        MonthlyFigures("facebook", "2026-02", followers=50),
    ]  # fmt: skip
    months = months_range("2026-03", 3)
    series = monthly_series(figures, "followers", ["x", "facebook"], months)
    assert series == {
        "x": [("2026-01", 100), ("2026-02", None), ("2026-03", 120)],
        "facebook": [("2026-01", None), ("2026-02", 50), ("2026-03", None)],
    }
    rate = monthly_series(figures, "engagement_rate", ["x"], ["2026-01", "2026-03"])
    assert rate == {"x": [("2026-01", 4.0), ("2026-03", None)]}
    assert list(monthly_series(figures, "engagements")) == ["facebook", "x"]
    with pytest.raises(ValueError):
        monthly_series(figures, "likes")


def test_month_change_and_engagement_rate() -> None:
    assert month_change(120, 100) == 20.0
    assert month_change(80, 100) == -20.0
    assert month_change(5, 0) is None
    assert month_change(None, 3) is None
    assert engagement_rate(MonthlyFigures("x", "2026-01", reach=0, reactions=3)) is None


def test_response_figures_per_network_and_local_month() -> None:
    received = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)  # already February in Paris
    base = QueueItem(QueueKind.COMMENT, "x", "@a", "t", received, received + timedelta(hours=1))
    items = [
        base.replace(status=QueueStatus.REPLIED, replied_at=received + timedelta(minutes=20)),
        base.replace(status=QueueStatus.REPLIED, replied_at=received + timedelta(minutes=90)),
        base.replace(status=QueueStatus.IGNORED, kind=QueueKind.MENTION),
        base.replace(status=QueueStatus.NEW),
    ]
    figures = response_figures(iter(items), PARIS)
    fig = figures[("x", "2026-02")]
    assert (fig.received, fig.replied, fig.on_time) == (4, 2, 1)
    assert fig.median_minutes == 55 and fig.p90_minutes == 90
    assert fig.on_time_share == 0.5
    assert fig.by_kind == {"comment": 3, "mention": 1}
    assert fig.by_status == {"replied": 2, "ignored": 1, "new": 1}
    assert percentile([], 90) is None
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == 9


# --------------------------------------------------------------------------- textsafe


def test_clean_text_strips_controls_and_bidi_overrides() -> None:
    assert clean_text("a\x00b\x1b[31mred\x1b[0m\x07") == "abred"  # whole sequences
    assert clean_text("line1\r\nline2\rline3\u2028x") == "line1\nline2\nline3\nx"
    assert clean_text("tab\tand\nnewline") == "tab\tand\nnewline"
    assert clean_text("\x85\x9b\x7f") == ""
    assert clean_text("admin\u202e\u2066txt.exe\u2069\u202c") == "admintxt.exe"
    # kept: bidi marks, emoji joiners and variation selectors, markup-looking text
    assert clean_text("שלום\u200f!") == "שלום\u200f!"
    assert clean_text("👩‍💻 ❤️ [bold]x[/]") == "👩‍💻 ❤️ [bold]x[/]"
    assert clean_text("bad \ud800 surrogate") == "bad \ufffd surrogate"


def test_clean_line() -> None:
    assert clean_line("  Jean\n\tDupont\x00 ") == "Jean Dupont"
    assert clean_line("") == ""


FORBIDDEN = {*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
             *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x0D, 0x2028, 0x2029}  # fmt: skip


@given(st.text())
def test_clean_text_properties(text: str) -> None:
    cleaned = clean_text(text)
    assert not any(ord(c) in FORBIDDEN for c in cleaned)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in cleaned)
    assert clean_text(cleaned) == cleaned  # idempotent
    cleaned.encode("utf-8")  # always encodable
    # nothing else is touched: printable characters survive in order (without ESC or a C1
    # control, no escape sequence is removed with its text: test_textsafe_sequences.py)
    if any(c == "\x1b" or "\x80" <= c <= "\x9f" for c in text):
        return
    kept = [c for c in text.replace("\r\n", "\n") if ord(c) not in FORBIDDEN
            and not 0xD800 <= ord(c) <= 0xDFFF]  # fmt: skip
    assert [c for c in cleaned if c != "\n"] == [c for c in kept if c != "\n"]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cf"))))
def test_clean_text_keeps_ordinary_text(text: str) -> None:
    assert clean_text(text) == text


def test_kept_marks_documented() -> None:
    assert all(clean_text(m) == m for m in KEPT_BIDI_MARKS)
