"""The one read-only detail modal of every tab: the selected thing in full (``enter``).

Today's task, the Calendar's post, the Queue's item and the Stats month's figures all open
here. The body is ``Content`` built from plain strings by the pane (stored texts are hostile:
never markup); a long body scrolls. ``escape``, ``enter`` or ``q`` closes it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from cm_tui.core.i18n import t
from cm_tui.ui.bindings import localize_bindings


class DetailScreen(ModalScreen[None]):
    """``body`` in a scrolling box titled ``title``; dismissed with ``None``."""

    CSS_PATH = "verbs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "ui.key.close", id="queue.detail.close"),
    ]

    def __init__(self, body: Content, title: str = "") -> None:
        super().__init__()
        localize_bindings(self)
        self.body = body
        self._title = title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body") as box:
            box.border_title = Content(self._title) if self._title else None
            box.border_subtitle = t("verbs.detail.close_hint")
            yield Static(self.body, id="detail-text")

    def action_close(self) -> None:
        self.dismiss(None)
