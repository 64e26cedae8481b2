"""The help screen: every key of the current tab, then the global ones.

It is fed ``KeyInfo`` lists computed from the real bindings (with the user's keymap applied), so
it cannot drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from cm_tui.core.i18n import t
from cm_tui.ui.bindings import KeyInfo, localize_bindings


class HelpScreen(ModalScreen[None]):
    """Modal list of keys, grouped in sections (``(title, keys)``)."""

    CSS_PATH = "modals.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "ui.key.close", id="help.close"),
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[KeyInfo]]]) -> None:
        super().__init__()
        localize_bindings(self)
        self._sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = t("ui.help.title")
            body.border_subtitle = t("ui.help.close_hint")
            for title, keys in self._sections:
                yield Static(Content.styled(title, "bold $accent"), classes="help-section")
                yield Static(self._table(keys), classes="help-keys")

    @staticmethod
    def _table(keys: Sequence[KeyInfo]) -> Content:
        if not keys:
            return Content.styled(t("ui.help.none"), "dim")
        width = max(len(" / ".join(info.keys)) for info in keys)
        described = max(len(info.description) for info in keys)
        # the binding id is what ``[keys]`` in the settings file remaps
        lines = [
            Content.assemble(
                (" / ".join(info.keys).ljust(width), "bold $text-accent"),
                "  ",
                info.description.ljust(described),
                "  ",
                (info.binding_id, "$text-muted"),
            )
            for info in keys
        ]
        return Content("\n").join(lines)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
