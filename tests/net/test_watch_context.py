"""Thread context and watched keywords against a real local server: the status an item
answers, mapped and sanitised; hashtags through the tag timeline and other terms through
search arrive as items flagged with the term, once, never the account's own statuses."""

from __future__ import annotations

from cm_tui.core.models import QueueKind, WatchKeyword
from cm_tui.net import accounts, context

from .conftest import client


def test_the_status_an_item_answers_is_its_thread_context(engine, net_store, mock_server):
    announce = client(mock_server, "brand").status_post("Notre annonce &amp; <b>")
    client(mock_server, "troll").status_post("@brand et alors ?", in_reply_to_id=announce["id"])
    client(mock_server, "fan").status_post("@brand hors fil")
    engine.run_once()
    items = {i.text.split()[-1]: i for i in net_store.repo.queue.all()}

    connector = engine.connector(accounts.for_item(net_store, items["?"]))
    parent = context.parent_of(connector, items["?"])
    assert parent is not None
    assert parent.remote_id == str(announce["id"]) and parent.author_handle == "@brand"
    assert parent.text == "Notre annonce &amp; <b>"  # the author's text, not HTML
    assert context.parent_of(connector, items["fil"]) is None
    troll_view = context.view(connector, items["?"].external_id)
    assert "\x1b" not in troll_view.author_name and "\u202e" not in troll_view.author_name


def test_watched_hashtags_and_terms_arrive_flagged_once(engine, net_store, mock_server):
    net_store.repo.keywords.add(WatchKeyword(term="#cmtui"))
    net_store.repo.keywords.add(WatchKeyword(term="chocolat"))
    client(mock_server, "troll").status_post("J'adore #cmtui")
    client(mock_server, "fan").status_post("Le chocolat de la marque est parfait")
    client(mock_server, "brand").status_post("Nous aussi #cmtui")  # its own: not an item

    first = engine.run_once()
    engine.run_once()

    items = net_store.repo.queue.all()
    by_term = {k: i for i in items for k in i.keywords}
    assert set(by_term) == {"#cmtui", "chocolat"}
    assert len(items) == 2 and len(first.new_items) == 2
    (account,) = net_store.repo.accounts.all()
    assert all(i.account == account.key and i.kind is QueueKind.MENTION for i in items)
    assert by_term["#cmtui"].author_handle.startswith("@troll")


def test_an_instance_without_search_still_watches_hashtags(engine, net_store, mock_server, fault):
    net_store.repo.keywords.add(WatchKeyword(term="#cmtui"))
    net_store.repo.keywords.add(WatchKeyword(term="chocolat"))
    fault("GET", "/api/v2/search", {"status": 404})  # 404: no full-text search here
    client(mock_server, "troll").status_post("J'adore #cmtui")
    report = engine.run_once()
    assert [i.keywords for i in net_store.repo.queue.all()] == [("#cmtui",)]
    assert report.accounts[0].state.value == "connected"
