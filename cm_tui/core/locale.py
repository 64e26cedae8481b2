"""Numbers, percentages, amounts, dates and plural categories in the user's language: the one
place that writes them, the same for the TUI, the CLI and the reports.

Built on Babel (a runtime dependency for this module alone): how a language groups digits
("4,837" / "4 837"), marks decimals, spaces a percent sign ("0.8%" / "0,8 %"), places a currency
("€12.50" / "12,50 €"), names months and weekdays, and which counts are singular (French: 0 and
1; English: 1 only) is CLDR data, not something to write by hand: formatting by hand had each
screen get a different part of it wrong.

Contract:

* every function writes in the current language (``i18n.language()``) unless given ``lang``;
* a missing value (``None``) is written ``MISSING`` ("–"), so tables need no special case;
* ``percent`` takes percent points (``0.8`` is written "0.8%"), as the stats hold them;
* ``money`` without a currency writes the amount with the currency's usual two decimals;
* ``countdown`` writes time left (a deadline) in one shape whatever its size: hours and
  minutes ``0h53`` / ``3h05``, days and hours ``2d03`` (``2j03``): never ``0:53`` beside ``1h00``;
* ``date`` takes one of ``DATE_FORMATS`` (fixed layouts with the language's names, so list
  columns line up the same in both languages) or a CLDR length (``short`` … ``full``).

Cost: importing Babel takes about 5 ms and reading one language's CLDR data about 15 ms, so
nothing is loaded when this module is imported: the first call pays, once per language (cached),
and the number and date patterns are built once per language and precision. The app and the CLI
hand in a cheaper source of the same data with ``use_locale_data`` (``io.cldr_cache``: the few
entries these functions read, kept in the user's cache folder).
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections.abc import Callable, MutableMapping
from functools import cache
from typing import TYPE_CHECKING, Any

from cm_tui.core import i18n

if TYPE_CHECKING:
    from babel.core import Locale

MISSING = "–"

#: named date layouts: CLDR field patterns filled with the language's month and weekday names
DATE_FORMATS = {
    "day": "EEE dd MMM",  # Thu 05 Nov / jeu. 05 nov.
    "day_year": "EEE dd MMM y",  # Thu 05 Nov 2026 / jeu. 05 nov. 2026
    "day_month": "dd MMM",  # 05 Nov / 05 nov.
    "weekday_day": "EEE dd",  # Thu 05 / jeu. 05
    "month": "MMM y",  # Nov 2026 / nov. 2026
    "month_long": "LLLL y",  # November 2026 / novembre 2026
}
CLDR_LENGTHS = ("short", "medium", "long", "full")
#: CLDR widths of month and weekday names
WIDTHS = ("abbreviated", "wide", "narrow")


#: where a language's CLDR data comes from (``use_locale_data``); ``None``: Babel's own files
_data_source: Callable[[str], MutableMapping[Any, Any]] | None = None


def use_locale_data(source: Callable[[str], MutableMapping[Any, Any]] | None) -> None:
    """Read each language's CLDR data from ``source(lang)`` (the same data as Babel's, e.g.
    ``io.cldr_cache.locale_data``) instead of Babel's files; ``None`` goes back to Babel's.
    Languages already used are read again on their next use."""
    global _data_source
    _data_source = source
    _locale.cache_clear()
    _number_pattern.cache_clear()


@cache
def _locale(lang: str) -> Locale:
    from babel.core import Locale

    loc = Locale.parse(lang)
    if _data_source is not None:
        from babel.localedata import LocaleDataDict

        # Babel reads a Locale's data through this one attribute, loaded on first access.
        loc._Locale__data = LocaleDataDict(_data_source(lang))  # type: ignore[attr-defined]
    return loc


@cache
def _number_pattern(lang: str, kind: str, decimals: int) -> Any:
    """The language's decimal or percent pattern with exactly ``decimals`` decimals; a percent
    pattern takes percent points (no scaling by 100)."""
    loc = _locale(lang)
    base = loc.percent_formats[None] if kind == "percent" else loc.decimal_formats[None]
    pattern = copy.copy(base)
    pattern.frac_prec = (decimals, decimals)
    if kind == "percent":
        pattern.scale = 0
    return pattern


def _lang(lang: str | None) -> str:
    return lang or i18n.language()


def number(value: float | None, decimals: int = 0, *, lang: str | None = None) -> str:
    """``4837`` -> ``4,837`` / ``4 837``; ``decimals`` fixed (rounded half to even)."""
    if value is None:
        return MISSING
    code = _lang(lang)
    return _number_pattern(code, "decimal", decimals).apply(value, _locale(code))


def percent(value: float | None, decimals: int = 1, *, lang: str | None = None) -> str:
    """Percent points: ``0.8`` -> ``0.8%`` / ``0,8 %``."""
    if value is None:
        return MISSING
    code = _lang(lang)
    return _number_pattern(code, "percent", decimals).apply(value, _locale(code))


def money(amount: float | None, currency: str | None = None, *, lang: str | None = None) -> str:
    """``1234.5, "EUR"`` -> ``€1,234.50`` / ``1 234,50 €``; without a currency (a table whose
    header names it), the amount alone with two decimals."""
    if amount is None:
        return MISSING
    if not currency:
        return number(amount, 2, lang=lang)
    from babel.numbers import format_currency

    return format_currency(amount, currency, locale=_locale(_lang(lang)))


def countdown(delta: _dt.timedelta, *, lang: str | None = None) -> str:
    """Time left, minutes rounded up (so ``0h00`` only at the deadline): ``0h47``, ``3h05``, a
    day or more ``2d03`` (``2j03`` in French); overdue gets a leading ``-`` (``-0h12``). Every
    countdown and deadline limit on screen is written by this function."""
    seconds = delta.total_seconds()
    sign = "-" if seconds < 0 else ""
    minutes = int(-(-abs(seconds) // 60))  # ceil
    hours, mins = divmod(minutes, 60)
    if hours < 24:
        return sign + _in(lang, "core.countdown.hours", hours=hours, minutes=f"{mins:02d}")
    days, hours = divmod(hours, 24)
    return sign + _in(lang, "core.countdown.days", days=days, hours=f"{hours:02d}")


def _in(lang: str | None, key: str, **params: Any) -> str:
    """``t(key)`` in ``lang`` (the current language when ``None``)."""
    text = i18n.area_of(key)[key][1 if _lang(lang) == "fr" else 0]
    return str(text).format(**params)


def date(day: _dt.date, form: str = "day", *, lang: str | None = None) -> str:
    """``day`` in one of ``DATE_FORMATS`` or a CLDR length (``long``: ``November 5, 2026`` /
    ``5 novembre 2026``).

    A ``DATE_FORMATS`` layout is filled here from the language's month and weekday names (what
    Babel's ``format_date`` writes for its pattern, see ``_DATE_FIELDS``): importing Babel's
    date formatter costs about 12M instructions (3 ms), which start-up need not pay to write a
    day's name. A CLDR length goes through ``format_date``."""
    loc = _locale(_lang(lang))
    if form not in CLDR_LENGTHS:
        return " ".join(_DATE_FIELDS[field](day, loc) for field in DATE_FORMATS[form].split())
    from babel.dates import format_date

    return format_date(day, form, locale=loc)


