"""Queue: open comments, messages, mentions and reviews, most urgent first, with countdowns.

Order, bands and counts come from ``core.queue``. The list is a ``RowList`` (line API): only the
visible rows are rendered, so 10,000 open items cost one sort at load and ~40 row renders per
frame. Countdowns are recomputed from the clock at each tick (never decremented).

Author names and texts come from imports and are hostile: they are only ever placed in
``Content`` as plain strings (never markup), so ``[/]`` or ``[@click=...]`` show as written.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from cm_tui.core.i18n import t
from cm_tui.core.models import QueueItem
from cm_tui.core.queue import (
    band,
    format_countdown,
    is_snoozed,
    order_queue,
    queue_counts,
    remaining,
)
from cm_tui.ui import fmt
from cm_tui.ui.panes.base import Pane, TabLabel
from cm_tui.ui.widgets.rowlist import RowList
from cm_tui.ui.widgets.summary import queue_tab_label

#: band -> style of the countdown and of the band mark
BAND_STYLES: dict[str, str] = {
    "overdue": "bold $text-error",
    "due15": "bold $text-warning",
    "due30": "$text-warning",
    "ok": "$text-muted",
}
BAND_MARKS: dict[str, str] = {"overdue": "▌", "due15": "▌", "due30": "▏", "ok": " "}

#: column widths (countdown, network, kind, author): wide lists, then narrow ones (< 80 cells),
#: where the kind is dropped and names are shorter so the text keeps some room
_COLUMNS = (7, 10, 9, 18)
_NARROW_COLUMNS = (7, 10, 0, 12)
_NARROW = 80


def columns_for(width: int) -> tuple[int, int, int, int]:
    return _NARROW_COLUMNS if width < _NARROW else _COLUMNS


#: reorder at most once a minute (snoozed items wake up); counts are recomputed every tick
_REORDER_SECONDS = 60


class QueuePane(Pane):
    """The third tab: who is waiting for an answer, and how long is left?"""

    PANE_ID = "queue"
    TITLE_KEY = "ui.tab.queue"
    KEY_WIDGETS = (RowList,)
    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self._networks: dict[str, str] = {}
        self._items: list[QueueItem] = []
        self._ordered_at: datetime | None = None
        self._now: datetime = ctx.now()

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="queue-main", classes="box") as main:
                main.border_title = t("ui.queue.title")
                yield Static(id="queue-columns")
                yield RowList(self._render_item, empty_text=t("ui.queue.empty"), id="queue-list")
            with VerticalScroll(id="queue-side", classes="box") as side:
                side.border_title = t("ui.queue.detail")
                yield Static(id="queue-detail")

    @property
    def list(self) -> RowList[QueueItem]:
        return self.query_one("#queue-list", RowList)

    def focus_default(self) -> None:
        self.list.focus()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        ctx = self.ctx
        self._now = ctx.now()
        self._networks = {n.key: n.name for n in ctx.repo.networks.all()}
        current = self.list.current
        self._items = order_queue(ctx.repo.queue.open_items(), self._now)
        self._ordered_at = self._now
        index = None
        if current is not None:
            index = next((i for i, item in enumerate(self._items) if item.id == current.id), None)
        self.list.set_rows(self._items, cursor=index)
        self._update_counts()

    def tick(self) -> None:
        self._now = self.ctx.now()
        if (
            self._ordered_at is None
            or (self._now - self._ordered_at).total_seconds() >= _REORDER_SECONDS
        ):
            self.reload()
            return
        self.list.refresh_rows()
        self._update_counts()
        self._show_detail(self.list.current)

    def _update_counts(self) -> None:
        counts = queue_counts(self._items, self._now)
        self.query_one("#queue-main").border_subtitle = t(
            "ui.queue.counts", open=counts.open, soon=counts.due_soon, overdue=counts.overdue
        )
        self.post_message(TabLabel(self.PANE_ID, queue_tab_label(counts)))

    # ------------------------------------------------------------------ rendering

    @staticmethod
    def _columns_header(width: int) -> Content:
        names = (
            t("ui.queue.col.left"),
            t("ui.queue.col.network"),
            t("ui.queue.col.kind"),
            t("ui.queue.col.author"),
        )
        cells = [" "] + [
            _fit(name, size) for name, size in zip(names, columns_for(width), strict=True) if size
        ]
        return Content(" ".join(cells) + " " + t("ui.queue.col.text"))

    def on_resize(self) -> None:
        width = self.list.scrollable_content_region.width or self.list.size.width
        self.query_one("#queue-columns", Static).update(self._columns_header(width))

    def _render_item(self, item: QueueItem, width: int) -> Content:
        item_band = band(item, self._now)
        style = BAND_STYLES[item_band]
        left, net_w, kind_w, author_w = columns_for(width)
        network = self._networks.get(item.network, item.network)
        author = fmt.one_line(item.author_name or item.author_handle)
        flags = (
            ("★" if item.ambassador else "")
            + ("◆" if item.keywords else "")
            + ("z" if is_snoozed(item, self._now) else "")
        )
        return Content.assemble(
            (BAND_MARKS[item_band], style),
            " ",
            (format_countdown(remaining(item, self._now)).rjust(left), style),
            " ",
            (_fit(network, net_w), "$text-secondary"),
            " ",
            (_fit(t(f"ui.kind_short.{item.kind.value}"), kind_w), "$text-muted"),
            " " if kind_w else "",
            (_fit(author, author_w), "bold"),
            " ",
            (flags, "$text-warning"),
            (" " if flags else ""),
            fmt.one_line(item.text),
        )

    @on(RowList.Highlighted, "#queue-list")
    def _highlighted(self, event: RowList.Highlighted) -> None:
        self._show_detail(self.list.current)

    def _show_detail(self, item: QueueItem | None) -> None:
        detail = self.query_one("#queue-detail", Static)
        if item is None:
            detail.update(Content.styled(t("ui.queue.no_selection"), "$text-muted"))
            return
        zone = self.ctx.zone
        received = item.received_at.astimezone(zone)
        deadline = item.deadline.astimezone(zone)
        item_band = band(item, self._now)
        name = fmt.one_line(item.author_name)
        handle = fmt.one_line(item.author_handle)
        who = f"{name} ({handle})" if name and name != handle else handle
        flags = [
            t(key)
            for key, on_ in (
                ("ui.queue.flag.ambassador", item.ambassador),
                ("ui.queue.flag.influencer", item.influencer),
                ("ui.queue.flag.not_follower", not item.follower),
            )
            if on_
        ]
        network = self._networks.get(item.network, item.network)
        kind = t(f"core.queue.kind.{item.kind.value}")
        status = t(f"core.queue.status.{item.status.value}")
        parts: list[Content | str | tuple[str, str]] = [
            (who, "bold"),
            "\n",
            (" · ".join((network, kind, status)), "$text-secondary"),
            "\n",
            (
                t("ui.queue.received", at=f"{fmt.day_label(received.date())} {fmt.hm(received)}"),
                "$text-muted",
            ),
            "\n",
            (
                t(
                    "ui.queue.deadline",
                    at=f"{fmt.day_label(deadline.date())} {fmt.hm(deadline)}",
                    left=format_countdown(remaining(item, self._now)),
                ),
                BAND_STYLES[item_band],
            ),
        ]
        if is_snoozed(item, self._now) and item.snoozed_until is not None:
            wake = item.snoozed_until.astimezone(zone)
            until = f"{fmt.day_label(wake.date())} {fmt.hm(wake)}"
            parts += ["\n", (t("ui.queue.snoozed_until", at=until), "$text-warning")]
        if flags:
            parts += ["\n", (" · ".join(flags), "$text-warning")]
        if item.keywords:
            parts += [
                "\n",
                (t("ui.queue.keywords", words=", ".join(item.keywords)), "$text-warning"),
            ]
        parts += ["\n\n", item.text]
        if item.link:
            parts += ["\n\n", (item.link, "$text-muted")]
        detail.update(Content.assemble(*parts))


def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells (ellipsis when cut); ``""`` for 0."""
    if width <= 0:
        return ""
    return Content(text).truncate(width, ellipsis=True, pad=True).plain
