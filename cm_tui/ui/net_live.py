"""The live accounts of the running app: the sync engine in a background thread, its store
steps on the UI thread, its news in the header, the alert line and the Queue.

Contract (docs/architecture.md, "Live accounts in the app"):

* ``NetLive.start`` runs once the first frame is drawn. With no account in the store it only
  reads the (empty) ``accounts`` table: no network module is imported, no thread started, so
  start-up stays as light as before.
* With accounts it starts one daemon thread running ``SyncEngine.run_forever``. Every store
  step the engine hands over (``StoreAccess``) runs on the UI thread through
  ``App.call_from_thread``: the store is only ever touched there, keys go on between steps.
  A step that wrote bumps ``UiContext.version``, so the tabs reload what changed when shown.
  The engine's backlog waits while keys arrive (``ui.keys_first``, its ``pace``): a page is
  fetched, mapped and written between keys.
* After each pass (``on_pass``) the header shows each account's state ("mastodon: offline
  since 10:02", "rate-limited until 10:15", "token refused") and how many replies are not
  sent; the pass's notices go to the alert line (one line each); the shown tab reloads when
  items arrived or replies went out.
* Nothing from the thread reaches the user as a traceback: a store error or a fault ends the
  pass with one line and the loop starts again after a pause. ``stop`` (the app closing) ends
  the thread at the next step.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from textual.content import Content

from cm_tui.core.i18n import t
from cm_tui.core.textsafe import clean_line
from cm_tui.ui import fmt

if TYPE_CHECKING:
    from datetime import datetime

    from cm_tui.core.net_records import Account
    from cm_tui.core.net_rules import NetSettings
    from cm_tui.net.sync import PassReport, SyncEngine
    from cm_tui.store import Store
    from cm_tui.ui.app import CmTuiApp

T = TypeVar("T")

#: seconds before the loop starts again after a pass ended by a fault
RESTART_SECONDS = 30.0


class Stopped(Exception):
    """The app is closing: the engine's step is not run."""


class NetLive:
    """The app's connection to its accounts (see the module docstring)."""

    def __init__(self, app: CmTuiApp, settings: NetSettings | None = None) -> None:
        self.app = app
        self.ctx = app.ctx
        self._settings = settings
        self.stop = threading.Event()
        self.engine: SyncEngine | None = None
        self.thread: threading.Thread | None = None
        #: the accounts as the last pass (or the store, before it) left them
        self.accounts: list[Account] = []
        self.unsent = 0
        #: when the engine's next pass is due at the latest (the poll after the last pass, or
        #: the restart after a fault), on the app's clock: an unsent reply's "next try"
        self.next_pass_at: datetime | None = None
        #: how many passes ended (tests and the bench wait on it)
        self.passes = 0
        self.pass_done = threading.Condition()
        self._ui_thread = threading.get_ident()

    @property
    def settings(self) -> NetSettings:
        if self._settings is None:
            from cm_tui.core.net_rules import NetSettings

            found = getattr(self.ctx.settings, "net", None)
            self._settings = found if isinstance(found, NetSettings) else NetSettings()
        return self._settings

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    # ------------------------------------------------------------------ start / stop

    def start(self) -> bool:
        """Start the engine if the store has accounts (and may be written); ``True`` if it
        runs. Called on the UI thread after the first frame, and again after an account was
        added from the Accounts screen."""
        if self.running or self.ctx.store.readonly:
            return self.running
        accounts = self.ctx.repo.accounts.all()
        if not accounts:
            return False
        self._ui_thread = threading.get_ident()
        self.accounts = list(accounts)
        self.unsent = len(self._unsent_entries())
        self.show_state()
        from cm_tui.net.sync import SyncEngine
        from cm_tui.ui.keys_first import pace

        self.engine = SyncEngine(
            self.access,
            self.secrets(),
            self.ctx.clock,
            self.settings,
            tz=self.ctx.zone,
            pace=partial(pace, self.app),
        )
        self.stop.clear()
        self.thread = threading.Thread(target=self._run, name="cm-tui sync", daemon=True)
        self.thread.start()
        return True

    def secrets(self) -> Any:
        return secret_store()

    def close(self) -> None:
        """The app closes: end the loop (the thread ends at its next step or wait)."""
        self.stop.set()
        if self.engine is not None:
            self.engine.wake()

    def wake(self) -> None:
        """A pass now (a reply was put in the outbox, its undo window ended...)."""
        if self.engine is not None:
            self.engine.wake()

    # ------------------------------------------------------------------ the thread

    def _run(self) -> None:
        engine = self.engine
        assert engine is not None
        while not self.stop.is_set():
            try:
                engine.run_forever(self.stop, self._on_pass)
            except Stopped:
                return
            except Exception as exc:  # a store error or a fault: one line, then again
                if self.stop.is_set():
                    return
                self._post(self._report_fault, exc)
                self.stop.wait(RESTART_SECONDS)

    def _post(self, fn: Callable[..., object], *args: object) -> None:
        if self.stop.is_set():
            raise Stopped
        try:
            self.app.call_from_thread(fn, *args)
        except RuntimeError:  # the app is no longer running
            self.stop.set()
            raise Stopped from None

    def access(self, fn: Callable[[Store], T], /) -> T:
        """The engine's ``StoreAccess``: ``fn(store)`` on the UI thread."""
        if threading.get_ident() == self._ui_thread:
            return self._step(fn)
        if self.stop.is_set():
            raise Stopped
        try:
            return self.app.call_from_thread(self._step, fn)
        except RuntimeError:
            self.stop.set()
            raise Stopped from None

    def _step(self, fn: Callable[[Store], T]) -> T:
        from cm_tui.store import StoreWriteError

        store = self.ctx.store
        seq = store.seq
        try:
            result = fn(store)
        except StoreWriteError as exc:
            if self.ctx.on_write_error is not None:
                self.ctx.on_write_error(exc)
            raise
        if store.seq != seq:
            self.ctx.version += 1
        return result

    def _on_pass(self, report: PassReport) -> None:
        self._post(self.after_pass, report)

    # ------------------------------------------------------------------ on the UI thread

    def after_pass(self, report: PassReport) -> None:
        self.accounts = list(report.accounts) or self.accounts
        had_unsent = self.unsent
        self.unsent = report.unsent
        self.next_pass_at = self.ctx.now() + timedelta(seconds=self.settings.poll_seconds)
        for notice in report.notices:
            self.app.notify(notice, severity="warning", markup=False)
        self.show_state()
        if report.new_items or report.sent or report.failed:
            pane = self.app.active_pane
            if pane is not None:
                pane.refresh_if_stale()
            queue = self.app.pane("queue")
            if queue is not None and queue is not pane:
                queue.refresh_if_stale()
        if had_unsent or self.unsent:
            # an unsent reply's line says the account's state and next try: repaint it
            queue = self.app.pane("queue")
            reload_outbox = getattr(queue, "reload_outbox", None)
            if reload_outbox is not None:
                reload_outbox()
        with self.pass_done:
            self.passes += 1
            self.pass_done.notify_all()

    def _report_fault(self, exc: Exception) -> None:
        self.next_pass_at = self.ctx.now() + timedelta(seconds=RESTART_SECONDS)
        self.app.notify(t("netui.fault", detail=fault_detail(exc)), severity="error", markup=False)

    def _unsent_entries(self) -> list[Any]:
        from cm_tui.net import outbox

        return outbox.unsent(self.ctx.store)

    def refresh_unsent(self) -> None:
        """Count the unsent replies again (after a ``ctrl+s``, an undo, a cancel)."""
        self.unsent = len(self._unsent_entries())
        self.show_state()

    def show_state(self) -> None:
        from cm_tui.ui.widgets.header import AppHeader

        line = self.state_line()
        for header in self.app.query(AppHeader):
            header.show_status(line)

    def state_line(self) -> Content:
        """Each account's state, then the unsent replies: what the header shows."""
        return state_line(self.accounts, self.unsent, self.ctx.zone)


