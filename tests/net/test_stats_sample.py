"""The daily Stats sample of a live account, against a real local server: followers and the
replies, boosts and favourites of its own statuses fill the month's figures of ``mastodon``,
once a day; a figure typed by hand still wins."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cm_tui.core.clock import FixedClock
from cm_tui.core.timeutil import month_key
from cm_tui.net.access import direct
from cm_tui.net.sync import SyncEngine

from .conftest import client


@pytest.fixture
def now() -> FixedClock:
    # the statuses are dated by the server's clock: ours starts there
    return FixedClock(datetime.now(UTC).replace(microsecond=0))


def _month(store, now):
    wanted = month_key(now.now().date())
    (figures,) = [f for f in store.repo.figures.all() if f.month == wanted]
    return figures


def test_the_sample_fills_the_month_once_a_day_and_a_typed_figure_wins(
    net_store, secrets, mock_server, now
) -> None:
    brand, fan, troll = (client(mock_server, who) for who in ("brand", "fan", "troll"))
    fan_me = fan.account_verify_credentials()
    brand_me = brand.account_verify_credentials()
    fan.account_follow(brand_me["id"])
    troll.account_follow(brand_me["id"])
    first = brand.status_post("Notre première")
    brand.status_post("La seconde")
    fan.status_favourite(first["id"])
    fan.status_reblog(first["id"])
    fan.status_post("@brand bravo", in_reply_to_id=first["id"])
    engine = SyncEngine(direct(net_store), secrets, now)

    engine.run_once()
    figures = _month(net_store, now)
    assert figures.network == "mastodon"
    assert (figures.followers, figures.posts) == (2, 2)
    assert (figures.reactions, figures.shares, figures.comments) == (1, 1, 1)

    troll.status_favourite(first["id"])
    engine.run_once()  # same day: not sampled again
    assert _month(net_store, now).reactions == 1

    net_store.repo.figures.update(_month(net_store, now).replace(shares=40))  # typed by hand
    troll.status_reblog(first["id"])
    fan.account_unfollow(brand_me["id"])
    # the next day (the month is kept: the sample day is what "once a day" reads)
    (account,) = net_store.repo.accounts.all()
    net_store.repo.accounts.update(account.replace(followers_sampled_on="2000-01-01"))
    engine.run_once()
    figures = _month(net_store, now)
    assert (figures.reactions, figures.followers) == (2, 1)
    assert figures.shares == 40
    assert fan_me  # the fan's account exists on the server


def test_followers_of_two_accounts_on_one_network_add_up(
    net_store, secrets, mock_server, now
) -> None:
    from cm_tui.net import accounts

    from .conftest import TOKENS

    brand, fan, troll = (client(mock_server, who) for who in ("brand", "fan", "troll"))
    brand_me = brand.account_verify_credentials()
    fan_me = fan.account_verify_credentials()
    fan.account_follow(brand_me["id"])
    troll.account_follow(brand_me["id"])
    troll.account_follow(fan_me["id"])  # the second account: one follower
    accounts.add(net_store, secrets, "mastodon", mock_server.base_url, TOKENS["fan"], now.now())
    assert len(net_store.repo.accounts.all()) == 2

    SyncEngine(direct(net_store), secrets, now).run_once()
    figures = _month(net_store, now)
    assert figures.network == "mastodon"
    assert figures.followers == 3  # 2 + 1, not one account's count
