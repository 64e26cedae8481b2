"""Inbox paging against a real local server: pages of 80 (Mastodon's maximum for notifications),
only mentions asked for, no gap and no duplicate across a page boundary and across a restart."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from cm_tui.net import sync_pass
from cm_tui.net.access import direct
from cm_tui.net.mastodon import MastodonConnector
from cm_tui.net.sync import SyncEngine
from cm_tui.store.store import Store

from .conftest import TOKENS


def _mastodon_ids(store: Store) -> list[str]:
    return [i.external_id for i in store.repo.queue.all() if i.network == "mastodon"]


def _cursor(store: Store) -> str:
    (account,) = store.repo.accounts.all()
    return account.cursor


def _favourite(server: Any, status_id: str) -> None:
    """A notification of another type (a favourite of the brand's status by @fan)."""
    response = requests.post(
        f"{server.base_url}/api/v1/statuses/{status_id}/favourite",
        headers={"Authorization": f"Bearer {TOKENS['fan']}"},
        timeout=10,
    )
    response.raise_for_status()


def test_a_page_holds_80_mentions_oldest_first_and_only_mentions(
    engine, net_store, mention, mock_server
) -> None:
    mention(text="before")
    engine.run_once()
    since = _cursor(net_store)
    posted = [str(mention(text=f"night {n}")["id"]) for n in range(90)]
    own = requests.post(
        f"{mock_server.base_url}/api/v1/statuses",
        headers={"Authorization": f"Bearer {TOKENS['brand']}"},
        json={"status": "our own post"},
        timeout=10,
    ).json()
    _favourite(mock_server, own["id"])  # a notification that is not a mention

    connector = MastodonConnector(mock_server.base_url, TOKENS["brand"])
    page = connector.inbox_page(since, sync_pass.PAGE_SIZE)

    assert sync_pass.PAGE_SIZE == 80
    assert [n["status"]["id"] for n in page.notifications] == posted[:80]
    assert {n["type"] for n in page.notifications} == {"mention"}
    assert page.cursor == page.notifications[-1]["id"] and page.more
    rest = connector.inbox_page(page.cursor, sync_pass.PAGE_SIZE)
    assert [n["status"]["id"] for n in rest.notifications] == posted[80:]
    assert connector.inbox_page(rest.cursor, sync_pass.PAGE_SIZE).notifications == []


def test_catch_up_in_pages_of_80_killed_between_pages_has_no_gap_and_no_double(
    engine, net_store, mention, secrets, fixed_clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    mention(text="before")
    engine.run_once()
    before = _cursor(net_store)
    posted = [str(mention(text=f"night {n}")["id"]) for n in range(200)]

    monkeypatch.setattr(sync_pass, "MAX_PAGES", 1)  # the pass ends after one page (a kill)
    first = SyncEngine(direct(net_store), secrets, fixed_clock).run_once()
    assert [i.external_id for i in first.new_items] == posted[:80]
    assert _cursor(net_store) not in ("", before)

    monkeypatch.setattr(sync_pass, "MAX_PAGES", 200)
    restarted = SyncEngine(direct(net_store), secrets, fixed_clock).run_once()
    assert [i.external_id for i in restarted.new_items] == posted[80:]

    ids = _mastodon_ids(net_store)
    assert len(ids) == len(set(ids)) == 201
    assert set(posted) <= set(ids)
    assert SyncEngine(direct(net_store), secrets, fixed_clock).run_once().new_items == []
