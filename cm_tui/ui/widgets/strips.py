"""One line of ``Content`` to a ``Strip``, the short way (for the line-API widgets).

Not ``Visual.to_strips``: a row of a list or a line of a box needs no wrapping, alignment, links
or text selection. Skipping them, with each span's Rich style kept from one line to the next,
halves what drawing a list's line costs (the Queue list's first paint on 10,000 items: 8.8 ms
before, 5.3 ms after; Today's side boxes: 3.1 ms before, 2.4 ms after).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget


class LinePainter:
    """Draws lines for one widget (its CSS variables resolve the spans' ``$styles``)."""

    __slots__ = ("_frame", "_parse_style", "_rich_styles", "_widget", "_width")

    def __init__(self, widget: Widget, width: Callable[[], int]) -> None:
        """``width()``: how wide the widget draws its lines now."""
        self._widget = widget
        self._width = width
        self._parse_style = widget._get_style
        #: span style -> its Rich style, kept until ``forget_styles``
        self._rich_styles: dict[VisualStyle, RichStyle] = {}
        #: (width, widget style) while ``one_pass`` runs, else ``None``
        self._frame: tuple[int, VisualStyle] | None = None

    @contextmanager
    def one_pass(self) -> Iterator[None]:
        """Around the widget's ``render_lines``: its lines ask ``frame`` for the width and the
        widget's style once per pass, not once per line (``get_visual_style`` and the regions
        were half of what a list line cost before Textual's own work)."""
        self._frame = (self._width(), self._widget.get_visual_style())
        try:
            yield
        finally:
            self._frame = None

    def frame(self) -> tuple[int, VisualStyle]:
        """The width and the widget's style to draw a line with: the pass's, else now's."""
        return self._frame or (self._width(), self._widget.get_visual_style())

    def strip(self, content: Content, width: int, style: VisualStyle) -> Strip:
        """The first line of ``content``, cut (``…``) or padded to ``width``, its spans drawn
        over ``style``."""
        line = content.split("\n", allow_blank=True)[0] if "\n" in content.plain else content
        line = line.truncate(width, ellipsis=True, pad=True)
        rich_styles = self._rich_styles
        segments = []
        for text, text_style in line.render(style, end="", parse_style=self._parse_style):
            rich = rich_styles.get(text_style)
            if rich is None:
                rich = rich_styles[text_style] = text_style.rich_style
            segments.append(Segment(text, rich))
        return Strip(segments, width)

    def forget_styles(self) -> None:
        """The widget's styles (or the theme) changed: drop the Rich styles cached so far
        (keyed by resolved style, so never wrong, only more of them)."""
        self._rich_styles.clear()
