"""The followers of several live accounts on one network add up: two accounts on ``mastodon``
make the month's followers the sum of their samples of one day, not one account's count."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from cm_tui.core.export_facts import DAY, ExportFact, derive_months
from cm_tui.core.net_stats import followers_fact

PARIS = ZoneInfo("Europe/Paris")


def _followers(facts: list[ExportFact], network: str = "mastodon") -> int | None:
    months = derive_months(facts, PARIS)
    return months[(network, "2026-11")].values.get("followers")


def test_two_accounts_sampled_the_same_day_add_up() -> None:
    day = date(2026, 11, 19)
    facts = [
        followers_fact("mastodon", "brand@social.example", day, 120),
        followers_fact("mastodon", "support@social.example", day, 30),
    ]
    assert _followers(facts) == 150


def test_the_month_takes_the_last_day_s_sum() -> None:
    first, last = date(2026, 11, 18), date(2026, 11, 19)
    facts = [
        followers_fact("mastodon", "brand@a", first, 100),
        followers_fact("mastodon", "support@a", first, 20),
        followers_fact("mastodon", "support@a", last, 25),
        followers_fact("mastodon", "brand@a", last, 110),
        followers_fact("bluesky", "brand@b", last, 7),  # another network: apart
    ]
    assert _followers(facts) == 135
    assert _followers(facts, "bluesky") == 7


def _export_followers(network: str, day: date, followers: int) -> ExportFact:
    """An export's daily followers fact (the whole network's count that day)."""
    return ExportFact(
        network=network,
        key=day.isoformat(),
        kind=DAY,
        file="page.csv",
        day=day,
        figures=("followers",),
        followers=followers,
    )


def test_an_export_s_daily_followers_stay_a_level() -> None:
    days = [date(2026, 11, d) for d in (1, 2, 3)]
    facts = [_export_followers("facebook", day, 1000 + n) for n, day in enumerate(days)]
    assert _followers(facts, "facebook") == 1002


def test_an_export_s_total_of_a_day_is_not_added_to_a_live_sample_of_that_day() -> None:
    """An export's daily followers are the network's whole count: a live account's sample of the
    same day is part of it, not more followers."""
    day = date(2026, 11, 19)
    export = _export_followers("mastodon", day, 500)
    live = followers_fact("mastodon", "brand@social.example", day, 120)
    assert _followers([live, export]) == 500
    assert _followers([export, live]) == 500
