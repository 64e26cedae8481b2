"""The key descriptions read the same way on every tab, in English and in French: capitalised,
undo never worded as cancel, one label for the network filter."""

from __future__ import annotations

TABS = ("today", "calendar", "queue", "stats")


def _load() -> dict[str, tuple[object, object]]:
    import importlib
    import pkgutil

    import cm_tui.core.messages as package

    found: dict[str, tuple[object, object]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        found.update(importlib.import_module(f"{package.__name__}.{info.name}").MESSAGES)
    return found


def test_the_tabs_key_descriptions_are_capitalised_in_both_languages() -> None:
    messages = _load()
    low = [
        (key, text)
        for key, pair in messages.items()
        if key.split(".")[0] in TABS and ".key." in key
        for text in pair
        if isinstance(text, str) and text[:1].islower()
    ]
    assert low == []


def test_undo_and_redo_are_not_worded_as_cancel_in_french() -> None:
    messages = _load()
    cancels = {pair[1] for key, pair in messages.items() if key.endswith("key.cancel")}
    undos = {pair[1] for key, pair in messages.items() if key.endswith(("key.undo", "key.redo"))}
    assert undos == {"Défaire", "Refaire"}
    assert not undos & cancels
    assert messages["edits.undone"][1] == "Défait : {what}"
    assert messages["edits.nothing_to_undo"][1] == "Rien à défaire."


def test_the_network_filter_reads_the_same_on_queue_calendar_and_stats() -> None:
    messages = _load()
    keys = ("queue.key.network", "verbs.key.network", "stats.key.network")
    labels = {messages[key] for key in keys}
    assert labels == {("Filter: network", "Filtre : réseau")}
