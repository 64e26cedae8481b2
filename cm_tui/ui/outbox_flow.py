"""Replies to items of a live account: through the outbox, with the app's one undo.

Contract (docs/architecture.md, "Live accounts in the app"):

* ``reply_account``: the account a reply to an item posts as (``net.accounts.for_item``: the
  one it came from, else one bound to its network); ``None`` for an item of a network with no
  account, which keeps the Queue's reply of before (marked replied, text copied). The reply
  keeps the item's visibility (``core.net_rules.reply_visibility``: a direct message stays
  direct).
* ``ctrl+s`` in the reply dialog makes an ``OutboxReplyEdit`` through ``UiContext.apply``: its
  ``apply`` puts the reply in the outbox (``net.outbox.put``: written, journalled, before
  anything is sent), its ``revert`` (``u``) takes it back while it is not sent. The item
  itself stays open until the engine sent the reply (then it is *replied*, with the server's
  time and the reply's address). A redo puts it in again, with a new undo window.
* A reply taken back (``u``) or cancelled is not lost: ``r`` on its item opens on the text
  typed (``reply_draft``: the cancelled outbox entry is the item's stored draft).
* ``e`` / ``x`` on an item whose reply is not sent edit it (a new undo window) or cancel it
  (asks first); neither can race a send (``net.outbox`` re-reads the entry in its step).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cm_tui.core.edits import Label
from cm_tui.core.i18n import t
from cm_tui.core.net_reply import outbox_marks, reply_draft
from cm_tui.core.net_rules import reply_visibility
from cm_tui.ui import fmt

if TYPE_CHECKING:
    from datetime import datetime

    from cm_tui.core.models import QueueItem
    from cm_tui.core.net_records import Account, OutboxEntry
    from cm_tui.ui.context import UiContext
    from cm_tui.ui.panes.queue import QueuePane


def reply_account(ctx: UiContext, item: QueueItem) -> Account | None:
    """The account a reply to ``item`` posts as (see the module docstring)."""
    from cm_tui.net.accounts import for_item

    if ctx.store.readonly:
        return None
    return for_item(ctx.store, item)


def reply_draft_for(ctx: UiContext, item: QueueItem) -> str | None:
    """The text ``r`` on ``item`` starts from: the reply last taken back or cancelled
    (``core.net_reply.reply_draft``), ``None`` when there is none (the dialog's default)."""
    if not ctx.repo.outbox.count():
        return None
    return reply_draft(ctx.repo.outbox.all(), item) or None


def posting_line(account: Account, item: QueueItem) -> str:
    """ "Posts as @brand@host · visibility: direct (stays private)", for the reply dialog."""
    from urllib.parse import urlsplit

    host = urlsplit(account.instance).netloc
    visibility = t(f"netui.visibility.{reply_visibility(item)}")
    return t("netui.reply.posts_as", account=f"@{account.handle}@{host}", visibility=visibility)


def who(item: QueueItem) -> str:
    return fmt.one_line(item.author_handle or item.author_name)


class OutboxReplyEdit:
    """A reply put in the outbox, as an ``Edit`` of the app's history (``core/edits.py``)."""

    tab = "queue"

    def __init__(
        self, ctx: UiContext, account: Account, item: QueueItem, text: str, undo_seconds: float
    ) -> None:
        self.ctx = ctx
        self.account = account
        self.item = item
        self.text = text
        self.undo_seconds = undo_seconds
        self.label = Label.of("netui.edits.reply_queued", author=who(item))
        self.entry: OutboxEntry | None = None
        #: the last ``revert`` came after the reply was sent (it stays on the server)
        self.too_late = False

    def apply(self) -> None:
        from cm_tui.net import outbox

        self.too_late = False
        self.entry = outbox.put(
            self.ctx.store,
            self.account.key,
            self.text,
            self.ctx.now(),
            undo_seconds=self.undo_seconds,
            item=self.item,
            visibility=reply_visibility(self.item),
        )

    def revert(self) -> None:
        from cm_tui.net import outbox

        if self.entry is None:
            return
        self.too_late = outbox.take_back(self.ctx.store, self.entry.id) is None


def live(pane: QueuePane) -> object | None:
    return getattr(pane.app, "net_live", None)


def _after_outbox_change(pane: QueuePane, *, wake_in: float | None = None) -> None:
    from cm_tui.ui.net_live import NetLive

    net = live(pane)
    if isinstance(net, NetLive):
        if not net.running:
            net.start()
        net.refresh_unsent()
        net.wake()
        app = pane.app
        if wake_in is not None and getattr(app, "_real_time_timers", False):
            # the engine sleeps until its next poll: wake it when the undo window ends
            app.set_timer(wake_in + 0.2, net.wake, name="outbox undo window")
    pane.reload_outbox()


def put_reply(pane: QueuePane, account: Account, item: QueueItem, text: str) -> bool:
    """``ctrl+s`` in the reply dialog of an item with an account: see the module docstring."""
    ctx = pane.ctx
    seconds = _undo_seconds(pane)
    current = ctx.repo.queue.get(item.id) or item
    if not ctx.apply(OutboxReplyEdit(ctx, account, current, text, seconds)):
        return False
    pane.notify(t("netui.reply.queued", who=who(item), seconds=seconds), markup=False)
    _after_outbox_change(pane, wake_in=seconds)
    return True


def stepped(pane: QueuePane, edit: OutboxReplyEdit, *, undone: bool) -> None:
    """After ``u`` / ``ctrl+r`` on a reply put in the outbox."""
    if undone and edit.too_late:
        pane.notify(t("netui.reply.too_late", who=who(edit.item)), markup=False)
    _after_outbox_change(pane, wake_in=None if undone else edit.undo_seconds)


def unsent_marks(ctx: UiContext) -> dict[int, OutboxEntry]:
    """Queue item id -> its unsent reply (``core.net_reply.outbox_marks``)."""
    return outbox_marks(ctx.repo.outbox.all())


def edit_unsent(pane: QueuePane, item: QueueItem, entry: OutboxEntry) -> None:
    """``e``: the reply dialog on the unsent text; saving gives it a new undo window."""
    from cm_tui.net import outbox
    from cm_tui.ui.screens.queue_modals import ReplyScreen

    ctx = pane.ctx
    account = next((a for a in ctx.repo.accounts.all() if a.key == entry.account), None)
    line = posting_line(account, item) if account is not None else ""

    def done(text: str | None) -> None:
        if text is None:
            return
        seconds = _undo_seconds(pane)
        changed: list[OutboxEntry | None] = []

        def write() -> None:
            changed.append(outbox.edit(ctx.store, entry.id, text, ctx.now(), undo_seconds=seconds))

        if not ctx.write(write):
            return
        if changed and changed[0] is not None:
            pane.notify(t("netui.outbox.edited", who=who(item), seconds=seconds), markup=False)
        else:
            pane.notify(t("netui.outbox.gone"), severity="warning", markup=False)
        _after_outbox_change(pane, wake_in=seconds)

    pane.app.push_screen(
        ReplyScreen(item, pane.reply_templates(), text=entry.text, posting=line), done
    )


def cancel_unsent(pane: QueuePane, item: QueueItem, entry: OutboxEntry) -> None:
    """``x``: asks, then the reply is cancelled (kept in the table, never sent)."""
    from cm_tui.net import outbox
    from cm_tui.ui.screens.confirm import Confirm

    ctx = pane.ctx

    def done(yes: bool | None) -> None:
        if not yes:
            return
        changed: list[OutboxEntry | None] = []
        if not ctx.write(lambda: changed.append(outbox.cancel(ctx.store, entry.id))):
            return
        if changed and changed[0] is not None:
            pane.notify(t("netui.outbox.cancelled", who=who(item)), markup=False)
        else:
            pane.notify(t("netui.outbox.gone"), severity="warning", markup=False)
        _after_outbox_change(pane)

    pane.app.push_screen(Confirm(t("netui.outbox.cancel_ask", who=who(item))), done)


def _undo_seconds(pane: QueuePane) -> float:
    from cm_tui.core.net_rules import NetSettings
    from cm_tui.ui.net_live import NetLive

    net = live(pane)
    if isinstance(net, NetLive):
        return net.settings.undo_seconds
    found = getattr(pane.ctx.settings, "net", None)
    return (found if isinstance(found, NetSettings) else NetSettings()).undo_seconds


def outbox_detail(entry: OutboxEntry, zone: object, now: datetime, app: object = None) -> str:
    """The detail pane's line of an item whose reply is not sent (``core.net_reply.
    outbox_status``): the undo window's end while it runs, else why it is not sent yet
    (offline and the reason, rate-limited, token refused, refused) and the next try, from
    the account states and next pass of the app's ``NetLive``; never a time already past."""
    from cm_tui.core.net_reply import outbox_status
    from cm_tui.ui.net_live import NetLive, account_name

    net = getattr(app, "net_live", None)
    accounts = list(net.accounts) if isinstance(net, NetLive) else []
    next_pass = net.next_pass_at if isinstance(net, NetLive) else None
    account = next((a for a in accounts if a.key == entry.account), None)
    status = outbox_status(entry, account, now, next_pass)

    def clock(at: datetime) -> str:
        return f"{at.astimezone(zone):%H:%M:%S}"  # type: ignore[arg-type]

    when = t("netui.outbox.at", at=clock(status.at)) if status.at else t("netui.outbox.soon")
    detail = fmt.one_line(status.detail) or "?"
    name = account_name(account, accounts) if account is not None else entry.account
    if status.kind == "pending" and status.at is not None:
        return t("netui.outbox.pending", at=clock(status.at))
    if status.kind == "sending":
        return t("netui.outbox.sending")
    if status.kind == "failed":
        return t("netui.outbox.failed", detail=detail)
    if status.kind == "retrying":
        return t("netui.outbox.retrying", detail=detail, when=when)
    return t(f"netui.outbox.{status.kind}", account=name, detail=detail, when=when)