#: the fields of the ``DATE_FORMATS`` patterns, as CLDR (and Babel's ``format_date``) defines
#: them: weekday abbreviated (``EEE``), day of month on two digits (``dd``), month abbreviated
#: (``MMM``), as used alone and wide (``LLLL``), year as is (``y``)
_DATE_FIELDS: dict[str, Callable[[_dt.date, Locale], str]] = {
    "EEE": lambda day, loc: str(loc.days["format"]["abbreviated"][day.weekday()]),
    "dd": lambda day, loc: f"{day.day:02d}",
    "MMM": lambda day, loc: str(loc.months["format"]["abbreviated"][day.month]),
    "LLLL": lambda day, loc: str(loc.months["stand-alone"]["wide"][day.month]),
    "y": lambda day, loc: str(day.year),
}


def month(month: str, form: str = "month", *, lang: str | None = None) -> str:
    """A ``YYYY-MM`` month (as the stats key them): ``2026-10`` -> ``Oct 2026`` / ``oct. 2026``
    (``month_long``: ``October 2026`` / ``octobre 2026``)."""
    return date(_dt.date(int(month[:4]), int(month[5:7]), 1), form, lang=lang)


def month_name(month: int, width: str = "abbreviated", *, lang: str | None = None) -> str:
    """``11`` -> ``Nov`` / ``nov.`` (``wide``: ``November`` / ``novembre``), as used alone."""
    return str(_locale(_lang(lang)).months["stand-alone"][width][month])


def weekday_name(isoweekday: int, width: str = "abbreviated", *, lang: str | None = None) -> str:
    """``4`` (Thursday) -> ``Thu`` / ``jeu.`` (``wide``: ``Thursday`` / ``jeudi``)."""
    return str(_locale(_lang(lang)).days["format"][width][isoweekday - 1])


def plural_category(count: float, *, lang: str | None = None) -> str:
    """The CLDR plural category of ``count``: ``one`` or ``other`` (French ``many`` for a
    round million); English 1 is ``one``, French 0 and 1 are."""
    return str(_locale(_lang(lang)).plural_form(count))
