"""Store messages exist in both languages with the same placeholders, and errors say what to do."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from cm_tui.core import i18n
from cm_tui.core.messages.store import MESSAGES
from cm_tui.store import SchemaTooNew, StoreCorrupt, StoreLocked, StoreWriteError


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_have_the_same_placeholders(key: str) -> None:
    english, french = MESSAGES[key]
    assert key.startswith("store.")
    assert fields(english) == fields(french)


def test_errors_are_one_line_in_both_languages() -> None:
    db = Path("/data/store.json")
    errors = [
        StoreLocked(db, 1234, "laptop"),
        StoreCorrupt(db, "the file is empty", moved_to=Path("/data/x"), backups=Path("/b")),
        StoreCorrupt(db, "the file is empty", backups=Path("/b")),
        SchemaTooNew(db, 3, 1),
        StoreWriteError("disk full"),
    ]
    for language in ("en", "fr"):
        i18n.set_language(language)
        for error in errors:
            text = str(error)
            assert "\n" not in text and text not in MESSAGES and " " in text
        assert "cm-tui restore" in str(errors[1]) and "/b" in str(errors[1])
        assert "1234" in str(errors[0]) and "laptop" in str(errors[0])
