"""Figures read from the platforms' own exports, and the month figures they make (pure).

An export is a list of *facts*: one per post (lifetime totals: Meta posts, X analytics, YouTube
table data) or one per day (Meta's daily series, LinkedIn's workbooks). Facts are stored, keyed
by network and post (its id, else its permalink) or day (``ExportFact.key``), and the month
figures are derived from every stored fact. So an export that overlaps an earlier one (the last
28 days, then the last 90) replaces the facts it repeats and never counts them twice
(docs/architecture.md, "Platform exports").

* ``identities``: what makes two facts one: a day's key; a post's link (``link_identity``)
  and its id, one shared being enough (a post named by its link in one file and by its id in
  another is one post);
* ``merge_facts``: the stored facts updated with a file's (a fact's figures the file gives
  replace the stored ones; the others are kept, so two daily series of one page add up);
* ``derive_months`` (``MonthSums`` as facts arrive): (network, month) -> figures and the
  files they came from. A post's month
  is its publish instant's, in the user's zone (23:30 UTC on 31 March is April in Paris); a
  day's is its date's. A figure given by daily facts comes from them only (page totals: adding
  the posts' would count them twice); ``posts`` counts the post facts; ``followers`` is a
  level, the month's last day that gives it, summed over that day's facts (one per live
  account: several accounts on one network add up; an export gives one per day);
* ``plan_months``: the ``MonthlyFigures`` to add or update. A stored figure that differs from
  what the facts gave before this import was typed by hand, and is kept unless ``replace``; a
  follower count no fact gives is unknown (``None``, shown "–"), never 0;
* ``partial_months``: the months a daily file covers only part of (said in the summary: its
  days replace the same days, the other days already imported are kept);
* ``months_changed``: the months an import changes, the ones its re-dated posts left included
  (a post is one post, in one month, however often its date changes);
* ``PostIndex``: Calendar posts matched by permalink, else network and publish time within
  ``MATCH_WINDOW``; ``top_posts``: a month's best posts by engagements.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from cm_tui.core.export_fact import DAY, POST, ExportFact
from cm_tui.core.models import MonthlyFigures, Post
from cm_tui.core.timeutil import month_key
from cm_tui.core.value import Value, frozen

#: the figures a fact may give, as ``MonthlyFigures`` names them (``posts`` is counted)
FACT_FIGURES: tuple[str, ...] = (
    "followers",
    "reach",
    "impressions",
    "reactions",
    "comments",
    "shares",
    "clicks",
    "profile_visits",
)
#: a post and a Calendar post published this close are the same post
MATCH_WINDOW = timedelta(minutes=5)


def fact_identity(fact: ExportFact) -> tuple[str, str]:
    """A fact's key within one file (and one write): its network and key as written."""
    return (fact.network, fact.key)


def identities(fact: ExportFact) -> tuple[tuple[str, str], ...]:
    """What makes two facts one, in a file or across files: (network, name) pairs, one shared
    is enough. A day: its key. A post: its permalink as ``link_identity`` compares it, and its
    id (``#`` and the id as written: an id is no link), so a post that one row names by its link
    and another by its id, or by a link written otherwise (``http``, ``www.``, a trailing slash,
    twitter.com for x.com), is one post."""
    network, key, permalink = fact.network, fact.key, fact.permalink
    if fact.kind != POST:
        return ((network, key),)
    if not permalink:
        return ((network, "#" + key),)
    if key == permalink:  # no id known
        return ((network, link_identity(permalink)),)
    return ((network, link_identity(permalink)), (network, "#" + key))


def link_identity(link: str) -> str:
    """A permalink (or a post id) as posts are told apart: no scheme, ``www.`` or ``m.``, the
    host in lower case (X's old host is X's), no trailing slash; the path keeps its case (a
    YouTube id is case-sensitive)."""
    text = link.strip()
    scheme = text.find("://")
    if 0 < scheme < 8:
        text = text[scheme + 3 :]
    slash = text.find("/")
    host, path = (text, "") if slash == -1 else (text[:slash], text[slash:].rstrip("/"))
    host = host.lower()
    if host.startswith(("www.", "m.")):
        host = host[host.find(".") + 1 :]
    if host in _OLD_HOSTS:
        host = _OLD_HOSTS[host]
    return host + path


