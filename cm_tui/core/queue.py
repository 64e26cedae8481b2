"""Response queue rules: deadlines, order, countdown bands, keyword matching.

Deadlines themselves are ``core.deadline``'s (one rule, re-exported here for the queue's
callers).

A countdown is always recomputed from ``now`` (``remaining``), never decremented.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from cm_tui.core.i18n import LANGUAGES, area_of, language
from cm_tui.core.models import QueueItem, QueueStatus, format_instant
from cm_tui.core.recurrence import WorkHours
from cm_tui.core.textsafe import clean_line
from cm_tui.core.timeutil import local_to_utc
from cm_tui.core.value import Value, frozen

DUE_SOON = timedelta(minutes=15)
DUE_30 = timedelta(minutes=30)
BANDS: tuple[str, ...] = ("overdue", "due15", "due30", "ok")
#: ``QueueStatus.is_open`` as a set: a membership test is several times cheaper than the
#: property in loops over 10,000 items.
OPEN_STATUSES = frozenset(s for s in QueueStatus if s.is_open)


def remaining(item: QueueItem, now: datetime) -> timedelta:
    """Time left before the deadline (negative once overdue), recomputed from ``now``."""
    return item.deadline - now


countdown = remaining  # name used in the layer contracts


def band(item: QueueItem, now: datetime) -> str:
    """``"overdue"`` (deadline reached), ``"due15"`` (<= 15 min left), ``"due30"`` (<= 30 min),
    else ``"ok"``. Only the deadline matters: callers pass open items."""
    left = item.deadline - now
    if left <= timedelta(0):
        return "overdue"
    if left <= DUE_SOON:
        return "due15"
    if left <= DUE_30:
        return "due30"
    return "ok"


def is_snoozed(item: QueueItem, now: datetime) -> bool:
    return (
        item.status is QueueStatus.SNOOZED
        and item.snoozed_until is not None
        and item.snoozed_until > now
    )


class OpenEntry(NamedTuple):
    """What ordering, counting and alerting need of an open item, its instants as stored:
    canonical UTC ISO-8601 text (``models.format_instant``), whose text order is their time
    order. The store gives these from its raw documents (``QueueRepo.open_entries``), so the
    Queue tab orders and counts 10,000 items without building them."""

    id: int
    status: str
    deadline: str
    received_at: str
    snoozed_until: str | None


def entry_of(item: QueueItem) -> OpenEntry:
    until = item.snoozed_until
    return OpenEntry(
        item.id,  # type: ignore[arg-type]
        item.status.value,
        format_instant(item.deadline),
        format_instant(item.received_at),
        None if until is None else format_instant(until),
    )


_SNOOZED = QueueStatus.SNOOZED.value


def entry_snoozed(entry: OpenEntry, now_text: str) -> bool:
    """``is_snoozed`` on an entry (``now_text``: ``format_instant(now)``)."""
    until = entry.snoozed_until
    return entry.status == _SNOOZED and until is not None and until > now_text


def order_entries(entries: Iterable[OpenEntry], now: datetime) -> list[OpenEntry]:
    """Open-queue order: items by deadline (overdue ones, having the earliest deadlines, come
    first), then items still snoozed at ``now`` by wake-up time. Ties: received time, then id."""
    entries = list(entries)
    if _SNOOZED not in map(_STATUS, entries):  # none snoozed (C-level scan): one sort
        entries.sort(key=_AWAKE_ORDER)
        return entries
    now_text = format_instant(now)
    awake: list[OpenEntry] = []
    sleeping: list[OpenEntry] = []
    for entry in entries:
        # the status test first: most items are not snoozed (10,000 calls saved)
        if entry.status == _SNOOZED and entry_snoozed(entry, now_text):
            sleeping.append(entry)
        else:
            awake.append(entry)
    awake.sort(key=_AWAKE_ORDER)
    sleeping.sort(key=_ASLEEP_ORDER)
    return awake + sleeping


#: ``order_entries``' sort keys as C-level getters (fields by position): deadline, received,
#: id; and wake-up, deadline, id
_AWAKE_ORDER = itemgetter(2, 3, 0)
_ASLEEP_ORDER = itemgetter(4, 2, 0)
_STATUS = itemgetter(1)


def order_queue(items: Iterable[QueueItem], now: datetime) -> list[QueueItem]:
    """``order_entries`` for items."""
    entries, item_of = _entries_of(list(items))
    return [item_of[id(entry)] for entry in order_entries(entries, now)]


def _entries_of(items: Sequence[QueueItem]) -> tuple[list[OpenEntry], dict[int, QueueItem]]:
    """The entries of ``items``, and each entry's item (by the entry's ``id()``: items may
    have no id yet)."""
    entries = [entry_of(item) for item in items]
    return entries, {id(e): item for e, item in zip(entries, items, strict=True)}


@frozen
class QueueCounts(Value):
    open: int
    due_soon: int
    overdue: int


def queue_counts(items: Iterable[QueueItem], now: datetime) -> QueueCounts:
    """Open items, those due within 15 minutes (not yet overdue), and overdue ones."""
    return deadline_counts((i.deadline for i in items if i.status in OPEN_STATUSES), now)


def deadline_counts(deadlines: Iterable[datetime], now: datetime) -> QueueCounts:
    """``queue_counts`` from the open items' deadlines alone."""
    return _counts(deadlines, now, now + DUE_SOON)


