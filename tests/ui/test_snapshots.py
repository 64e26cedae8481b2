"""Snapshots of every tab on the ``year`` demo at the fixed clock (2026-11-19 09:12, Paris).

Baselines live in ``__snapshots__/``; after a deliberate change of the layout, regenerate them
with ``pytest tests/ui --snapshot-update`` and look at the SVGs before committing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cm_tui.core.i18n import set_language
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE


@pytest.fixture(scope="module")
def _french_demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``year`` demo generated in French, as ``cm-tui --demo --lang fr`` makes it (its
    titles are written in the language of the run)."""
    from cm_tui.io.demo_writer import write_demo
    from cm_tui.io.shipped import generate_shipped_demo
    from cm_tui.store import Store

    set_language("fr")
    try:
        data = generate_shipped_demo("year", FIXED_NOW, tz="Europe/Paris")
    finally:
        set_language("en")
    folder = tmp_path_factory.mktemp("french-demo")
    with Store.open(folder / "store.json") as store:
        write_demo(store, data)
    return folder


@pytest.fixture
def french_db(_french_demo_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "french-store"
    shutil.copytree(_french_demo_dir, target)
    return target / "store.json"


@pytest.mark.parametrize("key", ["1", "2", "3", "4"], ids=["today", "calendar", "queue", "stats"])
def test_tab(snap_compare, make_app, key: str) -> None:
    assert snap_compare(make_app(), press=[key], terminal_size=SIZE)


def test_today_in_french(snap_compare, make_app, french_db) -> None:
    set_language("fr")
    assert snap_compare(make_app(db=french_db), terminal_size=SIZE)


def test_help_screen(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=SIZE)


@pytest.mark.parametrize("key", ["1", "2", "3", "4"], ids=["today", "calendar", "queue", "stats"])
@pytest.mark.parametrize(
    ("language", "size"),
    [("en", (80, 24)), ("fr", (80, 24)), ("fr", (140, 45))],
    ids=["en-80x24", "fr-80x24", "fr-140x45"],
)
def test_tab_in_each_size_and_language(
    snap_compare, make_app, french_db, key: str, language: str, size: tuple[int, int]
) -> None:
    """Every tab at 80×24 and 140×45, in English and French (English at 140×45: ``test_tab``);
    the French ones on the demo generated in French."""
    set_language(language)
    app = make_app(db=french_db) if language == "fr" else make_app()
    assert snap_compare(app, press=[key], terminal_size=size)