_OLD_HOSTS = {"twitter.com": "x.com", "mobile.twitter.com": "x.com"}


def merge_facts(stored: ExportFact | None, new: ExportFact) -> ExportFact:
    """``new`` over ``stored`` (same identity): the figures ``new`` gives replace, the others
    stay; the stored id and Calendar match are kept unless ``new`` has a match."""
    if stored is None:
        return new
    values = {name: getattr(new, name) for name in new.figures}
    figures = tuple(f for f in FACT_FIGURES if f in stored.figures or f in new.figures)
    return stored.replace(
        key=new.key if new.key != new.permalink else stored.key,
        file=new.file,
        at=new.at or stored.at,
        permalink=new.permalink or stored.permalink,
        title=new.title or stored.title,
        figures=figures,
        post=new.post or stored.post,
        **values,
    )


@frozen(slots=False)
class MonthFromExports(Value):
    """One network's month as its facts make it: ``values`` (figure -> number, only the
    figures some fact gave) and ``files`` (the files those facts came from, sorted)."""

    values: Mapping[str, int]
    files: tuple[str, ...]


def _days_in_month(month: str) -> int:
    """Days of ``YYYY-MM`` (``calendar`` imported here: this module is on the start-up path)."""
    import calendar

    year, number = map(int, month.split("-"))
    return calendar.monthrange(year, number)[1]


class _Level(NamedTuple):
    """The followers of a network's latest day: ``whole`` when an export gave the network's
    count (then a live account's sample of that day is part of it, not more)."""

    day: date
    followers: int
    whole: bool


def _followers_level(last: _Level | None, fact: ExportFact) -> _Level:
    """``last`` with ``fact``'s followers: a later day replaces it; on the same day live
    accounts' samples add up, and an export's count of the whole network wins over them."""
    assert fact.day is not None
    whole = fact.key == fact.day.isoformat()
    if last is None or last.day < fact.day:
        return _Level(fact.day, fact.followers, whole)
    if last.day > fact.day or last.whole:
        return last
    if whole:
        return _Level(fact.day, fact.followers, True)
    return _Level(fact.day, last.followers + fact.followers, False)


def _join_levels(first: _Level | None, then: _Level | None) -> _Level | None:
    """The level of ``first``'s facts followed by ``then``'s (``_followers_level``)."""
    if first is None or then is None:
        return first or then
    if first.day != then.day:
        return first if first.day > then.day else then
    if first.whole or then.whole:
        return first if first.whole else then
    return _Level(first.day, first.followers + then.followers, False)


class MonthSums:
    """``derive_months`` one fact at a time, so a file's facts can be summed while it is read
    and none kept: ``add`` a fact, ``add_sums`` the sums of facts that come after these,
    ``months`` the result."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self._day_sums: dict[tuple[str, str], dict[str, int]] = {}
        self._post_sums: dict[tuple[str, str], dict[str, int]] = {}
        self._levels: dict[tuple[str, str], _Level] = {}
        self._files: dict[tuple[str, str], set[str]] = {}

    def add(self, fact: ExportFact, month: str = "") -> None:
        """Count ``fact`` in its month (``month``, when the caller has it already)."""
        where = (fact.network, month or fact.month(self.zone))
        files = self._files.get(where)
        if files is None:
            files = self._files[where] = set()
        files.add(fact.file)
        if fact.kind == DAY:
            sums = self._day_sums.setdefault(where, {})
            for name in fact.figures:
                if name == "followers":
                    self._levels[where] = _followers_level(self._levels.get(where), fact)
                else:
                    sums[name] = sums.get(name, 0) + getattr(fact, name)
        else:
            sums = self._post_sums.setdefault(where, {})
            sums["posts"] = sums.get("posts", 0) + 1
            for name in fact.figures:
                if name != "followers":
                    sums[name] = sums.get(name, 0) + getattr(fact, name)

    def add_sums(self, then: MonthSums) -> None:
        """As if ``then``'s facts were added after these, in the order they were."""
        for where, files in then._files.items():
            self._files.setdefault(where, set()).update(files)
        for mine, theirs in ((self._day_sums, then._day_sums), (self._post_sums, then._post_sums)):
            for where, sums in theirs.items():
                into = mine.setdefault(where, {})
                for name, value in sums.items():
                    into[name] = into.get(name, 0) + value
        for where, level in then._levels.items():
            joined = _join_levels(self._levels.get(where), level)
            assert joined is not None
            self._levels[where] = joined

    def months(self) -> dict[tuple[str, str], MonthFromExports]:
        months: dict[tuple[str, str], MonthFromExports] = {}
        for where, files in self._files.items():
            values = dict(self._post_sums.get(where, {}))
            values.update(self._day_sums.get(where, {}))
            if where in self._levels:
                values["followers"] = self._levels[where].followers
            months[where] = MonthFromExports(values, tuple(sorted(files)))
        return months


