"""Several of a few options, ticked on one line: ``[x] Facebook  [ ] X  [x] Blog``.

A form field (``FieldKind.CHOICES``) for the short multi-choice fields a form would otherwise
spend a line per option on (the active networks, the working days). It takes one stop in the
tab order; ``left``/``right`` (``h``/``l``, ``home``/``end``) move between the options and
``space`` ticks or unticks the one under the cursor, a click the one clicked. The options wrap
onto as many lines as the width needs, never inside an option. Labels are plain text.

``chosen`` is the ticked values, in the options' order; every change posts ``Changed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

TICKED = "[x]"
UNTICKED = "[ ]"
#: blank cells between two options on a line (one when that saves a line)
GAP = 2


class ChoiceBar(Widget, can_focus=True):
    """Options ``(value, label)``, those in ``chosen`` ticked (see the module doc)."""

    DEFAULT_CSS = """
    ChoiceBar {
        height: auto;
        width: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", show=False),
        Binding("right,l", "move(1)", show=False),
        Binding("home", "move_to(0)", show=False),
        Binding("end", "move_to(-1)", show=False),
        Binding("space", "tick", show=False),
    ]

    class Changed(Message):
        """The ticked options changed."""

        def __init__(self, bar: ChoiceBar) -> None:
            super().__init__()
            self.bar = bar

        @property
        def control(self) -> ChoiceBar:
            return self.bar

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        chosen: Iterable[str] = (),
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.options: tuple[tuple[str, str], ...] = tuple(options)
        wanted = set(chosen)
        self._ticked = [value in wanted for value, _label in self.options]
        self.cursor = 0

    @property
    def chosen(self) -> tuple[str, ...]:
        return tuple(value for (value, _), on in zip(self.options, self._ticked, strict=True) if on)

    # ------------------------------------------------------------------ layout

    def _item(self, index: int) -> str:
        mark = TICKED if self._ticked[index] else UNTICKED
        return f"{mark} {self.options[index][1]}"

    def _lines(self, width: int) -> list[list[tuple[int, int]]]:
        """The options on each line: ``(index, first cell)``, ``GAP`` cells apart, or one cell
        apart when that needs fewer lines; an option wider than the line has a line of its own
        (cut when drawn)."""
        wide = self._layout(width, GAP)
        narrow = self._layout(width, 1)
        return narrow if len(narrow) < len(wide) else wide

    def _layout(self, width: int, gap: int) -> list[list[tuple[int, int]]]:
        lines: list[list[tuple[int, int]]] = [[]]
        x = 0
        for index in range(len(self.options)):
            size = cell_len(self._item(index))
            if lines[-1] and x + gap + size > width:
                lines.append([])
                x = 0
            if lines[-1]:
                x += gap
            lines[-1].append((index, x))
            x += size
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(max(width, 1)))

    def render(self) -> Content:
        width = max(self.content_region.width, 1)
        rendered: list[Content] = []
        for line in self._lines(width):
            parts: list[Content | str | tuple[str, str]] = []
            end = 0
            for index, x in line:
                parts.append(" " * (x - end))
                item = self._item(index)
                style = "reverse" if index == self.cursor and self.has_focus else ""
                parts.append((item, style))
                end = x + cell_len(item)
            rendered.append(Content.assemble(*parts))
        return Content("\n").join(rendered)

    # ------------------------------------------------------------------ keys and mouse

    def action_move(self, step: int) -> None:
        if self.options:
            self.cursor = (self.cursor + step) % len(self.options)
            self.refresh()

    def action_move_to(self, index: int) -> None:
        if self.options:
            self.cursor = index % len(self.options)
            self.refresh()

    def action_tick(self) -> None:
        if self.options:
            self.set_ticked(self.options[self.cursor][0], not self._ticked[self.cursor])

    def set_ticked(self, value: str, ticked: bool) -> None:
        """Tick or untick the option ``value`` (``Changed`` if that changes it)."""
        for index, (option, _label) in enumerate(self.options):
            if option == value and self._ticked[index] != ticked:
                self._ticked[index] = ticked
                self.refresh()
                self.post_message(self.Changed(self))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        lines = self._lines(max(self.content_region.width, 1))
        if not 0 <= offset.y < len(lines):
            return
        for index, x in lines[offset.y]:
            if x <= offset.x < x + cell_len(self._item(index)):
                self.cursor = index
                self.action_tick()
                return

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
