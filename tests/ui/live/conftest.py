"""The UI tests against the real local Mastodon server: ``tests/net/conftest.py``'s
``mastodon-mock`` fixtures (``mock_server``, ``mention``, ``fault``), re-exported here, and:

* ``live_db(tmp_path, server_url, clock)``: a new store with the ``brand`` account added (its
  token in the private secrets file of ``CM_TUI_HOME``, where the app looks);
* ``until(pilot, condition)``: wait, letting the app run, until ``condition()`` holds (a
  generous bound: never a sleep for timing);
* ``statuses_with(server, text)``: the brand account's statuses on the server holding ``text``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.clock import FixedClock
from cm_tui.io.locations import config_dir
from cm_tui.net import accounts
from cm_tui.net.secrets import SecretStore
from cm_tui.store.store import Store
from tests.net.conftest import (  # noqa: F401  (fixtures used by this folder's tests)
    TOKENS,
    _mock_session,
    client,
    fault,
    mention,
    mock_server,
)

WAIT_SECONDS = 60.0


@pytest.fixture(autouse=True)
def _file_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tokens in the private file of ``CM_TUI_HOME``, never the machine's keyring."""
    monkeypatch.setenv("CM_TUI_SECRETS", "file")


def live_db(
    tmp_path: Path, server_url: str, clock: FixedClock, token: str = TOKENS["brand"]
) -> Path:
    path = tmp_path / "live" / "store.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    secrets = SecretStore(config_dir(), mode="file")
    with Store.open(path, clock=clock) as store:
        accounts.add(store, secrets, "mastodon", server_url, token, clock.now())
    return path


#: the live apps' undo window and poll interval (seconds)
UNDO = 5
POLL = 30


def live_app(make_app: Any, db: Path, clock: FixedClock) -> Any:
    """The app on ``db`` with its live engine (``UNDO``, ``POLL``), on ``clock``."""
    from cm_tui.core.net_rules import NetSettings
    from cm_tui.ui.net_live import NetLive

    app = make_app(db=db, clock=clock)
    app.net_live = NetLive(app, NetSettings(poll_seconds=POLL, undo_seconds=UNDO))
    return app


def live_app_on(make_app: Any, server: Any, tmp_path: Path) -> tuple[Any, FixedClock]:
    """A live app on a new store whose brand account is on ``server``, and its fixed clock."""
    from tests.conftest import FIXED_NOW

    clock = FixedClock(FIXED_NOW)
    return live_app(make_app, live_db(tmp_path, server.base_url, clock), clock), clock


async def until(pilot: Any, condition: Callable[[], object], what: str = "") -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting for {what or condition}")
        await pilot.pause(0.02)


def statuses_with(server: Any, text: str) -> list[dict[str, Any]]:
    api = client(server, "brand")
    me = api.account_verify_credentials()
    return [s for s in api.account_statuses(me["id"], limit=40) if text in (s["content"] or "")]
