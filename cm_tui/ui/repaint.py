"""Repaint without a layout: what the per-second work uses (``docs/architecture.md``, "All day").

``Static.update`` lays the whole screen out again by default (every widget's size and place is
worked out anew: about 1 ms a second on the stress store, the Queue tab's idle cost). A clock or
a countdown changes a few cells and never a size, so the per-second work goes through
``repaint_static``: nothing when the content is the same, a repaint of that widget alone when
its height at its current width stays the same, a layout only when the height changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.content import Content
from textual.visual import visualize
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.css.styles import RulesMap


def same_content(a: object, b: object) -> bool:
    """``Content`` equal in text *and* styles (``Content.__eq__`` compares the text only)."""
    if isinstance(a, Content) and isinstance(b, Content):
        return a.plain == b.plain and a.spans == b.spans
    return a is b or (isinstance(a, str) and a == b)


def repaint_static(widget: Static, content: Content) -> None:
    """Show ``content`` in ``widget``, laying the screen out only if its height changes."""
    if same_content(widget.content, content):
        return
    width = widget.size.width
    if not width or not widget.is_mounted:
        widget.update(content)
        return
    # the styles, as Textual's own ``Widget.get_content_height`` passes them
    rules = cast("RulesMap", widget.styles)
    old = widget.visual.get_height(rules, width)
    new = visualize(widget, content).get_height(rules, width)
    widget.update(content, layout=new != old)
