"""The app header: Textual's ``Header`` with a clock that reads the app's ``Clock``.

Textual's own ``HeaderClock`` reads ``datetime.now()``; ours reads the injected clock in the
user's time zone, so ``--now`` demos, screenshots and tests show the frozen time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import ComposeResult, RenderResult
from textual.content import Content
from textual.widgets import Header
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle

from cm_tui.ui.fmt import clock_label


class LocalClock(HeaderClockSpace):
    """Date and time in the user's zone (``now`` returns local time); refreshed by the app's
    one-second tick."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        super().__init__(id="local-clock")
        self._now = now

    def render(self) -> RenderResult:
        return Content(clock_label(self._now()))


class AppHeader(Header):
    """Title, store name (``App.sub_title``) and the local clock."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        super().__init__(icon="◆")
        self._now = now

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield HeaderTitle()
        yield LocalClock(self._now)
