"""Editing posts of the editorial calendar: checks, form fields, moves, status cycle.

Pure (stdlib only, never reads the clock: every function that needs "now" takes it).

Checks (``check_posts`` for a whole grid, ``check_post`` for one post in the form):

* ``too_long``: the text (plus the hashtags not already written in it, joined by spaces on a
  new line, as they would be published) is longer than the network's ``char_limit``;
* ``too_many_hashtags``: more distinct hashtags (``hashtags`` field and ``#words`` of the text,
  case-insensitive) than the network's ``max_hashtags``;
* ``too_close``: another post of the same network is less than ``min_gap`` away (cancelled
  posts do not count, on either side);
* ``past_unpublished``: scheduled before ``now`` and neither published nor cancelled.

Form fields (``post_fields`` / ``parse_post_fields``) are the strings a person types; the CSV
export and import use the same fields, so the rules (and error messages) are the same in both.
``at`` is local wall-clock time in the user's zone; a full ISO-8601 instant with an offset is
also accepted (that is what the CSV export writes, so that the repeated autumn hour survives).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core.form_errors import FieldError
from cm_tui.core.models import NetworkProfile, Post, PostStatus, to_utc
from cm_tui.core.textsafe import clean_line, clean_text
from cm_tui.core.timeutil import (
    FIRST_SUPPORTED,
    ONE_DAY,
    in_supported_range,
    local_to_utc,
    parse_hhmm,
    supported_days,
)
from cm_tui.core.value import Value, frozen

__all__ = [
    "DEFAULT_MIN_GAP_MINUTES",
    "FIELDS",
    "POST_SLOTS",
    "CheckKind",
    "PostCheck",
    "check_post",
    "check_posts",
    "duplicate_to",
    "hashtags_of",
    "move_days",
    "move_slot",
    "next_status",
    "normalise_hashtag",
    "parse_post_fields",
    "post_fields",
    "published_early",
    "published_text",
]

#: Minimum time between two posts of the same network when the settings do not say.
DEFAULT_MIN_GAP_MINUTES = 60

#: The local times ``shift+up`` / ``shift+down`` move a post between (common posting hours).
POST_SLOTS: tuple[time, ...] = tuple(time(h, 0) for h in (8, 10, 12, 14, 16, 18, 20))

#: ``p`` moves a post forward along these, and stops at the last one; going back, or to
#: cancelled, is a choice (the status chooser, or the form).
STATUS_STEPS: tuple[PostStatus, ...] = (
    PostStatus.IDEA,
    PostStatus.DRAFT,
    PostStatus.SCHEDULED,
    PostStatus.PUBLISHED,
)

#: The form's (and the CSV file's) fields, in order.
FIELDS: tuple[str, ...] = (
    "network",
    "date",
    "time",
    "title",
    "text",
    "status",
    "campaign",
    "tags",
    "hashtags",
    "link",
    "notes",
)

_HASHTAG_IN_TEXT = re.compile(r"(?<![\w#])#(\w+)")
_HASHTAG = re.compile(r"^#?(\w+)$")


class CheckKind(StrEnum):
    TOO_LONG = "too_long"
    TOO_MANY_HASHTAGS = "too_many_hashtags"
    TOO_CLOSE = "too_close"
    PAST_UNPUBLISHED = "past_unpublished"


@frozen
class PostCheck(Value):
    """One problem with a post: ``message_key`` and ``params`` give its translated line."""

    kind: CheckKind
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def message_key(self) -> str:
        return f"calendar.check.{self.kind.value}"


# --------------------------------------------------------------------------- checks


def hashtags_of(post: Post) -> list[str]:
    """Distinct hashtags of a post (field first, then ``#words`` of the text), lower-cased."""
    seen: dict[str, None] = {}
    for tag in post.hashtags:
        seen.setdefault(tag.lstrip("#").lower(), None)
    for match in _HASHTAG_IN_TEXT.finditer(post.text):
        seen.setdefault(match.group(1).lower(), None)
    return list(seen)


def published_text(post: Post) -> str:
    """The text as it would be published: the hashtags not already in it appended."""
    in_text = {m.group(1).lower() for m in _HASHTAG_IN_TEXT.finditer(post.text)}
    extra = [
        f"#{tag.lstrip('#')}" for tag in post.hashtags if tag.lstrip("#").lower() not in in_text
    ]
    if not extra:
        return post.text
    return f"{post.text}\n{' '.join(extra)}" if post.text else " ".join(extra)


def _own_checks(post: Post, network: NetworkProfile | None, now: datetime) -> list[PostCheck]:
    out: list[PostCheck] = []
    if network is not None:
        length = len(published_text(post))
        if length > network.char_limit:
            out.append(
                PostCheck(CheckKind.TOO_LONG, {"count": length, "limit": network.char_limit})
            )
        count = len(hashtags_of(post))
        if count > network.max_hashtags:
            out.append(
                PostCheck(
                    CheckKind.TOO_MANY_HASHTAGS, {"count": count, "limit": network.max_hashtags}
                )
            )
    if post.at < now and post.status not in (PostStatus.PUBLISHED, PostStatus.CANCELLED):
        out.append(PostCheck(CheckKind.PAST_UNPUBLISHED))
    return out


def _gap_check(gap: timedelta, min_gap: timedelta) -> PostCheck:
    return PostCheck(
        CheckKind.TOO_CLOSE,
        {"minutes": int(gap.total_seconds() // 60), "min": int(min_gap.total_seconds() // 60)},
    )


def check_posts(
    posts: Iterable[Post],
    networks: Mapping[str, NetworkProfile],
    now: datetime,
    min_gap: timedelta,
) -> dict[int, tuple[PostCheck, ...]]:
    """Checks of every post (by id; posts without problems are left out).

    To judge the gap at the edges of a range, pass the posts ``min_gap`` before and after too.
    One sort per network: 5,000 posts cost a few milliseconds.
    """
    found: dict[int, list[PostCheck]] = {}
    by_network: dict[str, list[Post]] = {}
    for post in posts:
        own = _own_checks(post, networks.get(post.network), now)
        if own:
            found[post.id] = own
        if post.status is not PostStatus.CANCELLED:
            by_network.setdefault(post.network, []).append(post)
    for items in by_network.values():
        items.sort(key=lambda p: (p.at, p.id))
        for before, after in itertools.pairwise(items):
            gap = after.at - before.at
            if gap < min_gap:
                check = _gap_check(gap, min_gap)
                for post in (before, after):
                    checks = found.setdefault(post.id, [])
                    if not any(c.kind is CheckKind.TOO_CLOSE for c in checks):
                        checks.append(check)
    return {post_id: tuple(checks) for post_id, checks in found.items()}


def check_post(
    post: Post,
    network: NetworkProfile | None,
    others: Iterable[Post],
    now: datetime,
    min_gap: timedelta,
) -> tuple[PostCheck, ...]:
    """Checks of one post (the form's): ``others`` are the stored posts around it (the post's own
    stored version, same id, is ignored)."""
    out = _own_checks(post, network, now)
    if post.status is not PostStatus.CANCELLED:
        closest: timedelta | None = None
        for other in others:
            if (
                other.network != post.network
                or other.status is PostStatus.CANCELLED
                or (post.id and other.id == post.id)
            ):
                continue
            gap = abs(other.at - post.at)
            if gap < min_gap and (closest is None or gap < closest):
                closest = gap
        if closest is not None:
            out.append(_gap_check(closest, min_gap))
    return tuple(out)


def normalise_hashtag(word: str) -> str | None:
    """``"campus"`` / ``"#campus"`` -> ``"#campus"``; ``None`` when it is not one word."""
    match = _HASHTAG.match(word.strip())
    return None if match is None else f"#{match.group(1)}"


# --------------------------------------------------------------------------- changes


def next_status(status: PostStatus) -> PostStatus | None:
    """One step forward: idea -> draft -> scheduled -> published; ``None`` at published (the
    end: it never wraps round to idea) and for cancelled (off the steps: chosen back)."""
    if status not in STATUS_STEPS or status is STATUS_STEPS[-1]:
        return None
    return STATUS_STEPS[STATUS_STEPS.index(status) + 1]


def published_early(post: Post, status: PostStatus, now: datetime) -> bool:
    """Whether giving ``post`` the status ``status`` marks it published before its time: a
    slip of the key the user is asked to confirm."""
    return (
        status is PostStatus.PUBLISHED and post.status is not PostStatus.PUBLISHED and post.at > now
    )


def move_days(post: Post, days: int, tz: ZoneInfo) -> Post:
    """The post ``days`` local days later (earlier if negative), at the same local hour."""
    local = post.at.astimezone(tz)
    day = local.date() + timedelta(days=days)
    return post.replace(at=local_to_utc(day, local.time().replace(tzinfo=None), tz))


def move_slot(
    post: Post, direction: int, tz: ZoneInfo, slots: tuple[time, ...] = POST_SLOTS
) -> Post:
    """The post at the next (``direction > 0``) or previous slot of ``slots``, strictly after /
    before its local time; past the day's last (first) slot it goes to the next (previous)
    day's first (last) slot."""
    local = post.at.astimezone(tz)
    now_t = local.time().replace(tzinfo=None)
    day = local.date()
    if direction > 0:
        later = [s for s in slots if s > now_t]
        target, day = (later[0], day) if later else (slots[0], day + timedelta(days=1))
    else:
        earlier = [s for s in slots if s < now_t]
        target, day = (earlier[-1], day) if earlier else (slots[-1], day - timedelta(days=1))
    return post.replace(at=local_to_utc(day, target, tz))


def duplicate_to(post: Post, networks: Iterable[str]) -> list[Post]:
    """Copies of ``post`` (not stored yet: id 0) for each of ``networks`` other than its own."""
    return [post.replace(id=0, network=key) for key in networks if key != post.network]


# --------------------------------------------------------------------------- form fields


def _local(at: datetime, tz: ZoneInfo) -> datetime:
    return at.astimezone(tz)


def post_fields(post: Post, tz: ZoneInfo, *, full_instant: bool = False) -> dict[str, str]:
    """The post as the form's strings. ``full_instant``: ``date`` holds the whole local instant
    with its offset (``2026-11-19T09:00+01:00``) and ``time`` is empty (the CSV export)."""
    local = _local(post.at, tz)
    if full_instant:
        spec = "minutes" if not (local.second or local.microsecond) else "auto"
        when = {"date": local.isoformat(timespec=spec), "time": ""}
    else:
        when = {"date": local.date().isoformat(), "time": f"{local:%H:%M}"}
    return {
        "network": post.network,
        **when,
        "title": post.title,
        "text": post.text,
        "status": post.status.value,
        "campaign": post.campaign,
        "tags": ", ".join(post.tags),
        "hashtags": " ".join(post.hashtags),
        "link": post.link,
        "notes": post.notes,
    }


def _parse_when(
    day_text: str, time_text: str, tz: ZoneInfo, errors: list[FieldError]
) -> datetime | None:
    """The instant of a date and time (or of one ISO-8601 instant) in the supported years
    (``timeutil.in_supported_range``); ``None`` with the problem added to ``errors``."""
    try:
        at = _read_when(day_text, time_text, tz, errors)
    except OverflowError:
        at = FIRST_SUPPORTED - ONE_DAY
    if at is not None and not in_supported_range(at):
        bounds = supported_days()
        errors.append(
            FieldError("date", "calendar.field.date_range", {"value": day_text.strip(), **bounds})
        )
        return None
    return at


def _read_when(
    day_text: str, time_text: str, tz: ZoneInfo, errors: list[FieldError]
) -> datetime | None:
    day_text, time_text = day_text.strip(), time_text.strip()
    if not day_text:
        errors.append(FieldError("date", "calendar.field.required"))
        return None
    if "T" in day_text or (" " in day_text and not time_text):
        try:
            instant = datetime.fromisoformat(day_text)
        except ValueError:
            errors.append(FieldError("date", "calendar.field.bad_date", {"value": day_text}))
            return None
        if instant.tzinfo is None:
            return local_to_utc(instant.date(), instant.time(), tz)
        return to_utc(instant)
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        errors.append(FieldError("date", "calendar.field.bad_date", {"value": day_text}))
        return None
    if not time_text:
        errors.append(FieldError("time", "calendar.field.required"))
        return None
    try:
        at = parse_hhmm(time_text)
    except ValueError:
        errors.append(FieldError("time", "calendar.field.bad_time", {"value": time_text}))
        return None
    return local_to_utc(day, at, tz)


def _split(text: str, sep: str | None) -> tuple[str, ...]:
    parts = text.split(sep) if sep else text.split()
    return tuple(p for p in (clean_line(part) for part in parts) if p)


def parse_post_fields(
    fields: Mapping[str, str],
    tz: ZoneInfo,
    networks: Iterable[str],
    *,
    post_id: int = 0,
) -> tuple[Post | None, list[FieldError]]:
    """Validate the form's strings; ``(post, [])`` or ``(None, errors)`` (one per bad field).

    Text is cleaned (``textsafe``): titles, campaign, tags and link are one line; text and
    notes keep their newlines. Hashtags are written ``#word`` (the ``#`` is added if missing).
    """
    errors: list[FieldError] = []
    known = list(networks)
    network = fields.get("network", "").strip()
    if network not in known:
        errors.append(
            FieldError(
                "network",
                "calendar.field.bad_network",
                {"value": network, "known": ", ".join(known)},
            )
        )
    at = _parse_when(fields.get("date", ""), fields.get("time", ""), tz, errors)
    title = clean_line(fields.get("title", ""))
    if not title:
        errors.append(FieldError("title", "calendar.field.required"))
    status_text = fields.get("status", "").strip() or PostStatus.IDEA.value
    try:
        status = PostStatus(status_text)
    except ValueError:
        status = PostStatus.IDEA
        errors.append(
            FieldError(
                "status",
                "calendar.field.bad_status",
                {"value": status_text, "known": ", ".join(s.value for s in PostStatus)},
            )
        )
    hashtags: list[str] = []
    for word in _split(fields.get("hashtags", "").replace(",", " "), None):
        match = _HASHTAG.match(word)
        if match is None:
            errors.append(FieldError("hashtags", "calendar.field.bad_hashtag", {"value": word}))
            break
        tag = f"#{match.group(1)}"
        if tag not in hashtags:
            hashtags.append(tag)
    link = clean_line(fields.get("link", ""))
    if link and not (link.startswith("https://") or link.startswith("http://")):
        errors.append(FieldError("link", "calendar.field.bad_link", {"value": link}))
    if errors or at is None:
        return None, errors
    return (
        Post(
            network=network,
            at=at,
            title=title,
            text=clean_text(fields.get("text", "")),
            status=status,
            campaign=clean_line(fields.get("campaign", "")),
            tags=_split(fields.get("tags", ""), ","),
            hashtags=tuple(hashtags),
            link=link,
            notes=clean_text(fields.get("notes", "")),
            id=post_id,
        ),
        [],
    )
