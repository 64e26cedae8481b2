"""The command line at its edges: a ``--now`` far in the past or the future, an app that dies,
a reader that closes the pipe early, a folder or a FIFO given as the file to read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cm_tui import cli
from cm_tui.store import Store
from tests.cli.lines import one_line_error

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-19T09:12:00+01:00"
CSV = "network,author,text,received_at\nx,@ann,hello,2026-11-19T08:00:00+01:00\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An empty store (created as the first start would)."""
    path = tmp_path / "s" / "store.json"
    path.parent.mkdir()
    Store.open(path).close()
    return path


# ----------------------------------------------------------------------------- --now


OUT_OF_RANGE = [
    "9999-12-31T23:59:59+00:00",
    "0001-01-01T00:00:00+00:00",
    "0001-01-01T00:00:00+01:00",  # past datetime's range once turned into UTC
    "1999-12-31T23:59:59+00:00",
    "2200-01-01T00:00:00+00:00",
]


def commands(tmp_path: Path, db: Path) -> dict[str, list[str]]:
    data = tmp_path / "in.csv"
    data.write_text(CSV, encoding="utf-8")
    return {
        "app": ["--db", str(db)],
        "report": ["report", "2026-11", "--db", str(db), "--out", str(tmp_path / "r.md")],
        "export ics": ["export", "ics", "--db", str(db), "--out", str(tmp_path / "c.ics")],
        "export json": ["export", "json", "--db", str(db), "--out", str(tmp_path / "a.json")],
        "demo": ["demo", "--size", "small", "--db", str(tmp_path / "demo" / "store.json")],
        "import": ["import", str(data), "--db", str(db)],
        "screenshots": ["screenshots", "--out", str(tmp_path / "shots")],
    }


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_a_now_outside_the_supported_years_is_one_line_exit_2(
    value: str,
    tmp_path: Path,
    db: Path,
    no_app: list[Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, args in commands(tmp_path, db).items():
        assert cli.main([*args, "--now", value]) == 2, name
        line = one_line_error(capsys.readouterr().err)
        assert f'--now: "{value}"' in line and "2000-01-01" in line and "2199-12-31" in line
    assert no_app == []
    assert not (tmp_path / "demo").exists() and not (tmp_path / "shots").exists()


@pytest.mark.parametrize("value", ["2000-01-01T00:00:00+00:00", "2199-12-31T23:59:59+00:00"])
def test_the_first_and_last_supported_instants_work(
    value: str, tmp_path: Path, db: Path, no_app: list[Any]
) -> None:
    for name, args in commands(tmp_path, db).items():
        if name in ("screenshots", "import"):  # slow (the year demo); the file's own dates
            continue
        assert cli.main([*args, "--now", value]) == 0, name
    assert len(no_app) == 1


def test_a_now_out_of_range_as_a_real_command() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cm_tui", "--now", "9999-12-31T23:59:59+00:00"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        check=False,
    )
    assert proc.returncode == 2
    one_line_error(proc.stderr)


# ----------------------------------------------------------------------------- the app dies


def test_an_app_that_dies_exits_non_zero(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unexpected error inside the app (Textual shows its traceback and stops) is an error
    exit, not 0: scripts and service managers see that it died."""
    from textual.app import App

    from cm_tui.ui.app import CmTuiApp

    def boom(_self: Any) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(CmTuiApp, "on_mount", boom)
    monkeypatch.setattr(CmTuiApp, "run", lambda self: App.run(self, headless=True))
    assert cli.main(["--db", str(db), "--now", NOW]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("cm-tui: error: the app stopped")


def test_an_app_that_quits_normally_exits_0(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.app import App

    from cm_tui.ui.app import CmTuiApp

    monkeypatch.setattr(CmTuiApp, "on_mount", lambda self: self.exit())
    monkeypatch.setattr(CmTuiApp, "run", lambda self: App.run(self, headless=True))
    assert cli.main(["--db", str(db), "--now", NOW]) == 0


# ----------------------------------------------------------------------------- closed pipes


def run_into_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """``cm-tui ARGS | head -0``, without the race: stdout is a pipe whose reading end is
    closed before the command starts, so its first write (or the flush at exit) breaks it."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "cm_tui", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            cwd=REPO,
            check=False,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["check"], 0),
        (["where"], 0),
        (["export", "json", "--out", "-"], 0),
        (["report", "2026-11"], 0),
    ],
    ids=["check", "where", "export", "report"],
)
def test_a_reader_that_stops_early_ends_quietly(db: Path, args: list[str], code: int) -> None:
    proc = run_into_closed_pipe(*args, "--db", str(db))
    assert proc.stderr == ""
    assert proc.returncode == code


def test_check_keeps_its_status_when_the_reader_stops_early(db: Path) -> None:
    db.write_text("{ not json", encoding="utf-8")  # check reports it: status 1
    proc = run_into_closed_pipe("check", "--db", str(db))
    assert proc.stderr == ""
    assert proc.returncode == 1


def test_check_piped_into_head(db: Path) -> None:
    """The case as a user types it (whether ``head`` exits before or after cm-tui writes,
    nothing but the first lines may appear)."""
    proc = subprocess.run(
        f"{sys.executable} -m cm_tui check --db {db} | head -2",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        check=False,
    )
    assert proc.stderr == ""
    assert len(proc.stdout.splitlines()) <= 2


# ----------------------------------------------------------------------------- not a file


@pytest.fixture(params=["folder", "fifo"])
def not_a_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / "data.csv"
    if request.param == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)
    return path


@pytest.mark.parametrize("table", ["queue", "posts", "stats", "competitors"])
def test_import_of_a_folder_or_a_fifo_is_not_a_regular_file(
    table: str, not_a_file: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["import", str(not_a_file), "--table", table, "--db", str(db)])
    line = one_line_error(capsys.readouterr().err)
    assert code == 1
    assert str(not_a_file) in line and "not a regular file" in line
    assert "not found" not in line and "no such file" not in line


def test_restore_of_a_folder_or_a_fifo_is_not_a_regular_file(
    not_a_file: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["restore", "--backup", str(not_a_file), "--db", str(db)]) == 1
    assert f"not a regular file: {not_a_file}" in one_line_error(capsys.readouterr().err)


def test_a_missing_file_is_still_not_found(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["import", str(tmp_path / "nope.csv"), "--db", str(db)]) == 1
    assert "no such file" in one_line_error(capsys.readouterr().err)
    assert cli.main(["restore", "--backup", str(tmp_path / "nope.json"), "--db", str(db)]) == 1
    assert "file not found" in one_line_error(capsys.readouterr().err)
