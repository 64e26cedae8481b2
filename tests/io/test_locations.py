"""Where files live: CM_TUI_HOME puts everything under one folder; otherwise platformdirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui.io import locations


def test_cm_tui_home_holds_data_config_demo_and_inbox(tmp_home: Path) -> None:
    assert locations.default_db_path() == tmp_home / "store.json"
    assert locations.config_path() == tmp_home / "settings.toml"
    assert locations.demo_db_path() == tmp_home / "demo" / "store.json"
    assert locations.inbox_path() == tmp_home / "inbox"
    assert locations.demo_db_path().parent != locations.default_db_path().parent


def test_relative_cm_tui_home_is_made_absolute(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CM_TUI_HOME", "here")
    assert locations.default_db_path() == tmp_path / "here" / "store.json"


def test_platform_folders_without_cm_tui_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CM_TUI_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert locations.default_db_path() == tmp_path / "data" / "cm-tui" / "store.json"
    assert locations.config_path() == tmp_path / "config" / "cm-tui" / "settings.toml"
    assert locations.inbox_path() == tmp_path / "data" / "cm-tui" / "inbox"


def test_empty_cm_tui_home_counts_as_unset(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CM_TUI_HOME", "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert locations.default_db_path() == tmp_path / "cm-tui" / "store.json"


def test_inbox_setting_absolute_home_relative_and_relative(
    tmp_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert locations.inbox_path("/srv/drop") == Path("/srv/drop")
    assert locations.inbox_path("~/drop") == tmp_path / "drop"
    assert locations.inbox_path("drop") == tmp_home / "drop"  # next to the settings file


def test_nothing_is_created_by_asking(tmp_home: Path) -> None:
    locations.default_db_path()
    locations.demo_db_path()
    locations.inbox_path()
    assert list(tmp_home.iterdir()) == []
