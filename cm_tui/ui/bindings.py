"""Key bindings as data: one source for the footer, the help screen and the command palette.

Every ``Binding`` of cm-tui carries an ``id`` (so ``[keys]`` in the settings file can remap it)
and a *message key* as its description (``"ui.key.help"``), translated when shown. Class-level
``BINDINGS`` are evaluated at import time, before the language may be chosen, so the translation
happens per instance (``localize_bindings``) and in the listings below, never at import.

``keys_for`` reads a class's merged bindings and applies the app's keymap exactly as Textual does
when it dispatches a key, so what the help screen and the palette show is what the keys do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.keys import _character_to_key

from cm_tui.core.i18n import t
from cm_tui.core.value import Value, frozen


@frozen(slots=False)
class KeyInfo(Value):
    """One action and every key currently bound to it."""

    keys: tuple[str, ...]
    description: str
    action: str
    binding_id: str
    owner: type[DOMNode]


def localize_bindings(node: DOMNode) -> None:
    """Translate the descriptions of ``node``'s bindings into the current language.

    Call from ``__init__`` of every class whose ``BINDINGS`` use message keys. (Textual keeps a
    per-instance copy of the merged bindings in ``_bindings``; the footer reads it.)
    """
    translated: dict[str, list[Binding]] = {}
    for key, bindings in node._bindings.key_to_bindings.items():
        translated[key] = [
            dataclasses.replace(b, description=t(b.description)) if b.description else b
            for b in bindings
        ]
    node._bindings = BindingsMap.from_keys(translated)


def describe_binding(node: DOMNode, binding_id: str, description: str) -> None:
    """Give ``node``'s binding ``binding_id`` the translated ``description`` and redraw the
    footer: for a key whose meaning follows a view (the Calendar's ``[`` ``]`` ``t`` move by a
    week or by a month)."""
    described: dict[str, list[Binding]] = {
        key: [
            dataclasses.replace(b, description=description) if b.id == binding_id else b
            for b in bindings
        ]
        for key, bindings in node._bindings.key_to_bindings.items()
    }
    node._bindings = BindingsMap.from_keys(described)
    node.refresh_bindings()


#: keys whose name is a word: the footer and the help write them in the user's language, as
#: every hint does (``ui.keyname.*``: "esc" / "échap"); symbols (⏎, ^s, ?) need no words
NAMED_KEYS: dict[str, str] = {
    "escape": "ui.keyname.escape",
    "space": "ui.keyname.space",
    "delete": "ui.keyname.delete",
    "tab": "ui.keyname.tab",
}


def key_name(binding: Binding, default: Callable[[Binding], str]) -> str:
    """What the footer and the help show for ``binding``'s key: a named key's word in the
    user's language, else ``default`` (Textual's display: ``^s``, ``⏎``)."""
    message = NAMED_KEYS.get(binding.key)
    if message is None or binding.key_display:
        return default(binding)
    return t(message)


def keys_for(
    owner: type[DOMNode],
    keymap: Mapping[str, str],
    key_display: Callable[[Binding], str],
) -> list[KeyInfo]:
    """The actions of ``owner``'s bindings that have an id, with the keys they answer to.

    ``keymap`` is the app's normalised keymap (binding id -> keys); ``key_display`` turns a
    ``Binding`` into what the user types (``App.get_key_display``). Order follows ``BINDINGS``.
    """
    merged = owner._merged_bindings
    if merged is None:
        return []
    bindings_map = merged.copy()
    if keymap:
        bindings_map.apply_keymap(keymap)
    declared = list(_declared(owner))
    order = {b.id: i for i, b in enumerate(declared)}
    key_rank = {(b.id, key): i for b in declared for i, key in enumerate(_keys_of(b))}
    by_id: dict[str, tuple[list[tuple[int, str]], Binding]] = {}
    for key, binding in bindings_map:
        if not binding.id or not binding.description:
            continue
        keys, _first = by_id.setdefault(binding.id, ([], binding))
        shown = key_display(binding)
        if all(shown != seen for _rank, seen in keys):
            keys.append((key_rank.get((binding.id, key), len(keys)), shown))
    infos = [
        KeyInfo(
            keys=tuple(shown for _rank, shown in sorted(keys)),
            description=t(binding.description),
            action=binding.action,
            binding_id=binding_id,
            owner=owner,
        )
        for binding_id, (keys, binding) in by_id.items()
    ]
    infos.sort(key=lambda info: order.get(info.binding_id, len(order)))
    return infos


def known_binding_ids() -> frozenset[str]:
    """Every binding id of cm-tui: what ``[keys]`` in the settings file may name.

    The app imports most panes and modals only when first shown; this imports them all (about
    50 ms with compiled bytecode), so it is called only when the settings file remaps keys.
    """
    import importlib
    import pkgutil

    import cm_tui.ui

    for module in pkgutil.walk_packages(cm_tui.ui.__path__, "cm_tui.ui."):
        importlib.import_module(module.name)
    return frozenset(
        binding.id
        for owner in _subclasses(DOMNode)
        if owner.__module__.startswith("cm_tui.")
        for binding in _declared(owner)
        if binding.id
    )


def _subclasses(cls: type[DOMNode]) -> Iterable[type[DOMNode]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _declared(owner: type[DOMNode]) -> Iterable[Binding]:
    """The bindings declared along ``owner``'s MRO, most derived last (for ordering)."""
    for base in reversed(owner.__mro__):
        for item in base.__dict__.get("BINDINGS", ()):
            if isinstance(item, Binding):
                yield item


