"""Small display formatters shared by the panes (no business rule: only how a value looks).

Weekday and month names come from the message catalog, not from the C library's locale, so the
French UI says "jeu. 19 nov." whatever the terminal's locale is.
"""

from __future__ import annotations

from datetime import date, datetime

from cm_tui.core.i18n import t


def weekday_short(day: date) -> str:
    return t(f"ui.weekday.{day.isoweekday()}")


def month_short(month: int) -> str:
    return t(f"ui.month.{month}")


def day_label(day: date) -> str:
    """``Thu 19 Nov`` / ``jeu. 19 nov.``"""
    return f"{weekday_short(day)} {day.day:02d} {month_short(day.month)}"


def clock_label(local: datetime) -> str:
    """The header clock: ``Thu 19 Nov 2026  09:12:05`` in the local time given."""
    return f"{day_label(local.date())} {local.year}  {local:%H:%M:%S}"


def hm(local: datetime) -> str:
    return f"{local:%H:%M}"


def one_line(text: str) -> str:
    """Text squeezed onto one table line (newlines and tabs become spaces)."""
    return " ".join(text.split())
