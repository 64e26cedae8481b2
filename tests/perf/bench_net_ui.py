"""Live-account figure: seconds from a mention posted on a Mastodon instance to its item on the
Queue tab of a running app, against a real local server (``mastodon-mock`` on 127.0.0.1,
started by the parent for the run).

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench import BenchEnv, Result, child, figure, log, pooled_median
from hooks import emit, time_frames

#: mentions posted per run (one at a time, each waited for)
MENTIONS = 10
#: seconds a mention may take before the run is declared failed
GIVE_UP_S = 30.0
#: the mock server's accounts: the brand cm-tui acts as, the fan who writes to it (tokens of a
#: local test server, not credentials)
TOKENS = {"brand": "brand-token-0001", "fan": "fan-token-0002"}


def _post_mention(base: str, text: str) -> None:
    import json
    import urllib.request

    body = json.dumps({"status": f"@brand {text}"}).encode()
    request = urllib.request.Request(
        f"{base}/api/v1/statuses",
        data=body,
        headers={"Authorization": f"Bearer {TOKENS['fan']}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


async def _post_and_wait(base: str, text: str, landed: Any) -> float:
    """Post a mention holding ``text`` (from a thread: the UI loop keeps running); seconds
    until ``landed(text)``."""
    import asyncio

    start = time.perf_counter()
    await asyncio.to_thread(_post_mention, base, text)
    while not landed(text):
        if time.perf_counter() - start > GIVE_UP_S:
            raise RuntimeError(f"mention {text} not on the Queue tab within {GIVE_UP_S} s")
        await asyncio.sleep(0.005)
    return time.perf_counter() - start


@child("mention_queue")
def child_mention_queue(_t0: float, args: list[str]) -> None:
    """The real ``cm-tui`` start-up (``args[2:]``, a store with the brand account); once its
    live engine made its first passes (stream open), ``MENTIONS`` mentions posted one at a time.
    Each sample: the post -> the item among the Queue tab's rows (read on the UI thread)."""
    import asyncio

    run, base = int(args[0]), args[1]
    state: dict[str, Any] = {"started": False, "armed": False, "event": None}

    async def measure(app: Any) -> None:
        try:
            pane = await app.open_tab("queue")
            for _ in range(3000):
                live = app.net_live
                if live is not None and live.passes >= 2:
                    break
                await asyncio.sleep(0.01)
            else:
                emit({"error": "the live engine made no pass"})
                os._exit(1)
            await asyncio.sleep(0.5)  # the stream reader connects after its wake

            def landed(text: str) -> bool:
                return any(text in item.text for item in pane._view.shown)

            samples = []
            for index in range(MENTIONS):
                samples.append(await _post_and_wait(base, f"bench-{run}-{index}", landed))
                await asyncio.sleep(0.05)
            emit({"samples": samples})
        except Exception as exc:  # pragma: no cover - reported to the parent
            emit({"error": repr(exc)})
        os._exit(0)

    time_frames(state, measure)
    from cm_tui.cli import main

    main(args[2:])
    emit({"error": "the app exited before the measurement ended"})
    os._exit(1)


