"""Queue: open comments, messages, mentions and reviews, most urgent first, with countdowns.

What the list holds (order, filter, marks, where the cursor goes after a change) is
``core.queue_view.QueueView``; bands and counts come from ``core.queue``; this pane renders and
routes keys. The list is a ``RowList`` (line API): only the visible rows are rendered, so
10,000 open items cost one sort at load and ~40 row renders per frame. Countdowns are
recomputed from the clock at each tick (never decremented).

Author names and texts come from imports and are hostile: they are only ever placed in
``Content`` as plain strings (never markup), so ``[/]`` or ``[@click=...]`` show as written.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Input, Static

from cm_tui.core.clock import Interval
from cm_tui.core.edits import Edit, Label, RecordsEdit
from cm_tui.core.i18n import t
from cm_tui.core.models import (
    KeywordKind,
    QueueItem,
    QueueKind,
    QueueStatus,
    WatchKeyword,
    network_names,
)
from cm_tui.core.net_reply import mark_glyph
from cm_tui.core.queue import (
    OPEN_STATUSES,
    QueueFilter,
    band,
    default_templates,
    escalate,
    format_countdown,
    format_keyword_lines,
    format_template_lines,
    is_snoozed,
    mark_ignored,
    mark_replied,
    parse_keyword_lines,
    parse_template_lines,
    remaining,
    rematch_keywords,
    reopen,
    snooze,
    snooze_until,
)
from cm_tui.core.queue_view import STATUS_FILTERS, QueueView, next_choice
from cm_tui.core.recurrence import WorkHours
from cm_tui.core.timeutil import local_day_bounds
from cm_tui.ui import fmt
from cm_tui.ui.panes.base import TabLabel
from cm_tui.ui.panes.verbs import PrefixMenus, Selected, VerbsPane
from cm_tui.ui.repaint import repaint_static
from cm_tui.ui.widgets.queue_summary import queue_counts_text, queue_tab_label
from cm_tui.ui.widgets.rowlist import RowList

if TYPE_CHECKING:
    from textual.worker import Worker

    from cm_tui.core.net_records import OutboxEntry
    from cm_tui.ui.thread_context import ThreadContext

#: band -> style of the countdown and of the band mark
BAND_STYLES: dict[str, str] = {
    "overdue": "bold $text-error",
    "due15": "bold $text-warning",
    "due30": "$text-warning",
    "ok": "$text-muted",
}
BAND_MARKS: dict[str, str] = {"overdue": "▌", "due15": "▌", "due30": "▏", "ok": " "}
#: status -> the glyph among a row's flags (new items have none; snoozed ones get ``z`` only
#: while asleep)
STATUS_FLAGS: dict[QueueStatus, str] = {
    QueueStatus.ESCALATED: "⚑",
    QueueStatus.REPLIED: "✓",
    QueueStatus.IGNORED: "✗",
}

#: column widths (countdown, network, kind, author): wide lists, then narrow ones (< 80 cells),
#: where the kind is dropped and names are shorter so the text keeps some room
_COLUMNS = (7, 10, 9, 18)
_NARROW_COLUMNS = (7, 10, 0, 12)
_NARROW = 80


def columns_for(width: int) -> tuple[int, int, int, int]:
    return _NARROW_COLUMNS if width < _NARROW else _COLUMNS


#: below this many cells the detail goes under the list instead of beside it (class
#: ``-narrow``): side by side at 80 columns, the text column kept about four characters
STACK_BELOW = 110


#: reorder once a minute (snoozed items wake up), on the monotonic clock (``core.clock.Interval``);
#: counts are recomputed every tick
_REORDER_SECONDS = 60
#: the saved replies live in the store's prefs under this name: ``[{"name", "text"}, ...]``
TEMPLATES_PREF = "queue.reply_templates"


class QueueList(RowList[QueueItem]):
    """The queue's ``RowList``, keeping each row's rendered line until what it shows changes.

    A scroll by one row repaints every visible row; turning a row's ``Content`` into a line is
    the costly part (about 0.3 ms a row here), so lines are cached under a key that holds
    everything they depend on: the item version (items are immutable values, replaced on
    change), its countdown text and band, its mark, the cursor, focus, width and theme.
    """

    _CACHE_SIZE = 512

    def __init__(self, renderer, row_key, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(renderer, **kwargs)
        self._row_key = row_key
        self._lines: dict[tuple, tuple[QueueItem, Strip]] = {}
        #: screen line -> (the row drawn there, its key), for ``refresh_changed_rows``
        self._drawn: dict[int, tuple[QueueItem, tuple]] = {}

    def set_rows(self, rows: Sequence[QueueItem], cursor: int | None = None) -> None:
        """``RowList.set_rows``, but when rows leave (items triaged) the screen is not laid out
        again before the next frame: the virtual size (scrollbar) shrinks right after it.
        Rows past the end render blank meanwhile; the old, larger size keeps scrolling valid."""
        if not (0 < len(rows) < self.virtual_size.height) or not self.is_mounted:
            super().set_rows(rows, cursor)  # same count, growth, first load, empty
            return
        self._rows = rows
        wanted = self._cursor if cursor is None else cursor
        self._cursor = self._nearest_selectable(wanted or 0)
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.Highlighted(self, self._cursor))
        self.call_after_refresh(self._resize_virtual)

    def _resize_virtual(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows))
        self._scroll_cursor_into_view()

    def _line_key(self, row: QueueItem, index: int) -> tuple:
        return (
            self._row_key(row),
            index == self._cursor,
            self.has_focus,
            self.scrollable_content_region.width,
            self.app.theme,
        )

    def refresh_changed_rows(self) -> None:
        """Repaint only the visible rows whose line would change (a countdown passed a
        minute, an item changed band): the per-second tick costs nothing when none did."""
        top = round(self.scroll_offset.y)
        for y in range(self.scrollable_content_region.height):
            index = top + y
            drawn = self._drawn.get(y)
            if index >= len(self._rows):
                if drawn is not None:
                    self.refresh_line(index)
                continue
            row = self._rows[index]
            if drawn is None or drawn[0] is not row or drawn[1] != self._line_key(row, index):
                self.refresh_line(index)

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        if index >= len(self._rows):
            self._drawn.pop(y, None)
            return super().render_line(y)
        row = self._rows[index]
        key = self._line_key(row, index)
        self._drawn[y] = (row, key)
        hit = self._lines.get(key)
        if hit is not None and hit[0] is row:
            return hit[1]
        strip = super().render_line(y)
        if len(self._lines) >= self._CACHE_SIZE:
            self._lines.clear()
        self._lines[key] = (row, strip)
        return strip


class QueuePane(VerbsPane):
    """The third tab: who is waiting for an answer, and how long is left?"""

    PANE_ID = "queue"
    CSS_FILE = "queue.tcss"
    TITLE_KEY = "ui.tab.queue"
    KEY_WIDGETS = (RowList,)
    MENUS = PrefixMenus(filters="QueueFilters", copy="CopyMenu", lists="QueueLists")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reply", "queue.key.reply", id="queue.reply"),
        Binding("d", "done", "queue.key.done", id="queue.done"),
        Binding("i", "ignore", "queue.key.ignore", id="queue.ignore"),
        Binding("exclamation_mark", "escalate", "queue.key.escalate", id="queue.escalate"),
        Binding("s", "snooze", "queue.key.snooze", id="queue.snooze"),
        Binding("space", "mark", "queue.key.mark", show=False, id="queue.mark"),
        Binding("D", "bulk_done", "queue.key.bulk_done", show=False, id="queue.bulk_done"),
        Binding("I", "bulk_ignore", "queue.key.bulk_ignore", show=False, id="queue.bulk_ignore"),
        Binding("u", "undo", "queue.key.undo", id="queue.undo"),
        Binding("ctrl+r", "redo", "queue.key.redo", show=False, id="queue.redo"),
        Binding("enter", "detail", "queue.key.detail", show=False, id="queue.detail"),
        Binding("slash", "search", "queue.key.search", id="queue.search"),
        Binding("f", "menu('filters')", "verbs.key.filters", show=False, id="queue.filters"),
        Binding("escape", "clear_filters", "queue.key.clear", show=False, id="queue.clear"),
        Binding("y", "menu('copy')", "verbs.key.copy", show=False, id="queue.copy"),
        Binding("o", "open_link", "verbs.key.open_link", show=False, id="queue.open"),
        Binding("M", "menu('lists')", "verbs.key.lists", show=False, id="queue.manage"),
        Binding("ctrl+o", "import_file", "queue.key.import", show=False, id="queue.import"),
        Binding("e", "edit_unsent", "netui.key.edit_reply", show=False, id="queue.edit"),
        Binding(
            "x,delete", "cancel_unsent", "netui.key.cancel_reply", show=False, id="queue.delete"
        ),
    ]

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self._networks: dict[str, str] = {}
        #: what the list holds: order, filter, marks (items read from the store when shown)
        self._view = QueueView(lambda doc_id: self.ctx.repo.queue.get(doc_id))
        #: reorder once a minute on the monotonic clock, and at once when the wall clock jumps
        self._reorder = Interval(ctx.clock, _REORDER_SECONDS)
        self._now: datetime = ctx.now()
        #: each entry: the versions of the items one triage step changed, before the step
        self._side_pending = False
        self._side_counts = False
        self._filterbar_text: str | None = None
        #: the list box's subtitle (the counts) as last set
        self._subtitle: str | None = None
        #: item id -> its reply waiting in the outbox (live accounts: ``ui/outbox_flow.py``)
        self._outbox: dict[int, OutboxEntry] = {}
        #: the status a live account's item answers (``ui/thread_context.py``), once accounts
        self._thread_context: ThreadContext | None = None

    def compose(self) -> ComposeResult:
        # Few nodes (this tab may be the first one drawn): the pane lays out the two columns
        # itself and the search field is mounted on first use (``action_search``).
        with Vertical(id="queue-main", classes="box") as main:
            main.border_title = t("ui.queue.title")
            yield Static(id="queue-filterbar")
            yield Static(id="queue-columns")
            yield QueueList(
                self._render_item,
                self._row_key,
                empty_text=t("ui.queue.empty"),
                id="queue-list",
            )
        with VerticalScroll(id="queue-side", classes="box") as side:
            side.border_title = t("ui.queue.detail")
            yield Static(id="queue-detail")

    @property
    def list(self) -> RowList[QueueItem]:
        return self.query_one("#queue-list", RowList)

    def focus_default(self) -> None:
        self.list.focus()

    # ------------------------------------------------------------------ data

    def on_mount(self) -> None:
        super().on_mount()

    def reload(self) -> None:
        ctx = self.ctx
        self._now = ctx.now()
        self._networks = network_names(ctx.repo.networks.all())
        self.query_one(QueueList)._lines.clear()  # network names may have changed
        self._outbox = self._read_outbox()
        if self._thread_context is None and ctx.repo.accounts.count():
            from cm_tui.ui.thread_context import ThreadContext

            self._thread_context = ThreadContext(self.app, self._context_arrived)  # type: ignore[arg-type]
        repo = ctx.repo.queue
        today = local_day_bounds(ctx.today(), ctx.zone)[0]
        # the context's entries (one list per store change, shared with the alerts and Today)
        cursor = self._view.load(
            ctx.open_queue_entries(),
            self._now,
            self.list.cursor,
            partial(repo.closed_entries, today),  # read when the status filter lists them
            today,
        )
        self._reorder.mark()
        self._show_rows(cursor)

    def _read_outbox(self) -> dict[int, OutboxEntry]:
        if not self.ctx.repo.outbox.count():
            return {}
        from cm_tui.ui.outbox_flow import unsent_marks

        return unsent_marks(self.ctx)

    def _context_arrived(self, item_id: int) -> None:
        current = self.list.current if self._alive() else None
        if current is not None and current.id == item_id:
            self._show_detail(current)

    def reload_outbox(self) -> None:
        """The unsent replies changed (put, taken back, edited, cancelled, tried) or their
        account's state did (after a sync pass): repaint marks and the detail's line."""
        if not self._alive():
            return
        self._now = self.ctx.now()
        self._outbox = self._read_outbox()
        self.list.refresh_rows()
        self._show_detail(self.list.current)

    def _show_rows(self, cursor: int | None) -> None:
        """Show the view's rows, the cursor on row ``cursor`` (the view says which)."""
        view = self._view
        if view.lists_closed:
            empty = "queue.filter.no_closed"
        else:
            empty = "ui.queue.no_match" if view.filter.active else "ui.queue.empty"
        self.list.empty_text = t(empty)
        self.list.set_rows(view.shown, cursor=cursor)
        self._defer_side(counts=True)

    def _alive(self) -> bool:
        """False while the app shuts down (timers may still fire once the children are gone)."""
        return self.is_attached and bool(self.query("#queue-list"))

    def tick(self) -> None:
        if not self._alive():
            return
        self._now = self.ctx.now()
        if self._reorder.due():
            self.reload()
            return
        self.query_one(QueueList).refresh_changed_rows()
        self._update_counts()
        self._show_detail(self.list.current)

    def _update_counts(self) -> None:
        # the counts the app's alerts label the tab with (an index: not a loop over 10,000)
        counts = self.ctx.open_queue_counts(self._now)
        subtitle = queue_counts_text(counts)
        if subtitle != self._subtitle:  # setting it repaints the whole list box
            self._subtitle = subtitle
            self.query_one("#queue-main").border_subtitle = subtitle
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
        narrow = self.size.width < STACK_BELOW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            # the list's width changes with the layout: its header follows after it
            self.call_after_refresh(self._show_columns_header)
        self._show_columns_header()

    def _show_columns_header(self) -> None:
        width = self.list.scrollable_content_region.width or self.list.size.width
        self.query_one("#queue-columns", Static).update(self._columns_header(width))

    def _row_key(self, item: QueueItem) -> tuple:
        """What a rendered row depends on besides the item itself (see ``QueueList``)."""
        return (
            item.id,
            id(item),
            format_countdown(remaining(item, self._now)),
            self._band(item),
            item.id in self._view.marked,
            is_snoozed(item, self._now),
            mark_glyph(self._outbox.get(item.id)),
        )

    def _band(self, item: QueueItem) -> str:
        """The item's countdown band; a closed item (listed by the status filter) is due no
        more: never in an alarm colour."""
        return band(item, self._now) if item.status in OPEN_STATUSES else "ok"

    def _render_item(self, item: QueueItem, width: int) -> Content:
        item_band = self._band(item)
        style = BAND_STYLES[item_band]
        left, net_w, kind_w, author_w = columns_for(width)
        network = self._networks.get(item.network, item.network)
        author = fmt.one_line(item.author_name or item.author_handle)
        flags = (
            STATUS_FLAGS.get(item.status, "")
            + ("★" if item.ambassador else "")
            + ("◆" if item.keywords else "")
            + ("z" if is_snoozed(item, self._now) else "")
            + mark_glyph(self._outbox.get(item.id))
        )
        return Content.assemble(
            (BAND_MARKS[item_band], style),
            ("•" if item.id in self._view.marked else " ", "bold $text-accent"),
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
        self._defer_side()

    def _defer_side(self, counts: bool = False) -> None:
        """Update the detail (and, with ``counts``, the counts, tab label and filter bar) right
        after the next frame, once however many keys came in: the list's own change reaches
        the screen first. (Each of these updates re-lays out the screen, which costs more
        than the list's repaint on a slow machine; key repeat then skips the stale ones.)"""
        self._side_counts = self._side_counts or counts
        if not self._side_pending:
            self._side_pending = True
            self.call_after_refresh(self._flush_side)

    def _flush_side(self) -> None:
        self._side_pending = False
        if not self._alive():
            return
        if self._side_counts:
            self._side_counts = False
            self._update_counts()
            self._update_filterbar()
        self._show_detail(self.list.current)

    def _show_detail(self, item: QueueItem | None) -> None:
        """The side's detail, repainted without a layout unless its height changes: the tick
        calls it every second for the countdown (``ui/repaint.py``)."""
        detail = self.query_one("#queue-detail", Static)
        if item is None:
            repaint_static(detail, Content.styled(t("ui.queue.no_selection"), "$text-muted"))
            return
        repaint_static(detail, self._detail_content(item))

    def _detail_content(self, item: QueueItem) -> Content:
        """Everything about ``item`` as plain-text ``Content`` (never markup)."""
        zone = self.ctx.zone
        received = item.received_at.astimezone(zone)
        deadline = item.deadline.astimezone(zone)
        item_band = self._band(item)
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
        flag = STATUS_FLAGS.get(item.status)
        if flag is not None:
            parts += ["\n", (f"{flag} {status}", "bold $text-warning")]
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
        unsent = self._outbox.get(item.id)
        if unsent is not None:
            from cm_tui.ui.outbox_flow import outbox_detail

            line = outbox_detail(unsent, zone, self._now, self.app)
            parts += ["\n", (line, "bold $text-error")]
        parent = self._thread_context.of(item) if self._thread_context is not None else None
        if parent is not None:
            when = ""
            if parent.at is not None:
                at = parent.at.astimezone(zone)
                when = f"{fmt.day_label(at.date())} {fmt.hm(at)}"
            who_said = fmt.one_line(parent.author_handle)
            parts += [
                "\n\n",
                (t("netui.context.in_reply_to", who=who_said, at=when), "bold $text-secondary"),
                "\n",
                (parent.text, "$text-muted"),
            ]
        parts += ["\n\n", item.text]
        if item.link:
            parts += ["\n\n", (item.link, "$text-muted")]
        if item.notes:
            parts += ["\n\n", (t("queue.detail.notes"), "bold"), "\n", item.notes]
        if item.reply_text:
            parts += ["\n\n", (t("queue.detail.reply"), "bold"), "\n", item.reply_text]
        if item.reply_url:
            parts += ["\n", (t("netui.replied_url", url=item.reply_url), "$text-muted")]
        return Content.assemble(*parts)

    # ------------------------------------------------------------------ triage

    def _target(self) -> QueueItem | None:
        return self.list.current

    def _apply(self, changed: builtins.list[QueueItem]) -> bool:
        """Persist ``changed`` at once (one durable write, an edit the app's history can undo:
        ``UiContext.apply``), update the list in place and move the cursor to the next item."""
        if not changed:
            return False
        repo = self.ctx.repo.queue
        before = [repo.get(item.id) or item for item in changed]
        label = triage_label(changed)
        if not self.ctx.apply(self.ctx.records_edit(repo, before, changed, label, self.PANE_ID)):
            return False
        self._merge(changed)
        return True

    def _merge(self, changed: builtins.list[QueueItem]) -> None:
        """Fold changed items into the list without re-reading the store (a keystroke must not
        cost a 10,000-item reload); the cursor moves on (``QueueView.merge``)."""
        cursor = self._view.merge(changed, self._now, self.list.cursor)
        self._loaded_version = self.ctx.version
        self._show_rows(cursor)

    def action_done(self) -> None:
        """Replied; on an item already replied (listed by the status filter), open again."""
        item = self._target()
        if item is None:
            return
        if item.status is QueueStatus.REPLIED:
            self._reopen(item)
        else:
            self._apply([mark_replied(item, self.ctx.now())])

    def action_ignore(self) -> None:
        """Ignored; on an item already ignored (listed by the status filter), open again."""
        item = self._target()
        if item is None:
            return
        if item.status is QueueStatus.IGNORED:
            self._reopen(item)
        else:
            self._apply([mark_ignored(item, self.ctx.now())])

    def _reopen(self, item: QueueItem) -> None:
        if self._apply([reopen(item)]):
            who = fmt.one_line(item.author_handle or item.author_name)
            self.notify(t("queue.done.reopened", who=who), markup=False)

    def action_escalate(self) -> None:
        item = self._target()
        if item is None:
            return
        from cm_tui.ui.screens.queue_modals import EscalateScreen

        def done(note: str | None) -> None:
            if note is not None:
                current = self.ctx.repo.queue.get(item.id) or item
                if self._apply([escalate(current, note, self.ctx.now(), self.ctx.zone)]):
                    self.notify(t("queue.done.escalated"), markup=False)

        self.app.push_screen(EscalateScreen(item), done)

    def action_snooze(self) -> None:
        item = self._target()
        if item is None:
            return
        from cm_tui.ui.screens.queue_modals import SnoozeScreen

        def done(choice: str | None) -> None:
            if choice is None:
                return
            now = self.ctx.now()
            until = snooze_until(choice, now, self.ctx.zone, WorkHours.of(self.ctx.settings))
            current = self.ctx.repo.queue.get(item.id) or item
            if self._apply([snooze(current, until)]):
                local = until.astimezone(self.ctx.zone)
                at = f"{fmt.day_label(local.date())} {fmt.hm(local)}"
                self.notify(t("queue.done.snoozed", at=at), markup=False)

        self.app.push_screen(SnoozeScreen(), done)

    def reply_templates(self) -> builtins.list[tuple[str, str]]:
        """The saved replies ``(name, text)``: the store's, else the defaults in both languages
        (``core.queue.default_templates``)."""
        saved = self.ctx.repo.prefs.get(TEMPLATES_PREF)
        if isinstance(saved, list):
            return [
                (str(entry.get("name", "")), str(entry.get("text", "")))
                for entry in saved
                if isinstance(entry, dict) and entry.get("text")
            ]
        return default_templates()

    def action_reply(self) -> None:
        item = self._target()
        if item is None:
            return
        from cm_tui.ui.screens.queue_modals import ReplyScreen

        account = None
        if self.ctx.repo.accounts.count():
            from cm_tui.ui import outbox_flow

            account = outbox_flow.reply_account(self.ctx, item)
        if account is not None:

            def put(text: str | None) -> None:
                if text is not None:
                    outbox_flow.put_reply(self, account, item, text)

            line = outbox_flow.posting_line(account, item)
            draft = outbox_flow.reply_draft_for(self.ctx, item)
            screen = ReplyScreen(item, self.reply_templates(), text=draft, posting=line)
            self.app.push_screen(screen, put)
            return

        def done(text: str | None) -> None:
            if text is None:
                return
            current = self.ctx.repo.queue.get(item.id) or item
            if self._apply([mark_replied(current, self.ctx.now(), text)]):
                self.app.copy_to_clipboard(text)
                self.notify(t("queue.done.reply_copied"), markup=False)

        self.app.push_screen(ReplyScreen(item, self.reply_templates()), done)

    def _unsent_target(self) -> tuple[QueueItem, OutboxEntry] | None:
        item = self._target()
        if item is None:
            return None
        entry = self._outbox.get(item.id)
        if entry is None:
            self.notify(t("netui.outbox.none"), severity="warning", markup=False)
            return None
        return item, entry

    def action_edit_unsent(self) -> None:
        """``e``: edit the item's reply that is not sent yet (``ui/outbox_flow.py``)."""
        found = self._unsent_target()
        if found is not None:
            from cm_tui.ui.outbox_flow import edit_unsent

            edit_unsent(self, *found)

    def action_cancel_unsent(self) -> None:
        """``x``: cancel the item's reply that is not sent yet (asks first)."""
        found = self._unsent_target()
        if found is not None:
            from cm_tui.ui.outbox_flow import cancel_unsent

            cancel_unsent(self, *found)

    def action_edit_templates(self) -> None:
        from cm_tui.ui.screens.queue_modals import LinesEditorScreen

        def done(text: str | None) -> None:
            if text is None:
                return
            templates = parse_template_lines(text)
            value = [{"name": name, "text": body} for name, body in templates]
            if self.ctx.write(lambda: self.ctx.repo.prefs.set(TEMPLATES_PREF, value)):
                self.notify(t("queue.templates.saved", count=len(templates)), markup=False)

        self.app.push_screen(
            LinesEditorScreen(
                t("queue.templates.title"),
                t("queue.templates.hint"),
                format_template_lines(self.reply_templates()),
            ),
            done,
        )

    def action_edit_keywords(self) -> None:
        from cm_tui.ui.screens.queue_modals import LinesEditorScreen

        repo = self.ctx.repo

        def done(text: str | None) -> None:
            if text is None:
                return
            entries = parse_keyword_lines(text, [k.value for k in KeywordKind])
            terms = [term for _kind, term in entries]
            changed = rematch_keywords(self._view.all, terms)

            def write() -> None:
                with self.ctx.store.transaction():
                    repo.keywords.delete_many(k.id for k in repo.keywords.all())
                    repo.keywords.add_many(
                        WatchKeyword(term=term, kind=KeywordKind(kind)) for kind, term in entries
                    )
                    for item in changed:
                        repo.queue.update(item)

            if self.ctx.write(write):
                cursor = self._view.reread(self.list.cursor)  # the repository's new versions
                self._loaded_version = self.ctx.version
                self._show_rows(cursor)
                self.notify(
                    t("queue.watch.saved", count=len(entries), changed=len(changed)),
                    markup=False,
                )

        current = [(k.kind.value, k.term) for k in repo.keywords.all()]
        self.app.push_screen(
            LinesEditorScreen(
                t("queue.watch.title"), t("queue.watch.hint"), format_keyword_lines(current)
            ),
            done,
        )

    def action_import_file(self) -> None:
        """Ask for a file and import it into the queue, as ``cm-tui import FILE`` does, in a
        thread worker (``ui.queue_import_flow``: the app stays responsive meanwhile)."""
        from cm_tui.ui.queue_import_flow import QueueImportFlow

        QueueImportFlow(self, self.reloaded_after_write).ask_file()

    def import_path(self, path: Path) -> Worker[None] | None:
        """Import ``path`` into the queue in a thread worker (all or nothing; the report modal
        if refused; ``reloaded_after_write`` when done); the worker, or ``None`` if it did not
        start (missing file, an import already running: notified)."""
        from cm_tui.ui.queue_import_flow import QueueImportFlow

        return QueueImportFlow(self, self.reloaded_after_write).start_file(path)

    def action_mark(self) -> None:
        if not self._view.toggle_mark(self.list.cursor):
            return
        self.list.refresh_row(self.list.cursor or 0)
        self.list.action_cursor_down()
        self._update_filterbar()

    def _bulk(self, change: Callable[[QueueItem, datetime], QueueItem], key: str) -> None:
        targets = self._view.marked_items()
        if not targets:
            self.notify(t("queue.nothing_marked"), severity="warning", markup=False)
            return
        now = self.ctx.now()
        if self._apply([change(item, now) for item in targets]):
            self._view.marked.clear()
            self._update_filterbar()
            self.notify(t(key, count=len(targets)), markup=False)

    def action_bulk_done(self) -> None:
        self._bulk(lambda item, now: mark_replied(item, now), "queue.done.replied")

    def action_bulk_ignore(self) -> None:
        self._bulk(mark_ignored, "queue.done.ignored")

    def edit_stepped(self, edit: Edit, *, undone: bool) -> None:
        """A triage step undone or redone here: fold the items back in place, the cursor on
        the first one (undo) or moving on (redo), as a key would (no 10,000-item reload)."""
        from cm_tui.ui import outbox_flow

        if isinstance(edit, outbox_flow.OutboxReplyEdit):
            outbox_flow.stepped(self, edit, undone=undone)
        elif edit.tab != self.PANE_ID or not isinstance(edit, RecordsEdit) or not edit.current:
            super().edit_stepped(edit, undone=undone)
        elif undone:
            self._merge_undo(list(edit.current))
        else:
            self._merge(list(edit.current))

    def _merge_undo(self, before: builtins.list[QueueItem]) -> None:
        cursor = self._view.merge(before, self._now, self.list.cursor, select=before[0].id)
        self._loaded_version = self.ctx.version
        self._show_rows(cursor)

    # ------------------------------------------------------------------ shared verbs

    def _selected_item(self) -> QueueItem | None:
        item = self._target()
        if item is None:
            self.notify(t("ui.queue.no_selection"), severity="warning", markup=False)
        return item

    def selected(self) -> Selected | None:
        """The item's text and its link."""
        item = self._selected_item()
        return None if item is None else Selected(item.text, item.link)

    def detail(self) -> tuple[str, Content] | None:
        """The whole item: author, text, notes, reply and history."""
        item = self._selected_item()
        return None if item is None else (t("ui.queue.detail"), self._detail_content(item))

    # ------------------------------------------------------------------ filters

    def _set_filter(self, flt: QueueFilter) -> None:
        self._show_rows(self._view.set_filter(flt, self.list.cursor))

    async def action_search(self) -> None:
        placeholder = t("queue.filter.placeholder")
        await self.open_search_input("queue-search", placeholder, "#queue-main", 0)

    @on(Input.Changed, "#queue-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._set_filter(dataclasses.replace(self._view.filter, text=event.value))

    @on(Input.Submitted, "#queue-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            event.input.display = False
        self.list.focus()

    def action_cycle_network(self) -> None:
        flt = self._view.filter
        value = next_choice(self._view.networks(), flt.network)
        self._set_filter(dataclasses.replace(flt, network=value))

    def action_cycle_kind(self) -> None:
        flt = self._view.filter
        value = next_choice([k.value for k in QueueKind], flt.kind)
        self._set_filter(dataclasses.replace(flt, kind=value))

    def action_cycle_status(self) -> None:
        """Every status in turn (``core.queue_view.STATUS_FILTERS``): the closed ones list
        today's replied or ignored items, to open one again by mistake closed."""
        flt = self._view.filter
        value = next_choice([s.value for s in STATUS_FILTERS], flt.status)
        self._set_filter(dataclasses.replace(flt, status=value))

    def action_ambassadors(self) -> None:
        flt = self._view.filter
        self._set_filter(dataclasses.replace(flt, ambassadors=not flt.ambassadors))

    def action_keywords(self) -> None:
        flt = self._view.filter
        self._set_filter(dataclasses.replace(flt, keywords=not flt.keywords))

    def action_clear_filters(self) -> None:
        search = self.search_input("queue-search")
        if search is not None:
            search.value = ""
            search.display = False
        self._set_filter(QueueFilter())
        self.list.focus()

    def _update_filterbar(self) -> None:
        bar = self.query_one("#queue-filterbar", Static)
        view = self._view
        flt = view.filter
        words: list[str] = []
        if flt.text:
            words.append(t("queue.filter.text", text=" ".join(flt.text.split())))
        if flt.network:
            words.append(self._networks.get(flt.network, flt.network))
        if flt.kind:
            words.append(t(f"core.queue.kind.{flt.kind}"))
        if flt.status:
            words.append(t(f"core.queue.status.{flt.status}"))
        if flt.ambassadors:
            words.append(t("queue.filter.ambassadors"))
        if flt.keywords:
            words.append(t("queue.filter.keywords"))
        parts: list[str] = []
        if words:
            parts.append(t("queue.filter.label", what=" · ".join(words)))
            parts.append(t("queue.filter.shown", shown=len(view.shown), total=len(view.base)))
        if view.marked:
            parts.append(t("queue.marked", count=len(view.marked)))
        text = "  ".join(parts)
        if text == self._filterbar_text:
            return
        self._filterbar_text = text
        bar.display = bool(parts)
        bar.update(Content.styled(text, "$text-warning"))


@lru_cache(maxsize=4096)
def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells (ellipsis when cut); ``""`` for 0.
    Cached: networks, kinds and authors repeat from row to row."""
    if width <= 0:
        return ""
    return Content(text).truncate(width, ellipsis=True, pad=True).plain


#: the edit label of one item, by its new status (``edits.queue.<name>``)
_TRIAGE_LABELS = {
    QueueStatus.REPLIED: "done",
    QueueStatus.IGNORED: "ignored",
    QueueStatus.ESCALATED: "escalated",
    QueueStatus.SNOOZED: "snoozed",
    QueueStatus.NEW: "reopened",
}
_BULK_LABELS = {QueueStatus.REPLIED: "bulk_done", QueueStatus.IGNORED: "bulk_ignored"}


def triage_label(changed: Sequence[QueueItem]) -> Label:
    """What a triage step did, read from the items it leaves ("replied to @emma", "ignored
    3 item(s)"), for the undo and redo notices."""
    first = changed[0]
    if len(changed) > 1:
        statuses = {item.status for item in changed}
        name = _BULK_LABELS.get(first.status, "bulk") if len(statuses) == 1 else "bulk"
        return Label.of(f"edits.queue.{name}", count=len(changed))
    name = _TRIAGE_LABELS[first.status]
    if first.status is QueueStatus.REPLIED and first.reply_text:
        name = "replied"
    author = fmt.one_line(first.author_handle or first.author_name)
    return Label.of(f"edits.queue.{name}", author=author)
