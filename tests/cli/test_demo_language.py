"""``--demo`` in another language than the day's demo was generated in builds it again: a French
demo shows French titles, even after an English run the same day."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui.cli import demo as demo_cli
from cm_tui.core.i18n import language, set_language
from cm_tui.core.settings import Settings
from tests.conftest import FIXED_NOW


def _titles(db: Path, lang: str) -> list[str]:
    before = language()
    set_language(lang)
    try:
        with demo_cli.open_demo_store(db, FIXED_NOW, Settings(timezone="Europe/Paris")) as store:
            return sorted(d.title for d in store.repo.documents.all())
    finally:
        set_language(before)


def test_the_demo_follows_the_language_of_the_run(
    tmp_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_cli, "DEMO_RUN_SIZE", "small")
    db = tmp_path / "demo" / "store.json"
    english = _titles(db, "en")
    assert "Watch plan" in english
    french = _titles(db, "fr")
    assert "Plan de veille" in french and "Watch plan" not in french
    assert _titles(db, "fr") == french  # same day, same language: kept as it is
