"""Content series: recurring slots that create idea posts ahead of time (Calendar ``S``).

A series is a list of slots (network, ISO weekday, local time, title). ``series_ideas`` gives,
for the local days ``first..last``, one idea post per slot and matching day, except where that
idea already exists (same network, same instant, same campaign = the series' name), so running
it again adds nothing. The user then fills the ideas in.

``DEFAULT_SERIES`` is the seed articles' rhythm: the weekly blog post on Friday at 9:00, then
its link on X and on Facebook the same day. Series are stored as JSON (``to_json`` /
``from_json``); a bad stored value raises ``ValueError``. Pure: never reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core.models import Post, PostStatus
from cm_tui.core.timeutil import local_to_utc, parse_hhmm
from cm_tui.core.value import Value, frozen


@frozen
class SeriesSlot(Value):
    network: str
    weekday: int  # ISO: 1 = Monday ... 7 = Sunday
    at: str  # "HH:MM" local
    title: str


@frozen
class ContentSeries(Value):
    name: str
    slots: tuple[SeriesSlot, ...]


#: title keys are translated by the caller (``t``) before use; see ``default_series``
DEFAULT_SLOTS: tuple[tuple[str, int, str, str], ...] = (
    ("blog", 5, "09:00", "calendar.series.blog_post"),
    ("x", 5, "11:00", "calendar.series.blog_link"),
    ("facebook", 5, "12:00", "calendar.series.blog_link"),
)


def default_series(name: str, titles: dict[str, str]) -> ContentSeries:
    """The weekly blog series, with ``titles`` mapping the title keys to the user's language."""
    return ContentSeries(
        name, tuple(SeriesSlot(n, d, at, titles[key]) for n, d, at, key in DEFAULT_SLOTS)
    )


def series_ideas(
    series: Iterable[ContentSeries],
    first: date,
    last: date,
    tz: ZoneInfo,
    existing: Iterable[Post],
    networks: Iterable[str],
) -> list[Post]:
    """The idea posts still missing for ``first..last`` (slots of inactive networks skipped)."""
    active = set(networks)
    taken = {(p.network, p.at, p.campaign) for p in existing}
    out: list[Post] = []
    for one in series:
        for slot in one.slots:
            if slot.network not in active:
                continue
            offset = (slot.weekday - first.isoweekday()) % 7
            day = first + timedelta(days=offset)
            at = parse_hhmm(slot.at)
            while day <= last:
                instant = local_to_utc(day, at, tz)
                if (slot.network, instant, one.name) not in taken:
                    taken.add((slot.network, instant, one.name))
                    out.append(
                        Post(
                            slot.network,
                            instant,
                            slot.title,
                            status=PostStatus.IDEA,
                            campaign=one.name,
                        )
                    )
                day += timedelta(days=7)
    out.sort(key=lambda p: (p.at, p.network))
    return out


def to_json(series: Iterable[ContentSeries]) -> list[dict[str, Any]]:
    return [
        {
            "name": s.name,
            "slots": [
                {"network": x.network, "weekday": x.weekday, "at": x.at, "title": x.title}
                for x in s.slots
            ],
        }
        for s in series
    ]


def from_json(data: Any) -> list[ContentSeries]:
    """Series from their stored JSON; ``ValueError`` naming the problem otherwise."""
    if not isinstance(data, list):
        raise ValueError("content series must be a list")
    out = []
    for item in data:
        try:
            slots = tuple(
                SeriesSlot(str(x["network"]), int(x["weekday"]), str(x["at"]), str(x["title"]))
                for x in item["slots"]
            )
            name = str(item["name"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"bad content series {item!r}: {exc}") from None
        for slot in slots:
            if not 1 <= slot.weekday <= 7:
                raise ValueError(f"bad weekday {slot.weekday} in series {name!r}")
            parse_hhmm(slot.at)
        out.append(ContentSeries(name, slots))
    return out
