"""Snapshots of every tab on the ``year`` demo at the fixed clock (2026-11-19 09:12, Paris).

Baselines live in ``__snapshots__/``; after a deliberate change of the layout, regenerate them
with ``pytest tests/ui --snapshot-update`` and look at the SVGs before committing.
"""

from __future__ import annotations

import pytest

from cm_tui.core.i18n import set_language
from tests.ui.conftest import SIZE


@pytest.mark.parametrize("key", ["1", "2", "3", "4"], ids=["today", "calendar", "queue", "stats"])
def test_tab(snap_compare, make_app, key: str) -> None:
    assert snap_compare(make_app(), press=[key], terminal_size=SIZE)


def test_today_in_french(snap_compare, make_app) -> None:
    set_language("fr")
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_help_screen(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=SIZE)


@pytest.mark.parametrize("key", ["1", "2", "3", "4"], ids=["today", "calendar", "queue", "stats"])
@pytest.mark.parametrize(
    ("language", "size"),
    [("en", (80, 24)), ("fr", (80, 24)), ("fr", (140, 45))],
    ids=["en-80x24", "fr-80x24", "fr-140x45"],
)
def test_tab_in_each_size_and_language(
    snap_compare, make_app, key: str, language: str, size: tuple[int, int]
) -> None:
    """Every tab at 80×24 and 140×45, in English and French (English at 140×45: ``test_tab``)."""
    set_language(language)
    assert snap_compare(make_app(), press=[key], terminal_size=size)
