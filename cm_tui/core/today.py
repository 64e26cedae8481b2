"""Rules behind the Today tab's keys and side panels (pure: no clock, no UI, no store).

* ``snooze_until``: when a snoozed occurrence comes back ("later today": one hour from now,
  rounded up to 5 minutes and at most the end of the local day; "tomorrow": the next local day
  at the start of the working day);
* ``occurrence_change`` builds the record a key writes (done / skipped with a reason / snoozed);
  ``set_aside_refusal`` refuses a snooze or a skip over a done occurrence;
* ``shifted_day``: the day ``[`` / ``]`` show, kept within ``timeutil.FIRST_DAY``..``LAST_DAY``;
* ``filter_rows``: the agenda rows whose task (either language), network or cadence matches a
  query, case- and accent-insensitively;
* ``due_documents`` / ``influencer_to_contact``: the "Due reviews" panel;
* ``TaskForm`` / ``template_from_form``: validation of the add / new / edit forms, which set
  everything the recurrence engine supports: the cadence and its detail, the interval
  (``every``), whether it counts from the calendar or from the last time the task was done
  (``counts``), what happens to missed occurrences (``missed``: pile up or keep the latest) and
  a time block (``block``: "Friday morning: blog"). ``form_of`` fills the form back from a
  task, so an edit shows what was saved. Errors are ``core.form_errors.FieldError``, one at a
  time, naming the form's field (``label``, ``kind``, ``at``, ``block``, ``detail``, ``every``,
  ``counts``, ``missed``, ``network``; ``name``, ``network``, ``extra``, ``date`` for the
  lists), so the form shows one clear line under it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

from cm_tui.core.agenda import AgendaRow, RowStatus
from cm_tui.core.form_errors import FieldError
from cm_tui.core.models import (
    Cadence,
    CadenceKind,
    DocumentKind,
    Influencer,
    MissedPolicy,
    OccurrenceStatus,
    ReferenceDocument,
    TaskGroup,
    TaskOccurrence,
    TaskTemplate,
)
from cm_tui.core.recurrence import BLOCKS, WorkHours, is_since_last_done, validate_cadence
from cm_tui.core.timeutil import (
    is_supported_day,
    local_day_bounds,
    local_to_utc,
    supported_days,
    week_start_of,
)
from cm_tui.core.value import Value, frozen

# --------------------------------------------------------------------------- snooze


class SnoozeChoice(StrEnum):
    LATER = "later"
    TOMORROW = "tomorrow"


#: how far "later today" pushes an occurrence
LATER_BY = timedelta(hours=1)


def snooze_until(choice: SnoozeChoice, now: datetime, tz: ZoneInfo, hours: WorkHours) -> datetime:
    """The UTC instant a snoozed occurrence comes back (see module doc)."""
    today = now.astimezone(tz).date()
    if choice is SnoozeChoice.TOMORROW:
        return local_to_utc(today + timedelta(days=1), hours.start, tz)
    later = now + LATER_BY
    seconds = later.minute * 60 + later.second + later.microsecond / 1e6
    rounded = later + timedelta(seconds=(-seconds) % 300)
    end_of_day = local_day_bounds(today, tz)[1] - timedelta(minutes=1)
    return min(rounded.replace(microsecond=0), end_of_day)


def occurrence_change(
    row: AgendaRow,
    status: OccurrenceStatus,
    now: datetime,
    *,
    reason: str = "",
    until: datetime | None = None,
) -> TaskOccurrence:
    """The record that marks ``row`` as ``status`` at ``now``."""
    return TaskOccurrence(
        key=row.occurrence_key,
        template_key=row.template_key,
        day=row.day,
        slot=row.slot,
        status=status,
        at=now,
        snoozed_until=until if status is OccurrenceStatus.SNOOZED else None,
        reason=reason.strip() if status is OccurrenceStatus.SKIPPED else "",
    )


def set_aside_refusal(row: AgendaRow) -> str | None:
    """Why ``row`` may not be snoozed or skipped (a message key), ``None`` when it may.

    A done occurrence is made not done by ``d`` only: a snooze or a skip written over it would
    erase "done" without a word."""
    return "today.refused.already_done" if row.status is RowStatus.DONE else None


# --------------------------------------------------------------------------- days shown


def shifted_day(day: date, days: int) -> date | None:
    """``day`` moved by ``days``; ``None`` when that leaves ``FIRST_DAY``..``LAST_DAY`` (the
    agenda stops at the bounds rather than show, and offer to plan on, a day cm-tui refuses
    everywhere else)."""
    try:
        moved = day + timedelta(days=days)
    except OverflowError:
        return None
    return moved if is_supported_day(moved) else None


# --------------------------------------------------------------------------- filter


def fold(text: str) -> str:
    """Lower case without accents: ``"Éditoriale"`` -> ``"editoriale"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def filter_rows(
    rows: Iterable[AgendaRow], query: str, extra: dict[str, str] | None = None
) -> list[AgendaRow]:
    """Rows matching every word of ``query`` in their English or French label, network key,
    ``extra[network]`` (its display name) or cadence kind. An empty query keeps every row."""
    words = fold(query).split()
    if not words:
        return list(rows)
    names = extra or {}
    out = []
    for row in rows:
        template = row.template
        network = template.network or ""
        haystack = fold(
            " ".join(
                (
                    template.label_en,
                    template.label_fr,
                    network,
                    names.get(network, ""),
                    template.cadence.kind.value,
                )
            )
        )
        if all(word in haystack for word in words):
            out.append(row)
    return out