def entry_counts(entries: Iterable[OpenEntry], now: datetime) -> QueueCounts:
    """``queue_counts`` from open entries (their deadlines compared as stored text)."""
    deadlines = (entry.deadline for entry in entries)
    return _counts(deadlines, format_instant(now), format_instant(now + DUE_SOON))


class DeadlineIndex:
    """The open entries' deadlines sorted once, so the counts at any instant cost two
    bisections instead of a loop over every item: what the app's per-second work reads
    (``UiContext.open_queue_counts``). Equal to ``entry_counts`` of the same entries.

    ``add`` / ``discard`` keep it sorted as single entries come and go (a bisection and a
    list insert each), so a write of a few items does not sort 10,000 again
    (``QueueRepo.deadline_index``)."""

    __slots__ = ("_deadlines", "_entries")

    def __init__(self, entries: Iterable[OpenEntry]) -> None:
        self._entries = sorted(entries, key=itemgetter(2))  # by deadline
        self._deadlines = [entry.deadline for entry in self._entries]

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, entry: OpenEntry) -> None:
        """Insert ``entry`` after those of the same deadline."""
        pos = bisect_right(self._deadlines, entry.deadline)
        self._deadlines.insert(pos, entry.deadline)
        self._entries.insert(pos, entry)

    def discard(self, entry: OpenEntry) -> None:
        """Remove the entry of ``entry.id`` at ``entry.deadline``, if there is one."""
        deadlines, entries = self._deadlines, self._entries
        pos = bisect_left(deadlines, entry.deadline)
        while pos < len(deadlines) and deadlines[pos] == entry.deadline:
            if entries[pos].id == entry.id:
                del deadlines[pos], entries[pos]
                return
            pos += 1

    def near(self, since: datetime, now: datetime) -> list[OpenEntry]:
        """The entries ``crossed_entry_alerts(entries, since, now)`` may announce (deadline in
        ``(since, now]`` or in ``(since + 15 min, now + 15 min]``), found by bisection."""
        if now <= since:
            return []
        deadlines = self._deadlines
        lo = bisect_right(deadlines, format_instant(since))
        hi = bisect_right(deadlines, format_instant(now + DUE_SOON))
        return self._entries[lo:hi]

    def counts(self, now: datetime) -> QueueCounts:
        deadlines = self._deadlines
        late = bisect_right(deadlines, format_instant(now))
        due = bisect_right(deadlines, format_instant(now + DUE_SOON))
        return QueueCounts(len(deadlines), due - late, late)


