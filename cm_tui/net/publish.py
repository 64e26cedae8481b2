"""Calendar posts on a live account -> scheduled or published statuses (one step of the sync
pass). The decisions are pure (``core.net_publish.step``); this module runs them.

Contract (docs/architecture.md, "Connectors", "Publishing"):

* A post of network profile P goes out on the first account (by key) bound to P; its
  ``Publication`` (table ``publications``) names that account and what the instance was last
  given (``fingerprint``), so the pass notices a move, an edit, a cancel or a deletion made
  anywhere and updates or deletes the scheduled status.
* Every status sent carries ``core.net_publish.publication_key`` as its ``Idempotency-Key``:
  a kill between the instance's answer and the store write sends again and gets the same
  status, never a second one. The publication and the post are written in one transaction.
* Published (by the pass, or by the instance at its time): the publication's ``url`` is set,
  the post becomes *published* (its ``link`` takes the URL when it had none).
* ``Rejected`` (the instance refuses this post, e.g. too long) and a missed time make the
  publication *failed* with the reason, the post *failed*, and one notice line: never silent.
  Scheduling it again in the Calendar tries again. ``Offline``/``ServerError``/``RateLimited``/
  ``TokenRefused`` change nothing here and reach the pass (the account's state, a retry later).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from cm_tui.core.i18n import t
from cm_tui.core.models import Post, PostStatus
from cm_tui.core.net_publish import (
    LATE_LIMIT,
    LOOK_BACK,
    Step,
    fingerprint,
    publication_key,
    step,
)
from cm_tui.core.net_records import Account, Publication, PublicationState
from cm_tui.core.posts import published_text
from cm_tui.core.textsafe import clean_line
from cm_tui.net.connector import NetError, Rejected, Sent

if TYPE_CHECKING:
    from cm_tui.net.connector import Connector
    from cm_tui.net.sync import PassReport, SyncEngine
    from cm_tui.store.store import Store

#: Far enough ahead for any Calendar post (the store refuses dates past its supported range).
LOOK_AHEAD_DAYS = 3660


def publishers(accounts: list[Account]) -> dict[str, Account]:
    """Network profile -> the account its posts go out on (the first by key)."""
    out: dict[str, Account] = {}
    for account in sorted(accounts, key=lambda a: a.key):
        out.setdefault(account.profile or account.network, account)
    return out


def _work(
    store: Store, profiles: set[str], now: datetime
) -> list[tuple[Post | None, Publication | None]]:
    """The posts to look at (scheduled ones of the profiles from ``LOOK_BACK`` on, and every
    post that has a publication), each with its publication."""
    pubs = {p.post: p for p in store.repo.publications.all()}
    posts = {
        p.id: p
        for p in store.repo.posts.between(now - LOOK_BACK, now + timedelta(days=LOOK_AHEAD_DAYS))
        if p.network in profiles and p.status is PostStatus.SCHEDULED
    }
    for post_id in pubs:
        if post_id not in posts:
            posts[post_id] = store.repo.posts.get(post_id)  # type: ignore[assignment]
    return [(posts.get(pid), pubs.get(pid)) for pid in sorted(posts)]


def _write(
    store: Store, pub: Publication, post: Post | None, post_changes: dict[str, object]
) -> Publication:
    """The publication (added, updated) and the post's changes, in one transaction."""
    with store.transaction():
        repo = store.repo.publications
        saved = repo.update(pub) if pub.id else repo.add(pub)
        if post is not None and post_changes:
            current = store.repo.posts.get(post.id)
            if current is not None:
                store.repo.posts.update(current.replace(**post_changes))
        return saved  # type: ignore[no-any-return]


def _drop(store: Store, pub: Publication) -> None:
    with store.transaction():
        if store.repo.publications.get(pub.id) is not None:
            store.repo.publications.delete(pub.id)


def run(
    engine: SyncEngine,
    connectors: dict[str, Connector],
    report: PassReport,
    on_error: Callable[[str, NetError], None] | None = None,
) -> list[Publication]:
    """One publishing pass; returns the publications published (or failed) in it. A
    ``NetError`` other than ``Rejected`` stops that account's posts for this pass and goes to
    ``on_error(account_key, error)`` (the pass turns it into the account's state)."""
    from cm_tui.net import accounts as accounts_mod

    access = engine.access
    now = engine.clock.now()
    by_profile = publishers(access(accounts_mod.all_accounts))
    if not by_profile:
        return []
    done: list[Publication] = []
    broken: set[str] = set()
    for post, pub in access(partial(_work, profiles=set(by_profile), now=now)):
        account = (
            None
            if pub is None
            else next((a for a in by_profile.values() if a.key == pub.account), None)
        )
        if account is None and post is not None:
            account = by_profile.get(post.network)
        if account is None:
            continue
        connector = connectors.get(account.key)
        if connector is None or account.key in broken:
            continue  # rate-limited, offline, token refused: next pass
        try:
            result = _one(engine, connector, account, post, pub, now, report)
        except NetError as exc:
            broken.add(account.key)
            if on_error is not None:
                on_error(account.key, exc)
            continue
        if result is not None:
            done.append(result)
    return done


