"""Every message exists in English and French with the same placeholders; core labels."""

from __future__ import annotations

import string
from collections.abc import Iterator
from datetime import date

import pytest

from cm_tui.core import i18n
from cm_tui.core.labels import describe_cadence
from cm_tui.core.messages.core import MESSAGES as CORE
from cm_tui.core.models import (
    Cadence,
    CadenceKind,
    PostStatus,
    QueueKind,
    QueueStatus,
    TaskGroup,
)
from cm_tui.core.queue import BANDS
from cm_tui.core.recurrence import BLOCKS


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_has_both_languages_with_same_placeholders() -> None:
    """Every text of a message (each plural form too) has the same placeholders in both
    languages; a plural form may leave out ``count`` ("Every day" / "Every {count} days")."""
    bad = []
    for key, (english, french) in sorted(i18n.catalog().items()):
        texts = [*i18n.variants(english), *i18n.variants(french)]
        shown = [placeholders(text) - {"count"} for text in texts]
        counts = [
            any("count" in placeholders(text) for text in i18n.variants(side))
            for side in (english, french)
        ]
        empty = any(not text.strip() for text in texts)
        if empty or any(s != shown[0] for s in shown) or counts[0] != counts[1]:
            bad.append(key)
    assert bad == []
    assert len(i18n.catalog()) > 100


def test_core_keys_are_prefixed() -> None:
    assert all(key.startswith("core.") for key in CORE)


def test_every_key_lives_in_the_area_its_first_segment_names() -> None:
    """What lets ``t()`` import one area at a time: a key's first segment is its area's name,
    or no area at all for the keys of ``common`` (so no key can be defined twice)."""
    import importlib

    names = i18n.area_names()
    assert {"common", "core", "queue", "stats", "ui"} <= set(names)
    misplaced = []
    for name in names:
        module = importlib.import_module(f"cm_tui.core.messages.{name}")
        for key in module.MESSAGES:
            head = key.partition(".")[0]
            wanted = head if head in names else i18n.COMMON_AREA
            if wanted != name:
                misplaced.append((name, key))
    assert misplaced == []
    assert i18n.area_of("queue.alert.due15") is i18n.area_of("queue.anything")
    assert "save" in i18n.area_of("save") and "app.title" in i18n.area_of("app.title")


def test_core_labels_cover_every_value() -> None:
    needed = [
        *(f"core.group.{g.value}" for g in TaskGroup),
        *(f"core.block.{b}" for b in BLOCKS),
        *(f"core.band.{b}" for b in BANDS),
        *(f"core.status.{s}" for s in ("pending", "done", "skipped", "snoozed")),
        *(f"core.queue.kind.{k.value}" for k in QueueKind),
        *(f"core.queue.status.{s.value}" for s in QueueStatus),
        *(f"core.post.{s.value}" for s in PostStatus),
        *(f"core.weekday.{d}" for d in range(1, 8)),
        *(f"core.target.{s}" for s in ("under", "within", "over")),
    ]
    missing = [key for key in needed if key not in CORE]
    assert missing == []


@pytest.fixture
def french() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("fr")
    yield
    i18n.set_language(before)


def test_group_label_in_both_languages(french: None) -> None:
    assert i18n.t("core.group.weekly") == "Chaque semaine"
    i18n.set_language("en")
    assert i18n.t("core.group.weekly") == "Weekly"


@pytest.mark.parametrize(
    ("cadence", "english", "french_text"),
    [
        (Cadence(CadenceKind.WEEKLY, weekdays=(5,), at="09:00"),
         "Every week on Friday at 09:00", "Chaque semaine : vendredi à 09:00"),
        (Cadence(CadenceKind.TIMES_PER_DAY, times=3), "3 times a day", "3 fois par jour"),
        (Cadence(CadenceKind.MONTHLY, nth_weekday=(4, -1)),
         "Monthly, last Thursday", "Chaque mois, le dernier jeudi"),
        (Cadence(CadenceKind.MONTHLY, day_of_month=-1),
         "Monthly on the last day", "Chaque mois, le dernier jour"),
        (Cadence(CadenceKind.OCCASIONAL, every=3),
         "Every 3 months since last done", "Tous les 3 mois depuis la dernière fois"),
        (Cadence(CadenceKind.DAILY, every=2, after_completion=True),
         "2 days after last done", "2 jours après la dernière fois"),
        (Cadence(CadenceKind.ONCE, anchor=date(2026, 3, 10)),
         "Once, on March 10, 2026", "Une fois, le 10 mars 2026"),
        (Cadence(CadenceKind.DAILY, every=1, after_completion=True),
         "1 day after last done", "1 jour après la dernière fois"),
        (Cadence(CadenceKind.MONTHLY, day_of_month=3, every=2),
         "Monthly on day 3 · Every 2 months", "Chaque mois, le 3 · Tous les 2 mois"),
        (Cadence(CadenceKind.WORKDAYS), "Every working day", "Chaque jour ouvré"),
    ],
)  # fmt: skip
def test_describe_cadence(cadence: Cadence, english: str, french_text: str) -> None:
    before = i18n.language()
    try:
        i18n.set_language("en")
        assert describe_cadence(cadence) == english
        i18n.set_language("fr")
        assert describe_cadence(cadence) == french_text
    finally:
        i18n.set_language(before)
