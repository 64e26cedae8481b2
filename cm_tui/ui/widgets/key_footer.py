"""The footer: the keys of the current context, in a fixed priority order, whole labels only,
and always the help key at its right end (``? Help`` / ``? Aide``).

Which keys, in which order (the priority):

1. the active bindings of the screen (``Screen.active_bindings``: what a key would do now)
   whose ``show`` flag is set, minus the help key;
2. ordered by where they are declared along the focus chain: the focused widget's first, then
   each ancestor's up to the screen (the tab's pane before the tabs), then the app's; within
   one of them, in the order its ``BINDINGS`` declare them (a key remapped in ``[keys]`` keeps
   its place);
3. one entry per action (``x,delete`` shows ``x``: the first key declared);
4. a key a focused text field types (``?`` in the search field) is not offered: Textual leaves
   it out of the active bindings. The help key then stays shown, dimmed.

The footer shows the longest prefix of that list that fits beside the help key at the screen's
width, two columns between labels: a key that does not fit is dropped with every key after it,
never cut (``fit_items``). To offer a key in the footer, set ``show=True`` on its binding and
declare it before the keys that matter less.

It is one widget that draws one line (Textual's ``Footer`` recomposes a widget per key at
every focus change); it repaints when the screen's bindings change.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, ClassVar, cast

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widget import Widget

from cm_tui.core.i18n import t
from cm_tui.core.value import Value, frozen

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen

    from cm_tui.ui.app import CmTuiApp

#: the binding id of the help key, always last
HELP_ID = "app.help"
#: columns between two labels
GAP = 2


@frozen
class FooterItem(Value):
    """One key offered: ``key`` is what a click simulates, ``key_display`` what is shown."""

    key: str
    key_display: str
    description: str
    enabled: bool

    @property
    def width(self) -> int:
        if not self.description:
            return cell_len(self.key_display)
        return cell_len(self.key_display) + 1 + cell_len(self.description)


def fit_items(items: list[FooterItem], last: FooterItem, width: int) -> list[FooterItem]:
    """The longest prefix of ``items`` that fits in ``width`` columns before ``last``: one
    column at each end, ``GAP`` after each item."""
    room = width - 2 - last.width
    chosen: list[FooterItem] = []
    for item in items:
        room -= item.width + GAP
        if room < 0:
            break
        chosen.append(item)
    return chosen


@cache
def _declared_rank(owner: type[DOMNode]) -> dict[str, int]:
    """Binding id (or action) -> its place in ``owner``'s declared bindings."""
    rank: dict[str, int] = {}
    merged = owner._merged_bindings
    if merged is not None:
        for _key, binding in merged:
            rank.setdefault(binding.id or binding.action, len(rank))
    return rank


def footer_items(screen: Screen) -> tuple[list[FooterItem], FooterItem | None]:
    """The keys to offer on ``screen``, in priority order, and the help key if active."""
    app = screen.app
    chain: dict[int, int] = {}
    ranked: list[tuple[int, int, FooterItem]] = []
    seen: set[tuple[int, str]] = set()
    help_item: FooterItem | None = None
    for namespace, binding, enabled, _tooltip in screen.active_bindings.values():
        item = FooterItem(binding.key, app.get_key_display(binding), binding.description, enabled)
        if binding.id == HELP_ID:
            help_item = help_item or item
            continue
        name = binding.id or binding.action
        group = (id(namespace), name)
        if not binding.show or group in seen:
            continue
        seen.add(group)
        level = chain.setdefault(id(namespace), len(chain))
        rank = _declared_rank(type(namespace)).get(name, len(ranked) + 1000)
        ranked.append((level, rank, item))
    ranked.sort(key=lambda entry: (entry[0], entry[1]))
    return [item for _level, _rank, item in ranked], help_item


class KeyFooter(Widget):
    """The footer line of the main screen (see the module doc)."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        width: 100%;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """
    KEY_STYLE: ClassVar[str] = "bold $footer-key-foreground"
    DESCRIPTION_STYLE: ClassVar[str] = "$footer-description-foreground"

    def __init__(self) -> None:
        super().__init__(id="key-footer")
        #: (first column, last column + 1, item) of each label drawn, for clicks
        self._spans: list[tuple[int, int, FooterItem]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen) -> None:
        self.refresh()

    def _help_item(self) -> FooterItem:
        """The help key when the focused widget takes it (a text field): shown dimmed, with
        the key the user's ``[keys]`` give it."""
        app = cast("CmTuiApp", self.app)
        for info in app.keys_of(type(app)):
            if info.binding_id == HELP_ID and info.keys:
                return FooterItem(info.keys[0], info.keys[0], info.description, enabled=False)
        return FooterItem("question_mark", "?", t("ui.key.help"), enabled=False)

    def render(self) -> Content:
        items, help_item = footer_items(self.screen)
        last = help_item or self._help_item()
        width = self.size.width
        chosen = fit_items(items, last, width)
        parts: list[Content] = [Content(" ")]
        spans: list[tuple[int, int, FooterItem]] = []
        column = 1
        for item in chosen:
            parts.append(self._label(item))
            parts.append(Content(" " * GAP))
            spans.append((column, column + item.width, item))
            column += item.width + GAP
        pad = max(0, width - column - last.width - 1)
        parts.append(Content(" " * pad))
        spans.append((column + pad, column + pad + last.width, last))
        parts.append(self._label(last))
        parts.append(Content(" "))
        self._spans = spans
        return Content.assemble(*parts)

    def _label(self, item: FooterItem) -> Content:
        dim = "" if item.enabled else " dim"
        key = Content.styled(item.key_display, self.KEY_STYLE + dim)
        if not item.description:
            return key
        return Content.assemble(key, " ", (item.description, self.DESCRIPTION_STYLE + dim))

    def on_click(self, event: events.Click) -> None:
        """A click on a label presses its key, as Textual's footer does."""
        for start, end, item in self._spans:
            if start <= event.x < end:
                event.stop()
                if item.enabled:
                    self.app.simulate_key(item.key)
                else:
                    self.app.bell()
                return