def _keys_of(binding: Binding) -> list[str]:
    """The keys a declared binding lists, normalised as Textual stores them (``?`` ->
    ``question_mark``), in the order written."""
    keys = [key.strip() for key in binding.key.split(",")]
    return [_character_to_key(key) if len(key) == 1 else key for key in keys]


def declared_keys(owner: type[DOMNode]) -> dict[str, list[str]]:
    """Binding id -> the keys ``owner`` declares for it (before any ``[keys]`` remap), in the
    order written; what the key-grammar checks and the tests read."""
    keys: dict[str, list[str]] = {}
    for binding in _declared(owner):
        if binding.id:
            keys[binding.id] = _keys_of(binding)
    return keys


#: a context's bindings: (binding id, the keys it answers to)
ContextKeys = Sequence[tuple[str, Sequence[str]]]


def keymap_conflict(
    contexts: Iterable[ContextKeys], keymap: Mapping[str, str]
) -> tuple[str, str, str] | None:
    """The first key ``[keys]`` gives two bindings of one context: ``(key, remapped id, other
    id)``, or ``None``.

    A context is what answers keys together (``binding_contexts``). A key shared by two
    bindings there is a conflict only if ``keymap`` made it so: defaults that overlap on purpose
    (a focused widget's ``up`` before its pane's) stay allowed. Pure: plain ids and key names.
    """
    remapped = {binding_id: _split_keys(keys) for binding_id, keys in keymap.items()}
    for context in contexts:
        owner_of: dict[str, str] = {}
        for binding_id, keys in context:
            for key in remapped.get(binding_id, keys):
                other = owner_of.setdefault(key, binding_id)
                if other == binding_id:
                    continue
                if binding_id in remapped:
                    return key, binding_id, other
                if other in remapped:
                    return key, other, binding_id
    return None


def binding_contexts() -> list[list[tuple[str, list[str]]]]:
    """The bindings that answer keys together, as ``keymap_conflict`` reads them: each tab's
    pane with the app's bindings, each of its key widgets (``KEY_WIDGETS``) with the pane and
    the app, and each modal screen with the app's priority bindings (the others do not reach a
    modal). Imports every module of ``cm_tui.ui`` (``known_binding_ids``)."""
    from textual.app import App
    from textual.screen import ModalScreen

    from cm_tui.ui.panes.base import Pane

    known_binding_ids()  # imports every module, so every class is found
    ours = [c for c in _subclasses(DOMNode) if c.__module__.startswith("cm_tui.")]
    app = next(c for c in ours if issubclass(c, App))
    app_keys = _id_keys(app)
    app_priority = _id_keys(app, priority_only=True)
    contexts: list[list[tuple[str, list[str]]]] = []
    for owner in ours:
        if issubclass(owner, Pane) and owner.PANE_ID:
            pane = _id_keys(owner)
            contexts.append(pane + app_keys)
            for widget in owner.KEY_WIDGETS:
                contexts.append(_id_keys(widget) + pane + app_keys)
        elif issubclass(owner, ModalScreen):
            contexts.append(_id_keys(owner) + app_priority)
    return contexts


def _id_keys(owner: type[DOMNode], *, priority_only: bool = False) -> list[tuple[str, list[str]]]:
    """``owner``'s declared bindings that have an id: (id, keys), the last declaration of an
    id winning as in Textual."""
    found: dict[str, list[str]] = {}
    for binding in _declared(owner):
        if binding.id and (binding.priority or not priority_only):
            found[binding.id] = _keys_of(binding)
    return list(found.items())


def _split_keys(keys: str) -> list[str]:
    """A ``[keys]`` value as Textual reads it: comma-separated, ``?`` as ``question_mark``."""
    parts = [key.strip() for key in keys.split(",") if key.strip()]
    return [_character_to_key(key) if len(key) == 1 else key for key in parts]
