"""The option lists of every chooser and dialog move with ``j``/``k`` (and ``g``/``G``) as every
list of the app does (``RowList``), not only with the arrows."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList, SelectionList

#: the list keys every option list adds to the arrows, home and end
LIST_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", show=False),
    Binding("k", "cursor_up", show=False),
    Binding("g", "first", show=False),
    Binding("G", "last", show=False),
]


class PickList(OptionList):
    """An ``OptionList`` with the app's list keys."""

    BINDINGS: ClassVar[list[BindingType]] = LIST_KEYS


class PickSelection(SelectionList[str]):
    """A ``SelectionList`` (space ticks) with the app's list keys."""

    BINDINGS: ClassVar[list[BindingType]] = LIST_KEYS