@child("bare_mention")
def child_bare_mention(_t0: float, args: list[str]) -> None:
    """The baseline: the same action in a bare Textual app. A thread reads the user
    notification stream (Server-Sent Events, ``requests``), each event posts a message; the app
    then reads the new notifications (``min_id``) in a thread and adds their texts to a list.
    Each sample: the post -> the text in the list."""
    import asyncio
    import threading

    import requests
    from textual.app import App
    from textual.message import Message

    run, base = int(args[0]), args[1]
    headers = {"Authorization": f"Bearer {TOKENS['brand']}"}
    up = threading.Event()

    class Arrived(Message):
        pass

    class Bare(App[None]):
        texts: list[str] = []
        cursor = ""

        def on_mount(self) -> None:
            threading.Thread(target=self.listen, daemon=True).start()
            self.run_worker(self.measure())

        def listen(self) -> None:
            url = f"{base}/api/v1/streaming/user/notification"
            with requests.get(url, headers=headers, stream=True, timeout=60) as response:
                up.set()
                for line in response.iter_lines():
                    if line.startswith(b"event: notification"):
                        self.post_message(Arrived())

        async def on_arrived(self, _message: Arrived) -> None:
            params = {"types[]": "mention", "limit": 40}
            if self.cursor:
                params["min_id"] = self.cursor

            def fetch() -> list[dict[str, Any]]:
                got = requests.get(
                    f"{base}/api/v1/notifications", headers=headers, params=params, timeout=10
                )
                return got.json()  # type: ignore[no-any-return]

            notes = await asyncio.to_thread(fetch)
            for note in notes:
                self.texts.append(str(note.get("status", {}).get("content", "")))
            if notes:
                self.cursor = max((str(n["id"]) for n in notes), key=lambda i: (len(i), i))

        async def measure(self) -> None:
            try:
                while not up.is_set():
                    await asyncio.sleep(0.01)
                await asyncio.sleep(0.5)

                def landed(text: str) -> bool:
                    return any(text in seen for seen in self.texts)

                samples = []
                for index in range(MENTIONS):
                    samples.append(await _post_and_wait(base, f"bare-{run}-{index}", landed))
                    await asyncio.sleep(0.05)
                emit({"samples": samples})
            except Exception as exc:  # pragma: no cover - reported to the parent
                emit({"error": repr(exc)})
            os._exit(0)

    from hooks import run_headless

    run_headless()
    Bare().run()


def _server() -> Any:
    from mastodon_mock.config import (
        DatabaseConfig,
        MastodonMockConfig,
        SeedAccount,
        SeedConfig,
        StreamingConfig,
    )
    from mastodon_mock.testing import MockServer

    seed = SeedConfig(
        accounts=[
            SeedAccount(username=name, display_name=name, access_token=token)
            for name, token in TOKENS.items()
        ]
    )
    config = MastodonMockConfig(
        database=DatabaseConfig(path=":memory:"),
        seed=seed,
        streaming=StreamingConfig(heartbeat_seconds=5.0),
    )
    server = MockServer(config=config)
    server.start()
    return server


@contextlib.contextmanager
def live_server(env: BenchEnv) -> Iterator[Any]:
    """A fresh mock server for one figure, its children told to keep tokens in the private
    file; both undone when the figure ends, however it ends."""
    server = _server()
    env.env["CM_TUI_SECRETS"] = "file"
    try:
        yield server
    finally:
        env.env.pop("CM_TUI_SECRETS", None)
        server.stop()


def _store_with_account(env: BenchEnv, base: str, run: int) -> Path:
    """A copy of the ``year`` demo with the brand account (token in the private file)."""
    import shutil
    from datetime import UTC, datetime

    from cm_tui.net import accounts
    from cm_tui.net.secrets import SecretStore
    from cm_tui.store import Store

    db = env.root / f"mention-store-{run}" / "store.json"
    shutil.copytree(env.store("year").parent, db.parent)
    secrets = SecretStore(env.home, mode="file")
    with Store.open(db) as store:
        accounts.add(store, secrets, "mastodon", base, TOKENS["brand"], datetime.now(UTC))
    return db


@figure("mention_to_queue_s", target=("<=", 2.0), ratio_target=("<=", 4.0))
def bench_mention_to_queue_s(env: BenchEnv, runs: int) -> Result:
    """Median seconds from a mention posted on the local server to its item on the Queue tab
    of the real app (``year`` store, streaming), ``MENTIONS`` a run. The ratio is to the same
    action in a bare Textual app (``bare_mention``: the stream read, the new notifications
    fetched, a list appended), run just before: what cm-tui adds (the engine's pass, the
    mapping, the store's transaction on the UI thread, the Queue's merge)."""
    with live_server(env) as server:
        pairs: list[tuple[list[float], list[float]]] = []
        for i in range(runs):
            log(f"mention_to_queue_s {i + 1}/{runs}")
            bare = env.child("bare_mention", str(i), server.base_url)
            db = _store_with_account(env, server.base_url, i)
            payload = env.child("mention_queue", str(i), server.base_url, "--db", str(db))
            pairs.append((payload["samples"], bare["samples"]))
    return pooled_median(
        pairs, "mention_to_queue_s", "mention_to_queue_bare_s", {"mentions": MENTIONS}
    )