def _counts(deadlines: Iterable[Any], now: Any, limit: Any) -> QueueCounts:
    n_open = soon = late = 0
    for deadline in deadlines:
        n_open += 1
        if deadline <= now:
            late += 1
        elif deadline <= limit:
            soon += 1
    return QueueCounts(n_open, soon, late)


def format_countdown(delta: timedelta) -> str:
    """Time left before a deadline, as ``core.locale.countdown`` writes it (``0h47``, ``3h05``,
    ``2d03``; overdue ``-0h12``): the one shape of the list, the detail and the counts."""
    from cm_tui.core.locale import countdown

    return countdown(delta)


# --------------------------------------------------------------------------- keywords


def fold_text(text: str) -> str:
    """Case- and accent-insensitive form: NFKD, combining marks dropped, casefolded
    (``"Évènement"`` -> ``"evenement"``)."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed.casefold()
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=64)
def _keyword_patterns(keywords: tuple[str, ...]) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    out = []
    seen: set[str] = set()
    for keyword in keywords:
        folded = fold_text(keyword.strip())
        if not folded or folded in seen:
            continue
        seen.add(folded)
        raw = folded.split()
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in raw) + r"(?!\w)")
        out.append((keyword, raw[0], pattern))
    return tuple(out)


def match_keywords(text: str, keywords: Sequence[str] | Iterable[str]) -> tuple[str, ...]:
    """The watch keywords found in ``text`` as whole words, ignoring case and accents, in the
    order of ``keywords`` (each once, spelled as given). ``"cafe"`` matches ``"Café!"`` but not
    ``"cafeteria"``; a multi-word keyword matches across any run of spaces."""
    patterns = _keyword_patterns(tuple(keywords))
    if not patterns or not text:
        return ()
    folded = fold_text(text)
    return tuple(
        keyword for keyword, head, pattern in patterns if head in folded and pattern.search(folded)
    )


# --------------------------------------------------------------------------- triage
#
# Each triage step is a pure function from an item (and ``now``) to its new version; the UI
# stores the result and keeps the old version for undo. The deadline never moves.


def mark_replied(item: QueueItem, now: datetime, reply_text: str = "") -> QueueItem:
    """Replied (with or without a stored text): closed at ``now``, replied at ``now``."""
    return item.replace(
        status=QueueStatus.REPLIED,
        reply_text=reply_text or item.reply_text,
        replied_at=now,
        closed_at=now,
        snoozed_until=None,
    )


def mark_ignored(item: QueueItem, now: datetime) -> QueueItem:
    """Ignored or spam: closed at ``now`` without a reply."""
    return item.replace(status=QueueStatus.IGNORED, closed_at=now, snoozed_until=None)


def reopen(item: QueueItem) -> QueueItem:
    """Open again (new) an item replied or ignored by mistake: it waits for an answer until
    its deadline, as before it was closed; a reply text stored with it is dropped (it was not
    the answer after all)."""
    return item.replace(
        status=QueueStatus.NEW, reply_text="", replied_at=None, closed_at=None, snoozed_until=None
    )


def escalate(item: QueueItem, note: str, now: datetime, tz: ZoneInfo | None = None) -> QueueItem:
    """Escalated (still open, still due at its deadline); ``note`` is added to the notes with
    the local time it was written."""
    note = " ".join(note.split())
    notes = item.notes
    if note:
        stamp = now.astimezone(tz or UTC).strftime("%Y-%m-%d %H:%M")
        notes = f"{notes}\n{stamp} {note}" if notes else f"{stamp} {note}"
    return item.replace(status=QueueStatus.ESCALATED, notes=notes, snoozed_until=None)


#: snooze choices, in the order the snooze modal offers them
SNOOZE_CHOICES: tuple[str, ...] = ("15m", "1h", "morning")


def snooze_until(
    choice: str, now: datetime, tz: ZoneInfo, hours: WorkHours | None = None
) -> datetime:
    """When a snooze chosen at ``now`` ends (UTC): ``"15m"``, ``"1h"``, or ``"morning"``: the
    start of the working day (``hours.start``, 09:00 by default) on the next local day."""
    if choice == "15m":
        return now + timedelta(minutes=15)
    if choice == "1h":
        return now + timedelta(hours=1)
    if choice == "morning":
        start = (hours or WorkHours()).start
        tomorrow = now.astimezone(tz).date() + timedelta(days=1)
        return local_to_utc(tomorrow, start, tz)
    raise ValueError(f"unknown snooze choice {choice!r}")


def snooze(item: QueueItem, until: datetime) -> QueueItem:
    """Snoozed until ``until``; the deadline is NOT extended (it stays where it was)."""
    return item.replace(status=QueueStatus.SNOOZED, snoozed_until=until)


#: the placeholders a saved reply may hold (``fill_template``)
_PLACEHOLDER = r"\{(author|first_name)\}"


def fill_template(template: str, item: QueueItem) -> str:
    """A saved reply with ``{author}`` replaced by the author's display name (else handle) and
    ``{first_name}`` by the first word of that name (else the handle too).

    One pass of plain replacement, not ``str.format``: other braces in a template are kept as
    written, and a name holding ``{author}`` is not filled again. The name is cleaned
    (``textsafe.clean_line``): a store restored from an edited backup may hold control
    characters, and a reply is stored, copied and later published.
    """
    author = clean_line(item.author_name or item.author_handle).strip()
    values = {"author": author, "first_name": author.split(maxsplit=1)[0] if author else ""}
    return re.sub(_PLACEHOLDER, lambda match: values[match[1]], template)


#: the saved replies offered until the user saves their own (``queue.template.<key>.*``)
DEFAULT_TEMPLATES = ("thanks", "dm", "later")


def default_templates() -> list[tuple[str, str]]:
    """The default saved replies ``(name, text)``, in the interface's language first, then in
    the other one (its name marked ``(EN)`` / ``(FR)``): a community writes in both."""
    current = language()
    out = []
    for lang in sorted(LANGUAGES, key=lambda code: code != current):
        mark = "" if lang == current else f" ({lang.upper()})"
        for key in DEFAULT_TEMPLATES:
            name = _in_language(f"queue.template.{key}.name", lang)
            out.append((name + mark, _in_language(f"queue.template.{key}.text", lang)))
    return out


def _in_language(key: str, lang: str) -> str:
    """The message ``key`` in ``lang`` whatever the interface's language (no placeholders)."""
    return str(area_of(key)[key][LANGUAGES.index(lang)])


