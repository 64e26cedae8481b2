"""The app's last guard between text and the terminal: a Textual line filter.

Every line any widget draws (a list row, a detail box, the header, a toast, a modal, Textual's
own widgets) passes the app's line filters before it is turned into the bytes sent to the
terminal, so this one filter covers text of any origin, however a pane built its ``Content``:
a stored text from a restored backup, a file's name, a setting. It is the ``for_terminal``
sanitiser of ``core.textsafe`` with ``placeholders=False``: the line is already laid out, and the
characters it removes were counted zero cells wide, so nothing moves on screen.

Where the text is known to come from outside before it is laid out (notifications, see
``CmTuiApp.notify``), ``for_terminal`` is applied there with its visible placeholders (ESC shows
as ␛), which this filter then leaves alone.

Cost: one regex scan of a line's text when the line is first drawn (Textual caches filtered
strips), nothing more on clean text.
"""

from __future__ import annotations

from operator import itemgetter

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from cm_tui.core.textsafe import for_terminal, has_terminal_controls

#: a segment's text (``map`` over a line's segments runs in C: this filter sees every line drawn)
_TEXT = itemgetter(0)


class TerminalTextFilter(LineFilter):
    """Removes from the text of a line every character a terminal could interpret; Textual's
    own control segments (cursor moves) are kept."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not has_terminal_controls("".join(map(_TEXT, segments))):
            return segments
        safe: list[Segment] = []
        for segment in segments:
            text, style, control = segment
            if control:
                safe.append(segment)
                continue
            text = for_terminal(text, placeholders=False)
            if text:
                safe.append(Segment(text, style))
        return safe
