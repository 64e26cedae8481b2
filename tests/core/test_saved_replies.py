"""Saved replies: ``{first_name}`` beside ``{author}``, and default replies in English and French
whatever the interface's language (a community writes in both)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from cm_tui.core import i18n
from cm_tui.core.models import QueueItem, QueueKind
from cm_tui.core.queue import default_templates, fill_template

NOW = datetime(2026, 11, 19, 8, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def item(name: str, handle: str = "@lea_m") -> QueueItem:
    return QueueItem(
        kind=QueueKind.COMMENT,
        network="instagram",
        author_handle=handle,
        author_name=name,
        text="Bonjour",
        received_at=NOW,
        deadline=NOW + timedelta(hours=1),
    )


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Léa Martin", "Léa"),
        ("  Jean-Pierre   Dupont ", "Jean-Pierre"),
        ("Léa", "Léa"),
        ("", "@lea_m"),  # no display name: the handle, as {author}
        ("Le\x1b[2J\x1b]0;x\x07a B", "Lea"),  # control characters never reach a reply
    ],
)
def test_first_name_is_the_first_word_of_the_display_name(name: str, first: str) -> None:
    assert fill_template("Merci {first_name} !", item(name)) == f"Merci {first} !"


def test_both_placeholders_are_filled_in_one_pass_and_literally() -> None:
    reply = fill_template("{first_name} / {author} / {0} {x}", item("Léa Martin"))
    assert reply == "Léa / Léa Martin / {0} {x}"
    # a name holding a placeholder is not filled again
    assert fill_template("{author} {first_name}", item("{first_name} x")) == (
        "{first_name} x {first_name}"
    )


def test_default_replies_exist_in_both_languages_the_interface_one_first() -> None:
    english = default_templates()
    i18n.set_language("fr")
    french = default_templates()
    assert len(english) == len(french) == 6
    assert english[0] == ("Thanks", "Thank you {author}! We are glad you like it.")
    assert french[0] == ("Merci", "Merci {author} ! Nous sommes ravis que cela vous plaise.")
    # the other language's replies follow, marked with their language
    assert english[3] == ("Merci (FR)", french[0][1])
    assert french[3] == ("Thanks (EN)", english[0][1])
    assert {text for _n, text in english} == {text for _n, text in french}
    assert any("{first_name}" in text for _n, text in english[:3])
    assert any("{first_name}" in text for _n, text in english[3:])
