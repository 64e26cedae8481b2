"""Fixtures shared by every test folder. Kept small on purpose; documented here once.

Autouse (every test, nothing to ask for):

* ``CM_TUI_HOME`` points at a fresh temporary folder, so no test can read or write the real
  user's store or settings (``cm_tui.io.locations`` puts everything under it);
* the interface language is English, and is restored afterwards (a test that switches to
  French cannot leak it into the next test).

On request:

* ``tmp_home`` -> ``Path``: that ``CM_TUI_HOME`` folder (exists, empty at start);
* ``fixed_now`` -> ``datetime``: 2026-11-19 09:12:00 Europe/Paris (a Thursday), as aware UTC
  (08:12:00+00:00), the instant of the README screenshots;
* ``fixed_clock`` -> ``FixedClock`` at ``fixed_now`` (advance it with ``.advance(timedelta)``,
  never sleep);
* ``paris`` -> ``ZoneInfo("Europe/Paris")``;
* ``open_umask``: the test runs under ``umask 000`` (whatever cm-tui does not chmod explicitly
  comes out world-writable), restored afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cm_tui.core import i18n
from cm_tui.core.clock import FixedClock

PARIS = ZoneInfo("Europe/Paris")
FIXED_NOW = datetime(2026, 11, 19, 9, 12, tzinfo=PARIS).astimezone(UTC)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("cm-home")
    monkeypatch.setenv("CM_TUI_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    previous = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(previous)


@pytest.fixture
def tmp_home(_isolated_home: Path) -> Path:
    """The folder ``CM_TUI_HOME`` points at for this test."""
    return _isolated_home


@pytest.fixture
def fixed_now() -> datetime:
    """2026-11-19T09:12:00 Europe/Paris as an aware UTC datetime."""
    return FIXED_NOW


@pytest.fixture
def fixed_clock() -> FixedClock:
    """A ``FixedClock`` at ``fixed_now`` (a new one per test)."""
    return FixedClock(FIXED_NOW)


@pytest.fixture
def paris() -> ZoneInfo:
    return PARIS


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)
