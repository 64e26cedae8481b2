"""The onboarding checklist seen whole: every step, done or not, and what a tick writes.

Today's box (``agenda.onboarding_progress``) shows how far the checklist is and its next steps;
the checklist screen (``b``) lists all of them so that any step can be ticked or unticked, in
any order: the work of the first weeks does not come in the catalog's order.

Contract:

* the steps are ``agenda.checklist_items``: the active ``ONCE`` items without a day of the
  onboarding, then of the first months, in catalog order, numbered from 1;
* a step is done when its record (at ``recurrence.checklist_key``) is done or skipped, the
  rule the Today box counts by; ``done_on`` is the user's day of that record's instant;
* ``toggled`` is the record after ``d``: a step marked done is cleared (``None``), a pending
  or skipped one is marked done at ``now``. The caller writes it as one undoable edit.

Pure: no clock, no store, no UI.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from cm_tui.core.agenda import OccurrenceLookup, checklist_items
from cm_tui.core.models import OccurrenceStatus, TaskOccurrence, TaskTemplate
from cm_tui.core.recurrence import CHECKLIST_DAY, checklist_key
from cm_tui.core.value import Value, frozen

_HANDLED = (OccurrenceStatus.DONE, OccurrenceStatus.SKIPPED)


@frozen
class ChecklistStep(Value):
    """One step: its place in the checklist (from 1), its task and its record, if any."""

    number: int
    template: TaskTemplate
    occurrence: TaskOccurrence | None = None

    @property
    def key(self) -> str:
        """The key of the step's record."""
        return checklist_key(self.template)

    @property
    def status(self) -> OccurrenceStatus | None:
        return None if self.occurrence is None else self.occurrence.status

    @property
    def done(self) -> bool:
        """Done or skipped: handled, as the Today box counts it."""
        return self.status in _HANDLED

    def done_on(self, tz: ZoneInfo) -> date | None:
        """The user's day the step was handled (``None``: not done)."""
        if not self.done or self.occurrence is None:
            return None
        return self.occurrence.at.astimezone(tz).date()


def checklist_steps(
    templates: Iterable[TaskTemplate], occurrences: OccurrenceLookup
) -> tuple[ChecklistStep, ...]:
    """Every step of the checklist, in order, with its record (see module doc)."""
    return tuple(
        ChecklistStep(number, item, occurrences.get(checklist_key(item)))
        for number, item in enumerate(checklist_items(templates), start=1)
    )


def toggled(step: ChecklistStep, now: datetime) -> TaskOccurrence | None:
    """The step's record after ``d``: cleared when marked done, else done at ``now``."""
    if step.status is OccurrenceStatus.DONE:
        return None
    return TaskOccurrence(step.key, step.template.key, CHECKLIST_DAY, 0, OccurrenceStatus.DONE, now)


__all__ = ["ChecklistStep", "checklist_steps", "toggled"]
