"""The app header: one line with the icon, the title and store name, and the local clock;
with live accounts, their state and the replies not sent (``show_status``, ``ui/net_live.py``).

One widget instead of Textual's ``Header`` (a container of icon, title and clock widgets): every
node costs styling and rendering before the first frame, and this line has nothing to lay out.
The clock reads the app's ``Clock`` in the user's time zone (Textual's ``HeaderClock`` reads
``datetime.now()``), so ``--now`` demos, screenshots and tests show the frozen time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import events
from textual.content import Content
from textual.widget import Widget

from cm_tui.ui.fmt import clock_label

ICON = "◆"
#: columns of the icon's cell (a click there opens the command palette, as in Textual's header)
ICON_WIDTH = 8
#: columns kept for the clock on the right
CLOCK_WIDTH = 31


class AppHeader(Widget):
    """Title and store name (``App.title`` / ``App.sub_title``) centred, the local clock on the
    right; refreshed by the app's one-second tick."""

    DEFAULT_CSS = """
    AppHeader {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(self, now: Callable[[], datetime]) -> None:
        super().__init__(id="app-header")
        self._now = now
        #: the accounts' state ("mastodon: offline since 10:02 · 1 reply not sent"), if any
        self.status = Content("")

    def show_status(self, status: Content) -> None:
        if status.plain != self.status.plain or status != self.status:
            self.status = status
            self.refresh()

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._repaint, init=False)
        self.watch(self.app, "sub_title", self._repaint, init=False)

    def _repaint(self) -> None:
        self.refresh()

    def render(self) -> Content:
        if self.status.cell_length:
            return self._render_with_status()
        width = self.size.width
        clock = Content(clock_label(self._now()))
        clock = clock.pad_left(max(0, CLOCK_WIDTH - 1 - clock.cell_length)).pad_right(1)
        title = self.app.format_title(self.app.title, self.app.sub_title)
        room = max(0, width - 2 * max(ICON_WIDTH, CLOCK_WIDTH))
        if title.cell_length > room:
            title = title.truncate(room, ellipsis=True)
        left = Content(f" {ICON}").pad_right(ICON_WIDTH - 2)
        middle_width = max(0, width - ICON_WIDTH - CLOCK_WIDTH)
        before = max(0, (width - title.cell_length) // 2 - ICON_WIDTH)
        middle = title.pad_left(before)
        middle = middle.pad_right(max(0, middle_width - middle.cell_length))
        return Content.assemble(left, middle, clock)

    def _render_with_status(self) -> Content:
        """Icon, the accounts' state, the title in what room is left, the clock; on a narrow
        screen the clock drops its date before the state is cut."""
        width = self.size.width
        now = self._now()
        left = Content(f" {ICON}").pad_right(ICON_WIDTH - 2)
        clock = Content(clock_label(now))
        if width - ICON_WIDTH - clock.cell_length - 2 < self.status.cell_length + 2:
            clock = Content(f"{now:%H:%M:%S}")
        clock = clock.pad_left(1).pad_right(1)
        room = max(0, width - ICON_WIDTH - clock.cell_length)
        status = self.status
        if status.cell_length > room:
            status = status.truncate(room, ellipsis=True)
        title_room = room - status.cell_length - 3
        title = self.app.format_title(self.app.title, self.app.sub_title)
        if title_room < 8:
            title = Content("")
        elif title.cell_length > title_room:
            title = title.truncate(title_room, ellipsis=True)
        gap = room - status.cell_length - title.cell_length
        middle = Content.assemble(title, " " * max(0, gap), status)
        return Content.assemble(left, middle, clock)

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH:
            event.stop()
            await self.run_action("app.command_palette")
