"""The onboarding checklist seen whole (``core.onboarding``): every step in order, done or not,
with the day it was done, and the record a tick (or an untick) writes, in any order."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from cm_tui.core.agenda import onboarding_progress
from cm_tui.core.models import (
    Cadence,
    CadenceKind,
    OccurrenceStatus,
    TaskGroup,
    TaskOccurrence,
    TaskTemplate,
)
from cm_tui.core.onboarding import checklist_steps, toggled
from cm_tui.core.recurrence import CHECKLIST_DAY, checklist_key

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 19, 8, 12, tzinfo=UTC)  # Thursday 09:12 in Paris
START = date(2026, 11, 9)


def item(key: str, group: str = "onboarding", **cadence: object) -> TaskTemplate:
    cadence.setdefault("kind", "once")
    return TaskTemplate(key, f"{key} en", f"{key} fr", TaskGroup(group), Cadence(**cadence))  # type: ignore[arg-type]


STEPS = [
    item("first_months.watch", "first_months"),  # catalog order: listed after the onboarding
    item("onboarding.meet"),
    item("onboarding.sources"),
    item("onboarding.audience"),
    item("onboarding.audit"),
]
OTHERS = [
    item("call", "daily", anchor=date(2026, 11, 19)),  # a one-off of a day: not a step
    item("watch", "daily", kind=CadenceKind.WORKDAYS.value),
    TaskTemplate("onboarding.off", "off", "off", TaskGroup.ONBOARDING, active=False),
]


def record(template: TaskTemplate, at: datetime, status: str = "done") -> TaskOccurrence:
    key = checklist_key(template)
    return TaskOccurrence(key, template.key, CHECKLIST_DAY, 0, OccurrenceStatus(status), at)


def test_every_step_is_listed_in_order_done_or_not_with_its_day() -> None:
    sources = STEPS[2]
    done = record(sources, datetime(2026, 11, 12, 23, 30, tzinfo=UTC))  # 00:30 on the 13th in Paris
    steps = checklist_steps(STEPS + OTHERS, {done.key: done})
    assert [s.template.key for s in steps] == [
        "onboarding.meet",
        "onboarding.sources",
        "onboarding.audience",
        "onboarding.audit",
        "first_months.watch",
    ]
    assert [s.number for s in steps] == [1, 2, 3, 4, 5]
    assert [s.done for s in steps] == [False, True, False, False, False]
    assert steps[1].done_on(PARIS) == date(2026, 11, 13)  # the user's day, not UTC's
    assert steps[0].done_on(PARIS) is None
    assert steps[1].key == checklist_key(sources)


def test_ticking_step_3_before_step_2_counts_and_leaves_step_2_next() -> None:
    steps = checklist_steps(STEPS, {})
    third = steps[2]
    tick = toggled(third, NOW)
    assert tick is not None
    assert (tick.key, tick.template_key, tick.day, tick.slot) == (
        checklist_key(third.template),
        "onboarding.audience",
        CHECKLIST_DAY,
        0,
    )
    assert (tick.status, tick.at) == (OccurrenceStatus.DONE, NOW)
    stored = {tick.key: tick}
    after = checklist_steps(STEPS, stored)
    assert [s.done for s in after] == [False, False, True, False, False]
    assert after[2].done_on(PARIS) == date(2026, 11, 19)
    # the Today box reads the same records: one done, step 1 and 2 still next
    progress = onboarding_progress(STEPS, stored, START, date(2026, 11, 19))
    assert progress.done == 1
    assert [t.key for t in progress.next_items] == [
        "onboarding.meet",
        "onboarding.sources",
        "onboarding.audit",
    ]


def test_a_done_step_unticks_and_a_skipped_one_ticks() -> None:
    meet, sources = STEPS[1], STEPS[2]
    stored = {r.key: r for r in (record(meet, NOW), record(sources, NOW, "skipped"))}
    first, second = checklist_steps(STEPS, stored)[:2]
    assert toggled(first, NOW) is None  # done: the record is cleared
    assert second.done and second.status is OccurrenceStatus.SKIPPED  # skipped counts as handled
    again = toggled(second, NOW)
    assert again is not None and again.status is OccurrenceStatus.DONE


def test_no_step_without_checklist_items() -> None:
    assert checklist_steps(OTHERS, {}) == ()
