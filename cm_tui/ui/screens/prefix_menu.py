"""Prefix keys: ``f`` (filters), ``y`` (copy), the Queue's ``M`` (lists), then a second key.

One mechanism for every prefix: pressing it opens a small menu listing the second keys and what
they do (``docs/architecture.md``: keys typed while a modal opens wait for it, so ``f n`` typed
in one burst works). The second key dismisses the menu with the name of the pane action to run
(``open_prefix_menu`` runs it on the pane); ``escape`` cancels; any other key closes the menu
and says so in one line.

Each menu is a table: a subclass whose ``BINDINGS`` are its second keys, each with a binding
id, so ``[keys]`` in the settings file remaps them as any other key, the help screen lists them
after their prefix, and the grammar test checks them against ``ui.grammar`` (``FilterMenu``:
``FILTER_KEYS``; ``CopyMenu``: ``COPY_KEYS``). Binding ids kept from the days these were direct
keys (``queue.network``...) stay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from cm_tui.core.i18n import t
from cm_tui.ui.bindings import KeyInfo, keys_for, localize_bindings

if TYPE_CHECKING:
    from textual.widget import Widget


class PrefixMenu(ModalScreen[str | None]):
    """The second keys of a prefix; dismissed with the chosen pane action, or ``None``."""

    CSS_PATH = "verbs.tcss"
    #: the menu's title (message key)
    TITLE_KEY: ClassVar[str] = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "verbs.key.cancel", show=False, id="menu.cancel"),
    ]

    def __init__(self, prefix: str) -> None:
        super().__init__()
        localize_bindings(self)
        #: the prefix key as the user typed it (``f``), for the title and the one-line notice
        self.prefix = prefix

    @classmethod
    def entries(cls, widget: Widget) -> list[KeyInfo]:
        """The second keys (the user's ``[keys]`` applied) and what they do, in order."""
        app = widget.app
        infos = keys_for(cls, app._keymap, app.get_key_display)
        return [info for info in infos if info.action != "cancel"]

    def compose(self) -> ComposeResult:
        entries = self.entries(self)
        width = max((len(" / ".join(info.keys)) for info in entries), default=1)
        lines = [
            Content.assemble(
                (" / ".join(info.keys).ljust(width), "bold $text-accent"), "  ", info.description
            )
            for info in entries
        ]
        with Vertical(id="prefix-menu-body") as box:
            box.border_title = Content(f"{self.prefix} · {t(self.TITLE_KEY)}")
            box.border_subtitle = t("verbs.menu.hint")
            yield Static(Content("\n").join(lines), id="prefix-menu-keys")

    def action_choose(self, action: str) -> None:
        self.dismiss(action)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_key(self, event: events.Key) -> None:
        """A key that is none of the menu's: close it, and say so (it does nothing else)."""
        if event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        typed = event.character if event.is_printable and event.character else event.key
        self.dismiss(None)
        self.app.notify(
            t("verbs.menu.unknown", prefix=self.prefix, key=typed), severity="warning", markup=False
        )


class FilterMenu(PrefixMenu):
    """``f``: the filters of a tab (the second keys follow ``grammar.FILTER_KEYS``)."""

    TITLE_KEY = "verbs.menu.filters"


class QueueFilters(FilterMenu):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "choose('cycle_network')", "queue.key.network", id="queue.network"),
        Binding("k", "choose('cycle_kind')", "queue.key.kind", id="queue.kind"),
        Binding("s", "choose('cycle_status')", "queue.key.status", id="queue.status"),
        Binding("a", "choose('ambassadors')", "queue.key.ambassadors", id="queue.ambassadors"),
        Binding("w", "choose('keywords')", "queue.key.keywords", id="queue.keywords"),
    ]


class CalendarFilters(FilterMenu):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "choose('cycle_network')", "verbs.key.network", id="calendar.network"),
    ]


class StatsFilters(FilterMenu):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "choose('next_network')", "stats.key.network", id="stats.network"),
        Binding("r", "choose('next_range')", "stats.key.range", id="stats.range"),
    ]


class CopyMenu(PrefixMenu):
    """``y``: copy the selected thing's text (``y y``) or its link (``y l``)."""

    TITLE_KEY = "verbs.menu.copy"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "choose('copy_text')", "verbs.key.copy_text", id="copy.text"),
        Binding("l", "choose('copy_link')", "verbs.key.copy_link", id="copy.link"),
    ]


class QueueLists(PrefixMenu):
    """The Queue's ``M``: the lists it keeps (saved replies, watch keywords)."""

    TITLE_KEY = "verbs.menu.lists"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('edit_templates')", "queue.key.templates", id="queue.templates"),
        Binding("w", "choose('edit_keywords')", "queue.key.watch", id="queue.watch"),
    ]


def open_prefix_menu(pane: Widget, menu: type[PrefixMenu], prefix: str) -> None:
    """Show ``menu`` over ``pane``; the second key runs its action on ``pane``."""

    async def chosen(action: str | None) -> None:
        if action:
            await pane.run_action(action)

    pane.app.push_screen(menu(prefix), chosen)