# --------------------------------------------------------------------------- due reviews


def review_due_on(document: ReferenceDocument) -> date | None:
    """The day a document's review falls due (``None``: never reviewed, due at once)."""
    if document.last_reviewed is None:
        return None
    return document.last_reviewed + timedelta(days=document.review_every_days)


def due_documents(documents: Iterable[ReferenceDocument], today: date) -> list[ReferenceDocument]:
    """Documents whose review interval has passed on ``today`` (never reviewed first, then the
    most overdue), ties by title."""
    due = []
    for document in documents:
        when = review_due_on(document)
        if when is None or when <= today:
            due.append((when or date.min, document.title.casefold(), document.id, document))
    due.sort(key=lambda item: item[:3])
    return [item[3] for item in due]


@frozen
class InfluencerPick(Value):
    """The influencer to contact this week. ``contacted_this_week``: someone was already
    contacted since Monday (the weekly task is done); ``influencer`` is then that person."""

    influencer: Influencer
    contacted_this_week: bool


def influencer_to_contact(influencers: Iterable[Influencer], today: date) -> InfluencerPick | None:
    """The least recently contacted influencer (never contacted first, ties by name), unless
    one was contacted this ISO week already (then that one, flagged). ``None``: empty list."""
    people = list(influencers)
    if not people:
        return None
    monday = week_start_of(today)
    recent = [p for p in people if p.last_contacted is not None and monday <= p.last_contacted]
    if recent:
        latest = max(recent, key=lambda p: (p.last_contacted, p.name.casefold()))
        return InfluencerPick(latest, True)
    least = min(people, key=lambda p: (p.last_contacted or date.min, p.name.casefold(), p.id))
    return InfluencerPick(least, False)


# --------------------------------------------------------------------------- task forms


#: cadence kinds offered by the "new recurring task" form, in order
FORM_KINDS: tuple[CadenceKind, ...] = (
    CadenceKind.WORKDAYS,
    CadenceKind.DAILY,
    CadenceKind.TIMES_PER_DAY,
    CadenceKind.WEEKLY,
    CadenceKind.MONTHLY,
    CadenceKind.QUARTERLY,
    CadenceKind.OCCASIONAL,
    CadenceKind.ONCE,
)

_GROUP_OF_KIND = {
    CadenceKind.TIMES_PER_DAY: TaskGroup.SEVERAL_DAILY,
    CadenceKind.DAILY: TaskGroup.DAILY,
    CadenceKind.WORKDAYS: TaskGroup.DAILY,
    CadenceKind.ONCE: TaskGroup.DAILY,
    CadenceKind.WEEKLY: TaskGroup.WEEKLY,
    CadenceKind.MONTHLY: TaskGroup.MONTHLY,
    CadenceKind.QUARTERLY: TaskGroup.MONTHLY,
    CadenceKind.OCCASIONAL: TaskGroup.OCCASIONAL,
}


class CountsFrom(StrEnum):
    """Where a recurring task's interval counts from (the form's ``counts``)."""

    CALENDAR = "calendar"  # fixed days
    DONE = "done"  # the last time it was done (``Cadence.after_completion``)


