"""Titled boxes stacked top to bottom, drawn by one widget.

Today's right column shows up to five small boxes (posting targets, queue, campaigns,
onboarding, reviews). As five bordered ``Static``s in a container they were six widgets to
mount, style, lay out and paint before the first frame; drawn here as text, with the same round
border and title as the ``.box`` class, they are one, and the ``year`` demo's start-up to Today
went from 240.0 to 234.6 ms (medians of 15 interleaved runs). Lines are drawn through the line
API (``LinePainter``), not as one ``Content`` laid out by Textual: 3.1 ms to paint before,
2.4 ms after.

Contract: boxes keep the order given at construction; ``show_box`` sets a box's body (and shows
it), ``hide_box`` hides it. Each body line is cut with ``…`` (never wrapped) to the column's
width, unless the box was given a ``narrow`` body: that one is shown instead when a line of
the full body would be cut (a summary that drops its words rather than lose them to ``…``);
a box given a ``limit`` (a share of the widget's height) shows at most that many lines,
border included; boxes that do not fit below the others are cut off at the bottom.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from cm_tui.ui.widgets.strips import LinePainter

BORDER_STYLE = "$panel-lighten-2"
TITLE_STYLE = "bold $text-accent"
#: narrowest body the boxes are drawn with (cells), whatever the widget's width
_MIN_BODY = 4


class BoxStack(Widget):
    """One widget drawing ``(name, title)`` boxes, top to bottom (see the module doc)."""

    def __init__(
        self,
        boxes: Sequence[tuple[str, str]],
        *,
        limits: Mapping[str, float] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._titles = dict(boxes)
        self._bodies: dict[str, Content | None] = dict.fromkeys(self._titles, Content(""))
        self._narrow: dict[str, Content | None] = dict.fromkeys(self._titles)
        self._limits = dict(limits or {})
        self._painter = LinePainter(self, lambda: self.size.width)
        #: the lines drawn for a size, until a box changes
        self._drawn: tuple[tuple[int, int], list[Content]] | None = None

    def show_box(self, name: str, body: Content, narrow: Content | None = None) -> None:
        """Show box ``name`` with ``body`` (lines separated by ``\\n``); ``narrow``: what it
        shows instead when a line of ``body`` does not fit the column (see the module doc)."""
        if self._bodies[name] != body or self._narrow[name] != narrow:
            self._bodies[name] = body
            self._narrow[name] = narrow
            self._redraw()

    def hide_box(self, name: str) -> None:
        if self._bodies[name] is not None:
            self._bodies[name] = None
            self._redraw()

    def _redraw(self) -> None:
        self._drawn = None
        self.refresh()

    def body(self, name: str) -> Content | None:
        """What box ``name`` shows, ``None`` while it is hidden."""
        return self._bodies[name]

    def lines(self) -> list[Content]:
        """The lines drawn at the widget's current size, top to bottom."""
        size = (self.size.width, self.size.height)
        if self._drawn is None or self._drawn[0] != size:
            width, height = size
            lines: list[Content] = []
            for name, title in self._titles.items():
                body = self._bodies[name]
                if body is not None:
                    narrow = self._narrow[name]
                    if narrow is not None and _cut(body, width):
                        body = narrow
                    limit = self._limits.get(name)
                    room = None if limit is None else max(3, int(height * limit))
                    lines += box_lines(title, body, width, room)
            self._drawn = (size, lines)
        return self._drawn[1]

    def render_lines(self, crop: Region) -> list[Strip]:
        with self._painter.one_pass():
            return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        lines = self.lines()
        width, base = self._painter.frame()
        if y < len(lines):
            return self._painter.strip(lines[y], width, base)
        return Strip.blank(width, base.rich_style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painter.forget_styles()


def _cut(body: Content, width: int) -> bool:
    """A line of ``body`` is wider than a box ``width`` cells wide leaves it."""
    inner = max(_MIN_BODY, width - 4)
    return any(line.cell_length > inner for line in body.split("\n", allow_blank=True))


def box_lines(title: str, body: Content, width: int, room: int | None = None) -> list[Content]:
    """A round-bordered box ``width`` cells wide: ``╭─ title ─╮``, ``│ line │``..., ``╰─╯``;
    with ``room``, at most that many lines (border included)."""
    inner = max(_MIN_BODY, width - 4)
    shown_title = Content(title).truncate(max(1, inner - 2), ellipsis=True)
    fill = max(0, width - shown_title.cell_length - 5)
    top = Content.assemble(
        ("╭─ ", BORDER_STYLE), shown_title.stylize(TITLE_STYLE), (f" {'─' * fill}╮", BORDER_STYLE)
    )
    rows = body.split("\n", allow_blank=True) if body.plain else []
    if room is not None:
        rows = rows[: max(0, room - 2)]
    side = ("│", BORDER_STYLE)
    middle = [
        Content.assemble(side, " ", row.truncate(inner, ellipsis=True, pad=True), " ", side)
        for row in rows
    ]
    bottom = Content.styled(f"╰{'─' * max(0, width - 2)}╯", BORDER_STYLE)
    return [top, *middle, bottom]
