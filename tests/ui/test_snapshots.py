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
