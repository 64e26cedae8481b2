"""The settings form's preview of a day (``core.day_preview``): the same day the Today tab
will show with those settings, counted from the form's values."""

from __future__ import annotations

from datetime import date

import pytest

from cm_tui.core import i18n
from cm_tui.core.agenda import apply_network_targets, build_agenda
from cm_tui.core.day_preview import duration, preview_day, preview_day_of, preview_lines
from cm_tui.core.settings import KNOWN_NETWORKS, Settings
from cm_tui.core.settings_form import settings_from_form
from cm_tui.core.timeutil import local_day_bounds
from cm_tui.io.shipped import load_catalog, load_networks

THURSDAY = date(2026, 11, 19)
SATURDAY = date(2026, 11, 21)
BASE = Settings(timezone="Europe/Paris", language="en")
NAMES = {n.key: n.name for n in load_networks()}


def test_the_defaults_make_a_lighter_first_day_than_every_network() -> None:
    catalog, profiles = load_catalog(), load_networks()
    every = Settings(timezone="Europe/Paris", language="en", active_networks=KNOWN_NETWORKS)
    heavy = preview_day(catalog, profiles, every, THURSDAY, history_start=THURSDAY)
    light = preview_day(catalog, profiles, BASE, THURSDAY, history_start=THURSDAY)
    assert "snapchat" in heavy.networks and heavy.posts >= 13
    assert light.networks == ("facebook", "x")  # the blog posts on Fridays
    assert light.posts == 4  # Facebook 1 a day, X 3 a day
    assert light.tasks < heavy.tasks


def test_the_preview_counts_the_rows_today_will_show() -> None:
    catalog, profiles = load_catalog(), load_networks()
    preview = preview_day(catalog, profiles, BASE, THURSDAY, history_start=THURSDAY)
    planned = apply_network_targets(catalog, BASE.network_profiles(profiles))
    now = local_day_bounds(THURSDAY, BASE.zone)[0]
    agenda = build_agenda(
        planned, {}, THURSDAY, now, BASE.zone, BASE, last_done={}, history_start=THURSDAY
    )
    assert preview.tasks == agenda.total
    assert preview.minutes == sum(r.minutes for r in agenda.rows)


def test_the_preview_follows_the_form_values() -> None:
    """LinkedIn and Instagram instead of the defaults, Facebook's weekly rhythm: what the form
    would show while the user ticks."""
    catalog, profiles = load_catalog(), load_networks()
    values = {
        "networks": "linkedin,instagram",
        "timezone": "Europe/Paris",
        "language": "en",
        "workdays": "1,2,3,4,5",
        "start": "9h",
        "end": "17:00",
        "facebook": "week",
    }
    settings, errors = settings_from_form(values, BASE)
    assert errors == []
    preview = preview_day(catalog, profiles, settings, THURSDAY, history_start=THURSDAY)
    assert preview.networks == ("instagram", "linkedin") and preview.posts == 2
    head, line = preview_lines(preview, settings, NAMES)
    assert head == "What Thursday will look like:"
    assert line.startswith(f"tasks: {preview.tasks} · about ")
    assert line.endswith("of work in a 8 h day · posts: 2 on Instagram, LinkedIn")


def test_a_day_off_previews_the_next_working_day() -> None:
    assert preview_day_of(THURSDAY, BASE) == THURSDAY
    assert preview_day_of(SATURDAY, BASE) == date(2026, 11, 23)
    weekend = Settings(timezone="Europe/Paris", language="en", workdays=(6, 7))
    assert preview_day_of(THURSDAY, weekend) == SATURDAY


@pytest.mark.parametrize(
    ("minutes", "en", "fr"),
    [(540, "9 h", "9 h"), (220, "3 h 40", "3 h 40"), (45, "0 h 45", "0 h 45")],
)
def test_duration(minutes: int, en: str, fr: str) -> None:
    assert duration(minutes) == en
    i18n.set_language("fr")
    assert duration(minutes) == fr


def test_the_preview_in_french() -> None:
    i18n.set_language("fr")
    catalog, profiles = load_catalog(), load_networks()
    preview = preview_day(catalog, profiles, BASE, THURSDAY, history_start=THURSDAY)
    head, line = preview_lines(preview, BASE, NAMES)
    assert head == "À quoi ressemblera jeudi :"
    assert line.startswith(f"tâches : {preview.tasks} · environ ")
    assert line.endswith(" · publications : 4 sur Facebook, X (Twitter)")
