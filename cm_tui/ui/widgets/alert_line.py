"""The alert line: the newest alert on one line just above the footer, and how many others are
still shown ("+2").

Textual draws notifications as toasts over the screen, where they hid the table being worked
on and could leave fragments behind. This line takes layout space instead: while it shows, the
tabs above it are one line shorter, so nothing is ever drawn over the work, and hiding it lays
the screen out again. The app owns the alerts (``ui.alerts.AlertLog``) and tells each screen's
line what to show (``CmTuiApp.show_alerts``); the full texts are on ``ctrl+n``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from textual.content import Content
from textual.markup import MarkupError
from textual.widget import Widget

from cm_tui.core.i18n import t
from cm_tui.ui.alerts import Alert
from cm_tui.ui.fmt import one_line

SEVERITIES = ("information", "warning", "error")


def alert_content(alert: Alert, *, single_line: bool = True) -> Content:
    """An alert's title and text, on one line or as written; its markup applied if it has
    some (text that only looks like markup but is not valid shows as written)."""
    text = one_line(alert.text) if single_line else alert.text
    body = Content(text)
    if alert.markup:
        with contextlib.suppress(MarkupError):
            body = Content.from_markup(text)
    if not alert.title:
        return body
    if single_line:
        return Content.assemble((one_line(alert.title), "bold"), ": ", body)
    return Content.assemble((alert.title, "bold"), "\n", body)


class AlertLine(Widget):
    """One line: the newest alert in its severity's colour, then ``+N`` for the others."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    AlertLine {
        display: none;
        width: 100%;
        height: 1;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: clip;
        color: $foreground;
        background: $success-muted;
        &.-shown { display: block; }
        &.-warning { background: $warning-muted; }
        &.-error { background: $error-muted; }
    }
    """

    def __init__(self) -> None:
        super().__init__(classes="alert-line")
        self._alerts: Sequence[Alert] = ()

    def show(self, alerts: Sequence[Alert]) -> None:
        """Show ``alerts`` (newest first); none hides the line."""
        if list(alerts) == list(self._alerts):
            return
        self._alerts = alerts
        newest = alerts[0].severity if alerts else ""
        for severity in SEVERITIES[1:]:
            self.set_class(newest == severity, f"-{severity}")
        self.set_class(bool(alerts), "-shown")
        self.refresh()

    def render(self) -> Content:
        if not self._alerts:
            return Content("")
        width = self.content_size.width
        others = len(self._alerts) - 1
        count = Content.styled(t("ui.alert.more", count=others), "bold") if others else Content()
        room = max(0, width - (count.cell_length + 1 if others else 0))
        body = alert_content(self._alerts[0])
        if body.cell_length > room:
            body = body.truncate(room, ellipsis=True)
        body = body.pad_right(room - body.cell_length)
        return Content.assemble(body, " ", count) if others else body
