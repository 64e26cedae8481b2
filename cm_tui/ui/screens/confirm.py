"""A yes/no question as a modal: ``push_screen(Confirm(question), callback)`` gives a bool.

Used by later issues for deletions; ``y``/``n``/``escape`` answer without the mouse. The question
is shown as plain ``Content`` because it usually quotes user data (a post title, an author).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from cm_tui.core.i18n import t
from cm_tui.ui.bindings import localize_bindings


class Confirm(ModalScreen[bool]):
    """Ask ``question``; dismiss with ``True`` (yes) or ``False`` (no / escape)."""

    CSS_PATH = "modals.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "ui.key.yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "ui.key.no", id="confirm.no"),
    ]

    def __init__(self, question: str | Content) -> None:
        super().__init__()
        localize_bindings(self)
        self._question = question if isinstance(question, Content) else Content(question)

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-body"):
            yield Static(self._question, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(t("yes")), variant="error", id="confirm-yes")
                yield Button(Content(t("no")), variant="primary", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
