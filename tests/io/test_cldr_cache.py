"""The CLDR cache (io.cldr_cache): the same words and numbers as Babel, without Babel's full load.

See docs/architecture.md, "Performance": the app's first frame names the day, and reading a
language's whole CLDR data cost about 15 ms of the start-up.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel import localedata

from cm_tui.core import locale
from cm_tui.io import cldr_cache

LANGS = ("en", "fr")
DAYS = [dt.date(2026, 1, 1) + dt.timedelta(days=n * 37) for n in range(12)]
NUMBERS = [0, 1, 2, 1.5, 4837, 1234567.891, -12.25, 0.005, 1e9]


def everything_written(lang: str) -> list[str]:
    """What core.locale writes for a wide sample of values, in ``lang``."""
    out: list[str] = []
    for day in DAYS:
        out += [locale.date(day, form, lang=lang) for form in locale.DATE_FORMATS]
        out += [locale.date(day, length, lang=lang) for length in locale.CLDR_LENGTHS]
        out.append(locale.month(day.isoformat()[:7], "month_long", lang=lang))
    for value in NUMBERS:
        out += [locale.number(value, decimals, lang=lang) for decimals in (0, 1, 2)]
        out.append(locale.percent(value, lang=lang))
        out += [locale.money(value, currency, lang=lang) for currency in (None, "EUR", "USD")]
        out.append(locale.plural_category(value, lang=lang))
    for width in locale.WIDTHS:
        out += [locale.month_name(month, width, lang=lang) for month in range(1, 13)]
        out += [locale.weekday_name(day, width, lang=lang) for day in range(1, 8)]
    return out


@pytest.fixture
def cached(tmp_path: Path) -> Iterator[dict[str, cldr_cache.OnDemand]]:
    """core.locale reading through the cache in ``tmp_path``; the data handed out, by language."""
    handed: dict[str, cldr_cache.OnDemand] = {}

    def source(lang: str) -> cldr_cache.OnDemand:
        handed[lang] = cldr_cache.locale_data(lang, tmp_path)
        return handed[lang]

    locale.use_locale_data(source)
    try:
        yield handed
    finally:
        locale.use_locale_data(None)


@pytest.mark.parametrize("lang", LANGS)
def test_the_cache_writes_exactly_what_babel_writes(lang: str, tmp_path: Path) -> None:
    from_babel = everything_written(lang)
    locale.use_locale_data(lambda code: cldr_cache.locale_data(code, tmp_path))
    try:
        from_cache_file_first = everything_written(lang)
        locale.use_locale_data(lambda code: cldr_cache.locale_data(code, tmp_path))
        from_cache_file_again = everything_written(lang)
    finally:
        locale.use_locale_data(None)
    assert from_cache_file_first == from_babel
    assert from_cache_file_again == from_babel


@pytest.mark.parametrize("lang", LANGS)
def test_formatting_needs_nothing_outside_the_cached_entries(
    lang: str, cached: dict[str, cldr_cache.OnDemand]
) -> None:
    everything_written(lang)
    assert cached[lang].full_loads == 0


def test_a_second_start_reads_the_cache_file_not_babels_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cldr_cache.locale_data("fr", tmp_path)
    assert cldr_cache.cache_file(tmp_path, "fr").is_file()

    def no_babel(_lang: str) -> None:
        raise AssertionError("Babel's full data was read")

    monkeypatch.setattr(localedata, "load", no_babel)
    again = cldr_cache.locale_data("fr", tmp_path)
    assert {k: repr(v) for k, v in again.items()} == {k: repr(v) for k, v in first.items()}
    assert oct(cldr_cache.cache_file(tmp_path, "fr").stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    "content", [b"", b"not a pickle", b"\x80\x05K\x01.", b"\x80\x05}\x94(\x8c\x01a\x94K\x01u."]
)
def test_a_damaged_or_foreign_cache_file_is_rebuilt(tmp_path: Path, content: bytes) -> None:
    path = cldr_cache.cache_file(tmp_path, "en")
    path.write_bytes(content)
    data = cldr_cache.locale_data("en", tmp_path)
    assert set(data) == set(cldr_cache.KEYS)
    assert cldr_cache._read(path) is not None


def test_an_unwritable_cache_folder_costs_speed_not_an_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    data = cldr_cache.locale_data("en", blocked / "cache")
    assert data["months"]["format"]["wide"][11] == "November"


def test_an_entry_outside_the_cache_is_read_from_babel_on_demand(tmp_path: Path) -> None:
    data = cldr_cache.locale_data("fr", tmp_path)
    assert "territories" in data
    assert data["territories"]["FR"] == "France"
    assert data.full_loads >= 1


def test_the_cache_file_is_per_babel_version(tmp_path: Path) -> None:
    import babel

    assert babel.__version__ in cldr_cache.cache_file(tmp_path, "en").name
    assert os.path.basename(cldr_cache.cache_file(tmp_path, "en")).endswith("-en.pickle")
