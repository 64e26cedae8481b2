"""The commands that only read the store (``check``, ``report``, ``export``, ``import
--dry-run``) refuse a ``--db`` that is not a store as the app does (``NotAStore``), in one line,
leaving it as it is. Seen: ``cm-tui --db FIFO check`` (and ``report``, ``export``, ``import
--dry-run``) waited for ever on the pipe; ``--db notes.txt check`` reported "invalid JSON" and
"copy the store's folder somewhere safe"."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = {
    "check": ["check"],
    "report": ["report", "2026-10"],
    "export": ["export", "json", "--out", "-"],
    "import --dry-run": ["import", "--dry-run", "ROWS"],
}


def run(tmp_home: Path, db: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CM_TUI_HOME": str(tmp_home)}
    return subprocess.run(
        [sys.executable, "-m", "cm_tui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=20,
        check=False,
    )


@pytest.fixture
def rows(tmp_path: Path) -> Path:
    path = tmp_path / "rows.csv"
    path.write_text("network,author,text,received\nx,@a,hi,2026-11-19T09:00\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("kind", ["fifo", "folder", "notes"])
def test_a_reader_refuses_what_is_not_a_store(
    tmp_home: Path, tmp_path: Path, rows: Path, command: str, kind: str
) -> None:
    db = tmp_path / "store.json"
    if kind == "fifo":
        os.mkfifo(db)
    elif kind == "folder":
        db.mkdir()
    else:
        db.write_text("my notes\n", encoding="utf-8")
    args = [str(rows) if a == "ROWS" else a for a in COMMANDS[command]]
    try:
        done = run(tmp_home, db, args)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command} still waiting on the {kind} after 20 s")
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.stderr.strip() == (
        f"cm-tui: error: {db} is not a cm-tui store; it was left as it is: give --db the path "
        "of a store, or a name that does not exist yet (a new store is created there)"
    )
    mode = db.stat().st_mode
    assert {"fifo": stat.S_ISFIFO, "folder": stat.S_ISDIR, "notes": stat.S_ISREG}[kind](mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([db.name, rows.name])
