"""Choose networks (Calendar ``d``, duplicate a post): gives the chosen keys, ``[]`` if cancelled.

``space`` ticks a network, ``enter`` confirms, ``escape`` cancels. Names are shown as plain
``Content``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import SelectionList

from cm_tui.core.i18n import t
from cm_tui.core.models import NetworkProfile
from cm_tui.ui.bindings import localize_bindings
from cm_tui.ui.widgets.pick_list import PickSelection


class NetworkPicker(ModalScreen[list[str]]):
    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "confirm", "calendar.key.confirm", priority=True, id="network_picker.confirm"
        ),
        Binding("escape", "cancel", "calendar.key.cancel", id="network_picker.cancel"),
    ]

    def __init__(self, title: str, networks: Sequence[NetworkProfile]) -> None:
        super().__init__()
        localize_bindings(self)
        self._title = title
        self._networks = list(networks)

    def compose(self) -> ComposeResult:
        with Vertical(id="network-picker") as body:
            body.border_title = self._title
            body.border_subtitle = t("calendar.picker.hint")
            yield PickSelection(
                *[(Content(n.name), n.key) for n in self._networks], id="network-picker-list"
            )

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_confirm(self) -> None:
        chosen = self.query_one(SelectionList).selected
        self.dismiss([n.key for n in self._networks if n.key in chosen])

    def action_cancel(self) -> None:
        self.dismiss([])
