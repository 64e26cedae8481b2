"""Snapshots of the settings form: the first start's (a new store, the defaults) at 80x24 and
140x45 in English and French, and the palette's settings screen on the ``year`` demo, at the
fixed clock (2026-11-19 09:12, Paris). Regenerate with ``--snapshot-update`` after a
deliberate change, and look at the SVGs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.i18n import set_language
from cm_tui.core.settings import Settings
from cm_tui.io.seeding import seed_if_needed
from cm_tui.store import Store
from cm_tui.ui.screens.settings_form import open_settings
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, settle

SMALL = (80, 24)


def _first_start_app(tmp_path: Path, make_app: Any, lang: str) -> Any:
    set_language(lang)
    settings = Settings(timezone="Europe/Paris", language=lang)
    db = tmp_path / "store.json"
    with Store.open(db) as store:
        seed_if_needed(store, since=FIXED_NOW.astimezone(settings.zone).date())
    return make_app(db=db, settings=settings, first_run=True)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "140x45"])
def test_first_start_form(snap_compare, make_app, tmp_path: Path, lang: str, size: Any) -> None:  # type: ignore[no-untyped-def]
    app = _first_start_app(tmp_path, make_app, lang)

    async def run_before(pilot: Any) -> None:
        await settle(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "140x45"])
def test_settings_screen(snap_compare, make_app, size: Any) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        open_settings(pilot.app)
        await settle(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)