def derive_months(
    facts: Iterable[ExportFact], zone: ZoneInfo
) -> dict[tuple[str, str], MonthFromExports]:
    """(network, month) -> its figures from ``facts`` (module doc)."""
    sums = MonthSums(zone)
    for fact in facts:
        sums.add(fact)
    return sums.months()


@frozen(slots=False)
class MonthsPlan(Value):
    """What the facts change in the month figures: ``new`` and ``updates``; ``kept``: the
    (network, month, figure) typed by hand and left as they were (without ``replace``)."""

    new: list[MonthlyFigures]
    updates: list[MonthlyFigures]
    kept: list[tuple[str, str, str]]


def plan_months(
    before: Mapping[tuple[str, str], MonthFromExports],
    after: Mapping[tuple[str, str], MonthFromExports],
    stored: Iterable[MonthlyFigures],
    replace: bool = False,
) -> MonthsPlan:
    """The month figures to write so that they show ``after`` (module doc). A month whose
    figures would not change is left out."""
    by_month = {(f.network, f.month): f for f in stored}
    new: list[MonthlyFigures] = []
    updates: list[MonthlyFigures] = []
    kept: list[tuple[str, str, str]] = []
    for where in sorted(after):
        derived = after[where].values
        was = before.get(where)
        previous = was.values if was is not None else {}
        record = by_month.get(where)
        if record is None:
            record = MonthlyFigures(where[0], where[1], **derived)
            if "followers" not in derived:
                record.followers = None  # unknown (no fact gave it), not 0
            new.append(record)
            continue
        changes: dict[str, int] = {}
        for name, value in derived.items():
            old = getattr(record, name)
            if old == value:
                continue
            if old and old != previous.get(name) and not replace:
                kept.append((where[0], where[1], name))
                continue
            changes[name] = value
        if changes:
            updates.append(record.replace(**changes))
    return MonthsPlan(new, updates, kept)


def months_changed(
    before: Mapping[tuple[str, str], MonthFromExports],
    after: Mapping[tuple[str, str], MonthFromExports],
    where: Iterable[tuple[str, str]],
    file: str,
) -> dict[tuple[str, str], MonthFromExports]:
    """The months ``where`` (those a file's facts count in, and those its re-dated posts left)
    as the facts make them after the import. A count the facts gave a month before and give
    no more (its only post moved to another month) is 0 there; a month left with no fact is
    said to come from ``file``, the file that emptied it."""
    out: dict[tuple[str, str], MonthFromExports] = {}
    for month in sorted(set(where)):
        now, was = after.get(month), before.get(month)
        values = dict(now.values) if now is not None else {}
        for name in was.values if was is not None else ():
            if name != "followers":
                values.setdefault(name, 0)
        out[month] = MonthFromExports(values, now.files if now is not None else (file,))
    return out


@frozen(slots=False)
class PartOfMonth(Value):
    """A month a file's daily facts cover only part of: its ``first`` and ``last`` days, and
    how many other days of the month earlier files gave the same figures for (``kept``: they
    stay, the file's days replace only the same days)."""

    first: date
    last: date
    kept: int


