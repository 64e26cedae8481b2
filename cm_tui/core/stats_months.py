"""Which months the Stats tab offers: the month the figures form opens on, and how far the
previous / next month keys go. Months are ``YYYY-MM`` in the user's time zone (``today`` is the
user's local day).

The form's month: a community manager compiles a month's figures in the first days of the next
one (the shipped task "Compile the month's statistics" falls on the first Monday of a month, so
on day 1 to ``COMPILE_DAYS``). Until then the form offers the month just ended, even when the
tab still shows an older month with figures; afterwards it offers the month the tab shows. A
month the user moved to always wins. Any month up to the current one may be typed in the form
(``core.stats_forms.figures_from_form`` refuses later ones).

Browsing needs no figures: from ``BROWSE_BACK`` months before the current month (or the first
month with figures, if older; never before ``core.timeutil.FIRST_DAY``) to the current month
(or the last month with figures, if one was imported ahead).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from cm_tui.core.timeutil import FIRST_DAY, is_supported_month, month_key, shift_month

#: the days of a month in which the figures form offers the month just ended: the first Monday,
#: when the shipped "Compile the month's statistics" task falls, is always one of them
COMPILE_DAYS = 7
#: how many months before the current one the tab goes back to without figures (two years:
#: what a yearly comparison needs)
BROWSE_BACK = 24


def last_complete_month(today: date) -> str:
    """The month before ``today``'s (``2026-12-03`` -> ``2026-11``)."""
    return shift_month(month_key(today), -1)


def form_month(today: date, *, chosen: str | None, shown: str | None) -> str:
    """The month the figures form opens on: ``chosen`` (a month the user moved to) if any;
    else the month just ended during the first ``COMPILE_DAYS`` days of a month; else
    ``shown`` (the month the tab shows by itself), or the month just ended if it shows none."""
    if chosen is not None:
        return chosen
    if today.day <= COMPILE_DAYS or shown is None:
        return last_complete_month(today)
    return shown


def browse_bounds(today: date, months: Iterable[str]) -> tuple[str, str]:
    """The first and last month the tab moves to, given the ``months`` that have figures; never
    before the first supported day's month (``core.timeutil.FIRST_DAY``), whatever a store
    holds from before the forms refused such months."""
    current = month_key(today)
    known = sorted(m for m in months if is_supported_month(m))
    first = max(shift_month(current, -BROWSE_BACK), month_key(FIRST_DAY))
    last = current
    if known:
        first, last = min(first, known[0]), max(last, known[-1])
    return first, last


def step_month(month: str, step: int, bounds: tuple[str, str]) -> str | None:
    """The month ``step`` months from ``month``, or ``None`` when it lies outside ``bounds``."""
    moved = shift_month(month, step)
    first, last = bounds
    return moved if first <= moved <= last else None
