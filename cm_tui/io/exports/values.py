"""The cells of the platforms' exports: counts and instants, as each platform writes them.

Every function raises ``Bad`` (a row's problem, translated) for a value it cannot read, so a
reader never lets a file's content raise anything else.

A slashed date (``03/04/2026``) is read in one order per file, ``DateOrder``: day first in a
French export, month first otherwise. Every importer says it the same way: a date that does
not fit names the format it needed (``MM/DD/YYYY (month first)``), and the summary names the
format assumed when a date could have been read both ways (``DateOrder.ambiguous``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from cm_tui.core.i18n import t
from cm_tui.core.timeutil import is_supported_day
from cm_tui.io.tabular import Bad, short

#: a count above this is refused (no real export holds one)
MAX_COUNT = 10**12
_SPACES = str.maketrans("", "", " \u00a0\u202f'")
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$")
_WHOLE_FLOAT = re.compile(r"^\d+[.,]0+$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_MONTHS = {
    **{
        m: i
        for i, m in enumerate(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
        )
    },
    **{
        m: i
        for i, m in enumerate(
            (
                "janv",
                "fevr",
                "mars",
                "avr",
                "mai",
                "juin",
                "juil",
                "aout",
                "sept",
                "oct",
                "nov",
                "dec",
            ),
            1,
        )
    },
}
_NAMED = re.compile(r"^(?:([a-zéèûô]+)\.? (\d{1,2}),? (\d{4})|(\d{1,2}) ([a-zéèûô]+)\.? (\d{4}))$")
_FOLD = str.maketrans("éèêûô", "eeeuo")


@dataclass(slots=True)
class DateOrder:
    """How one file's slashed dates are read (``day_first``), and the first one read that
    could have been read the other way too (``ambiguous``, as written; empty: none)."""

    day_first: bool
    ambiguous: str = ""

    def format(self) -> str:
        """``MM/DD/YYYY (month first)``, translated."""
        order = "day_first" if self.day_first else "month_first"
        return t("exports.format." + order) + " (" + t("exports.order." + order) + ")"

    def month_day(self, a: str, b: str, year: str) -> tuple[int, int]:
        """(month, day) of the slashed date ``a/b/year``, noting it if it is ambiguous."""
        first, second = int(a), int(b)
        if not self.ambiguous and first != second and first <= 12 and second <= 12:
            self.ambiguous = f"{a}/{b}/{year}"
        return (second, first) if self.day_first else (first, second)

    def refusal(self, column: str, value: object) -> Bad:
        """A date the file's order does not read, or no date at all."""
        text = short(str(value), 30)
        if _SLASHED.match(str(value).strip()):
            return Bad(t("exports.err.slashed", column=column, value=text, format=self.format()))
        return Bad(t("exports.err.date", column=column, value=text, format=self.format()))


def count(value: str | int | float | None, column: str) -> int:
    """A whole number of 0 or more: ``1234``, ``1 234``, ``1,234``, ``1234.0``; empty or ``-``
    is 0 (the platforms leave a figure they do not have empty)."""
    if type(value) is str and value.isdigit() and value.isascii() and len(value) <= 12:
        return int(value)  # the common case, first
    if value is None:
        return 0
    if isinstance(value, bool):
        raise Bad(t("exports.err.number", column=column, value=str(value)))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise Bad(t("exports.err.number", column=column, value=short(str(value), 20)))
        number = int(value)
    else:
        raw = value.translate(_SPACES)
        if not raw or raw == "-":
            return 0
        if raw.isdigit() and raw.isascii() and len(raw) <= 13:
            number = int(raw)
        elif _THOUSANDS.match(raw):
            number = int(raw.replace(",", ""))
        elif _WHOLE_FLOAT.match(raw):
            number = int(raw[: max(raw.find("."), raw.find(","))])
        else:
            raise Bad(t("exports.err.number", column=column, value=short(value, 20)))
    if not 0 <= number <= MAX_COUNT:
        raise Bad(t("exports.err.number", column=column, value=short(str(value), 20)))
    return number


def _checked(day: date, value: object, column: str) -> date:
    if not is_supported_day(day):
        raise Bad(t("exports.err.date_range", column=column, value=short(str(value), 30)))
    return day


def instant(
    value: str | datetime | None, column: str, zone: ZoneInfo, order: DateOrder
) -> datetime:
    """A publish time, in UTC. With an offset (X: ``2026-08-15 13:12:39 +0000``, ISO) it is
    that instant; without one (Meta: ``11/10/2025 21:00``, in the file's ``order``; YouTube:
    ``Aug 15, 2026``) it is read in the user's zone ``zone``."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=zone)
    else:
        text = (value or "").strip()
        moment = _parse_moment(text, zone, order, column)
    _checked(moment.date(), value, column)
    return moment.astimezone(UTC)


def _parse_moment(text: str, zone: ZoneInfo, order: DateOrder, column: str) -> datetime:
    slashed = _SLASHED.match(text)
    try:
        if slashed:
            a, b, year, hour, minute, second = slashed.groups()
            month, day = order.month_day(a, b, year)
            return datetime(
                int(year),
                month,
                day,
                int(hour or 0),
                int(minute or 0),
                int(second or 0),
                tzinfo=zone,
            )
        if len(text) >= 10 and text[4] == "-":
            if len(text) > 19 and text[19] == " " and text[20] in "+-":
                moment = datetime.strptime(text, "%Y-%m-%d %H:%M:%S %z")
            else:
                moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
            return moment if moment.tzinfo else moment.replace(tzinfo=zone)
        named = _named_day(text)
        if named is not None:
            return datetime(named.year, named.month, named.day, tzinfo=zone)
    except (ValueError, OverflowError):
        pass
    raise order.refusal(column, text)


def _named_day(text: str) -> date | None:
    found = _NAMED.match(text.lower())
    if found is None:
        return None
    g = found.groups()
    name, day, year = (g[0], g[1], g[2]) if g[0] else (g[4], g[3], g[5])
    month = _MONTHS.get(name.translate(_FOLD)[:4]) or _MONTHS.get(name.translate(_FOLD)[:3])
    if month is None:
        return None
    return date(int(year), month, int(day))


def day_of(value: str | datetime | date | None, column: str, order: DateOrder) -> date:
    """A day of a daily series: ISO (``2026-03-01``, ``2026-03-01T07:00:00``), slashed
    (``03/01/2026``, in the file's ``order``) or a workbook's date cell."""
    if isinstance(value, datetime):
        return _checked(value.date(), value, column)
    if isinstance(value, date):
        return _checked(value, value, column)
    text = (value or "").strip()
    try:
        if len(text) >= 10 and text[4] == "-":
            return _checked(date.fromisoformat(text[:10]), text, column)
        slashed = _SLASHED.match(text)
        if slashed:
            a, b, year = slashed.groups()[:3]
            month, day = order.month_day(a, b, year)
            return _checked(date(int(year), month, day), text, column)
    except ValueError:
        pass
    raise order.refusal(column, text)
