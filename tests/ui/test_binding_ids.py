"""Binding ids are what ``[keys]`` in the settings file remaps: the set the CLI checks against
is complete, and the ids the README documents are real ones."""

from __future__ import annotations

import re
from pathlib import Path

from cm_tui.ui.bindings import known_binding_ids

README = Path(__file__).resolve().parents[2] / "README.md"


def _documented_ids() -> set[str]:
    """The ids in the last column of the README's key tables."""
    found: set[str] = set()
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 3:
            found |= set(re.findall(r"`([a-z_]+(?:\.[a-z_]+)+)`", cells[-1]))
    return found


def test_every_tab_and_modal_binding_is_known() -> None:
    ids = known_binding_ids()
    # one of each kind: app, the start tab, lazily imported tabs, modals
    for binding_id in ("app.help", "today.toggle", "queue.reply", "stats.kpi", "confirm.yes"):
        assert binding_id in ids


def test_the_readme_documents_only_real_binding_ids() -> None:
    documented = _documented_ids()
    assert len(documented) > 50
    assert documented <= known_binding_ids()
