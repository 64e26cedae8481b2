"""What a failed call is told with, against the real local server (and a closed port): one
short translated reason per kind of failure (``core.net_rules.reason_text`` through
``net.connector.error_for_status`` / ``transport_error``), never the library's raw text;
that text goes to the debug log only, without the token."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from cm_tui.core.i18n import set_language
from cm_tui.net.connector import NetError, Offline, RateLimited, Rejected, ServerError, TokenRefused
from cm_tui.net.mastodon import MastodonConnector

from .conftest import TOKENS, closed_port_url

RAW = ("HTTPConnectionPool", "Max retries", "Connection", "Mastodon", "Errno", "127.0.0.1")


def _failure(connector: MastodonConnector) -> NetError:
    with pytest.raises(NetError) as caught:
        connector.inbox_page("")
    return caught.value


@pytest.mark.parametrize(
    ("effect", "kind", "en", "fr"),
    [
        ({"status": 503}, ServerError, "the instance answered 503", "l'instance a répondu 503"),
        ({"status": 401}, TokenRefused, "token refused (401)", "jeton refusé (401)"),
        ({"status": 403}, TokenRefused, "token refused (403)", "jeton refusé (403)"),
        ({"type": "ratelimit"}, RateLimited, "rate limit reached", "limite de requêtes atteinte"),
        ({"type": "malformed"}, ServerError, "unreadable answer", "réponse illisible"),
        ({"status": 404}, Rejected, "refused (404", "refusé (404"),
    ],
)
def test_each_error_answer_is_one_short_translated_reason(
    mock_server: Any, fault: Any, effect: dict, kind: type, en: str, fr: str
) -> None:
    for language, expected in (("en", en), ("fr", fr)):
        set_language(language)
        fault("GET", "/api/v1/notifications", effect, count=1)
        error = _failure(MastodonConnector(mock_server.base_url, TOKENS["brand"]))
        assert isinstance(error, kind)
        assert error.detail.startswith(expected), error.detail
        assert len(error.detail) <= 100
        assert not any(raw in error.detail for raw in RAW), error.detail


def test_no_connection_and_no_answer_in_time_are_told_apart(
    mock_server: Any, fault: Any, caplog: pytest.LogCaptureFixture
) -> None:
    set_language("en")
    token = TOKENS["brand"]
    with caplog.at_level(logging.DEBUG, logger="cm_tui.net"):
        closed = _failure(MastodonConnector(closed_port_url(), token))
        fault("GET", "/api/v1/notifications", {"type": "timeout", "delay_ms": 5000}, count=1)
        slow = _failure(MastodonConnector(mock_server.base_url, token, timeout=0.5))
    assert isinstance(closed, Offline) and closed.detail == "no connection"
    assert isinstance(slow, Offline) and slow.detail == "no answer in time"
    logged = caplog.text
    assert "Max retries" in logged  # the raw text is kept for the log...
    assert token not in logged  # ...never the token


def test_a_refused_reply_says_why_in_the_instances_words(mock_server: Any, fault: Any) -> None:
    set_language("en")
    fault("POST", "/api/v1/statuses", {"status": 422, "body": {"error": "Text too long"}}, 1)
    connector = MastodonConnector(mock_server.base_url, TOKENS["brand"])
    with pytest.raises(Rejected) as caught:
        connector.send("hello", idempotency_key="k-1")
    assert caught.value.detail == "refused (422: Text too long)"
