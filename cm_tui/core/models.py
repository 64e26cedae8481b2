"""Domain records of cm-tui.

Dataclasses (``@mutable`` values, see ``core.value``), shared by every layer. Contract:

* every instant is a timezone-aware ``datetime`` in UTC (``assert_utc`` guards it); local time only
  exists at the edges (display, "which day is today");
* calendar days are ``datetime.date``; months are ``"YYYY-MM"`` strings;
* ``to_dict()`` gives JSON-ready primitives (instants as ISO-8601 with ``+00:00``, dates as
  ``YYYY-MM-DD``) and ``from_dict()`` reads them back, ignoring keys it does not know so that a
  newer file read by an older build fails the schema check, not here;
* ``to_dict()`` leaves out a field whose default is empty (``None``, ``""``, ``()``, ``False``)
  while it holds that default (``from_dict()`` gives it back): a queue item is a fifth smaller
  on disk, the store parses that much faster at every start, and a typical comment's document
  has at most ten keys, the most a small dict holds (272 bytes in memory, not 464). Code
  reading stored documents directly uses ``.get()`` for such fields;
* ``id`` is the store's document id: ``0`` means "not stored yet".

Parsing uses ``datetime.fromisoformat`` (about 0.1 µs), never arrow (about 35 µs), because the
store loads thousands of records at start-up.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable
from dataclasses import field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, ClassVar, Self

from cm_tui.core.value import Value, mutable


def assert_utc(value: datetime) -> datetime:
    """Return ``value`` if it is an aware UTC instant; raise ``ValueError`` otherwise."""
    if value.tzinfo is None or value.utcoffset() != UTC.utcoffset(None):
        raise ValueError(f"instant must be timezone-aware UTC, got {value!r}")
    return value


def to_utc(value: datetime) -> datetime:
    """Convert an aware instant to UTC; a naive one is refused (its zone is unknown)."""
    if value.tzinfo is None:
        raise ValueError(f"naive datetime has no time zone: {value!r}")
    return value.astimezone(UTC)


def parse_instant(text: str) -> datetime:
    """Parse a stored ISO-8601 instant into an aware UTC datetime."""
    return to_utc(datetime.fromisoformat(text))


def format_instant(value: datetime) -> str:
    return assert_utc(value).isoformat()


def _is_empty(value: object) -> bool:
    return value is None or value is False or (type(value) in (str, tuple, list) and not value)


#: the kinds of fields of ``Record._dict_plan``
_PLAIN, _INSTANT, _DATE = 0, 1, 2
#: values ``to_dict`` stores as they are, and those it leaves out when empty (``_is_empty``)
_SCALARS = frozenset({str, int, float, bool})
_EMPTIABLE: frozenset[type] = frozenset({str, tuple, list, bool})


class Record(Value):
    """Mixin giving dataclasses the to/from dict contract described in the module docstring.

    Subclasses list their instant fields in ``INSTANTS`` and date fields in ``DATES``. Tuples are
    written as JSON lists and turned back into tuples by each class's ``__post_init__``.
    """

    __slots__ = ()
    INSTANTS: ClassVar[tuple[str, ...]] = ()
    DATES: ClassVar[tuple[str, ...]] = ()
    _EMPTY_BY_DEFAULT: ClassVar[dict[str, Any]]
    _DICT_PLAN: ClassVar[tuple[tuple[str, int, bool], ...]]

    @classmethod
    def empty_by_default(cls) -> dict[str, Any]:
        """The fields whose default is empty, each with its stored form (``None``, ``""`` or
        ``[]``): ``to_dict`` leaves them out while they hold it."""
        empties = cls.__dict__.get("_EMPTY_BY_DEFAULT")
        if empties is None:
            empties = {}
            for f in dataclasses.fields(cls):  # type: ignore[arg-type]
                default = f.default
                if f.default_factory is not dataclasses.MISSING:
                    default = f.default_factory()
                if _is_empty(default):
                    empties[f.name] = [] if isinstance(default, tuple | list) else default
            cls._EMPTY_BY_DEFAULT = empties
        return empties

    @classmethod
    def complete_document(cls, doc: dict[str, Any]) -> dict[str, Any]:
        """A stored document with the empty fields ``to_dict`` left out put back: an export
        lists every field, whichever build wrote the document."""
        missing = {name: value for name, value in cls.empty_by_default().items() if name not in doc}
        return doc | missing if missing else doc

    @classmethod
    def _dict_plan(cls) -> tuple[tuple[str, int, bool], ...]:
        """Per field, worked out once per class for ``to_dict`` (called for every record a
        write stores: 100,000 for a large import): its name, its kind (``_PLAIN``,
        ``_INSTANT``, ``_DATE``) and whether it is left out while empty."""
        plan = cls.__dict__.get("_DICT_PLAN")
        if plan is None:
            empties = cls.empty_by_default()
            plan = tuple(
                (
                    name,
                    _INSTANT if name in cls.INSTANTS else _DATE if name in cls.DATES else _PLAIN,
                    name in empties,
                )
                for name in cls.field_names()
            )
            cls._DICT_PLAN = plan
        return plan

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, kind, left_out_empty in self._dict_plan():
            value = getattr(self, name)
            if value is None:
                if not left_out_empty:
                    out[name] = None
                continue
            if kind == _PLAIN:
                kind_of = type(value)
                if left_out_empty and not value and kind_of in _EMPTIABLE:
                    continue
                if kind_of in _SCALARS:
                    pass
                elif isinstance(value, tuple):
                    value = [list(v) if isinstance(v, tuple) else v for v in value]
                elif isinstance(value, StrEnum):
                    value = value.value
            elif kind == _INSTANT:
                value = format_instant(value)
            else:
                value = value.isoformat()
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        kwargs: dict[str, Any] = {}
        for name in cls.field_names():
            if name not in data:
                continue
            value = data[name]
            if value is not None:
                if name in cls.INSTANTS:
                    value = parse_instant(value)
                elif name in cls.DATES:
                    value = date.fromisoformat(value)
            kwargs[name] = value
        return cls(**kwargs)

    def replace(self, **changes: Any) -> Self:
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


# --------------------------------------------------------------------------- networks


class PostingPeriod(StrEnum):
    DAY = "day"
    WEEK = "week"


@mutable
class NetworkProfile(Record):
    """A social network as the organisation uses it.

    ``target_min``/``target_max`` are posts per ``period``; they are per-organisation settings
    (the two seed articles disagree on Facebook: 1-2 a day versus 2-3 a week).
    """

    key: str
    name: str
    char_limit: int
    target_min: int
    target_max: int
    period: PostingPeriod = PostingPeriod.DAY
    max_hashtags: int = 30
    colour: str = "#888888"
    id: int = 0

    def __post_init__(self) -> None:
        self.period = PostingPeriod(self.period)


# --------------------------------------------------------------------------- tasks


def network_names(networks: Iterable[NetworkProfile]) -> dict[str, str]:
    """Network key -> name, to show a stored key the way the user named the network."""
    return {network.key: network.name for network in networks}


class TaskGroup(StrEnum):
    """Where a task sits in the seed articles' checklist."""

    ONBOARDING = "onboarding"
    FIRST_MONTHS = "first_months"
    SEVERAL_DAILY = "several_daily"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    OCCASIONAL = "occasional"


