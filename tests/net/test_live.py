"""The live loop: a mention posted on the server reaches the queue through the stream, long
before the poll interval (here an hour)."""

from __future__ import annotations

import threading

from cm_tui.core.net_rules import NetSettings
from cm_tui.net.access import direct
from cm_tui.net.sync import PassReport, SyncEngine


def test_a_streamed_mention_wakes_a_pass_without_waiting_for_the_poll(
    net_store, secrets, mention, fixed_clock
) -> None:
    lock = threading.Lock()  # the store is used by one thread at a time, as in the app

    def access(fn):  # type: ignore[no-untyped-def]
        with lock:
            return direct(net_store)(fn)

    engine = SyncEngine(access, secrets, fixed_clock, NetSettings(poll_seconds=3600))
    stop = threading.Event()
    passes: list[PassReport] = []
    arrived = threading.Event()
    first = threading.Event()

    def on_pass(report: PassReport) -> None:
        passes.append(report)
        first.set()
        if report.new_items:
            arrived.set()

    loop = threading.Thread(target=engine.run_forever, args=(stop, on_pass), daemon=True)
    loop.start()
    try:
        assert first.wait(30)
        mention(text="live one")
        assert arrived.wait(30), "the stream did not wake a pass"
    finally:
        stop.set()
        engine.wake()
        loop.join(30)
    texts = [i.text for r in passes for i in r.new_items]
    assert any("live one" in t for t in texts)


def test_a_reply_leaves_when_its_undo_window_ends_not_at_the_next_poll(
    net_store, secrets, mention, fixed_clock
) -> None:
    from datetime import timedelta

    from cm_tui.net import accounts, outbox

    mention(text="answer me")
    lock = threading.Lock()

    def access(fn):  # type: ignore[no-untyped-def]
        with lock:
            return direct(net_store)(fn)

    engine = SyncEngine(access, secrets, fixed_clock, NetSettings(poll_seconds=3600))
    engine.run_once()
    (item,) = net_store.repo.queue.all()
    account = accounts.for_item(net_store, item)
    outbox.put(net_store, account.key, "on it", fixed_clock.now(), undo_seconds=5, item=item)
    stop = threading.Event()
    sent = threading.Event()
    passes: list[PassReport] = []

    def on_pass(report: PassReport) -> None:
        passes.append(report)
        if report.sent:
            sent.set()
        elif len(passes) >= 2:  # after the stream reader's wake: only the window is left
            fixed_clock.advance(timedelta(seconds=5))

    loop = threading.Thread(target=engine.run_forever, args=(stop, on_pass), daemon=True)
    loop.start()
    try:
        assert sent.wait(30), "the reply waited for the poll interval"
    finally:
        stop.set()
        engine.wake()
        loop.join(30)
