"""iCalendar export of the editorial calendar (``cm-tui export ics``), with ``icalendar``.

One ``VEVENT`` per post and one per Today time block (``core.calendar.time_blocks``). UIDs are
stable, so a calendar program that imports the file again updates the events instead of adding
copies:

* a post: ``post-<id>@cm-tui`` (its store id never changes, even when the post moves);
* a time block: ``block-<YYYY-MM-DD>-<block>@cm-tui``.

Posts last ``POST_MINUTES``; their status maps to ``STATUS`` (ideas and drafts are tentative,
cancelled posts are cancelled events). Instants are written in UTC (``...Z``), which every
calendar program reads. Text goes in as data: ``icalendar`` escapes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from icalendar import Calendar, Event

from cm_tui.core.calendar import TimeBlock
from cm_tui.core.i18n import t
from cm_tui.core.models import Post, PostStatus

PRODID = "-//cm-tui//editorial calendar//EN"
POST_MINUTES = 15
STATUS: dict[PostStatus, str] = {
    PostStatus.IDEA: "TENTATIVE",
    PostStatus.DRAFT: "TENTATIVE",
    PostStatus.SCHEDULED: "CONFIRMED",
    PostStatus.PUBLISHED: "CONFIRMED",
    PostStatus.CANCELLED: "CANCELLED",
    PostStatus.FAILED: "TENTATIVE",
}


def post_uid(post: Post) -> str:
    return f"post-{post.id}@cm-tui"


def block_uid(block: TimeBlock) -> str:
    return f"block-{block.day.isoformat()}-{block.block}@cm-tui"


def _post_event(post: Post, network_name: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", post_uid(post))
    event.add("dtstamp", stamp)
    event.add("dtstart", post.at)
    event.add("dtend", post.at + timedelta(minutes=POST_MINUTES))
    event.add("summary", f"[{network_name}] {post.title}")
    lines = [t(f"core.post.{post.status.value}")]
    if post.text:
        lines.append(post.text)
    if post.hashtags:
        lines.append(" ".join(post.hashtags))
    if post.link:
        lines.append(post.link)
    if post.notes:
        lines.append(post.notes)
    event.add("description", "\n\n".join(lines))
    event.add("status", STATUS[post.status])
    event.add("categories", [network_name, post.status.value])
    return event


def _block_event(block: TimeBlock, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", block_uid(block))
    event.add("dtstamp", stamp)
    event.add("dtstart", block.start)
    event.add("dtend", block.end)
    name = t(f"calendar.ics.block.{block.block}")
    event.add("summary", t("calendar.ics.block", block=name, count=len(block.tasks)))
    event.add("description", "\n".join(f"{hhmm} {label}" for hhmm, label in block.tasks))
    event.add("transp", "TRANSPARENT")
    return event


def build_ics(
    posts: Iterable[Post],
    blocks: Iterable[TimeBlock],
    network_names: Mapping[str, str],
    stamp: datetime,
) -> bytes:
    """The calendar file: ``stamp`` (aware UTC, normally now) is every event's ``DTSTAMP``."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "cm-tui")
    for post in posts:
        cal.add_component(_post_event(post, network_names.get(post.network, post.network), stamp))
    for block in blocks:
        cal.add_component(_block_event(block, stamp))
    return cal.to_ical()
