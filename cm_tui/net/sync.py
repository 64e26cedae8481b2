"""The sync engine: one pass of inbox, outbox, publishing and stats for every account, and the
live loop the app runs in a worker.

Contract (docs/architecture.md, "Connectors"):

* ``SyncEngine(access, secrets, clock, settings)``. Store steps go through ``access``
  (``net/access.py``); network calls happen on the calling thread (a worker in the app,
  the main thread in ``cm-tui sync``).
* ``run_once()`` -> ``PassReport``: for each account the engine may call now
  (``core.net_rules.may_call``): the due outbox entries first when the account is connected
  (a reply never waits behind a backlog; any other account's inbox goes first, as the probe),
  and the inbox backlog (``min_id`` pages from the account's cursor, items and
  cursor written together: no gap, no double, whatever kills it), the Calendar's Mastodon
  posts (``net/publish.py``), the daily stats sample. Every ``NetError`` becomes the
  account's state (connected / offline since / rate-limited until / token refused) and one
  line in ``report.notices``; nothing raises out of a pass but a store error.
* ``pace``: called by the pass between two steps of the inbox backlog (before each page is
  fetched, mapped and stored); the app's waits while the user is typing (``ui.keys_first``),
  so a page is mapped and written between keys, not during one. The CLI has none.
* ``run_forever(stop, on_pass)``: streams the user notifications when the instance offers it
  (each event wakes an inbox pass at once), else polls every ``settings.poll_seconds``; the
  outbox's undo windows and the Calendar's due posts wake it too (``wake()``); after an error it
  waits by the backoff. ``on_pass(report)`` is called after each pass (the app refreshes the
  Queue, the header's account states and "N replies not sent" from it). Returns when ``stop``
  is set.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cm_tui.core.deadline import DEFAULT_POLICY, DeadlinePolicy
from cm_tui.core.net_rules import NetSettings

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from cm_tui.core.clock import Clock
    from cm_tui.core.models import QueueItem
    from cm_tui.core.net_records import Account, OutboxEntry, Publication
    from cm_tui.net.access import StoreAccess
    from cm_tui.net.connector import Connector
    from cm_tui.net.secrets import SecretStore


@dataclass
class PassReport:
    """What one pass did. ``notices``: one line per account whose state changed or that failed
    (already translated, sanitised, no secret)."""

    new_items: list[QueueItem] = field(default_factory=list)
    sent: list[OutboxEntry] = field(default_factory=list)
    failed: list[OutboxEntry] = field(default_factory=list)
    published: list[Publication] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    unsent: int = 0


class SyncEngine:
    def __init__(
        self,
        access: StoreAccess,
        secrets: SecretStore,
        clock: Clock,
        settings: NetSettings | None = None,
        *,
        connector_for: Callable[[Account], Connector] | None = None,
        deadline_policy: DeadlinePolicy | None = None,
        tz: ZoneInfo | None = None,
        pace: Callable[[], None] | None = None,
    ) -> None:
        self.access = access
        self.secrets = secrets
        self.clock = clock
        self.settings = settings or NetSettings()
        self._connector_for = connector_for
        self.deadline_policy = deadline_policy or DEFAULT_POLICY
        self.tz = tz
        self.pace: Callable[[], None] = pace or _no_pause
        self._connectors: dict[str, Connector] = {}
        self._wake = threading.Event()

    def wake(self) -> None:
        """Run the next pass now (a reply was put in the outbox, a post was saved...)."""
        self._wake.set()

    def run_once(self) -> PassReport:
        from cm_tui.net import sync_pass

        return sync_pass.run_pass(self)

    def run_forever(self, stop: threading.Event, on_pass: Callable[[PassReport], None]) -> None:
        from cm_tui.net.sync_live import run_forever as live

        live(self, stop, on_pass)

    def forget(self, key: str) -> None:
        """Drop the cached connector of account ``key`` (after an error, a token change)."""
        self._connectors.pop(key, None)

    def connector(self, account: Account) -> Connector:
        """The (cached) connector of ``account``."""
        cached = self._connectors.get(account.key)
        if cached is None:
            if self._connector_for is not None:
                cached = self._connector_for(account)
            else:
                from cm_tui.net.registry import connector_for

                cached = connector_for(account, self.secrets)
            self._connectors[account.key] = cached
        return cached


def _no_pause() -> None:
    """No one types into ``cm-tui sync``: the backlog goes on at once."""