def fault_detail(exc: BaseException) -> str:
    """The few words a fault that ended a pass is told with: a ``NetError``'s own detail, a
    transport error the connector did not map (no connection, no answer in time) through
    ``net.connector.transport_error`` (the one mapping, ``core.net_rules.reason_text``), the
    store's own one-line message; anything else by its kind only. The raw text (it may quote
    a URL with a token) goes to the debug log only, never to the screen."""
    from cm_tui.net.connector import NetError, transport_error
    from cm_tui.store.errors import StoreError

    if isinstance(exc, NetError):
        return clean_line(exc.detail)[:120] or type(exc).__name__
    if isinstance(exc, StoreError):
        return clean_line(str(exc))[:120] or type(exc).__name__
    if isinstance(exc, OSError):  # requests' errors are OSErrors too
        return transport_error(exc).detail
    return type(exc).__name__


def secret_store() -> Any:
    """Where the app reads and writes tokens (``net/secrets.py``: keyring, else the private
    file in the config folder)."""
    from cm_tui.io.locations import config_dir
    from cm_tui.net.secrets import SecretStore

    return SecretStore(config_dir())


def account_state_text(account: Account, zone: Any) -> str:
    """ "connected", "offline since 10:02", "rate-limited until 10:15", "token refused"."""

    def at(moment: datetime | None) -> str:
        return fmt.hm(moment.astimezone(zone)) if moment is not None else "?"

    return t(
        f"net.state.{account.state.value}",
        since=at(account.state_since),
        until=at(account.state_until),
    )


def account_name(account: Account, accounts: list[Account]) -> str:
    """The network's name when it has one account, else ``@handle``."""
    same = [a for a in accounts if a.network == account.network]
    return account.network if len(same) == 1 else clean_line(f"@{account.handle}")


def state_line(accounts: list[Account], unsent: int, zone: Any) -> Content:
    from cm_tui.core.net_records import AccountState

    parts: list[tuple[str, str] | str] = []
    for account in accounts:
        ok = account.state == AccountState.CONNECTED
        style = "$text-success" if ok else "$text-warning"
        if parts:
            parts.append(" · ")
        text = f"{account_name(account, accounts)}: {account_state_text(account, zone)}"
        parts.append((text, style))
    if unsent:
        if parts:
            parts.append(" · ")
        parts.append((t("net.unsent", count=unsent), "bold $text-error"))
    return Content.assemble(*parts)