# --------------------------------------------------------------------------- filters


@frozen
class QueueFilter(Value):
    """What the Queue tab shows: every criterion left empty lets everything through."""

    text: str = ""
    network: str | None = None
    kind: str | None = None
    status: str | None = None
    ambassadors: bool = False
    keywords: bool = False

    @property
    def active(self) -> bool:
        return bool(
            self.text
            or self.network
            or self.kind
            or self.status
            or self.ambassadors
            or self.keywords
        )

    def matches(self, item: QueueItem) -> bool:
        if self.network is not None and item.network != self.network:
            return False
        if self.kind is not None and item.kind != self.kind:
            return False
        if self.status is not None and item.status != self.status:
            return False
        if self.ambassadors and not item.ambassador:
            return False
        if self.keywords and not item.keywords:
            return False
        if self.text:
            needle = fold_text(self.text.strip())
            haystack = fold_text(
                f"{item.text}\n{item.author_name}\n{item.author_handle}\n{item.notes}"
            )
            return all(word in haystack for word in needle.split())
        return True


def filter_items(items: Iterable[QueueItem], flt: QueueFilter) -> list[QueueItem]:
    """The items ``flt`` lets through, order kept."""
    if not flt.active:
        return list(items)
    return [item for item in items if flt.matches(item)]


# --------------------------------------------------------------------------- alerts

