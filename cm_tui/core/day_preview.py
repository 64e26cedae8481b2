"""What a working day will hold with some settings: the settings form's live preview ("What
Thursday will look like: tasks: 9 · about 3 h 40 of work in a 9 h day · posts: 3 on Facebook,
X (Twitter)").

``preview_day`` builds the day's agenda exactly as the Today tab does (``core.agenda``, the
networks' posting targets applied by ``Settings.network_profiles``), so the preview cannot
promise another day than the one the user will get. Its figures are the day's own rows (not
the overdue ones): how many tasks, their estimated minutes, and the posts to publish
(``publish.<network>`` tasks) with their networks, in the settings' order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from cm_tui.core.agenda import PUBLISH_PREFIX, apply_network_targets, build_agenda
from cm_tui.core.i18n import t
from cm_tui.core.models import NetworkProfile, TaskTemplate
from cm_tui.core.settings import Settings
from cm_tui.core.timeutil import local_day_bounds
from cm_tui.core.value import Value, frozen


@frozen
class DayPreview(Value):
    day: date
    tasks: int
    #: the tasks' estimated minutes (``TaskTemplate.minutes``)
    minutes: int
    posts: int
    #: keys of the networks with a post that day, in the settings' order
    networks: tuple[str, ...]


def preview_day_of(today: date, settings: Settings) -> date:
    """The day the preview shows: ``today`` if it is a working day of ``settings``, else the
    next working day."""
    day = today
    for _ in range(7):
        if day.isoweekday() in settings.workdays:
            return day
        day += timedelta(days=1)
    return today


def preview_day(
    templates: Iterable[TaskTemplate],
    profiles: Iterable[NetworkProfile],
    settings: Settings,
    day: date,
    *,
    last_done: Mapping[str, date] | None = None,
    history_start: date | None = None,
) -> DayPreview:
    """The day's own rows with ``settings`` (``last_done`` and ``history_start`` as Today
    passes them; none: a store that has done nothing yet)."""
    active = settings.network_profiles(profiles)
    planned = apply_network_targets(templates, active)
    agenda = build_agenda(
        planned,
        {},
        day,
        local_day_bounds(day, settings.zone)[0],
        settings.zone,
        settings,
        last_done=last_done if last_done is not None else {},
        history_start=history_start,
    )
    rows = [row for section in agenda.sections if section.key != "overdue" for row in section.rows]
    posted = {row.network for row in rows if row.template_key.startswith(PUBLISH_PREFIX)}
    return DayPreview(
        day=day,
        tasks=len(rows),
        minutes=sum(row.minutes for row in rows),
        posts=sum(1 for row in rows if row.template_key.startswith(PUBLISH_PREFIX)),
        networks=tuple(key for key in settings.active_networks if key in posted),
    )


def preview_lines(preview: DayPreview, settings: Settings, names: Mapping[str, str]) -> list[str]:
    """The preview in two lines of the current language; ``names``: network key -> name."""
    head = t("setup.preview.head", day=t(f"core.weekday.{preview.day.isoweekday()}"))
    length = settings.workday_end_minutes - settings.workday_start_minutes
    line = t(
        "setup.preview.line",
        tasks=preview.tasks,
        duration=duration(preview.minutes),
        day_length=duration(length),
        posts=preview.posts,
    )
    if preview.networks:
        shown = ", ".join(names.get(key, key) for key in preview.networks)
        line += t("setup.preview.on", networks=shown)
    return [head, line]


def duration(minutes: int) -> str:
    """``220`` -> "3 h 40", ``540`` -> "9 h", ``45`` -> "0 h 45"."""
    hours, rest = divmod(max(minutes, 0), 60)
    if not rest:
        return t("setup.preview.hours", hours=hours)
    return t("setup.preview.duration", hours=hours, minutes=f"{rest:02d}")