class CadenceKind(StrEnum):
    ONCE = "once"  # checklist item (onboarding, first months, one-off)
    TIMES_PER_DAY = "times_per_day"  # N occurrences spread over working hours
    DAILY = "daily"
    WORKDAYS = "workdays"
    WEEKLY = "weekly"  # on ``weekdays`` every ``every`` weeks
    MONTHLY = "monthly"  # on ``day_of_month`` (-1 = last day) or ``nth_weekday``
    QUARTERLY = "quarterly"
    OCCASIONAL = "occasional"  # every ``every`` months since last done


class MissedPolicy(StrEnum):
    PILE_UP = "pile_up"
    LATEST_ONLY = "latest_only"


@mutable
class Cadence(Record):
    """When a task recurs. Interpreted by ``core.recurrence`` in the user's time zone.

    * ``times``: occurrences per day for ``TIMES_PER_DAY``;
    * ``weekdays``: ISO weekdays 1 (Monday) .. 7 (Sunday) for ``WEEKLY``;
    * ``every``: interval in weeks (``WEEKLY``) or months (``MONTHLY``, ``OCCASIONAL``);
    * ``day_of_month``: 1..31, or -1 for the last day; clamped to the month's length;
    * ``nth_weekday``: ``(iso_weekday, n)`` with n = 1..4 or -1 for the last one;
    * ``at``: ``"HH:MM"`` local time, or ``None`` to use ``block``'s start;
    * ``block``: a named time block (``morning``, ``midday``, ``afternoon``, ``evening``);
    * ``after_completion``: next occurrence counts from the last completion, not the calendar;
    * ``anchor``: first day the schedule applies (interval phase for ``every`` > 1).
    """

    kind: CadenceKind = CadenceKind.DAILY
    times: int = 1
    weekdays: tuple[int, ...] = ()
    every: int = 1
    day_of_month: int | None = None
    nth_weekday: tuple[int, int] | None = None
    at: str | None = None
    block: str | None = None
    after_completion: bool = False
    missed: MissedPolicy = MissedPolicy.LATEST_ONLY
    anchor: date | None = None

    DATES: ClassVar[tuple[str, ...]] = ("anchor",)

    def __post_init__(self) -> None:
        self.kind = CadenceKind(self.kind)
        self.missed = MissedPolicy(self.missed)
        self.weekdays = tuple(self.weekdays)
        if self.nth_weekday is not None:
            self.nth_weekday = (int(self.nth_weekday[0]), int(self.nth_weekday[1]))


