"""The notification history (``ctrl+n``): every alert the app raised, newest first, with its
time and severity, and the selected one's whole text below the list (the alert line shows one
line of the newest only). ``escape`` closes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from cm_tui.core.i18n import t
from cm_tui.ui.alerts import Alert
from cm_tui.ui.bindings import localize_bindings
from cm_tui.ui.fmt import day_label
from cm_tui.ui.widgets.alert_line import alert_content
from cm_tui.ui.widgets.rowlist import RowList

SEVERITY_STYLE = {
    "information": "$text-success",
    "warning": "$text-warning",
    "error": "$text-error",
}


class NotificationsScreen(ModalScreen[None]):
    """The history, newest first (``alerts``), times in ``zone``; ``today`` drops the date."""

    DEFAULT_CSS = """
    NotificationsScreen {
        align: center middle;
    }
    #notifications-body {
        width: 110;
        max-width: 95%;
        height: 80%;
        border: round $accent;
        border-title-color: $text-accent;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
    }
    #notifications-list {
        height: 1fr;
    }
    #notifications-text {
        height: auto;
        max-height: 8;
        margin-top: 1;
        color: $text;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "ui.key.close", id="notifications.close"),
    ]

    def __init__(self, alerts: Sequence[Alert], zone: ZoneInfo, today: date) -> None:
        super().__init__()
        localize_bindings(self)
        self._alerts = alerts
        self._zone = zone
        self._today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="notifications-body") as body:
            body.border_title = t("ui.notifications.title")
            body.border_subtitle = t("ui.notifications.close_hint")
            rows: RowList[Alert] = RowList(
                self._row, empty_text=t("ui.notifications.empty"), id="notifications-list"
            )
            rows.set_rows(self._alerts, cursor=0 if self._alerts else None)
            yield rows
            yield Static(self._text(0), id="notifications-text")

    def on_mount(self) -> None:
        self.query_one(RowList).focus()

    def _row(self, alert: Alert, _width: int) -> Content:
        local = alert.raised_at.astimezone(self._zone)
        when = f"{local:%H:%M:%S}"
        if local.date() != self._today:
            when = f"{day_label(local.date())} {when}"
        severity = t(f"ui.severity.{alert.severity}")
        return Content.assemble(
            (when, "$text-muted"),
            "  ",
            (severity.ljust(9), SEVERITY_STYLE.get(alert.severity, "")),
            " ",
            alert_content(alert),
        )

    def _text(self, index: int | None) -> Content:
        if index is None or not 0 <= index < len(self._alerts):
            return Content("")
        return alert_content(self._alerts[index], single_line=False)

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        self.query_one("#notifications-text", Static).update(self._text(event.index))

    def action_close(self) -> None:
        self.dismiss(None)