#: per kind that has an interval (``every``): its bounds, in the kind's unit (days for daily
#: and working days, weeks, months, quarters, months for occasional)
EVERY_BOUNDS: dict[CadenceKind, tuple[int, int]] = {
    CadenceKind.DAILY: (1, 365),
    CadenceKind.WORKDAYS: (1, 365),
    CadenceKind.WEEKLY: (1, 52),
    CadenceKind.MONTHLY: (1, 24),
    CadenceKind.QUARTERLY: (1, 8),
    CadenceKind.OCCASIONAL: (1, 36),
}
#: the interval of a new task when the form leaves ``every`` empty (else 1)
_DEFAULT_EVERY = {CadenceKind.OCCASIONAL: 3}
#: the kinds whose ``detail`` names their days (weekdays, day of month): none when they count
#: from the last time done
_DAYS_FROM_DETAIL = (CadenceKind.WEEKLY, CadenceKind.MONTHLY)


@frozen
class TaskForm(Value):
    """What the user typed, as text (``kind`` is a ``CadenceKind`` value).

    ``detail`` depends on the kind: times a day (``times_per_day``), ISO weekdays ``"1,5"``
    (``weekly``), day of month 1..31 or ``-1`` (``monthly``); ignored otherwise. ``day`` is
    the one-off's day (``once``) and the first day of a new recurring task (its anchor: no
    missed occurrences from before it was created).

    The options: ``every`` (the interval, ``EVERY_BOUNDS``; empty: 1, occasional 3),
    ``counts`` (a ``CountsFrom`` value; an occasional task always counts from the last time
    done), ``missed`` (a ``MissedPolicy`` value), ``block`` (one of ``recurrence.BLOCKS`` or
    empty; with no time the task starts at the block's start). ``None`` means the form does
    not show the option: the task edited keeps its own, a new one gets the default.
    """

    label: str
    kind: str = CadenceKind.ONCE.value
    at: str = ""
    detail: str = ""
    network: str = ""
    day: date | None = None
    every: str | None = None
    counts: str | None = None
    missed: str | None = None
    block: str | None = None


def _int(text: str, field: str, what: str, low: int, high: int) -> int:
    """The whole number typed in ``field``; the error calls it ``what`` (``"weekdays"``)."""
    error = FieldError(field, "today.form.error.number", {"field": what, "low": low, "high": high})
    try:
        value = int(text.strip())
    except ValueError:
        raise error from None
    if not low <= value <= high:
        raise error
    return value


_TIME = r"^(\d{1,2})(?:[:hH.](\d{2})?)?$"


def form_time(text: str) -> str | None:
    """A typed time as ``"HH:MM"``: ``9:05``, ``09:05``, ``14h30``, ``14h``, ``14`` are
    accepted; empty gives ``None``; anything else is a ``FieldError`` of field ``at``."""
    text = text.strip()
    if not text:
        return None
    match = re.match(_TIME, text)
    if match is not None:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    raise FieldError("at", "today.form.error.time", {"value": text})


def cadence_from_form(form: TaskForm, base: Cadence | None = None) -> Cadence:
    """The cadence described by ``form`` (``FieldError`` if a value is wrong).

    With ``base`` of the same kind (editing), what the form does not show (the anchor, the
    options left ``None``) is kept.
    """
    try:
        kind = CadenceKind(form.kind)
    except ValueError:
        raise FieldError("kind", "today.form.error.kind") from None
    at = form_time(form.at)
    detail = form.detail.strip()
    if base is not None and base.kind is kind:
        cadence = base.replace(at=at)
    else:
        cadence = Cadence(kind, at=at, missed=MissedPolicy.LATEST_ONLY)
    if kind is CadenceKind.ONCE:
        if base is not None and base.kind is kind and base.anchor is None:
            return cadence  # a checklist item stays one (it has no day)
        if form.day is None:
            raise FieldError("day", "today.form.error.day")
        cadence = cadence.replace(anchor=form.day)
    elif kind is CadenceKind.TIMES_PER_DAY:
        cadence = cadence.replace(times=_int(detail or "1", "detail", "times", 1, 48))
        if cadence.times > 1:
            cadence = cadence.replace(at=None)
    elif kind is CadenceKind.WEEKLY:
        parts = [p for p in re.split(r"[\s,;]+", detail) if p] or ["1"]
        days = tuple(sorted({_int(p, "detail", "weekdays", 1, 7) for p in parts}))
        cadence = cadence.replace(weekdays=days)
    elif kind is CadenceKind.MONTHLY:
        value = _int(detail or "1", "detail", "day", -1, 31)
        if value == 0:
            raise FieldError(
                "detail", "today.form.error.number", {"field": "day", "low": -1, "high": 31}
            )
        cadence = cadence.replace(day_of_month=value, nth_weekday=None)
    cadence = _with_options(form, cadence, keep=base is not None and base.kind is kind)
    if validate_cadence(cadence):  # pragma: no cover - the checks above are stricter
        raise FieldError("kind", "today.form.error.kind")
    return cadence


