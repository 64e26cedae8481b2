"""A real Mastodon-shaped HTTP server for the connector tests: ``mastodon-mock`` (stateful REST
API on SQLite, streaming, ``Link`` paging, fault injection through ``/api/v1/_mock/faults``),
started once per session on 127.0.0.1 (a free port) in a thread, reset before each test.

Accounts: ``brand`` (the account cm-tui acts as), ``fan`` and ``troll`` (who write to it);
their tokens are fixtures of a local mock server, not real credentials.

* ``mock_server`` -> ``MockServer`` (reset, faults cleared);
* ``fault(method, path, effect)`` adds a fault rule;
* ``mention(author, text, ...)`` posts a status mentioning @brand as ``author``;
* ``net_store`` -> an open ``Store`` with the brand account added (token in a file secret store);
* ``engine`` -> a ``SyncEngine`` on it with ``fixed_clock``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

mock_testing = pytest.importorskip("mastodon_mock.testing")

from mastodon_mock.config import (  # noqa: E402
    DatabaseConfig,
    MastodonMockConfig,
    SeedAccount,
    SeedConfig,
    StreamingConfig,
)

from cm_tui.core.clock import FixedClock  # noqa: E402
from cm_tui.net import accounts  # noqa: E402
from cm_tui.net.access import direct  # noqa: E402
from cm_tui.net.secrets import SecretStore  # noqa: E402
from cm_tui.net.sync import SyncEngine  # noqa: E402
from cm_tui.store.store import Store  # noqa: E402

TOKENS = {"brand": "brand-token-0001", "fan": "fan-token-0002", "troll": "troll-token-0003"}

SEED = SeedConfig(
    accounts=[
        SeedAccount(username="brand", display_name="La Marque", access_token=TOKENS["brand"]),
        SeedAccount(username="fan", display_name="Léa Fan", access_token=TOKENS["fan"]),
        SeedAccount(
            username="troll",
            display_name="\x1b[31mEvil\u202e\x1b]0;pwned\x07",
            access_token=TOKENS["troll"],
        ),
    ]
)


def real_limits() -> None:
    """Page sizes as a real instance: Mastodon serves up to 80 notifications a page (its
    ``api/v1/notifications`` maximum); the mock caps every list at 40. Raising the mock's one
    cap to 80 lets the tests (and the bench) read the pages cm-tui asks for; cm-tui asks
    statuses lists (40 on a real instance) for 40 only."""
    from mastodon_mock import pagination

    pagination.MAX_LIMIT = 80


def mock_config(db_path: str = ":memory:") -> MastodonMockConfig:
    return MastodonMockConfig(
        database=DatabaseConfig(path=db_path),
        seed=SEED,
        streaming=StreamingConfig(heartbeat_seconds=0.2),
    )


@pytest.fixture(scope="session")
def _mock_session() -> Iterator[Any]:
    real_limits()
    server = mock_testing.MockServer(config=mock_config())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def mock_server(_mock_session: Any) -> Any:
    response = requests.post(f"{_mock_session.base_url}/api/v1/_mock/reset", timeout=30)
    response.raise_for_status()
    return _mock_session


@pytest.fixture
def fault(mock_server: Any) -> Callable[..., dict[str, Any]]:
    def add(method: str, path: str, effect: dict[str, Any], count: int | None = None) -> Any:
        body: dict[str, Any] = {"match": {"methods": [method], "path": path}, "effect": effect}
        if count is not None:
            body["count"] = count
        response = requests.post(
            f"{mock_server.base_url}/api/v1/_mock/faults", json=body, timeout=10
        )
        response.raise_for_status()
        return response.json()

    return add


def closed_port_url() -> str:
    """An address on this machine where nothing listens (bound, then closed): an instance that
    cannot be reached."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def client(server: Any, who: str) -> Any:
    from mastodon import Mastodon

    return Mastodon(
        access_token=TOKENS[who], api_base_url=server.base_url, version_check_mode="none"
    )


@pytest.fixture
def mention(mock_server: Any) -> Callable[..., dict[str, Any]]:
    clients: dict[str, Any] = {}

    def post(author: str = "fan", text: str = "hello", **kwargs: Any) -> Any:
        api = clients.setdefault(author, client(mock_server, author))
        return api.status_post(f"@brand {text}", **kwargs)

    return post


@pytest.fixture
def secrets(tmp_home: Path) -> SecretStore:
    return SecretStore(tmp_home / "config", mode="file")


@pytest.fixture
def net_store(
    tmp_home: Path, mock_server: Any, secrets: SecretStore, fixed_clock: FixedClock
) -> Iterator[Store]:
    store = Store.open(tmp_home / "store.json", clock=fixed_clock)
    try:
        accounts.add(
            store, secrets, "mastodon", mock_server.base_url, TOKENS["brand"], fixed_clock.now()
        )
        yield store
    finally:
        store.close()


@pytest.fixture
def engine(net_store: Store, secrets: SecretStore, fixed_clock: FixedClock) -> SyncEngine:
    return SyncEngine(direct(net_store), secrets, fixed_clock)
