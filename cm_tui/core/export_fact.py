"""One stored figure fact of a platform's export (``ExportFact``), alone in its module: the
store's schema names its class at open, and start-up need not load ``core.export_facts`` (the
matching and month arithmetic) for that (docs/architecture.md, "Performance facts")."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar
from zoneinfo import ZoneInfo

from cm_tui.core.models import Record
from cm_tui.core.timeutil import local_date, month_key
from cm_tui.core.value import mutable

POST = "post"
DAY = "day"


@mutable
class ExportFact(Record):
    """One post's or one day's figures from an export. ``key`` is a post's id (else its
    permalink: a spreadsheet's rounded ``1.22158E+17`` names no post; a fact stored before
    ids came first may hold its permalink while it has an id) or a day's ``YYYY-MM-DD``;
    ``figures`` names the figures the exports gave (a figure not named is unknown, not zero);
    ``file`` the last file that gave it; ``post`` the Calendar post it was matched to (0:
    none)."""

    network: str
    key: str
    kind: str
    file: str
    at: datetime | None = None
    day: date | None = None
    permalink: str = ""
    title: str = ""
    figures: tuple[str, ...] = ()
    followers: int = 0
    reach: int = 0
    impressions: int = 0
    reactions: int = 0
    comments: int = 0
    shares: int = 0
    clicks: int = 0
    profile_visits: int = 0
    post: int = 0
    id: int = 0

    INSTANTS: ClassVar[tuple[str, ...]] = ("at",)
    DATES: ClassVar[tuple[str, ...]] = ("day",)

    def __post_init__(self) -> None:
        self.figures = tuple(self.figures)

    @property
    def engagements(self) -> int:
        return self.reactions + self.comments + self.shares

    def month(self, zone: ZoneInfo) -> str:
        """The month this fact counts in (module doc)."""
        if self.day is not None:
            return month_key(self.day)
        assert self.at is not None
        return month_key(local_date(self.at, zone))
