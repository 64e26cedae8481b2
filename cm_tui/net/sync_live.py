"""The live loop (``SyncEngine.run_forever``): a pass now, then a pass whenever the stream
says something arrived, ``wake()`` is called, an outbox entry's undo window ends, or
``poll_seconds`` passed.

One stream reader thread per account that can stream; an event only sets the wake flag (the
pass reads the inbox from the cursor, so the stream can never open a gap). An account whose
instance has no streaming (``Rejected``) is polled; a stream that breaks is reopened after the
backoff of its failures. Waiting is on ``threading.Event``s, so ``stop`` ends the loop at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from cm_tui.core.net_rules import backoff
from cm_tui.net.connector import NetError, Rejected

if TYPE_CHECKING:
    from cm_tui.net.sync import PassReport, SyncEngine


def _reader(engine: SyncEngine, key: str, stop: threading.Event) -> None:
    failures = 0
    while not stop.is_set():
        accounts = engine.access(lambda store: store.repo.accounts.all())
        account = next((a for a in accounts if a.key == key), None)
        if account is None:
            return
        try:
            connector = engine.connector(account)

            def on_event(_: dict[str, Any]) -> None:
                engine.wake()

            engine.wake()  # (re)connected: catch up what arrived while closed
            connector.stream(on_event, stop.is_set)
            failures = 0
        except Rejected:
            return  # no streaming: the poll covers it
        except NetError:
            failures += 1
        except Exception:  # a library fault must not kill the reader
            failures += 1
        stop.wait(backoff(max(failures, 1)).total_seconds())


def run_forever(
    engine: SyncEngine, stop: threading.Event, on_pass: Callable[[PassReport], None]
) -> None:
    readers: dict[str, threading.Thread] = {}
    while not stop.is_set():
        engine._wake.clear()
        started = engine.clock.now()
        report = engine.run_once()
        on_pass(report)
        for account in report.accounts:
            thread = readers.get(account.key)
            if thread is None or not thread.is_alive():
                thread = threading.Thread(
                    target=_reader, args=(engine, account.key, stop), daemon=True
                )
                readers[account.key] = thread
                thread.start()
        engine._wake.wait(_until_next(engine, started))
    engine.wake()


def _until_next(engine: SyncEngine, started: datetime) -> float:
    """Seconds to wait before the next pass: the poll interval, or less when an outbox entry's
    undo window (or backoff) ends sooner, so a reply leaves when its window ends, not at the
    next poll."""
    from cm_tui.net import outbox

    wait = float(engine.settings.poll_seconds)
    now = engine.clock.now()
    pending = engine.access(lambda store: outbox.due(store, datetime.max.replace(tzinfo=UTC)))
    # an entry due when the pass started and still pending was blocked (rate limit, refused
    # token, backoff just set later): it waits for the poll instead of spinning
    ahead = [e.send_after for e in pending if e.send_after > started]
    if ahead:
        wait = min(wait, max(0.0, (min(ahead) - now).total_seconds()))
    return wait
