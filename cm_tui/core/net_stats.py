"""A live account's daily sample -> facts of the month figures (pure; ``net/stats.py`` runs it).

The sample goes through the same facts as the platforms' exports (``core.export_facts``), so
one mechanism makes the month figures and keeps a figure typed by hand (it differs from what
the facts gave before: ``plan_months`` leaves it). See docs/architecture.md, "Connectors".

* followers: one *day* fact per account and day (key ``YYYY-MM-DD <account key>``): the month's
  followers are the last day sampled;
* each own status of the month: one *post* fact keyed by its URL, replies -> ``comments``,
  boosts -> ``shares``, favourites -> ``reactions``; ``posts`` counts them.
"""

from __future__ import annotations

from datetime import date, datetime

from cm_tui.core.export_facts import DAY, POST, ExportFact
from cm_tui.core.textsafe import clean_line

TITLE_CHARS = 80


def source_name(account_key: str) -> str:
    """What the facts name as their "file" (shown as the figures' source)."""
    return f"live {account_key}"


def followers_fact(network: str, account_key: str, day: date, followers: int) -> ExportFact:
    return ExportFact(
        network=network,
        key=f"{day.isoformat()} {account_key}",
        kind=DAY,
        file=source_name(account_key),
        day=day,
        figures=("followers",),
        followers=followers,
    )


def status_fact(
    network: str,
    account_key: str,
    *,
    url: str,
    remote_id: str,
    at: datetime,
    text: str,
    replies: int,
    boosts: int,
    favourites: int,
) -> ExportFact:
    return ExportFact(
        network=network,
        key=url or f"{account_key} {remote_id}",
        kind=POST,
        file=source_name(account_key),
        at=at,
        permalink=url,
        title=clean_line(text)[:TITLE_CHARS],
        figures=("reactions", "comments", "shares"),
        reactions=favourites,
        comments=replies,
        shares=boosts,
    )
