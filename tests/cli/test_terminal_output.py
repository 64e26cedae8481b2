"""No control sequence reaches the terminal through the command line: a hostile file name, a
store restored from a backup whose texts carry ESC sequences, or an argument, are shown with
visible placeholders (``for_terminal``), on stdout and stderr alike."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cm_tui import cli
from cm_tui.core.models import MonthlyFigures, NetworkProfile, Post, PostStatus
from cm_tui.store import Store

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-19T09:12:00+01:00"
TITLE = "\x1b]2;TITLE\x1b\\"
CLIPBOARD = "\x1b]52;c;aWQ=\x1b\\"
CLEAR = "\x1b[2J"


def run_cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    """``python -m cm_tui ARGS`` in a real subprocess; stdout and stderr as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "cm_tui", *args],
        capture_output=True,
        timeout=120,
        cwd=REPO,
        env=dict(os.environ),
        check=False,
    )


def test_hostile_names_on_stdout_and_stderr_are_shown_not_obeyed(tmp_path: Path) -> None:
    folder = tmp_path / TITLE
    folder.mkdir()
    where = run_cli("where", "--db", str(folder / "store.json"))
    assert where.returncode == 0, where.stderr
    assert b"\x1b" not in where.stdout + where.stderr
    assert "\u241b]2;TITLE\u241b\\" in where.stdout.decode()

    missing = run_cli("restore", "--backup", str(tmp_path / f"{CLIPBOARD}a{CLEAR}.json"))
    assert missing.returncode != 0
    assert b"\x1b" not in missing.stdout + missing.stderr
    err = missing.stderr.decode()
    assert err.count("\n") == 1 and "\u241b]52;c;aWQ=\u241b\\a\u241b[2J.json" in err


@pytest.fixture
def tainted_db(tmp_path: Path) -> Path:
    """A store whose texts carry escape sequences (as restored from an edited backup)."""
    db = tmp_path / "store.json"
    with Store.open(db) as store:
        profile = NetworkProfile("facebook", f"Face{TITLE}book", 500, 1, 2)
        store.repo.networks.add(profile)
        store.repo.figures.add(MonthlyFigures("facebook", "2026-10", followers=10))
        store.repo.posts.add(
            Post(
                network="facebook",
                at=datetime(2026, 10, 5, 9, tzinfo=UTC),
                title=f"Launch {TITLE}",
                text=f"wipe {CLEAR}",
                status=PostStatus.PUBLISHED,
            )
        )
    return db


def test_an_error_quoting_an_argument_is_sanitised(
    tainted_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", "json", "--db", str(tainted_db), "--out", "-", "--table", CLEAR]
    assert cli.main(args) == 2
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err
    assert 'unknown table "\u241b[2J"' in captured.err
    assert cli.main(["report", CLEAR, "--now", NOW]) == 2  # quoted with repr() already
    assert "\x1b" not in capsys.readouterr().err


def test_report_to_stdout_carries_no_escape(
    tainted_db: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    for fmt in ("md", "csv", "html"):
        args = ["report", "2026-10", "--format", fmt, "--db", str(tainted_db), "--now", NOW]
        assert cli.main([*args, "--out", "-"]) == 0
        captured = capsysbinary.readouterr()
        assert b"\x1b" not in captured.out + captured.err, fmt
