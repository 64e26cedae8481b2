"""Fixtures of the store tests.

* ``db`` -> ``Path``: where a store's data file goes (nothing exists yet);
* ``store`` -> an open writer ``Store`` on ``db``, closed after the test;
* ``crash_copy(store)`` -> ``Path``: the files of an OPEN store copied elsewhere, i.e. exactly
  what a ``kill -9`` at this instant would leave on disk (nothing flushed at close).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cm_tui.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "store.json"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    opened = Store.open(db)
    yield opened
    opened.close()


@pytest.fixture
def crash_copy(tmp_path: Path) -> Callable[[Store], Path]:
    counter = iter(range(1000))

    def copy(opened: Store) -> Path:
        target = tmp_path / f"crash-{next(counter)}"
        target.mkdir()
        for path in (opened.paths.db, opened.paths.journal):
            if path.exists():
                shutil.copy2(path, target / path.name)
        return target / opened.paths.db.name

    return copy
