"""``io.settings_file``: the parsed settings are remembered in the cache folder, so an unchanged
file is not parsed again (tomllib is not imported); any change is read again."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from cm_tui.core.settings import SettingsError
from cm_tui.io.locations import cache_dir
from cm_tui.io.settings_file import PARSED_CACHE, load_settings


def _write(tmp_home: Path, text: str) -> Path:
    path = tmp_home / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_text: str) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(tomllib, "loads", refuse)


def test_an_unchanged_file_is_not_parsed_again(
    tmp_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_home, 'language = "fr"\n[workday]\nstart = "08:30"\n')
    first = load_settings(path)
    assert (cache_dir() / PARSED_CACHE).stat().st_mode & 0o777 == 0o600
    with monkeypatch.context() as patch:
        _no_parsing(patch)
        assert load_settings(path) == first
    path.write_text('language = "en"\n[workday]\nstart = "08:30"\n', encoding="utf-8")
    assert load_settings(path).language == "en"


def test_a_remembered_mapping_is_still_checked(tmp_home: Path) -> None:
    text = 'language = "fr"\n'
    path = _write(tmp_home, text)
    load_settings(path)
    cached = cache_dir() / PARSED_CACHE
    cached.write_text(json.dumps({"text": text, "mapping": {"language": "xx"}}), "utf-8")
    with pytest.raises(SettingsError):
        load_settings(path)


@pytest.mark.parametrize("content", ["not json", '{"text": 1}', "[]", '{"mapping": {}}'])
def test_a_foreign_cache_is_ignored(tmp_home: Path, content: str) -> None:
    path = _write(tmp_home, 'language = "fr"\n')
    cache_dir().mkdir(parents=True, exist_ok=True)
    (cache_dir() / PARSED_CACHE).write_text(content, encoding="utf-8")
    assert load_settings(path).language == "fr"


def test_what_json_cannot_give_back_is_parsed_every_time(
    tmp_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_home, 'language = "fr"\nonboarding_start = 2026-11-02\n')
    assert load_settings(path).language == "fr"
    assert not (cache_dir() / PARSED_CACHE).exists()


def test_an_unwritable_cache_costs_speed_only(tmp_home: Path) -> None:
    cache_dir().parent.mkdir(parents=True, exist_ok=True)
    cache_dir().write_text("a file where the folder should be", encoding="utf-8")
    path = _write(tmp_home, 'language = "fr"\n')
    assert load_settings(path).language == "fr"
    assert load_settings(path).language == "fr"
