"""The first start's settings form is the user's: ``cm-tui`` on a fresh home asks it,
``cm-tui --demo`` never does (the demo has settings of its own)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cm_tui import cli
from cm_tui.io.settings_file import needs_first_run

NOW = "2026-11-19T09:12:00+01:00"


@pytest.fixture
def first_runs(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The app is built by the real command but not run: what it was told about the start."""
    from cm_tui.ui.app import CmTuiApp

    seen: list[bool] = []

    def run(app: Any) -> None:
        seen.append(app.first_run)

    monkeypatch.setattr(CmTuiApp, "run", run)
    return seen


def test_the_demo_never_shows_the_first_start_form(tmp_home: Path, first_runs: list[bool]) -> None:
    settings = tmp_home / "settings.toml"
    assert cli.main(["--demo", "--now", NOW]) == 0
    assert first_runs == [False]
    # still a first start for the user's own store: the demo answered nothing
    assert needs_first_run(settings)
    assert cli.main(["--now", NOW]) == 0
    assert first_runs == [False, True]


def test_a_chosen_settings_file_is_not_a_first_start(
    tmp_home: Path, first_runs: list[bool]
) -> None:
    (tmp_home / "settings.toml").write_text('language = "en"\n', encoding="utf-8")
    assert cli.main(["--now", NOW]) == 0
    assert first_runs == [False]
