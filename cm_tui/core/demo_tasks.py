"""The demo's task history (``core.demo``): the onboarding checklist done so far and the
recurring tasks' occurrences, mostly done, a few skipped or missed. Drawn from the run's one
random source (``core.demo_run``).
"""

from __future__ import annotations

from datetime import date, timedelta

from cm_tui.core.demo_run import DemoRun
from cm_tui.core.models import (
    CadenceKind,
    OccurrenceStatus,
    TaskGroup,
    TaskOccurrence,
    occurrence_key,
)
from cm_tui.core.recurrence import CHECKLIST_DAY, is_since_last_done, slots_for


def task_history(
    run: DemoRun, active: tuple[str, ...], onboarding_start: date
) -> list[TaskOccurrence]:
    """The checklist ticked since ``onboarding_start`` and the recurring tasks of the
    ``active`` networks done, skipped or missed from ``run.start`` until ``now``."""
    rng = run.rng
    out: list[TaskOccurrence] = []
    checklist = [
        t
        for t in run.templates
        if t.cadence.kind is CadenceKind.ONCE
        and t.cadence.anchor is None
        and t.group in (TaskGroup.ONBOARDING, TaskGroup.FIRST_MONTHS)
    ]
    n_done = len(checklist) if run.size != "small" else (len(checklist) * 3) // 5
    for index, template in enumerate(checklist[:n_done]):
        done_day = min(onboarding_start + timedelta(days=2 + 3 * index), run.today)
        out.append(
            TaskOccurrence(
                key=occurrence_key(template.key, CHECKLIST_DAY, 0),
                template_key=template.key,
                day=CHECKLIST_DAY,
                slot=0,
                status=OccurrenceStatus.DONE,
                at=run.local(done_day, 15 * 60),
            )
        )
    recurring = [
        t
        for t in run.templates
        if t.active
        and t.cadence.kind is not CadenceKind.ONCE
        and (t.network is None or t.network in active)
    ]
    # the most recent influencer contact is left undone: the Overdue section has an example
    keep_pending = _last_weekly(run, "weekly.influencer_contact")
    last_done: dict[str, date] = {
        t.key: run.start - timedelta(days=rng.randint(0, 60))
        for t in recurring
        if is_since_last_done(t.cadence)
    }
    for day in run.days(run.start, run.today):
        for template in recurring:
            since = is_since_last_done(template.cadence)
            slots = slots_for(template.cadence, day, run.tz, run.hours, last_done.get(template.key))
            for slot in slots:
                if slot.at_utc > run.now:
                    continue
                if (template.key, day) == keep_pending:
                    continue
                roll = rng.random()
                if since:
                    if roll > 0.35:
                        continue  # surfaced, not done yet today
                    status = OccurrenceStatus.DONE
                    last_done[template.key] = day
                elif roll < 0.9:
                    status = OccurrenceStatus.DONE
                elif roll < 0.94:
                    status = OccurrenceStatus.SKIPPED
                else:
                    continue  # missed
                at = min(slot.at_utc + timedelta(minutes=rng.randint(0, 40)), run.now)
                out.append(
                    TaskOccurrence(
                        key=occurrence_key(template.key, day, slot.index),
                        template_key=template.key,
                        day=day,
                        slot=slot.index,
                        status=status,
                        at=at,
                        reason="Pas le temps" if status is OccurrenceStatus.SKIPPED else "",
                    )
                )
    return out


def _last_weekly(run: DemoRun, key: str) -> tuple[str, date] | None:
    for template in run.templates:
        if template.key == key and template.cadence.weekdays:
            wd = template.cadence.weekdays[0]
            back = (run.today.isoweekday() - wd) % 7 or 7
            return key, run.today - timedelta(days=back)
    return None
