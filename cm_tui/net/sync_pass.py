"""One pass of the sync engine over every account (``SyncEngine.run_once``); see
``net/sync.py`` for the contract. Network calls happen here, on the caller's thread; each
store step goes through ``engine.access``."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from cm_tui.core.i18n import t
from cm_tui.core.net_records import Account, AccountState
from cm_tui.core.net_rules import account_after_error, account_connected, may_call
from cm_tui.core.textsafe import clean_line
from cm_tui.net import accounts as accounts_mod
from cm_tui.net import inbox, outbox
from cm_tui.net.connector import (
    Connector,
    NetError,
    Offline,
    RateLimited,
    Rejected,
    ServerError,
    TokenRefused,
)

if TYPE_CHECKING:
    from cm_tui.net.sync import PassReport, SyncEngine

#: Pages read per account in one pass (80 notifications each, Mastodon's maximum for
#: notifications): a night's backlog, even 10,000 mentions, in one pass (a connected account's
#: outbox goes before it).
MAX_PAGES = 200
PAGE_SIZE = 80


def error_kind(exc: NetError) -> str:
    if isinstance(exc, TokenRefused):
        return "token_refused"
    if isinstance(exc, RateLimited):
        return "rate_limited"
    if isinstance(exc, ServerError):
        return "server"
    if isinstance(exc, Offline):
        return "offline"
    return "offline"


def _clock_text(engine: SyncEngine, at: datetime | None) -> str:
    if at is None:
        return ""
    local = at.astimezone(engine.tz) if engine.tz is not None else at
    return local.strftime("%H:%M")


def state_text(engine: SyncEngine, account: Account) -> str:
    """The account state in words: connected, offline since 07:12, rate-limited until..."""
    return t(
        f"net.state.{account.state.value}",
        since=_clock_text(engine, account.state_since),
        until=_clock_text(engine, account.state_until),
    )


def _notice(engine: SyncEngine, before: Account, after: Account) -> str | None:
    if after.state == before.state and after.state_detail == before.state_detail:
        return None
    name = clean_line(f"@{after.handle}")
    if after.state == AccountState.CONNECTED:
        return (
            t("net.notice.connected", account=name)
            if before.state
            not in (
                AccountState.UNKNOWN,
                AccountState.CONNECTED,
            )
            else None
        )
    if after.state == AccountState.RATE_LIMITED:
        return t(
            "net.notice.rate_limited", account=name, until=_clock_text(engine, after.state_until)
        )
    if after.state == AccountState.TOKEN_REFUSED:
        return t("net.notice.token_refused", account=name)
    if after.state == before.state:
        return None  # still offline: one notice per outage, not one per retry
    return t("net.notice.offline", account=name, detail=clean_line(after.state_detail))


def run_pass(engine: SyncEngine) -> PassReport:
    from cm_tui.net.registry import NoSecret
    from cm_tui.net.sync import PassReport

    report = PassReport()
    access = engine.access
    accounts = access(accounts_mod.all_accounts)
    states: dict[str, Account] = {a.key: a for a in accounts}
    usable: dict[str, Connector] = {}

    def fail(account: Account, exc: NetError) -> None:
        now = engine.clock.now()
        until = now + timedelta(seconds=exc.retry_after) if isinstance(exc, RateLimited) else None
        states[account.key] = account_after_error(
            states[account.key], error_kind(exc), now, until=until, detail=exc.detail
        )
        usable.pop(account.key, None)
        engine.forget(account.key)  # a new client next time: no stale rate-limit state

    for account in accounts:
        if not may_call(account, engine.clock.now()):
            continue
        try:
            connector = engine.connector(account)
        except NoSecret:
            states[account.key] = account.replace(state=AccountState.TOKEN_REFUSED)
            report.notices.append(
                t("net.notice.no_secret", account=clean_line(f"@{account.handle}"))
            )
            continue
        usable[account.key] = connector

    def read_inbox(keys: list[str]) -> None:
        for key in keys:
            connector = usable.get(key)
            if connector is None:  # its outbox step just failed
                continue
            try:
                _inbox(engine, states[key], connector, report)
            except NetError as exc:
                fail(states[key], exc)
                continue
            states[key] = account_connected(states[key], engine.clock.now())

    # A connected account sends its due outbox first: a reply whose undo window ended leaves
    # now, not after a backlog of up to ``MAX_PAGES`` inbox pages. Any other account's inbox
    # goes first, as the probe: no reply is tried (nor its try counted, nor its next try
    # pushed back) against an instance that is still down (docs/architecture.md, "Connectors").
    connected = [k for k in usable if states[k].state is AccountState.CONNECTED]
    read_inbox([k for k in usable if k not in connected])
    sent = outbox.send_due(access, usable.get, engine.clock.now)
    report.sent.extend(sent.sent)
    report.failed.extend(sent.failed)
    for key, error in sent.errors:
        if isinstance(error, Rejected) or key not in states:
            continue
        fail(states[key], error)
    for entry in sent.failed:
        report.notices.append(
            t(
                "net.notice.reply_failed",
                handle=entry.in_reply_to or "?",
                detail=clean_line(entry.last_error),
            )
        )
    read_inbox(connected)

    from cm_tui.net import publish

    def step_error(key: str, exc: NetError) -> None:
        if key in states:
            fail(states[key], exc)

    report.published.extend(publish.run(engine, dict(usable), report, step_error))
    from cm_tui.net import stats

    stats.run(engine, dict(usable), step_error)

    for account in accounts:
        after = states[account.key]
        if after != account:
            after = access(partial(accounts_mod.save_state, account=after))
        notice = _notice(engine, account, after)
        if notice:
            report.notices.append(notice)
        report.accounts.append(after)
    report.unsent = len(access(outbox.unsent))
    return report


def _inbox(engine: SyncEngine, account: Account, connector: Connector, report: PassReport) -> None:
    access = engine.access
    known = access(lambda store: inbox.known_ids(store, account.profile or account.network))
    terms = access(inbox.watch_terms)
    cursor = access(lambda store: (store.repo.accounts.get(account.id) or account).cursor)
    for _ in range(MAX_PAGES):
        engine.pace()
        page = connector.inbox_page(cursor, PAGE_SIZE)
        # mapped here, on the engine's thread: the store step (the UI thread in the app) only
        # checks for doubles and writes the page and its cursor in one transaction; each step
        # between keys (``engine.pace``)
        engine.pace()
        items = inbox.map_page(account, page, policy=engine.deadline_policy, keywords=terms)
        engine.pace()
        added = access(
            partial(
                inbox.take_page,
                account=account,
                page=page,
                policy=engine.deadline_policy,
                keywords=terms,
                known=known,
                items=items,
            )
        )
        report.new_items.extend(added)
        if not page.more or page.cursor == cursor:
            break
        cursor = page.cursor
    if terms:
        from cm_tui.net import watch

        report.new_items.extend(watch.run(engine, account, connector, terms, known))