def _fail(
    engine: SyncEngine,
    post: Post,
    pub: Publication,
    reason: str,
    report: PassReport,
) -> Publication:
    saved = engine.access(
        partial(
            _write,
            pub=pub.replace(state=PublicationState.FAILED, reason=clean_line(reason)),
            post=post,
            post_changes={"status": PostStatus.FAILED},
        )
    )
    report.notices.append(
        t("net.notice.publish_failed", title=clean_line(post.title), detail=clean_line(reason))
    )
    return saved


def _published(engine: SyncEngine, post: Post, pub: Publication, sent: Sent) -> Publication:
    changes: dict[str, object] = {"status": PostStatus.PUBLISHED}
    if not post.link and sent.url:
        changes["link"] = sent.url
    return engine.access(  # type: ignore[no-any-return]
        partial(
            _write,
            pub=pub.replace(
                state=PublicationState.PUBLISHED,
                remote_id=sent.remote_id,
                url=sent.url,
                at=sent.at,
                reason="",
            ),
            post=post,
            post_changes=changes,
        )
    )


def _one(
    engine: SyncEngine,
    connector: Connector,
    account: Account,
    post: Post | None,
    pub: Publication | None,
    now: datetime,
    report: PassReport,
) -> Publication | None:
    what = step(post, pub, now)
    if what is Step.NOTHING:
        return None
    if what is Step.DROP:
        assert pub is not None
        engine.access(partial(_drop, pub=pub))
        return None
    if what is Step.UNSCHEDULE:
        assert pub is not None
        connector.unschedule(pub.remote_id)
        engine.access(partial(_drop, pub=pub))
        if post is None or post.status is not PostStatus.SCHEDULED:
            return None
        pub = None  # moved sooner than the lead: handled as a new one below
        what = step(post, None, now)
    assert post is not None
    print_ = fingerprint(post)
    base = pub or Publication(post=post.id, account=account.key)
    if what is Step.MARK_PUBLISHED:
        assert pub is not None
        return _published(engine, post, pub, Sent(pub.remote_id, pub.url, pub.at))
    if what is Step.WAIT:
        if pub is None or pub.fingerprint != print_:
            engine.access(
                partial(
                    _write,
                    pub=base.replace(state=PublicationState.WAITING, fingerprint=print_),
                    post=None,
                    post_changes={},
                )
            )
        return None
    if what is Step.MISSED:
        reason = t("net.publish.missed")  # more than LATE_LIMIT (an hour) late
        return _fail(engine, post, base.replace(fingerprint=print_), reason, report)
    if what is Step.CHECK_PUBLISHED:
        assert pub is not None
        if pub.remote_id in connector.scheduled_ids():
            return None  # the instance has not got round to it yet
        found = connector.find_own(published_text(post), post.at - LATE_LIMIT)
        if found is None:
            return _fail(engine, post, pub, t("net.publish.gone"), report)
        return _published(engine, post, pub, found)
    if what is Step.RESCHEDULE:
        assert pub is not None
        try:
            sent = connector.reschedule(pub.remote_id, post.at)
        except Rejected as exc:
            return _fail(engine, post, pub, exc.detail, report)
        engine.access(
            partial(
                _write,
                pub=pub.replace(fingerprint=print_, at=sent.at or post.at),
                post=None,
                post_changes={},
            )
        )
        return None
    if what is Step.REPLACE:
        assert pub is not None
        connector.unschedule(pub.remote_id)
        what = Step.SCHEDULE
    key = publication_key(account.key, post.id, print_)
    scheduled_at = post.at if what is Step.SCHEDULE else None
    try:
        sent = connector.send(published_text(post), idempotency_key=key, scheduled_at=scheduled_at)
    except Rejected as exc:
        return _fail(
            engine, post, base.replace(fingerprint=print_, idempotency_key=key), exc.detail, report
        )
    handed = base.replace(fingerprint=print_, idempotency_key=key, reason="")
    if sent.scheduled:
        engine.access(
            partial(
                _write,
                pub=handed.replace(
                    state=PublicationState.SCHEDULED, remote_id=sent.remote_id, at=sent.at
                ),
                post=None,
                post_changes={},
            )
        )
        return None
    return _published(engine, post, handed, sent)
