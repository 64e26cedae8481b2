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
    texts = [*i18n.variants(english), *i18n.variants(french)]  # plural forms too
    assert all(fields(text) == fields(texts[0]) for text in texts)


def test_errors_are_one_line_in_both_languages(tmp_path: Path) -> None:
    db = Path("/data/store.json")
    backups = tmp_path / "store.backups"
    backups.mkdir()
    (backups / "store-2026-11-18.json").write_text("{}")
    errors = [
        StoreLocked(db, 1234, "laptop"),
        StoreCorrupt(db, "the file is empty", moved_to=Path("/data/x"), backups=backups),
        StoreCorrupt(db, "the file is empty", backups=backups),
        SchemaTooNew(db, 3, 1),
        StoreWriteError("disk full"),
    ]
    for language in ("en", "fr"):
        i18n.set_language(language)
        for error in errors:
            text = str(error)
            assert "\n" not in text and text not in MESSAGES and " " in text
        assert "`cm-tui restore`" in str(errors[1]) and str(backups) in str(errors[1])
        assert "`cm-tui restore`" in str(errors[2])
        assert "1234" in str(errors[0]) and "laptop" in str(errors[0])


@pytest.mark.parametrize("moved_to", [Path("/data/store.json.corrupt-1"), None])
def test_without_a_backup_restore_is_not_offered_as_a_way_out(
    tmp_path: Path, moved_to: Path | None
) -> None:
    """``cm-tui restore`` would only answer "no valid backup": the message still names it and
    the backups folder, but says there is nothing to bring back yet and what happens instead."""
    empty = tmp_path / "store.backups"
    empty.mkdir()
    for backups in (empty, tmp_path / "never-made"):
        db = Path("/data/store.json")
        error = StoreCorrupt(db, "the file is empty", moved_to=moved_to, backups=backups)
        for language in ("en", "fr"):
            i18n.set_language(language)
            text = str(error)
            assert "\n" not in text and str(backups) in text and "`cm-tui restore`" in text
            assert "restore the newest" not in text and "restaurer la plus récente" not in text
            wanted = "no backup to bring back yet" if language == "en" else "aucune sauvegarde"
            assert wanted in text
            if moved_to is not None:
                assert str(moved_to) in text


def test_the_restore_command_names_the_store_it_is_given_for(tmp_path: Path) -> None:
    backups = tmp_path / "store.backups"
    backups.mkdir()
    (backups / "store-2026-11-18.json").write_text("{}")
    error = StoreCorrupt(Path("/data/store.json"), "the file is empty", backups=backups)
    error.restore_command = "cm-tui restore --db '/data/my store.json'"
    i18n.set_language("en")
    assert "run `cm-tui restore --db '/data/my store.json'` to restore" in str(error)
