"""core.locale: numbers, percentages, amounts, dates and plural categories per language (CLDR),
and ``t()`` choosing a message's plural form by its ``count``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cm_tui.core import i18n, locale

NNBSP = "\u202f"  # CLDR's French digit group separator
NBSP = "\u00a0"  # CLDR's French space before % and €


@pytest.fixture
def lang() -> Iterator[None]:
    before = i18n.language()
    yield
    i18n.set_language(before)


@pytest.mark.parametrize(
    ("value", "decimals", "english", "french"),
    [
        (4837, 0, "4,837", f"4{NNBSP}837"),
        (1234567.891, 2, "1,234,567.89", f"1{NNBSP}234{NNBSP}567,89"),
        (0.75, 2, "0.75", "0,75"),
        (2.5, 0, "2", "2"),  # half to even, as Python's own rounding
        (0, 1, "0.0", "0,0"),
        (None, 0, "–", "–"),
    ],
)
def test_number(value: float | None, decimals: int, english: str, french: str) -> None:
    assert locale.number(value, decimals, lang="en") == english
    assert locale.number(value, decimals, lang="fr") == french


@pytest.mark.parametrize(
    ("points", "decimals", "english", "french"),
    [
        (0.8, 1, "0.8%", f"0,8{NBSP}%"),
        (29, 0, "29%", f"29{NBSP}%"),
        (12.346, 2, "12.35%", f"12,35{NBSP}%"),
        (0.125, 2, "0.12%", f"0,12{NBSP}%"),  # half to even on the decimal digits
        (1234.5, 1, "1,234.5%", f"1{NNBSP}234,5{NBSP}%"),
        (None, 1, "–", "–"),
    ],
)
def test_percent_takes_points(
    points: float | None, decimals: int, english: str, french: str
) -> None:
    assert locale.percent(points, decimals, lang="en") == english
    assert locale.percent(points, decimals, lang="fr") == french


def test_money() -> None:
    assert locale.money(1234.5, "EUR", lang="en") == "€1,234.50"
    assert locale.money(1234.5, "EUR", lang="fr") == f"1{NNBSP}234,50{NBSP}€"
    assert locale.money(1234.5, "USD", lang="fr") == f"1{NNBSP}234,50{NBSP}$US"
    assert locale.money(1234.5, lang="en") == "1,234.50"
    assert locale.money(1234.5, lang="fr") == f"1{NNBSP}234,50"
    assert locale.money(None, "EUR") == "–"


def test_dates_in_both_languages() -> None:
    day = date(2026, 11, 5)
    assert locale.date(day, lang="en") == "Thu 05 Nov"
    assert locale.date(day, lang="fr") == "jeu. 05 nov."
    assert locale.date(day, "day_year", lang="fr") == "jeu. 05 nov. 2026"
    assert locale.date(day, "month", lang="en") == "Nov 2026"
    assert locale.date(day, "month", lang="fr") == "nov. 2026"
    assert locale.date(day, "month_long", lang="fr") == "novembre 2026"
    assert locale.date(day, "long", lang="en") == "November 5, 2026"
    assert locale.date(day, "long", lang="fr") == "5 novembre 2026"
    assert locale.month_name(2, lang="fr") == "févr."
    assert locale.month_name(8, "wide", lang="en") == "August"
    assert locale.weekday_name(7, lang="en") == "Sun"
    assert locale.weekday_name(1, "wide", lang="fr") == "lundi"


@pytest.mark.parametrize("lang_code", ["en", "fr"])
@pytest.mark.parametrize("form", sorted(locale.DATE_FORMATS))
def test_fixed_date_layouts_write_what_babel_writes(lang_code: str, form: str) -> None:
    """The fixed layouts are filled from the language's names without Babel's date formatter
    (not imported at start-up): the same text as ``format_date`` with the layout's pattern,
    every day of a leap year, and the first of each month of another."""
    from datetime import timedelta

    from babel.dates import format_date

    babel_locale = locale._locale(lang_code)
    days = [date(2028, 1, 1) + timedelta(days=n) for n in range(366)]
    days += [date(1999, month, 1) for month in range(1, 13)]
    pattern = locale.DATE_FORMATS[form]
    for day in days:
        expected = format_date(day, pattern, locale=babel_locale)
        assert locale.date(day, form, lang=lang_code) == expected, day


def test_dates_do_not_import_babels_date_formatter(tmp_path: Path) -> None:
    """Babel's ``dates`` module costs 12M instructions to import (its time zone lookup, its
    patterns): with the language data read as the app reads it (``io.cldr_cache``, written by
    an earlier start), the fixed layouts never need it; a CLDR length (``long``...) still does."""
    from cm_tui.io import cldr_cache

    cldr_cache.locale_data("fr", tmp_path)  # an earlier start wrote the cache
    code = (
        "import sys, datetime, functools, pathlib\n"
        "from cm_tui.core import locale\n"
        "from cm_tui.io.cldr_cache import locale_data\n"
        "locale.use_locale_data(functools.partial(locale_data, folder=pathlib.Path(sys.argv[1])))\n"
        "locale.date(datetime.date(2026, 11, 5), 'day_year', lang='fr')\n"
        "print('babel.dates' in sys.modules)\n"
        "locale.date(datetime.date(2026, 11, 5), 'long', lang='fr')\n"
        "print('babel.dates' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.split() == ["False", "True"]


def test_the_current_language_is_the_default(lang: None) -> None:
    i18n.set_language("fr")
    assert locale.number(4837) == f"4{NNBSP}837"
    assert locale.date(date(2026, 11, 19)) == "jeu. 19 nov."
    i18n.set_language("en")
    assert locale.number(4837) == "4,837"


@pytest.mark.parametrize(
    ("count", "english", "french"),
    [(0, "other", "one"), (1, "one", "one"), (2, "other", "other"), (1_000_000, "other", "many")],
)
def test_plural_categories(count: int, english: str, french: str) -> None:
    assert locale.plural_category(count, lang="en") == english
    assert locale.plural_category(count, lang="fr") == french


@pytest.fixture
def area() -> Iterator[None]:
    """A message area of tests, beside the real ones."""
    i18n._areas["zz"] = {
        "zz.tasks": (
            {"one": "{count} task", "other": "{count} tasks"},
            {"one": "{count} tâche", "other": "{count} tâches"},
        ),
        "zz.open": ({"one": "open", "other": "open"}, {"one": "ouvert", "other": "ouverts"}),
        "zz.plain": ("{count} times", "{count} fois"),
    }
    before = i18n.language()
    yield
    i18n.set_language(before)
    del i18n._areas["zz"]


def test_t_picks_the_plural_form_of_count(area: None) -> None:
    i18n.set_language("en")
    assert [i18n.t("zz.tasks", count=n) for n in (0, 1, 2)] == ["0 tasks", "1 task", "2 tasks"]
    i18n.set_language("fr")
    assert [i18n.t("zz.tasks", count=n) for n in (0, 1, 2)] == ["0 tâche", "1 tâche", "2 tâches"]
    assert [i18n.t("zz.open", count=n) for n in (0, 1, 2)] == ["ouvert", "ouvert", "ouverts"]
    # a round million is CLDR's French "many", which falls back to "other"
    assert i18n.t("zz.tasks", count=1_000_000) == f"1{NNBSP}000{NNBSP}000 tâches"


def test_t_writes_a_count_with_the_language_grouping(area: None) -> None:
    i18n.set_language("en")
    assert i18n.t("zz.tasks", count=4837) == "4,837 tasks"
    assert i18n.t("zz.plain", count=4837) == "4,837 times"
    i18n.set_language("fr")
    assert i18n.t("zz.plain", count=4837) == f"4{NNBSP}837 fois"


def test_t_without_a_count_takes_the_other_form(area: None) -> None:
    i18n.set_language("en")
    assert i18n.t("zz.tasks", count="some") == "some tasks"
    assert i18n.t("zz.tasks") == "{count} tasks"


def test_babel_is_loaded_on_first_use_only() -> None:
    """Babel and its CLDR data cost about 10 ms: importing core must not pay for them."""
    code = (
        "import sys, cm_tui.core.i18n, cm_tui.core.locale, cm_tui.core.agenda\n"
        "from cm_tui.core.i18n import t\n"
        "t('app.title')\n"
        "print('babel' in sys.modules)\n"
        "from cm_tui.core.locale import number\n"
        "number(1)\n"
        "print('babel' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["False", "True"]


@pytest.mark.parametrize(
    ("minutes", "english", "french"),
    [
        (53, "0h53", "0h53"),
        (60, "1h00", "1h00"),
        (-39, "-0h39", "-0h39"),
        (15, "0h15", "0h15"),
        (26 * 60 + 5, "1d02", "1j02"),
    ],
)
def test_countdown_has_one_shape_under_and_over_an_hour(
    lang: None, minutes: int, english: str, french: str
) -> None:
    """Seen: "1h00" beside "0:53" in the Queue; one shape, hours and minutes, in both languages."""
    from datetime import timedelta

    assert locale.countdown(timedelta(minutes=minutes)) == english
    assert locale.countdown(timedelta(minutes=minutes), lang="fr") == french
    i18n.set_language("fr")
    assert locale.countdown(timedelta(minutes=minutes)) == french
