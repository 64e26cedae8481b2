"""Small display formatters shared by the panes (no business rule: only how a value looks).

Dates go through ``core.locale`` (CLDR month and weekday names and layouts, on Babel), so the
French UI says "jeu. 19 nov." whatever the terminal's locale is, and the TUI, the CLI and the
report write a date the same way.
"""

from __future__ import annotations

from datetime import date, datetime

from cm_tui.core import locale as l10n


def month_short(month: int) -> str:
    """``Nov`` / ``nov.``"""
    return l10n.month_name(month)


def day_label(day: date) -> str:
    """``Thu 19 Nov`` / ``jeu. 19 nov.``"""
    return l10n.date(day, "day")


def day_month(day: date) -> str:
    """``19 Nov`` / ``19 nov.``"""
    return l10n.date(day, "day_month")


def weekday_day(day: date) -> str:
    """``Thu 19`` / ``jeu. 19``"""
    return l10n.date(day, "weekday_day")


def month_label(month: str) -> str:
    """``2026-10`` -> ``Oct 2026`` / ``oct. 2026``."""
    return l10n.month(month)


def clock_label(local: datetime) -> str:
    """The header clock: ``Thu 19 Nov 2026  09:12:05`` in the local time given."""
    return f"{l10n.date(local.date(), 'day_year')}  {local:%H:%M:%S}"


def hm(local: datetime) -> str:
    return f"{local:%H:%M}"


def one_line(text: str) -> str:
    """Text squeezed onto one table line (newlines and tabs become spaces)."""
    return " ".join(text.split())
