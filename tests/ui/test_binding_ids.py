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


def test_every_binding_description_is_a_message_in_both_languages() -> None:
    """A description is a message key translated when shown: a missing one shows as the key
    itself in help, the footer and the prefix menus."""
    from textual.binding import Binding
    from textual.dom import DOMNode

    from cm_tui.core.i18n import catalog

    known_binding_ids()  # imports every module of cm_tui.ui

    def subclasses(cls: type) -> list[type]:
        return [c for sub in cls.__subclasses__() for c in (sub, *subclasses(sub))]

    missing = sorted(
        {
            f"{owner.__name__}: {item.description}"
            for owner in subclasses(DOMNode)
            if owner.__module__.startswith("cm_tui.")
            for item in owner.__dict__.get("BINDINGS", ())
            if isinstance(item, Binding) and item.description
            if item.description not in catalog()
        }
    )
    assert missing == []
