"""The daily Stats sample of each live account (one step of the sync pass): followers, and
the replies, boosts and favourites of the account's own statuses of the month, made into the
month figures of its network profile through the exports' facts (``core.net_stats``), so a
figure typed by hand still wins. Once a day per account (``Account.followers_sampled_on``, a
day in the user's zone), written with the facts and figures in one transaction. See
docs/architecture.md, "Connectors".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from cm_tui.core.export_facts import (
    ExportFact,
    derive_months,
    fact_identity,
    merge_facts,
    plan_months,
)
from cm_tui.core.net_stats import followers_fact, status_fact
from cm_tui.core.timeutil import month_key
from cm_tui.net.connector import NetError

if TYPE_CHECKING:
    from cm_tui.core.net_records import Account
    from cm_tui.net.connector import Connector
    from cm_tui.net.sync import SyncEngine
    from cm_tui.store.store import Store


def run(
    engine: SyncEngine,
    connectors: dict[str, Connector],
    on_error: Callable[[str, NetError], None] | None = None,
) -> list[str]:
    """Sample every usable account not sampled today; returns the keys sampled."""
    from cm_tui.net import accounts as accounts_mod

    zone = engine.tz or ZoneInfo("UTC")
    today = engine.clock.now().astimezone(zone).date()
    done: list[str] = []
    for account in engine.access(accounts_mod.all_accounts):
        connector = connectors.get(account.key)
        if connector is None or account.followers_sampled_on == today.isoformat():
            continue
        try:
            profile = connector.verify()
            figures = connector.own_figures(month_key(today))
        except NetError as exc:
            if on_error is not None:
                on_error(account.key, exc)
            continue
        network = account.profile or account.network
        facts = [followers_fact(network, account.key, today, profile.followers)]
        facts += [
            status_fact(
                network,
                account.key,
                url=s.url,
                remote_id=s.remote_id,
                at=s.at,
                text=s.text,
                replies=s.replies,
                boosts=s.boosts,
                favourites=s.favourites,
            )
            for s in figures.statuses
        ]
        engine.access(partial(_store, account=account, facts=facts, zone=zone, day=today))
        done.append(account.key)
    return done


def _store(
    store: Store, account: Account, facts: list[ExportFact], zone: ZoneInfo, day: date
) -> None:
    """The facts merged into the stored ones, the month figures they change (typed ones
    kept), and the account's sample day, in one transaction."""
    stored = {fact_identity(f): f for f in store.repo.export_facts.all()}
    merged = {fact_identity(f): merge_facts(stored.get(fact_identity(f)), f) for f in facts}
    before = derive_months(stored.values(), zone)
    after = derive_months({**stored, **merged}.values(), zone)
    touched = {(f.network, f.month(zone)) for f in merged.values()}
    plan = plan_months(before, {w: after[w] for w in sorted(touched)}, store.repo.figures.all())
    with store.transaction():
        for key, fact in merged.items():
            old = stored.get(key)
            if old is None:
                store.repo.export_facts.add(fact)
            elif fact != old:
                store.repo.export_facts.update(fact)
        store.repo.figures.add_many(plan.new)
        for record in plan.updates:
            store.repo.figures.update(record)
        current = store.repo.accounts.get(account.id)
        if current is not None:
            store.repo.accounts.update(current.replace(followers_sampled_on=day.isoformat()))
