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
