"""``[net]``: how often the inbox is polled and how long a reply waits in the outbox before it
goes (its undo window); read like every other section, bounded, in the template."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from cm_tui.core.net_rules import NetSettings
from cm_tui.core.settings import Settings, SettingsError
from cm_tui.io.settings_file import load_settings, template_text

SOURCE = "settings.toml"


def test_defaults_and_a_file_that_changes_them(tmp_path: Path) -> None:
    assert Settings().net == NetSettings(poll_seconds=60, undo_seconds=10)
    path = tmp_path / "settings.toml"
    path.write_text("[net]\npoll_seconds = 30\nundo_seconds = 20\n", encoding="utf-8")
    assert load_settings(path).net == NetSettings(poll_seconds=30, undo_seconds=20)
    again = Settings.from_mapping(Settings(net=NetSettings(15, 0)).to_mapping(), SOURCE)
    assert again.net == NetSettings(poll_seconds=15, undo_seconds=0)


@pytest.mark.parametrize(
    ("key", "value"),
    [("poll_seconds", 0), ("poll_seconds", 100_000), ("undo_seconds", -1), ("undo_seconds", "10")],
)
def test_a_bad_value_is_one_line_naming_the_key(key: str, value: object) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_mapping({"net": {key: value}}, SOURCE)
    message = str(caught.value)
    assert "\n" not in message and f'"net.{key}"' in message


def test_an_unknown_key_of_the_section_is_refused() -> None:
    with pytest.raises(SettingsError, match=r"net\.poll"):
        Settings.from_mapping({"net": {"poll": 5}}, SOURCE)


def test_the_template_documents_the_section_with_the_defaults() -> None:
    text = template_text()
    assert "[net]" in text
    uncommented = "\n".join(
        line[2:] if line.startswith("# poll_seconds") or line.startswith("# undo_seconds") else line
        for line in text.splitlines()
    )
    assert Settings.from_mapping(tomllib.loads(uncommented), SOURCE).net == NetSettings()
