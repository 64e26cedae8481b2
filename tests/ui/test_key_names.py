"""A key is named one way per language, through the translation layer: the footer, the help
and every message say ``esc`` in English and ``Échap`` in French (``ui.keyname.*``), never
both."""

from __future__ import annotations

import re
from typing import Any

import pytest

from cm_tui.core import i18n
from cm_tui.core.i18n import set_language, t
from tests.ui.conftest import screen_text, settle

#: how a message may name the key, whatever the case; ``échappement`` is another word
SPELLINGS = {
    "ui.keyname.escape": re.compile(r"(?i)(?<![\w-])(esc|échap)(?![\w-])"),
    "ui.keyname.enter": re.compile(r"(?i)(?<![\w-])(entrée)(?![\w-])"),
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("key", sorted(SPELLINGS))
def test_every_message_names_a_key_as_the_translation_does(language: str, key: str) -> None:
    set_language(language)
    try:
        canonical = t(key)
        index = 1 if language == "fr" else 0
        other = sorted(
            (name, found)
            for name, pair in i18n.catalog().items()
            for text in i18n.variants(pair[index])
            for found in SPELLINGS[key].findall(text)
            if found != canonical
        )
    finally:
        set_language("en")
    assert other == []


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_the_footer_names_escape_as_the_messages_do(make_app: Any, language: str) -> None:
    """Seen: "esc Annuler" in the footer under a hint saying "échap annule"."""
    set_language(language)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
    assert f"{t('ui.keyname.escape')} {t('queue.key.cancel')}" in footer, footer
