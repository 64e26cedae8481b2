"""Commands read the language's CLDR data from cm-tui's cache folder (io.cldr_cache), so the
app's first frame does not wait for Babel's full data (docs/architecture.md, "Performance")."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel import localedata

from cm_tui.cli.context import _context
from cm_tui.core import locale


@pytest.fixture(autouse=True)
def _babel_again_after() -> Iterator[None]:
    yield
    locale.use_locale_data(None)


def args(*lang: str) -> argparse.Namespace:
    return argparse.Namespace(lang=lang[0] if lang else None, now=None, db=None, demo=False)


def test_a_command_fills_the_cache_then_reads_only_it(
    tmp_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _context(args("fr"))
    assert locale.date(dt.date(2026, 11, 19), "day") == "jeu. 19 nov."
    assert sorted(p.name for p in (tmp_home / "cache").iterdir())[0].endswith("-fr.pickle")

    def no_babel_data(_lang: str) -> None:
        raise AssertionError("Babel's full locale data was read")

    monkeypatch.setattr(localedata, "load", no_babel_data)
    locale._locale.cache_clear()  # a new process: nothing read yet
    _context(args("fr"))  # the next command (or start) of the day
    assert locale.date(dt.date(2026, 11, 19), "day") == "jeu. 19 nov."
    assert locale.number(4837) == "4\u202f837"
