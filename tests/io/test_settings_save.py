"""The settings file's one writer (``io.settings_file.save_settings``): a key changed, every
comment, other key and layout kept (a tomlkit round trip), checked before it is written,
written whole and atomically as a private file; and when the first start's form is due."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.settings import SettingsError
from cm_tui.io.settings_file import (
    load_settings,
    needs_first_run,
    save_settings,
    template_text,
)

HAND_WRITTEN = """\
# My settings -- do not lose this line
timezone = "Europe/Paris"   # where the office is

[workday]
start = "09:00"   # we start early
end = "18:00"

[queue.deadlines]
review = 1440   # reviews can wait a day
"review@instagram" = 2880

[keys]
"queue.reply" = "R"

[networks]
active = ["facebook", "linkedin"]

# a comment at the end
"""

FORM = {
    "timezone": "America/Montreal",
    "language": "fr",
    "workday.start": "08:30",
    "workday.end": "16:00",
    "workday.days": [1, 2, 3, 4],
    "networks.active": ["linkedin", "x"],
    "networks.facebook_per_week": True,
}


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, bytes]]:
    """Every call of the one atomic writer (which still writes)."""
    from cm_tui.store import atomic

    calls: list[tuple[Path, bytes]] = []
    real = atomic.write_atomic

    def spy(path: Path, data: Any, **kwargs: Any) -> None:
        calls.append((path, bytes(data)))
        real(path, data, **kwargs)

    monkeypatch.setattr(atomic, "write_atomic", spy)
    return calls


def test_saving_changes_the_keys_and_keeps_every_comment_and_other_key(
    tmp_path: Path, writes: list[tuple[Path, bytes]]
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    settings = save_settings(path, FORM)
    text = path.read_text(encoding="utf-8")
    for line in (
        "# My settings -- do not lose this line",
        "# where the office is",
        "# we start early",
        "review = 1440   # reviews can wait a day",
        '"review@instagram" = 2880',
        '"queue.reply" = "R"',
        "# a comment at the end",
    ):
        assert line in text
    assert 'timezone = "America/Montreal"   # where the office is' in text
    assert 'start = "08:30"   # we start early' in text
    data = tomllib.loads(text)
    assert data["workday"] == {"start": "08:30", "end": "16:00", "days": [1, 2, 3, 4]}
    assert data["networks"] == {"active": ["linkedin", "x"], "facebook_per_week": True}
    assert data["keys"] == {"queue.reply": "R"}
    assert data["language"] == "fr"
    # what the app reads back is what was saved, and what the function gave
    assert load_settings(path) == settings
    assert settings.active_networks == ("linkedin", "x") and settings.workdays == (1, 2, 3, 4)
    # one whole write, through the atomic writer, private (loading it remembers its parse in
    # the cache folder: io.settings_file.PARSED_CACHE)
    assert [w for w in writes if w[0] == path] == [(path, text.encode("utf-8"))]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]


def test_saving_again_changes_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    save_settings(path, FORM)
    first = path.read_text(encoding="utf-8")
    save_settings(path, FORM)
    assert path.read_text(encoding="utf-8") == first


def test_a_missing_file_starts_from_the_commented_template(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.toml"
    save_settings(path, FORM)
    text = path.read_text(encoding="utf-8")
    template_comments = [line for line in template_text().splitlines() if line.startswith("#")]
    assert all(line in text for line in template_comments)
    assert tomllib.loads(text)["timezone"] == "America/Montreal"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_symlinked_settings_file_is_followed(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real = dotfiles / "cm-tui.toml"
    real.write_text(HAND_WRITTEN, encoding="utf-8")
    link = tmp_path / "settings.toml"
    link.symlink_to(real)
    save_settings(link, FORM)
    assert link.is_symlink()
    assert tomllib.loads(real.read_text(encoding="utf-8"))["language"] == "fr"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("timezone = \n", "is not valid TOML"),
        ("[backups]\nkeep = 100000\n", '"backups.keep" = 100000'),
    ],
)
def test_a_file_that_would_not_load_is_refused_and_left_as_it_is(
    tmp_path: Path, content: str, expected: str, writes: list[tuple[Path, bytes]]
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        save_settings(path, FORM)
    message = str(caught.value)
    assert expected in message and "\n" not in message
    assert path.read_text(encoding="utf-8") == content
    assert writes == []


def test_a_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        save_settings(blocker / "settings.toml", FORM)
    message = str(caught.value)
    assert message.startswith(str(blocker / "settings.toml"))
    assert message.endswith("check that the folder can be written.") and "\n" not in message


def test_the_first_start_is_a_missing_file_or_the_untouched_template(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    assert needs_first_run(path)
    load_settings(path)  # any command writes the template when the file is missing
    assert path.read_text(encoding="utf-8") == template_text()
    assert needs_first_run(path)
    save_settings(path, FORM)
    assert not needs_first_run(path)
