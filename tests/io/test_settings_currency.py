"""``[stats] currency``: the currency of the campaigns' amounts (the report and the campaign
chart name it), an ISO 4217 code, ``EUR`` by default; a bad one is one line saying what to
write."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from cm_tui.core.settings import Settings, SettingsError
from cm_tui.io.settings_file import load_settings, template_text

SOURCE = "settings.toml"


def test_the_default_is_euros_and_a_file_can_say_otherwise(tmp_path: Path) -> None:
    assert Settings().currency == "EUR"
    path = tmp_path / "settings.toml"
    path.write_text('[stats]\ncurrency = "CAD"\n', encoding="utf-8")
    assert load_settings(path).currency == "CAD"
    assert Settings.from_mapping(Settings(currency="CHF").to_mapping(), SOURCE).currency == "CHF"


@pytest.mark.parametrize("value", ["euro", "eur", "€", "", "EURO", "E1R", 978, True, ["EUR"]])
def test_a_bad_currency_is_one_line_naming_the_key_and_what_to_write(value: object) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_mapping({"stats": {"currency": value}}, SOURCE)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith('settings.toml: "stats.currency" = ')
    assert '"EUR"' in message and "ISO 4217" in message


def test_an_unknown_key_of_the_section_is_refused() -> None:
    with pytest.raises(SettingsError, match=r"stats\.money"):
        Settings.from_mapping({"stats": {"money": "EUR"}}, SOURCE)


def test_the_settings_template_shows_the_key() -> None:
    text = template_text()
    assert "[stats]" in text and '# currency = "EUR"' in text
    assert Settings.from_mapping(tomllib.loads(text), "template") == Settings()
