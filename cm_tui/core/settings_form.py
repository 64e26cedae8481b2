"""The settings a person chooses in one short form: the first start's, and the ``settings``
screen's of the palette (``ui/screens/settings_form.py``). Pure: the typed texts in, checked
``Settings`` out; what the file then records (``file_changes``) is written by
``io.settings_file.save_settings``.

The fields (name -> text)::

    networks   the active networks' keys, joined by ","   (at least one)
    timezone   an IANA zone name ("europe/paris" is read as "Europe/Paris")
    language   "en" or "fr"
    workdays   ISO weekdays 1..7 joined by ","           (at least one)
    start/end  the working hours: "09:00", "9:00", "9h30", "9h", "9"   (end after start)
    facebook   FACEBOOK_DAY (the first article's 1 to 2 posts a day) or FACEBOOK_WEEK (the
               second article's 2 to 3 a week: ``Settings.facebook_per_week``)

``settings_from_form`` reads them all and gives every bad field as a ``FieldError`` naming it,
while the settings it gives keep the previous value of each bad field: a live preview always
has settings to draw, whatever is half typed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from cm_tui.core.form_errors import FieldError
from cm_tui.core.i18n import LANGUAGES
from cm_tui.core.settings import KNOWN_NETWORKS, Settings
from cm_tui.core.today import form_time

FIELDS: tuple[str, ...] = (
    "networks",
    "timezone",
    "language",
    "workdays",
    "start",
    "end",
    "facebook",
)
FACEBOOK_DAY = "day"
FACEBOOK_WEEK = "week"
#: between the values of a field of several choices (the form framework's ``CHOICES``)
SEPARATOR = ","
WEEKDAYS: tuple[int, ...] = (1, 2, 3, 4, 5, 6, 7)


def form_values(settings: Settings) -> dict[str, str]:
    """The form's texts for ``settings`` (what the form shows first)."""
    return {
        "networks": SEPARATOR.join(settings.active_networks),
        "timezone": settings.timezone,
        "language": settings.language,
        "workdays": SEPARATOR.join(str(day) for day in settings.workdays),
        "start": settings.workday_start,
        "end": settings.workday_end,
        "facebook": FACEBOOK_WEEK if settings.facebook_per_week else FACEBOOK_DAY,
    }


def settings_from_form(
    values: Mapping[str, str], base: Settings
) -> tuple[Settings, list[FieldError]]:
    """``base`` with the form's ``values``, and the errors of the bad fields (each keeps
    ``base``'s value); no error: the settings to save."""
    changes: dict[str, Any] = {}
    errors: list[FieldError] = []

    chosen = _split(values.get("networks", ""))
    networks = [n for n in base.active_networks if n in chosen]
    networks += [n for n in KNOWN_NETWORKS if n in chosen and n not in networks]
    if networks:
        changes["active_networks"] = tuple(networks)
    else:
        errors.append(FieldError("networks", "setup.error.networks"))

    typed_zone = values.get("timezone", "").strip()
    zone = canonical_zone(typed_zone)
    if zone is None:
        errors.append(FieldError("timezone", "setup.error.timezone", {"value": typed_zone}))
    else:
        changes["timezone"] = zone

    language = values.get("language", base.language)
    if language in LANGUAGES:
        changes["language"] = language

    days = sorted({int(d) for d in _split(values.get("workdays", "")) if d in _WEEKDAY_TEXTS})
    if days:
        changes["workdays"] = tuple(days)
    else:
        errors.append(FieldError("workdays", "setup.error.workdays"))

    start = _time(values, "start", errors)
    end = _time(values, "end", errors)
    if start is not None and end is not None and end <= start:
        errors.append(FieldError("end", "setup.error.end", {"start": start}))
    else:
        if start is not None:
            changes["workday_start"] = start
        if end is not None:
            changes["workday_end"] = end

    facebook = values.get("facebook", "")
    if facebook in (FACEBOOK_DAY, FACEBOOK_WEEK):
        changes["facebook_per_week"] = facebook == FACEBOOK_WEEK
    return dataclasses.replace(base, **changes), errors


def file_changes(settings: Settings) -> dict[str, Any]:
    """What the settings file records of the form's choices: dotted key -> TOML value."""
    return {
        "timezone": settings.timezone,
        "language": settings.language,
        "workday.start": settings.workday_start,
        "workday.end": settings.workday_end,
        "workday.days": list(settings.workdays),
        "networks.active": list(settings.active_networks),
        "networks.facebook_per_week": settings.facebook_per_week,
    }


@cache
def zone_names() -> tuple[str, ...]:
    """The IANA zone names this system knows, sorted (for completion); read once."""
    return tuple(sorted(available_timezones()))


def canonical_zone(text: str) -> str | None:
    """``text`` as a zone name ``Settings`` accepts, its case corrected from the known names;
    ``None`` when it names no zone."""
    text = text.strip()
    if not text:
        return None
    if not text.startswith("/") and ".." not in text:
        try:
            ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
        else:
            return text
    lowered = text.lower()
    return next((name for name in zone_names() if name.lower() == lowered), None)


_WEEKDAY_TEXTS = frozenset(str(day) for day in WEEKDAYS)


def _split(text: str) -> set[str]:
    return {part.strip() for part in text.split(SEPARATOR) if part.strip()}


def _time(values: Mapping[str, str], name: str, errors: list[FieldError]) -> str | None:
    typed = values.get(name, "")
    try:
        at = form_time(typed)
    except FieldError:
        at = None
    if at is None:
        errors.append(FieldError(name, "setup.error.time", {"value": typed.strip()}))
    return at