@mutable
class TaskTemplate(Record):
    """A recurring chore or checklist item. ``key`` is stable across catalog updates."""

    key: str
    label_en: str
    label_fr: str
    group: TaskGroup
    cadence: Cadence = field(default_factory=Cadence)
    network: str | None = None
    minutes: int = 15
    source: str = "catalog"  # "catalog" or "user"
    active: bool = True
    id: int = 0

    def __post_init__(self) -> None:
        self.group = TaskGroup(self.group)
        if isinstance(self.cadence, dict):
            self.cadence = Cadence.from_dict(self.cadence)

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en

    def to_dict(self) -> dict[str, Any]:
        out = Record.to_dict(self)
        out["cadence"] = self.cadence.to_dict()
        return out


class OccurrenceStatus(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    SNOOZED = "snoozed"


@mutable
class TaskOccurrence(Record):
    """What happened to one occurrence of a task. Occurrences without a record are pending.

    ``key`` is ``"{template_key}@{YYYY-MM-DD}#{slot}"`` (``occurrence_key``), the local day the
    occurrence belongs to and its slot within the day.
    """

    key: str
    template_key: str
    day: date
    slot: int
    status: OccurrenceStatus
    at: datetime
    snoozed_until: datetime | None = None
    reason: str = ""
    id: int = 0

    INSTANTS: ClassVar[tuple[str, ...]] = ("at", "snoozed_until")
    DATES: ClassVar[tuple[str, ...]] = ("day",)

    def __post_init__(self) -> None:
        self.status = OccurrenceStatus(self.status)


def occurrence_key(template_key: str, day: date, slot: int = 0) -> str:
    return f"{template_key}@{day.isoformat()}#{slot}"


# --------------------------------------------------------------------------- posts


class PostStatus(StrEnum):
    IDEA = "idea"
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    CANCELLED = "cancelled"
    #: a live account could not publish it (``Publication.reason`` says why): set by the sync
    #: engine, put back to scheduled by the user to try again (docs/architecture.md, "Connectors")
    FAILED = "failed"


@mutable
class Post(Record):
    network: str
    at: datetime
    title: str
    text: str = ""
    status: PostStatus = PostStatus.IDEA
    campaign: str = ""
    tags: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()
    link: str = ""
    notes: str = ""
    id: int = 0

    INSTANTS: ClassVar[tuple[str, ...]] = ("at",)

    def __post_init__(self) -> None:
        self.status = PostStatus(self.status)
        self.tags = tuple(self.tags)
        self.hashtags = tuple(self.hashtags)


# --------------------------------------------------------------------------- queue


class QueueKind(StrEnum):
    COMMENT = "comment"
    MESSAGE = "message"
    MENTION = "mention"
    REVIEW = "review"


class QueueStatus(StrEnum):
    NEW = "new"
    REPLIED = "replied"
    IGNORED = "ignored"
    ESCALATED = "escalated"
    SNOOZED = "snoozed"

    @property
    def is_open(self) -> bool:
        return self in (QueueStatus.NEW, QueueStatus.SNOOZED, QueueStatus.ESCALATED)


@mutable
class QueueItem(Record):
    """A comment, message, mention or review waiting for (or having had) an answer.

    ``deadline`` is fixed when the item arrives (received + policy, computed in UTC) and never
    moves, not even when snoozed. ``closed_at`` is set when it leaves the open states; the store
    archives items closed for longer than the archive age.
    """

    kind: QueueKind
    network: str
    author_handle: str
    text: str
    received_at: datetime
    deadline: datetime
    author_name: str = ""
    ambassador: bool = False
    influencer: bool = False
    follower: bool = True
    link: str = ""
    external_id: str = ""
    status: QueueStatus = QueueStatus.NEW
    snoozed_until: datetime | None = None
    reply_text: str = ""
    replied_at: datetime | None = None
    closed_at: datetime | None = None
    notes: str = ""
    keywords: tuple[str, ...] = ()
    reply_url: str = ""  # the reply's address when it was sent from cm-tui (net/outbox.py)
    #: the connector account it came from (``Account.key``): a reply posts as that account
    account: str = ""
    #: the network's visibility of the status (``public``, ``unlisted``, ``private``,
    #: ``direct``; empty for typed or imported items): a reply keeps it
    visibility: str = ""
    id: int = 0

    INSTANTS: ClassVar[tuple[str, ...]] = (
        "received_at",
        "deadline",
        "snoozed_until",
        "replied_at",
        "closed_at",
    )

    def __post_init__(self) -> None:
        self.kind = QueueKind(self.kind)
        self.status = QueueStatus(self.status)
        self.keywords = tuple(self.keywords)
        # a few names repeated by thousands of items kept all day: one copy each
        self.network = sys.intern(str(self.network))
        self.account = sys.intern(str(self.account))


# --------------------------------------------------------------------------- stats


@mutable
class MonthlyFigures(Record):
    """Figures typed in (or imported) for one network and one month (``YYYY-MM``).
    ``followers`` is ``None`` when unknown (shown "–"): a month made from exports that give no
    follower count (docs/architecture.md, "Platform exports")."""

    network: str
    month: str
    followers: int | None = 0
    posts: int = 0
    reach: int = 0
    impressions: int = 0
    reactions: int = 0
    comments: int = 0
    shares: int = 0
    clicks: int = 0
    profile_visits: int = 0
    id: int = 0

    #: the figure fields, in order (every field but ``network``, ``month`` and ``id``)
    FIGURES: ClassVar[tuple[str, ...]] = (
        "followers",
        "posts",
        "reach",
        "impressions",
        "reactions",
        "comments",
        "shares",
        "clicks",
        "profile_visits",
    )

    @property
    def engagements(self) -> int:
        return self.reactions + self.comments + self.shares


@mutable
class CampaignCheck(Record):
    day: date
    spend: float
    results: int
    note: str = ""

    DATES: ClassVar[tuple[str, ...]] = ("day",)


@mutable
class AdCampaign(Record):
    name: str
    network: str
    start: date
    end: date
    budget: float
    spend: float = 0.0
    clicks: int = 0
    conversions: int = 0
    checks: tuple[CampaignCheck, ...] = ()
    id: int = 0

    DATES: ClassVar[tuple[str, ...]] = ("start", "end")

    def __post_init__(self) -> None:
        self.checks = tuple(
            CampaignCheck.from_dict(c) if isinstance(c, dict) else c for c in self.checks
        )

    def to_dict(self) -> dict[str, Any]:
        out = Record.to_dict(self)
        out["checks"] = [c.to_dict() for c in self.checks]
        return out


@mutable
class CompetitorMonth(Record):
    month: str
    followers: int = 0
    posts: int = 0
    engagements: int = 0


@mutable
class Competitor(Record):
    name: str
    network: str
    handle: str = ""
    months: tuple[CompetitorMonth, ...] = ()
    notes: str = ""
    id: int = 0

    def __post_init__(self) -> None:
        self.months = tuple(
            CompetitorMonth.from_dict(m) if isinstance(m, dict) else m for m in self.months
        )

    def to_dict(self) -> dict[str, Any]:
        out = Record.to_dict(self)
        out["months"] = [m.to_dict() for m in self.months]
        return out


# --------------------------------------------------------------------------- reference lists


@mutable
class Influencer(Record):
    name: str
    network: str
    handle: str = ""
    last_contacted: date | None = None
    notes: str = ""
    id: int = 0

    DATES: ClassVar[tuple[str, ...]] = ("last_contacted",)


class HashtagKind(StrEnum):
    GENERAL = "general"
    SPECIFIC = "specific"


@mutable
class Hashtag(Record):
    tag: str
    kind: HashtagKind = HashtagKind.GENERAL
    note: str = ""
    id: int = 0

    def __post_init__(self) -> None:
        self.kind = HashtagKind(self.kind)


class KeywordKind(StrEnum):
    BRAND = "brand"
    PRODUCT = "product"
    COMPETITOR = "competitor"
    TOPIC = "topic"


@mutable
class WatchKeyword(Record):
    term: str
    kind: KeywordKind = KeywordKind.BRAND
    id: int = 0

    def __post_init__(self) -> None:
        self.kind = KeywordKind(self.kind)


class DocumentKind(StrEnum):
    GRAPHIC_CHARTER = "graphic_charter"
    EDITORIAL_LINE = "editorial_line"
    NETIQUETTE = "netiquette"
    ABOUT = "about"
    HEADER_IMAGES = "header_images"
    HASHTAG_LIST = "hashtag_list"
    WATCH_PLAN = "watch_plan"


@mutable
class ReferenceDocument(Record):
    """A document the community manager keeps and reviews on a schedule."""

    kind: DocumentKind
    title: str
    network: str | None = None
    location: str = ""
    last_reviewed: date | None = None
    review_every_days: int = 180
    id: int = 0

    DATES: ClassVar[tuple[str, ...]] = ("last_reviewed",)

    def __post_init__(self) -> None:
        self.kind = DocumentKind(self.kind)
