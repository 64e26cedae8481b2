"""``PickList``: the option list of every chooser and dialog, moving with ``j``/``k`` as every
list of the app does (``RowList``), not only with the arrows."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class PickList(OptionList):
    """An ``OptionList`` with the app's list keys: ``j``/``k``, ``g``/``G`` besides the arrows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
        Binding("g", "first", show=False),
        Binding("G", "last", show=False),
    ]
