"""The key grammar as data: one key per shared verb, the same on every tab where the verb exists.

Users of keyboard tools (lazygit, k9s, taskwarrior-tui) expect one grammar: ``enter`` opens the
selected thing, ``e`` edits it, ``x`` deletes it... So every tab binds a shared verb to the keys
given here, and never binds one of these keys to anything else.

A binding says which verb it is by its id after the owner's part (``today.edit``,
``queue.detail``, ``list.down``): ``Verb.ids`` lists the names a verb goes by, older ids kept
where the action did not change (``today.toggle`` is the verb *done*, ``stats.enter`` edits the
month's figures). ``Verb.tabs`` names the tabs where the verb exists. Keys are written as in
``BINDINGS`` (Textual's names: ``slash``, ``left_square_bracket``).

Filters and copies are prefix keys: ``f`` then a second key (``FILTER_KEYS``), ``y`` then a second
key (``COPY_KEYS``), listed in a small menu (``ui.screens.prefix_menu``).

The help screen lists the shared verbs first, in ``VERBS`` order; ``tests/ui/test_grammar.py``
checks every tab, the app and the prefix menus against this table.
"""

from __future__ import annotations

from cm_tui.core.value import Value, frozen

TODAY, CALENDAR, QUEUE, STATS = "today", "calendar", "queue", "stats"
ALL_TABS = (TODAY, CALENDAR, QUEUE, STATS)


@frozen
class Verb(Value):
    """A shared verb: its keys, the binding-id parts it goes by, the tabs that have it."""

    name: str
    keys: tuple[str, ...]
    ids: tuple[str, ...]
    tabs: tuple[str, ...]


VERBS: tuple[Verb, ...] = (
    Verb("detail", ("enter",), ("detail",), ALL_TABS),
    Verb("edit", ("e",), ("edit", "enter"), (TODAY, CALENDAR, QUEUE, STATS)),
    Verb("new", ("n",), ("new",), (TODAY, CALENDAR)),
    Verb("delete", ("x", "delete"), ("delete",), (TODAY, CALENDAR, QUEUE, STATS)),
    Verb("undo", ("u",), ("undo",), ALL_TABS),
    Verb("redo", ("ctrl+r",), ("redo",), ALL_TABS),
    Verb("search", ("slash",), ("search", "filter"), (TODAY, CALENDAR, QUEUE)),
    Verb("copy", ("y",), ("copy",), (TODAY, CALENDAR, QUEUE)),
    Verb("open", ("o",), ("open",), (TODAY, CALENDAR, QUEUE)),
    Verb("filters", ("f",), ("filters",), (CALENDAR, QUEUE, STATS)),
    Verb("clear", ("escape",), ("clear",), (CALENDAR, QUEUE, STATS)),
    Verb("done", ("d",), ("done", "toggle"), (TODAY, QUEUE)),
    Verb("ignore", ("i",), ("ignore", "skip"), (TODAY, QUEUE)),
    Verb("snooze", ("s",), ("snooze",), (TODAY, QUEUE)),
    Verb("mark", ("space",), ("mark",), (QUEUE,)),
    Verb("previous", ("left_square_bracket",), ("prev", "prev_month"), (TODAY, CALENDAR, STATS)),
    Verb("next", ("right_square_bracket",), ("next", "next_month"), (TODAY, CALENDAR, STATS)),
    Verb("now", ("t",), ("today",), (TODAY, CALENDAR, STATS)),
    Verb("manage", ("M",), ("manage", "hashtags"), (TODAY, CALENDAR, QUEUE)),
    Verb("down", ("down", "j"), ("down", "detail_down"), ()),
    Verb("up", ("up", "k"), ("up", "detail_up"), ()),
    Verb("left", ("left", "h"), ("left",), ()),
    Verb("right", ("right", "l"), ("right",), ()),
    Verb("first", ("home", "g"), ("first",), ()),
    Verb("last", ("end", "G"), ("last",), ()),
    Verb("page_down", ("pagedown",), ("page_down",), ()),
    Verb("page_up", ("pageup",), ("page_up",), ()),
    Verb("editor", ("ctrl+e",), ("editor",), ()),
)

#: ``f`` then: the second key of each filter (the binding id's last part is the filter's name)
FILTER_KEYS: dict[str, str] = {
    "network": "n",
    "kind": "k",
    "status": "s",
    "ambassadors": "a",
    "keywords": "w",
    "range": "r",
}
#: ``y`` then: the text, or the link
COPY_KEYS: dict[str, str] = {"text": "y", "link": "l"}


def verb_named(name: str) -> Verb:
    """The verb called ``name`` (``"detail"``...)."""
    for verb in VERBS:
        if verb.name == name:
            return verb
    raise KeyError(name)


def verb_of(binding_id: str) -> Verb | None:
    """The shared verb a binding id stands for (its part after the first dot), or ``None``."""
    suffix = binding_id.partition(".")[2]
    for verb in VERBS:
        if suffix in verb.ids:
            return verb
    return None


def verb_rank(binding_id: str) -> int | None:
    """Where a binding's verb comes in ``VERBS`` (the help screen's order), or ``None``."""
    verb = verb_of(binding_id)
    return None if verb is None else VERBS.index(verb)
