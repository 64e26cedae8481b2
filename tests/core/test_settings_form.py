"""What the settings form accepts (``core.settings_form``): every bad field named, the others
applied, and what the file records."""

from __future__ import annotations

from cm_tui.core.form_errors import FieldError
from cm_tui.core.settings import Settings
from cm_tui.core.settings_form import (
    canonical_zone,
    file_changes,
    form_values,
    settings_from_form,
)

BASE = Settings(timezone="Europe/Paris", language="en")


def test_the_form_shows_the_settings_and_gives_them_back_unchanged() -> None:
    values = form_values(BASE)
    assert values == {
        "networks": "facebook,x,blog",
        "timezone": "Europe/Paris",
        "language": "en",
        "workdays": "1,2,3,4,5",
        "start": "09:00",
        "end": "18:00",
        "facebook": "day",
    }
    assert settings_from_form(values, BASE) == (BASE, [])


def test_chosen_values_become_settings() -> None:
    values = {
        **form_values(BASE),
        "networks": "linkedin,x",
        "timezone": "america/montreal",
        "language": "fr",
        "workdays": "2,1,3,4",
        "start": "8h30",
        "end": "16",
        "facebook": "week",
    }
    settings, errors = settings_from_form(values, BASE)
    assert errors == []
    # the networks kept keep their order, the new ones follow
    assert settings.active_networks == ("x", "linkedin")
    assert settings.timezone == "America/Montreal"
    assert settings.language == "fr"
    assert settings.workdays == (1, 2, 3, 4)
    assert (settings.workday_start, settings.workday_end) == ("08:30", "16:00")
    assert settings.facebook_per_week
    assert file_changes(settings) == {
        "timezone": "America/Montreal",
        "language": "fr",
        "workday.start": "08:30",
        "workday.end": "16:00",
        "workday.days": [1, 2, 3, 4],
        "networks.active": ["x", "linkedin"],
        "networks.facebook_per_week": True,
    }


def test_every_bad_field_is_named_and_keeps_its_previous_value() -> None:
    values = {
        **form_values(BASE),
        "networks": "",
        "timezone": "Mars/Olympus",
        "workdays": "",
        "start": "25:00",
        "language": "fr",
    }
    settings, errors = settings_from_form(values, BASE)
    assert errors == [
        FieldError("networks", "setup.error.networks"),
        FieldError("timezone", "setup.error.timezone", {"value": "Mars/Olympus"}),
        FieldError("workdays", "setup.error.workdays"),
        FieldError("start", "setup.error.time", {"value": "25:00"}),
    ]
    assert settings == Settings(**{**_fields(BASE), "language": "fr"})
    assert errors[1].message == (
        '"Mars/Olympus" is not a known time zone: type a name such as Europe/Paris.'
    )


def test_the_day_ends_after_it_starts() -> None:
    values = {**form_values(BASE), "start": "18:00", "end": "09:00"}
    settings, errors = settings_from_form(values, BASE)
    assert errors == [FieldError("end", "setup.error.end", {"start": "18:00"})]
    assert (settings.workday_start, settings.workday_end) == ("09:00", "18:00")


def test_zone_names() -> None:
    assert canonical_zone(" Europe/Paris ") == "Europe/Paris"
    assert canonical_zone("europe/paris") == "Europe/Paris"
    assert canonical_zone("UTC") == "UTC"
    for bad in ("", "Mars/Olympus", "../../etc/passwd", "/etc/localtime"):
        assert canonical_zone(bad) is None


def _fields(settings: Settings) -> dict[str, object]:
    return {name: getattr(settings, name) for name in settings.field_names()}
