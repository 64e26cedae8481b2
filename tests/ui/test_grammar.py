"""Every tab follows the key grammar (``cm_tui.ui.grammar``): a shared verb has the grammar's key
wherever it exists, and a grammar key never means something else on any tab."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.dom import DOMNode

from cm_tui.ui.app import TABS, CmTuiApp
from cm_tui.ui.bindings import declared_keys
from cm_tui.ui.grammar import COPY_KEYS, FILTER_KEYS, VERBS, verb_of
from cm_tui.ui.screens.prefix_menu import CopyMenu, FilterMenu, PrefixMenu

GRAMMAR_KEYS = {key: verb for verb in VERBS for key in verb.keys}


def _tab_classes(pane_id: str) -> list[type[DOMNode]]:
    """A tab's pane class and the widgets whose keys belong to it (``KEY_WIDGETS``)."""
    pane_cls = next(spec for spec in TABS if spec.pane_id == pane_id).pane_class()
    return [pane_cls, *pane_cls.KEY_WIDGETS]


def _bindings(pane_id: str | None) -> Iterator[tuple[type[DOMNode], str, list[str]]]:
    """(owner, binding id, keys) of the app (``None``) or of a tab."""
    owners = [CmTuiApp] if pane_id is None else _tab_classes(pane_id)
    for owner in owners:
        for binding_id, keys in declared_keys(owner).items():
            yield owner, binding_id, keys


@pytest.mark.parametrize("pane_id", [None, *(spec.pane_id for spec in TABS)])
def test_shared_verbs_use_the_grammar_keys_and_grammar_keys_mean_their_verb(
    pane_id: str | None,
) -> None:
    wrong: list[str] = []
    for owner, binding_id, keys in _bindings(pane_id):
        verb = verb_of(binding_id)
        if verb is not None:
            if not set(keys) <= set(verb.keys) or verb.keys[0] not in keys:
                wrong.append(f"{owner.__name__}: {binding_id} on {keys}, grammar {verb.keys}")
            continue
        for key in keys:
            if key in GRAMMAR_KEYS:
                meant = GRAMMAR_KEYS[key].name
                wrong.append(f"{owner.__name__}: {key!r} is {binding_id}, grammar says {meant}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("pane_id", [spec.pane_id for spec in TABS])
def test_every_tab_has_the_verbs_the_grammar_gives_it(pane_id: str) -> None:
    present = {verb_of(binding_id) for _owner, binding_id, _keys in _bindings(pane_id)}
    missing = [verb.name for verb in VERBS if pane_id in verb.tabs and verb not in present]
    assert not missing, f"{pane_id} lacks {missing}"


def _menus(base: type[PrefixMenu]) -> list[type[PrefixMenu]]:
    found = []
    for sub in base.__subclasses__():
        found += [sub, *_menus(sub)]
    return found


@pytest.mark.parametrize(
    ("base", "table"), [(FilterMenu, FILTER_KEYS), (CopyMenu, COPY_KEYS)], ids=["f", "y"]
)
def test_prefix_menus_use_the_grammar_second_keys(
    base: type[PrefixMenu], table: dict[str, str]
) -> None:
    menus = [base, *_menus(base)]
    checked = 0
    for menu in menus:
        for binding_id, keys in declared_keys(menu).items():
            if binding_id == "menu.cancel":
                continue
            name = binding_id.rpartition(".")[2]
            assert keys == [table[name]], (menu.__name__, binding_id, keys)
            checked += 1
    assert checked >= 2


def test_each_tab_prefix_opens_a_menu_it_declares() -> None:
    for spec in TABS:
        pane_cls = spec.pane_class()
        for binding_id, _keys in declared_keys(pane_cls).items():
            verb = verb_of(binding_id)
            if verb is not None and verb.name in ("filters", "copy"):
                menu = pane_cls.MENUS[verb.name]  # type: ignore[attr-defined]
                assert issubclass(menu, FilterMenu if verb.name == "filters" else CopyMenu)