Choice = TypeVar("Choice", bound=StrEnum)


def _choice(text: str, field: str, choices: type[Choice]) -> Choice:
    try:
        return choices(text.strip())
    except ValueError:
        raise FieldError(field, "today.form.error.choice") from None


def _with_options(form: TaskForm, cadence: Cadence, *, keep: bool) -> Cadence:
    """``cadence`` with the form's options (see ``TaskForm``); ``keep``: the options the form
    leaves ``None`` stay as in ``cadence`` (the task edited), else they take their default.

    What the engine would ignore is refused, on its field: a block for a task spread over the
    day, "after last done" for a one-off or a task several times a day (an occasional one
    always is), weekdays or a day of month counted from the last time done, an interval for
    working days on the calendar (``recurrence``)."""
    kind = cadence.kind
    if form.block is not None:
        block = form.block.strip() or None
        if block is not None and block not in BLOCKS:
            raise FieldError("block", "today.form.error.choice")
        if block is not None and kind is CadenceKind.TIMES_PER_DAY:
            raise FieldError("block", "today.form.error.block_spread")
        cadence = cadence.replace(block=block)
    bounds = EVERY_BOUNDS.get(kind)
    if bounds is not None and (form.every is not None or not keep):
        text = (form.every or "").strip()
        every = _DEFAULT_EVERY.get(kind, 1)
        if text:
            low, high = bounds
            if not text.isdigit() or not low <= int(text) <= high:
                raise FieldError("every", "today.form.error.every", {"low": low, "high": high})
            every = int(text)
        cadence = cadence.replace(every=every)
    if form.counts is not None:
        after = _choice(form.counts, "counts", CountsFrom) is CountsFrom.DONE
        if kind is CadenceKind.OCCASIONAL:
            if not after:
                raise FieldError("counts", "today.form.error.occasional")
        elif kind in (CadenceKind.ONCE, CadenceKind.TIMES_PER_DAY):
            if after:
                raise FieldError("counts", "today.form.error.counts")
        else:
            cadence = cadence.replace(after_completion=after)
    if cadence.after_completion and kind in _DAYS_FROM_DETAIL:
        if form.detail.strip():  # the engine counts the days from the last time done
            raise FieldError("detail", "today.form.error.detail_after")
        cadence = cadence.replace(weekdays=(), day_of_month=None, nth_weekday=None)
    if form.missed is not None:
        cadence = cadence.replace(missed=_choice(form.missed, "missed", MissedPolicy))
    if kind is CadenceKind.WORKDAYS and cadence.every != 1 and not cadence.after_completion:
        raise FieldError("every", "today.form.error.every_workdays")
    return cadence


