"""``--out`` into a missing folder, or onto a folder: the one error line names the path the
user gave, never the writer's temporary file beside it (``write_atomic``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui import cli
from cm_tui.store import Store
from cm_tui.store.atomic import TMP_MARK, write_atomic
from tests.cli.lines import one_line_error


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s" / "store.json"
    Store.open(path).close()
    return path


def _commands(db: Path, out: Path) -> dict[str, list[str]]:
    return {
        "export json": ["export", "json", "--db", str(db), "--out", str(out)],
        "export ics": ["export", "ics", "--db", str(db), "--out", str(out)],
        "report": ["report", "2026-11", "--db", str(db), "--out", str(out)],
    }


@pytest.mark.parametrize("command", ["export json", "export ics", "report"])
def test_out_in_a_missing_folder_names_the_target_not_a_temp_file(
    command: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nodir" / "x.out"
    assert cli.main(_commands(db, out)[command]) == 1
    line = one_line_error(capsys.readouterr().err)
    assert TMP_MARK not in line
    assert line == f"cm-tui: error: {out}: No such file or directory"


@pytest.mark.parametrize("command", ["export json", "export ics", "report"])
def test_out_onto_a_folder_says_the_target_is_a_directory(
    command: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "files"
    out.mkdir()
    assert cli.main(_commands(db, out)[command]) == 1
    line = one_line_error(capsys.readouterr().err)
    assert TMP_MARK not in line
    assert line == f"cm-tui: error: {out}: Is a directory"
    assert list(tmp_path.glob(f"*{TMP_MARK}*")) == []  # nothing left beside it


def test_write_atomic_errors_name_the_target(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.json"
    with pytest.raises(FileNotFoundError) as caught:
        write_atomic(target, b"{}")
    assert caught.value.filename == str(target)
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(IsADirectoryError) as caught_dir:
        write_atomic(folder, b"{}")
    assert caught_dir.value.filename == str(folder)
    assert [p.name for p in tmp_path.iterdir()] == ["folder"]
    assert list(folder.iterdir()) == []
