"""The help screen: the tab's shared verbs (the key grammar, ``ui.grammar``), its own keys,
then the global ones.

It is fed ``KeyInfo`` lists computed from the real bindings (with the user's keymap applied), so
it cannot drift from what the keys do. A prefix key (``f``, ``y``) is followed by its second keys,
read from its menu's bindings (``f n``, ``y l``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from cm_tui.core.i18n import t
from cm_tui.ui.bindings import KeyInfo, localize_bindings
from cm_tui.ui.grammar import verb_rank

if TYPE_CHECKING:
    from cm_tui.ui.app import CmTuiApp
    from cm_tui.ui.panes.base import Pane


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


def tab_sections(
    app: CmTuiApp, pane_cls: type[Pane], keys: Sequence[KeyInfo]
) -> list[tuple[str, list[KeyInfo]]]:
    """``keys`` (a tab's, ``CmTuiApp.tab_keys``) in two sections: the shared verbs in the
    grammar's order, then the tab's own keys; each prefix key followed by its second keys."""
    menus = getattr(pane_cls, "MENUS", {})
    shared: list[tuple[int, list[KeyInfo]]] = []
    own: list[KeyInfo] = []
    for info in keys:
        group = [info]
        name = _menu_name(info.action)
        if name in menus:
            group += _second_keys(app, info, menus[name])
        rank = verb_rank(info.binding_id)
        if rank is None:
            own.extend(group)
        else:
            shared.append((rank, group))
    shared.sort(key=lambda pair: pair[0])
    return [
        (t("verbs.help.shared"), [info for _rank, group in shared for info in group]),
        (t("verbs.help.tab", tab=pane_cls.title()), own),
    ]


def _menu_name(action: str) -> str | None:
    """``"filters"`` for the action ``menu('filters')``, else ``None``."""
    if action.startswith("menu(") and action.endswith(")"):
        return action[5:-1].strip("'\"")
    return None


def _second_keys(app: CmTuiApp, prefix: KeyInfo, menu: type) -> list[KeyInfo]:
    first = prefix.keys[0] if prefix.keys else ""
    return [
        KeyInfo(
            keys=tuple(f"{first} {key}" for key in info.keys),
            description=info.description,
            action=info.action,
            binding_id=info.binding_id,
            owner=info.owner,
        )
        for info in app.keys_of(menu)
        if info.action != "cancel"
    ]
