"""Every message key the UI asks for exists, in English and French."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from cm_tui.core.i18n import catalog, set_language, t
from cm_tui.core.models import CadenceKind, QueueKind
from cm_tui.core.targets import OVER, UNDER, WITHIN
from cm_tui.ui import fmt

UI = Path(__file__).resolve().parents[2] / "cm_tui" / "ui"
LITERAL = re.compile(r"""\bt\(\s*["']((?:ui|core|app)\.[a-z0-9_.]+)["']""")
BINDING = re.compile(r"""Binding\([^)]*?["']((?:ui)\.key\.[a-z_]+|ui\.tab\.[a-z]+)["']""", re.S)


def _source_keys() -> set[str]:
    keys: set[str] = set()
    for path in UI.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        keys.update(LITERAL.findall(text))
        keys.update(BINDING.findall(text))
    return keys


def test_literal_keys_exist() -> None:
    keys = _source_keys()
    assert len(keys) > 40  # the scan does find the keys
    missing = sorted(k for k in keys if k not in catalog())
    assert missing == []


@pytest.mark.parametrize(
    "keys",
    [
        [f"ui.cadence.{k.value}" for k in CadenceKind if k is not CadenceKind.TIMES_PER_DAY],
        [f"ui.kind_short.{k.value}" for k in QueueKind],
        [f"ui.target.{s}" for s in (UNDER, WITHIN, OVER)],
    ],
)
def test_computed_keys_exist(keys: list[str]) -> None:
    assert [k for k in keys if k not in catalog()] == []


def test_dates_follow_the_language() -> None:
    day = date(2026, 11, 19)
    assert fmt.day_label(day) == "Thu 19 Nov"
    set_language("fr")
    assert fmt.day_label(day) == "jeu. 19 nov."
    assert t("ui.tab.today") == "Aujourd'hui"
