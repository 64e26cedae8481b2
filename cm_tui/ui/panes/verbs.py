"""The shared verbs of the key grammar (``ui.grammar``) that act on a pane's selection.

A pane says what is selected (``selected``: the text ``y y`` copies, the link ``y l`` copies and
``o`` opens) and what its detail is (``detail``: ``enter``); this class does the rest the same
way on every tab: the detail modal, the clipboard, the browser, the prefix menus (``menu``,
``MENUS``). The keys themselves stay in each pane's ``BINDINGS``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar

from textual.content import Content

from cm_tui.core.i18n import t
from cm_tui.core.links import web_link
from cm_tui.core.textsafe import cut
from cm_tui.core.value import Value, frozen
from cm_tui.ui.bindings import keys_for
from cm_tui.ui.panes.base import Pane

if TYPE_CHECKING:
    from cm_tui.ui.screens.prefix_menu import PrefixMenu

#: how much of a copied text the notice quotes
_QUOTED = 40


@frozen
class Selected(Value):
    """The selected thing: its text (``y y``) and its link (``y l``, ``o``; ``""``: none)."""

    text: str
    link: str = ""


class PrefixMenus(Mapping[str, "type[PrefixMenu]"]):
    """A pane's prefix menus by name (``VerbsPane.MENUS``), given by their class names in
    ``ui/screens/prefix_menu.py``: that module is imported when a menu class is first asked
    for (a prefix key pressed, the help screen), not with the pane, so a tab's first frame does
    not pay for the menu screens (docs/architecture.md, "Performance facts")."""

    def __init__(self, **class_names: str) -> None:
        self._names = class_names

    def __getitem__(self, name: str) -> type[PrefixMenu]:
        from cm_tui.ui.screens import prefix_menu

        menu: type[PrefixMenu] = getattr(prefix_menu, self._names[name])
        return menu

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


class VerbsPane(Pane):
    """A pane with the shared verbs detail, copy, open link and prefix menus."""

    #: prefix menus, by the name the ``menu('name')`` action gives
    MENUS: ClassVar[Mapping[str, type[PrefixMenu]]] = {}

    def selected(self) -> Selected | None:
        """What is selected; ``None`` when nothing is (the pane has said so in one line)."""
        return None

    def detail(self) -> tuple[str, Content] | None:
        """The selection's detail: its title and its whole body (plain ``Content``), or
        ``None`` when nothing is selected (the pane has said so in one line)."""
        return None

    def action_detail(self) -> None:
        found = self.detail()
        if found is None:
            return
        from cm_tui.ui.screens.detail import DetailScreen

        title, body = found
        self.app.push_screen(DetailScreen(body, title))

    def action_menu(self, name: str) -> None:
        """Open the prefix menu ``name``, titled with the key that opened it."""
        action = f"menu('{name}')"
        infos = keys_for(type(self), self.app._keymap, self.app.get_key_display)
        prefix = next((info.keys[0] for info in infos if info.action == action), name)
        from cm_tui.ui.screens.prefix_menu import open_prefix_menu

        open_prefix_menu(self, self.MENUS[name], prefix)

    def action_copy_text(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.app.copy_to_clipboard(chosen.text)
        quoted = cut(" ".join(chosen.text.split()), _QUOTED)
        self.notify(t("verbs.copied_text", text=quoted), markup=False)

    def action_copy_link(self) -> None:
        link = self._selected_link()
        if link is not None:
            self.app.copy_to_clipboard(link)
            self.notify(t("verbs.copied_link", link=link), markup=False)

    def action_open_link(self) -> None:
        link = self._selected_link()
        if link is None:
            return
        web = web_link(link)
        if web is None:
            self.notify(t("verbs.not_web_link", link=link), severity="warning", markup=False)
            return
        from cm_tui.ui.browser import open_in_browser

        if open_in_browser(self.app, web):
            self.notify(t("verbs.opening", link=web), markup=False)
            return
        self.app.copy_to_clipboard(web)  # headless: the link is still one paste away
        self.notify(t("verbs.no_browser", link=web), severity="warning", markup=False)

    def _selected_link(self) -> str | None:
        """The selection's link; ``None`` (said in one line) when nothing or no link is."""
        chosen = self.selected()
        if chosen is None:
            return None
        if not chosen.link.strip():
            self.notify(t("verbs.no_link"), severity="warning", markup=False)
            return None
        return chosen.link.strip()