def slug(text: str) -> str:
    """``"Appeler l'équipe !"`` -> ``"appeler-l-equipe"`` (at most 30 characters)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:30].strip("-") or "task"


def template_from_form(
    form: TaskForm,
    existing: Sequence[TaskTemplate],
    networks: Iterable[str] = (),
    *,
    editing: TaskTemplate | None = None,
    lang: str = "en",
) -> TaskTemplate:
    """A new user template from ``form`` (key ``user.<slug>[.<n>]``, unique among
    ``existing``), or ``editing`` changed by it: key and id kept, the label of language ``lang``
    replaced (both when they were equal), group kept unless the cadence kind changed.
    ``FieldError`` on the first wrong value."""
    label = " ".join(form.label.split())
    if not label:
        raise FieldError("label", "today.form.error.label")
    if len(label) > 200:
        raise FieldError("label", "today.form.error.label_long")
    if form.day is not None and not is_supported_day(form.day):
        raise FieldError(
            "day",
            "today.form.error.day_range",
            {"day": form.day.isoformat(), **supported_days()},
        )
    network = form.network.strip() or None
    known = set(networks)
    if network is not None and network not in known:
        raise FieldError(
            "network",
            "today.form.error.network",
            {"value": network, "known": ", ".join(sorted(known))},
        )
    if editing is not None:
        cadence = cadence_from_form(form, editing.cadence)
        same_kind = cadence.kind is editing.cadence.kind
        moved = not same_kind or cadence.every != editing.cadence.every
        if moved and cadence.anchor is None and form.day is not None:
            cadence = cadence.replace(anchor=form.day)  # the new rhythm starts on that day
        labels = {"label_en": editing.label_en, "label_fr": editing.label_fr}
        if label != editing.label(lang):
            if editing.label_en == editing.label_fr:
                labels = {"label_en": label, "label_fr": label}
            else:
                labels["label_fr" if lang == "fr" else "label_en"] = label
        return editing.replace(
            **labels,
            cadence=cadence,
            network=network,
            group=editing.group if same_kind else _GROUP_OF_KIND[cadence.kind],
        )
    cadence = cadence_from_form(form)
    if cadence.anchor is None and form.day is not None:
        cadence = cadence.replace(anchor=form.day)  # no backlog from before it existed
    group = _GROUP_OF_KIND[cadence.kind]
    keys = {t.key for t in existing}
    base = f"user.{slug(label)}"
    key, n = base, 2
    while key in keys:
        key, n = f"{base}.{n}", n + 1
    return TaskTemplate(key, label, label, group, cadence, network=network, source="user")


def form_of(template: TaskTemplate, lang: str) -> TaskForm:
    """The form prefilled from an existing template (for ``e``)."""
    cadence = template.cadence
    after = is_since_last_done(cadence)
    detail = ""
    if after and cadence.kind in _DAYS_FROM_DETAIL:
        pass  # its days come from the last time done
    elif cadence.kind is CadenceKind.TIMES_PER_DAY:
        detail = str(cadence.times)
    elif cadence.kind is CadenceKind.WEEKLY:
        detail = ",".join(str(d) for d in cadence.weekdays)
    elif cadence.kind is CadenceKind.MONTHLY:
        detail = str(cadence.day_of_month or (cadence.anchor.day if cadence.anchor else 1))
    counts = CountsFrom.DONE if after else CountsFrom.CALENDAR
    return TaskForm(
        label=template.label(lang),
        kind=cadence.kind.value,
        at=cadence.at or "",
        detail=detail,
        network=template.network or "",
        day=cadence.anchor,
        every=str(cadence.every) if cadence.kind in EVERY_BOUNDS else "",
        counts=counts.value,
        missed=cadence.missed.value,
        block=cadence.block or "",
    )


# --------------------------------------------------------------------------- reference lists


def _form_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise FieldError("date", "today.form.error.date", {"value": text}) from None


def _form_network(text: str, networks: Iterable[str], *, required: bool) -> str | None:
    network = text.strip() or None
    known = sorted(set(networks))
    if network is None:
        if required:
            raise FieldError(
                "network", "today.form.error.network_required", {"known": ", ".join(known)}
            )
        return None
    if network not in known:
        raise FieldError(
            "network", "today.form.error.network", {"value": network, "known": ", ".join(known)}
        )
    return network


def influencer_from_form(
    values: dict[str, str], networks: Iterable[str], editing: Influencer | None = None
) -> Influencer:
    """An influencer from the manage form (``name``, ``network``, ``extra`` = handle,
    ``date`` = last contact ``YYYY-MM-DD``); ``editing`` keeps its id and notes."""
    name = " ".join(values.get("name", "").split())
    if not name:
        raise FieldError("name", "today.form.error.name")
    network = _form_network(values.get("network", ""), networks, required=True)
    assert network is not None
    handle = values.get("extra", "").strip()
    last = _form_date(values.get("date", ""))
    if editing is not None:
        return editing.replace(name=name, network=network, handle=handle, last_contacted=last)
    return Influencer(name, network, handle, last)


def document_from_form(
    values: dict[str, str], networks: Iterable[str], editing: ReferenceDocument | None = None
) -> ReferenceDocument:
    """A reference document from the manage form (``name`` = title, ``kind``, ``network``,
    ``extra`` = review every N days, default 180, ``date`` = last review)."""
    title = " ".join(values.get("name", "").split())
    if not title:
        raise FieldError("name", "today.form.error.name")
    try:
        kind = DocumentKind(values.get("kind") or DocumentKind.ABOUT.value)
    except ValueError:
        raise FieldError("kind", "today.form.error.kind") from None
    network = _form_network(values.get("network", ""), networks, required=False)
    every = _int(values.get("extra", "").strip() or "180", "extra", "days", 1, 3650)
    last = _form_date(values.get("date", ""))
    if editing is not None:
        return editing.replace(
            title=title, kind=kind, network=network, review_every_days=every, last_reviewed=last
        )
    return ReferenceDocument(
        kind=kind, title=title, network=network, last_reviewed=last, review_every_days=every
    )
