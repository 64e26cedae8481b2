"""What to do with a Calendar post on a live account: pure, no clock, no network, no store
(``net/publish.py`` does it). See docs/architecture.md, "Connectors" ("Publishing").

The sync pass compares each Calendar post with its ``Publication`` (what the instance was last
given) instead of hooking the Calendar's editing: any change, from the form, a key, an import
or ``cm-tui`` on another day, is seen the same way.

* A post counts when its status is *scheduled*. Its ``fingerprint`` is its time and published
  text (``core.posts.published_text``), so a move or an edit is noticed.
* No publication yet (or a failed one the user scheduled again): at least ``SCHEDULE_LEAD``
  (+ margin) ahead -> ``SCHEDULE`` on the instance; sooner -> ``WAIT`` (the running app or
  ``cm-tui sync`` publishes it when due); due -> ``PUBLISH`` now, unless it is more than
  ``LATE_LIMIT`` late (cm-tui was not running): ``MISSED``, marked failed with the reason,
  never published hours late and never dropped silently.
* Handed to the instance: the same fingerprint -> nothing until its time, then
  ``CHECK_PUBLISHED`` (the instance published it: find its URL); another time only ->
  ``RESCHEDULE``; another text -> ``REPLACE`` (delete, schedule again); moved sooner than the
  lead -> ``UNSCHEDULE`` then the rules above.
* Not scheduled any more (draft, idea, cancelled) or deleted: a scheduled status is
  ``UNSCHEDULE``d; a waiting record is ``DROP``ped. A published post is left alone.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from enum import StrEnum

from cm_tui.core.models import Post, PostStatus, format_instant
from cm_tui.core.net_records import Publication, PublicationState
from cm_tui.core.net_rules import ScheduleWay, schedule_way
from cm_tui.core.posts import published_text

#: A post due longer ago than this was missed (cm-tui was closed): failed, not published late.
LATE_LIMIT = timedelta(hours=1)
#: Posts due this long ago or more are not looked at (before the account existed, history).
LOOK_BACK = timedelta(days=2)


class Step(StrEnum):
    NOTHING = "nothing"
    SCHEDULE = "schedule"
    RESCHEDULE = "reschedule"
    REPLACE = "replace"
    UNSCHEDULE = "unschedule"
    DROP = "drop"
    WAIT = "wait"
    PUBLISH = "publish"
    MISSED = "missed"
    CHECK_PUBLISHED = "check_published"
    MARK_PUBLISHED = "mark_published"  # published, the post's status not written yet


def text_digest(post: Post) -> str:
    return hashlib.sha256(published_text(post).encode("utf-8")).hexdigest()[:16]


def fingerprint(post: Post) -> str:
    """``<instant>|<digest of the published text>``: what the instance was given."""
    return f"{format_instant(post.at)}|{text_digest(post)}"


def publication_key(account: str, post_id: int, print_: str) -> str:
    """The ``Idempotency-Key`` of one hand-over: the same post, text and time on the same
    account is one status however often it is sent (a kill between the answer and the write)."""
    digest = hashlib.sha256(f"{account}\x1f{post_id}\x1f{print_}".encode()).hexdigest()
    return "cm-tui-pub-" + digest[:32]


def _fresh(post: Post, now: datetime) -> Step:
    way = schedule_way(post.at, now)
    if way is ScheduleWay.REMOTE:
        return Step.SCHEDULE
    if way is ScheduleWay.WAIT:
        return Step.WAIT
    return Step.PUBLISH if now - post.at <= LATE_LIMIT else Step.MISSED


def step(post: Post | None, pub: Publication | None, now: datetime) -> Step:
    """The next thing to do for ``post`` (``None``: deleted) and its publication."""
    if post is None or post.status is not PostStatus.SCHEDULED:
        if pub is None:
            return Step.NOTHING
        if post is not None and post.status is PostStatus.PUBLISHED:
            return Step.NOTHING
        if pub.state is PublicationState.SCHEDULED:
            return Step.UNSCHEDULE
        if pub.state is PublicationState.WAITING:
            return Step.DROP
        return Step.NOTHING
    if pub is None or pub.state in (PublicationState.WAITING, PublicationState.FAILED):
        return _fresh(post, now)
    if pub.state is PublicationState.PUBLISHED:
        return Step.MARK_PUBLISHED
    # scheduled on the instance
    current = fingerprint(post)
    if current == pub.fingerprint:
        return Step.CHECK_PUBLISHED if post.at <= now else Step.NOTHING
    if schedule_way(post.at, now) is not ScheduleWay.REMOTE:
        return Step.UNSCHEDULE
    same_text = current.split("|")[1] == pub.fingerprint.partition("|")[2]
    return Step.RESCHEDULE if same_text else Step.REPLACE
