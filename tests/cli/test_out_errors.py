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


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="needs Linux's /proc")
@pytest.mark.parametrize("command", ["export json", "export ics", "report"])
def test_out_where_no_file_can_be_written_says_so_in_one_line(
    command: str, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``/proc/version`` exists, in a folder that exists, but no file can be created beside it:
    "No such file or directory" alone would be wrong; the line says it cannot write there."""
    out = Path("/proc/version")
    assert cli.main(_commands(db, out)[command]) == 1
    line = one_line_error(capsys.readouterr().err)
    assert TMP_MARK not in line
    assert line.startswith(f"cm-tui: error: cannot write {out} ")
    assert "--out" in line  # what to do


def test_export_csv_without_table_exports_the_posts(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``posts`` is the one table ``export csv`` writes: it is the default, not ``"-"``."""
    out = tmp_path / "posts.csv"
    assert cli.main(["export", "csv", "--db", str(db), "--out", str(out)]) == 0
    assert out.is_file()
    capsys.readouterr()
    assert cli.main(["export", "csv", "--table", "tasks", "--db", str(db), "--out", "-"]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert line == 'cm-tui: error: unknown table "tasks"; tables: posts'


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("command", ["export json", "export ics", "report"])
def test_out_on_a_full_disk_names_the_target_and_what_to_do(
    command: str, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``/dev/full`` is written in place (a device) and every write fails with "No space left
    on device": the line names the path and says what to do, not the bare system error."""
    out = Path("/dev/full")
    assert cli.main(_commands(db, out)[command]) == 1
    line = one_line_error(capsys.readouterr().err)
    assert line.startswith(f"cm-tui: error: cannot write {out} (No space left on device): ")
    assert "free some space" in line
    assert Path("/dev/full").is_char_device()