#: alert thresholds: the item enters its last 15 minutes, the item becomes overdue
ALERT_DUE15 = "due15"
ALERT_OVERDUE = "overdue"


def crossed_alerts(
    items: Iterable[QueueItem],
    since: datetime,
    now: datetime,
    sent: set[tuple[int, str]] | frozenset[tuple[int, str]] = frozenset(),
) -> list[tuple[QueueItem, str]]:
    """``crossed_entry_alerts`` for items (closed ones are skipped)."""
    entries, item_of = _entries_of([item for item in items if item.status in OPEN_STATUSES])
    return [(item_of[id(e)], th) for e, th in crossed_entry_alerts(entries, since, now, sent)]


def crossed_entry_alerts(
    entries: Iterable[OpenEntry],
    since: datetime,
    now: datetime,
    sent: set[tuple[int, str]] | frozenset[tuple[int, str]] = frozenset(),
) -> list[tuple[OpenEntry, str]]:
    """Alerts due between two ticks: ``(entry, threshold)`` for each open item whose last 15
    minutes began, or whose deadline passed, in ``(since, now]``, unless ``(id, threshold)``
    is in ``sent``. Items still snoozed at ``now`` are skipped (the user asked not to be
    bothered). An item jumped past both thresholds in one tick gets only the overdue alert."""
    out: list[tuple[OpenEntry, str]] = []
    if now <= since:
        return out
    since_text, now_text = format_instant(since), format_instant(now)
    # "deadline - 15 min in (since, now]" is "deadline in (since + 15 min, now + 15 min]"
    soon_from, soon_to = format_instant(since + DUE_SOON), format_instant(now + DUE_SOON)
    for entry in entries:
        deadline = entry.deadline
        if since_text < deadline <= now_text:
            threshold = ALERT_OVERDUE
        elif soon_from < deadline <= soon_to:
            threshold = ALERT_DUE15
        else:
            continue
        if (entry.id, threshold) not in sent and not entry_snoozed(entry, now_text):
            out.append((entry, threshold))
    return out


# --------------------------------------------------------------------------- edited lists
#
# Saved replies and watch keywords are edited as plain text, one entry per line, in a modal:
# quick with the keyboard, and nothing to learn.

TEMPLATE_SEPARATOR = " | "


def parse_template_lines(text: str) -> list[tuple[str, str]]:
    """Saved replies from ``Name | text`` lines (a line without ``|`` is its own name);
    blank lines are skipped."""
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        name, sep, body = line.partition("|")
        if sep and name.strip() and body.strip():
            out.append((name.strip(), body.strip()))
        else:
            out.append((line[:30], line))
    return out


def format_template_lines(templates: Iterable[tuple[str, str]]) -> str:
    return "\n".join(f"{name}{TEMPLATE_SEPARATOR}{text}" for name, text in templates)


def parse_keyword_lines(text: str, kinds: Iterable[str]) -> list[tuple[str, str]]:
    """Watch keywords from lines ``term`` or ``kind: term`` (``kind`` one of ``kinds``, else
    the whole line is the term, kind ``"brand"``); blank and repeated lines are skipped."""
    known = set(kinds)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        kind, sep, term = line.partition(":")
        if sep and kind.strip().lower() in known and term.strip():
            entry = (kind.strip().lower(), term.strip())
        else:
            entry = ("brand", line)
        if fold_text(entry[1]) not in seen:
            seen.add(fold_text(entry[1]))
            out.append(entry)
    return out


def format_keyword_lines(keywords: Iterable[tuple[str, str]]) -> str:
    return "\n".join(f"{kind}: {term}" for kind, term in keywords)


def rematch_keywords(items: Iterable[QueueItem], keywords: Sequence[str]) -> list[QueueItem]:
    """Items whose matched keywords change with the new ``keywords``, updated."""
    out = []
    for item in items:
        found = match_keywords(item.text, keywords)
        if found != item.keywords:
            out.append(item.replace(keywords=found))
    return out
