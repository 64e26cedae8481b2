"""Thread context in the Queue's detail: the status a live account's item answers.

Contract (docs/architecture.md, "Live accounts in the app"):

* ``ThreadContext.of(item)`` answers at once from what is known: the parent status
  (``core.mastodon_map.StatusView``, sanitised), or ``None`` (none, not known yet, or not
  reachable now). Only a *comment* (a status answering another) of an item whose network has
  an account, while the live engine runs, is looked up.
* The look-up (``net.context.parent_of``: network calls) runs once per item in a daemon thread,
  never on the UI thread; its answer comes back through ``App.call_from_thread`` and repaints
  the detail if that item is still the one shown. A ``NetError`` is "no context now": nothing
  is shown and the item is asked again after ``RETRY_SECONDS``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from cm_tui.core.models import QueueItem, QueueKind

if TYPE_CHECKING:
    from cm_tui.core.mastodon_map import StatusView
    from cm_tui.ui.app import CmTuiApp

#: after a failed look-up, how long before the item is asked again
RETRY_SECONDS = 60.0


class ThreadContext:
    def __init__(self, app: CmTuiApp, shown: Callable[[int], None]) -> None:
        """``shown(item_id)``: called on the UI thread when an item's context arrived."""
        self.app = app
        self._shown = shown
        self._known: dict[int, StatusView | None] = {}
        self._asked: dict[int, float] = {}

    def of(self, item: QueueItem) -> StatusView | None:
        if item.id in self._known:
            return self._known[item.id]
        if item.kind is QueueKind.COMMENT and item.external_id:
            self._ask(item)
        return None

    def _ask(self, item: QueueItem) -> None:
        live = self.app.net_live
        engine = live.engine if live is not None and live.running else None
        asked = self._asked.get(item.id)
        if engine is None or (asked is not None and time.monotonic() - asked < RETRY_SECONDS):
            return
        from cm_tui.net.accounts import for_item

        account = for_item(self.app.ctx.store, item)
        if account is None:
            return
        self._asked[item.id] = time.monotonic()

        def look_up() -> None:
            from cm_tui.net.connector import NetError
            from cm_tui.net.context import parent_of

            try:
                parent = parent_of(engine.connector(account), item)
            except NetError:
                return
            except Exception:  # a library fault: no context, never a traceback
                return
            try:
                self.app.call_from_thread(self._arrived, item.id, parent)
            except RuntimeError:  # the app closed meanwhile
                return

        threading.Thread(target=look_up, name="cm-tui context", daemon=True).start()

    def _arrived(self, item_id: int, parent: StatusView | None) -> None:
        self._known[item_id] = parent
        self._shown(item_id)