def partial_months(
    file_facts: Iterable[ExportFact], stored: Iterable[ExportFact]
) -> dict[tuple[str, str], PartOfMonth]:
    """(network, month) -> ``PartOfMonth`` for each month the daily facts of a file
    (``file_facts``) do not cover whole; ``stored``: the facts stored before it."""
    days: dict[tuple[str, str], set[date]] = {}
    figures: dict[tuple[str, str], set[str]] = {}
    for fact in file_facts:
        if fact.kind == DAY and fact.day is not None:
            where = (fact.network, month_key(fact.day))
            days.setdefault(where, set()).add(fact.day)
            figures.setdefault(where, set()).update(fact.figures)
    parts = {where: got for where, got in days.items() if len(got) < _days_in_month(where[1])}
    kept: dict[tuple[str, str], set[date]] = {}
    for fact in stored:
        if fact.kind != DAY or fact.day is None:
            continue
        where = (fact.network, month_key(fact.day))
        got = parts.get(where)
        if got is not None and fact.day not in got and figures[where] & set(fact.figures):
            kept.setdefault(where, set()).add(fact.day)
    return {
        where: PartOfMonth(min(got), max(got), len(kept.get(where, ())))
        for where, got in sorted(parts.items())
    }


def normalise_link(link: str) -> str:
    """A permalink as compared: no scheme, ``www.``, query-less trailing slash, or case."""
    text = link.strip().lower()
    for prefix in ("https://", "http://"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if text.startswith("www."):
        text = text[4:]
    return text.rstrip("/")


class PostIndex:
    """Calendar posts found by permalink, else by network and publish time (module doc)."""

    def __init__(self, posts: Iterable[Post]) -> None:
        self._by_link: dict[str, int] = {}
        times: dict[str, list[tuple[datetime, int]]] = {}
        for post in posts:
            if post.link:
                self._by_link.setdefault(normalise_link(post.link), post.id)
            times.setdefault(post.network, []).append((post.at, post.id))
        self._times = {network: sorted(rows) for network, rows in times.items()}

    def match(self, network: str, permalink: str, at: datetime | None) -> int:
        """The matching Calendar post's id, or 0."""
        if permalink and self._by_link:
            found = self._by_link.get(normalise_link(permalink))
            if found is not None:
                return found
        rows = self._times.get(network)
        if at is None or not rows:
            return 0
        i = bisect.bisect_left(rows, (at - MATCH_WINDOW, -1))
        best: tuple[timedelta, int] | None = None
        while i < len(rows) and rows[i][0] <= at + MATCH_WINDOW:
            gap = abs(rows[i][0] - at)
            if best is None or gap < best[0]:
                best = (gap, rows[i][1])
            i += 1
        return 0 if best is None else best[1]


def top_posts(
    facts: Iterable[ExportFact], month: str, zone: ZoneInfo, count: int = 5
) -> list[ExportFact]:
    """The month's ``count`` post facts with the most engagements (then reach, impressions)."""
    posts = [f for f in facts if f.kind == POST and f.month(zone) == month]
    posts.sort(key=lambda f: (-f.engagements, -f.reach, -f.impressions, f.permalink or f.key))
    return posts[:count]


def facts_of_post(facts: Iterable[ExportFact], post_id: int) -> list[ExportFact]:
    """The facts matched to the Calendar post ``post_id``."""
    return [f for f in facts if f.kind == POST and f.post == post_id]


def post_figures_lines(facts: Iterable[ExportFact]) -> list[str]:
    """A post's figures from the exports, one line per fact (a post's detail)."""
    from cm_tui.core import locale as l10n
    from cm_tui.core.i18n import t

    return [
        t(
            "exports.detail.line",
            file=f.file,
            **{name: l10n.number(getattr(f, name)) for name in _SHOWN},
        )
        for f in facts
    ]


_SHOWN = ("reach", "impressions", "reactions", "comments", "shares", "clicks")
