"""The README is part of the interface: its commands, settings example and key table must be
the real ones (these tests fail when the code moves and the README does not)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from cm_tui.core.settings import Settings

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
FIRST = "pip install . && cm-tui --demo"
SECOND = "pip install -e '.[test]' && pytest"


def code_blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_the_two_commands_come_first() -> None:
    first_block = README.split("```", 2)[1]
    lines = [line.split("#")[0].strip() for line in first_block.splitlines()[1:] if line.strip()]
    assert lines == [FIRST, SECOND]
    assert README.index(FIRST) < README.index("## ")


def test_ci_runs_exactly_the_second_command() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash")
    assert "set -euo pipefail" in script
    commands = [
        line.strip() for line in script.splitlines() if "pytest" in line and "#" not in line
    ]
    assert commands == [SECOND]
    assert (REPO / ".ci" / "run").stat().st_mode & 0o111


def test_the_settings_example_is_valid() -> None:
    (example,) = code_blocks("toml")
    settings = Settings.from_mapping(tomllib.loads(example), "README.md")
    assert settings.facebook_per_week is True
    assert settings.deadline_policy.minutes("review", "instagram") == 2880


def test_every_screenshot_is_referenced() -> None:
    for tab in ("today", "calendar", "queue", "stats"):
        assert f"screenshots/{tab}.svg" in README


def test_every_key_of_the_app_is_in_the_key_table() -> None:
    from cm_tui.ui.app import TABS, CmTuiApp

    owners: list[Any] = [CmTuiApp]
    for tab in TABS:
        pane = tab.pane_class()
        owners += [pane, *pane.KEY_WIDGETS]
    ids = {
        binding.id
        for owner in owners
        for binding in owner.BINDINGS
        if getattr(binding, "id", None) and getattr(binding, "description", "")
    }
    table = README.split("## Keys", 1)[1].split("\n## ", 1)[0]
    missing = sorted(i for i in ids if f"`{i}`" not in table)
    assert not missing, f"binding ids missing from the README's key table: {missing}"
