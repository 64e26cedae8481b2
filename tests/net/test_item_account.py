"""Items name the account they came from, and a reply keeps the item's visibility: with
several accounts a reply posts as the one that was written to, a direct message stays direct."""

from __future__ import annotations

from datetime import timedelta

from cm_tui.core.models import QueueKind
from cm_tui.net import accounts, outbox

from .conftest import TOKENS, client


def _add_fan(net_store, secrets, mock_server, fixed_clock):
    return accounts.add(
        net_store, secrets, "mastodon", mock_server.base_url, TOKENS["fan"], fixed_clock.now()
    )


def test_an_item_names_its_account_and_the_reply_posts_as_it_with_its_visibility(
    engine, net_store, secrets, mock_server, fixed_clock
) -> None:
    fan = _add_fan(net_store, secrets, mock_server, fixed_clock)
    client(mock_server, "troll").status_post("@fan followers only", visibility="private")
    client(mock_server, "troll").status_post("@brand public one")
    engine.run_once()

    items = {i.text.split()[-1]: i for i in net_store.repo.queue.all()}
    assert items["only"].account == fan.key
    assert items["only"].visibility == "private"
    brand = accounts.find(net_store, "brand")
    assert items["one"].account == brand.key
    assert items["one"].visibility == "public"

    item = items["only"]
    account = accounts.for_item(net_store, item)
    assert account is not None and account.key == fan.key
    entry = outbox.put(net_store, account.key, "noted", fixed_clock.now(), item=item)
    assert entry.visibility == "private"
    fixed_clock.advance(timedelta(seconds=10))
    (sent,) = engine.run_once().sent

    status = client(mock_server, "fan").status(sent.remote_id)
    assert status["account"]["acct"].split("@")[0] == "fan"
    assert status["visibility"] == "private"
    assert str(status["in_reply_to_id"]) == item.external_id


def test_a_direct_message_is_answered_directly(engine, net_store, mock_server, fixed_clock):
    client(mock_server, "fan").status_post("@brand psst", visibility="direct")
    engine.run_once()
    (item,) = net_store.repo.queue.all()
    assert item.kind is QueueKind.MESSAGE and item.visibility == "direct"
    account = accounts.for_item(net_store, item)
    entry = outbox.put(net_store, account.key, "in private", fixed_clock.now(), item=item)
    fixed_clock.advance(timedelta(seconds=10))
    (sent,) = engine.run_once().sent
    assert entry.visibility == "direct"
    assert client(mock_server, "brand").status(sent.remote_id)["visibility"] == "direct"


def test_an_item_stored_without_an_account_replies_as_the_networks_account(
    net_store, fixed_clock
) -> None:
    from cm_tui.core.models import QueueItem

    now = fixed_clock.now()
    typed = QueueItem(
        kind=QueueKind.MESSAGE,
        network="mastodon",
        author_handle="@someone",
        text="old",
        received_at=now,
        deadline=now,
    )
    (brand,) = net_store.repo.accounts.all()
    assert accounts.for_item(net_store, typed).key == brand.key
    assert outbox.put(net_store, brand.key, "x", now, item=typed).visibility == "direct"
    assert accounts.for_item(net_store, typed.replace(network="bluesky")) is None
