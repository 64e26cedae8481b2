"""The process the outbox kill loop kills: opens the store as a writer (as ``cm-tui sync``
does) and runs sync passes until killed, saying ``send`` on stdout just before each reply goes
on the wire and ``sent`` when the server answered, so the test can kill it around sending.

Usage: python outbox_child.py STORE SECRETS_FOLDER [once]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from cm_tui.core.clock import SystemClock
from cm_tui.net.access import direct
from cm_tui.net.registry import connector_for
from cm_tui.net.secrets import SecretStore
from cm_tui.net.sync import SyncEngine
from cm_tui.store.store import Store


class Announcing:
    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.network = inner.network

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def send(self, *args: Any, **kwargs: Any) -> Any:
        print("send", flush=True)
        result = self.inner.send(*args, **kwargs)
        print("sent", flush=True)
        return result


def main() -> None:
    store_path, folder = sys.argv[1], Path(sys.argv[2])
    once = len(sys.argv) > 3
    secrets = SecretStore(folder, mode="file")
    with Store.open(store_path, holder="sync") as store:
        engine = SyncEngine(
            direct(store),
            secrets,
            SystemClock(),
            connector_for=lambda account: Announcing(connector_for(account, secrets)),
        )
        print("ready", flush=True)
        while True:
            engine.run_once()
            if once:
                return


if __name__ == "__main__":
    main()
