"""The backlog figures' server (``mock_instance.py``) serves the mock's own JSON: a page of
notifications preloaded in one batch is the page the mock writes row by row, field for field,
counters and viewer flags included."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("mastodon_mock")
sys.path.insert(0, str(Path(__file__).parent))

import bench_net
import bench_net_ui
import mock_instance

BRAND, FAN = bench_net.TOKENS["brand"], bench_net.TOKENS["fan"]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from mastodon_mock import pagination
    from mastodon_mock.routers import notifications as routes

    for name in ("paginate", "serialize_notification"):
        monkeypatch.setattr(routes, name, getattr(routes, name))  # undone after the test
    monkeypatch.setattr(pagination, "MAX_LIMIT", pagination.MAX_LIMIT)
    running = bench_net_ui._server()
    try:
        yield running
    finally:
        running.stop()


class _Queries:
    """The SQL statements the server runs (its engine's ``before_cursor_execute``)."""

    def __init__(self, server: Any) -> None:
        from sqlalchemy import event

        self.count = 0
        engine = server._server.config.app.state.session_factory().get_bind()
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args: Any) -> None:
        self.count += 1

    def during(self, action: Any) -> tuple[Any, int]:
        before = self.count
        result = action()
        return result, self.count - before


def _page(base: str, path: str = "/api/v1/notifications?limit=80") -> list[dict[str, Any]]:
    return bench_net._get(base, path, BRAND)  # type: ignore[no-any-return]


def _backlog_with_reactions(base: str) -> None:
    """Mentions of @brand from two accounts; the brand favourites, reblogs and answers some,
    a fan answers one: every counter and viewer flag the serialisers write is non-zero
    somewhere on the page."""
    mentions = [
        bench_net._post(base, "/api/v1/statuses", FAN, {"status": f"@brand question {i}"})
        for i in range(12)
    ]
    for index, status in enumerate(mentions):
        if index % 3 == 0:
            bench_net._post(base, f"/api/v1/statuses/{status['id']}/favourite", BRAND, {})
        if index % 4 == 0:
            bench_net._post(base, f"/api/v1/statuses/{status['id']}/reblog", BRAND, {})
        if index % 5 == 0:
            body = {"status": "@fan thanks", "in_reply_to_id": status["id"]}
            bench_net._post(base, "/api/v1/statuses", BRAND, body)
    answer = {"status": "@brand me too", "in_reply_to_id": mentions[1]["id"]}
    bench_net._post(base, "/api/v1/statuses", FAN, answer)


def test_a_preloaded_page_is_the_mocks_page(server: Any) -> None:
    _backlog_with_reactions(server.base_url)
    queries = _Queries(server)
    as_the_mock_writes, row_by_row = queries.during(lambda: _page(server.base_url))
    assert len(as_the_mock_writes) > 12
    assert any(n["status"] and n["status"]["favourites_count"] for n in as_the_mock_writes)
    assert any(n["status"] and n["status"]["replies_count"] for n in as_the_mock_writes)

    mock_instance.as_instance(server)

    preloaded, in_a_batch = queries.during(lambda: _page(server.base_url))
    assert preloaded == as_the_mock_writes
    assert in_a_batch * 4 < row_by_row
    mentions = "/api/v1/notifications?types[]=mention&limit=5"
    assert _page(server.base_url, mentions) == as_the_mock_writes_mentions(as_the_mock_writes)


def as_the_mock_writes_mentions(page: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [n for n in page if n["type"] == "mention"][:5]


def test_one_notification_outside_a_page_is_served_as_the_mock_does(server: Any) -> None:
    _backlog_with_reactions(server.base_url)
    first = _page(server.base_url)[0]
    path = f"/api/v1/notifications/{first['id']}"
    alone = bench_net._get(server.base_url, path, BRAND)

    mock_instance.as_instance(server)

    assert bench_net._get(server.base_url, path, BRAND) == alone == first
