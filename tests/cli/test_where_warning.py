"""``cm-tui where`` with a bad settings file still prints the paths (it shows where to fix
that file) and succeeds, so the settings problem is a warning, never an "error" line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui import cli


@pytest.mark.parametrize(
    ("lang", "prefix"), [("en", "cm-tui: warning: "), ("fr", "cm-tui : avertissement : ")]
)
def test_where_with_bad_settings_warns_and_succeeds(
    lang: str, prefix: str, tmp_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_home / "settings.toml").write_text("bell = 3\n", encoding="utf-8")
    assert cli.main(["--lang", lang, "where"]) == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(prefix), lines[0]
    assert '"bell"' in lines[0]
    assert "error" not in lines[0] and "erreur" not in lines[0]
    assert str(tmp_home / "settings.toml") in captured.out
