"""``cm-tui restore`` says what it is about to replace (the store's path and when it last
changed, the backup's name and when it was written) and asks before replacing it in a terminal;
``--yes`` answers for a script; with no terminal and no ``--yes`` it refuses in one line."""

from __future__ import annotations

import io
import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cm_tui import cli
from cm_tui.core.clock import FixedClock
from cm_tui.store import Store, StorePaths, list_backups
from tests.cli.lines import one_line_error
from tests.store.samples import post

PARIS = ZoneInfo("Europe/Paris")
#: when the store's files last changed (set on the files), as the user reads it
CHANGED = datetime(2026, 11, 20, 14, 30, tzinfo=PARIS)
#: the backup's name and when it was written (the fixed clock's now)
BACKUP = "store-2026-11-19.json"
WRITTEN = "2026-11-19 09:12"
#: the restore runs two days after the backup
NOW = ("--now", "2026-11-21T10:00")


class Terminal(io.StringIO):
    """A stdin that is a terminal, holding what the user types."""

    def isatty(self) -> bool:
        return True


class Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


@pytest.fixture
def db(tmp_path: Path, tmp_home: Path, fixed_clock: FixedClock) -> Path:
    """A store with one good backup, then one more post (what a restore would lose)."""
    (tmp_home / "settings.toml").write_text('timezone = "Europe/Paris"\n', encoding="utf-8")
    path = tmp_path / "data" / "store.json"
    with Store.open(path, clock=fixed_clock) as store:
        store.repo.posts.add(post(1))
    Store.open(path, clock=fixed_clock).close()  # not a new store: today's backup is taken
    assert [b.name for b in list_backups(path, now=fixed_clock.now())] == [BACKUP]
    with Store.open(path, clock=fixed_clock) as store:
        store.repo.posts.add(post(2))
    paths = StorePaths.for_db(path)
    for file in (paths.db, paths.journal):
        if file.exists():
            os.utime(file, (CHANGED.timestamp(), CHANGED.timestamp()))
    return path


def restored(db: Path) -> bool:
    return bool(list(db.parent.glob("store.json.before-restore-*")))


def test_without_a_terminal_and_without_yes_it_refuses_in_one_line(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.read_bytes()
    monkeypatch.setattr("sys.stdin", Pipe("y\n"))
    assert cli.main([*NOW, "restore", "--db", str(db)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "add --yes" in line
    assert str(db) in line and BACKUP in line
    assert db.read_bytes() == before and not restored(db)


def test_yes_restores_and_says_what_it_replaced(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", Pipe(""))
    assert cli.main([*NOW, "restore", "--db", str(db), "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"{db} (last changed 2026-11-20 14:30)" in out
    assert f"backup {BACKUP} (written {WRITTEN})" in out
    assert restored(db)


@pytest.mark.parametrize("answer", ["", "n", "no", "non", "maybe"])
def test_in_a_terminal_anything_but_yes_changes_nothing(
    db: Path, answer: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.read_bytes()
    monkeypatch.setattr("sys.stdin", Terminal(answer + "\n"))
    assert cli.main([*NOW, "restore", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert f"{db} (last changed 2026-11-20 14:30)" in out
    assert "Restore? [y/N]" in out
    assert "nothing was changed" in out
    assert db.read_bytes() == before and not restored(db)


@pytest.mark.parametrize("answer", ["y", "YES", "o", "oui"])
def test_in_a_terminal_yes_restores(
    db: Path, answer: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal(answer + "\n"))
    assert cli.main([*NOW, "restore", "--db", str(db)]) == 0
    assert "store restored from" in capsys.readouterr().out
    assert restored(db)
    with Store.open(db, readonly=True) as store:
        assert len(store.repo.posts.all()) == 1  # the backup's one post


def test_french_question(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal("\n"))
    args = [*NOW, "restore", "--db", str(db), "--lang", "fr"]
    assert cli.main(args) == 1
    out = capsys.readouterr().out
    assert f"{db} (modifié le 2026-11-20 14:30)" in out
    assert "Restaurer ? [o/N]" in out


def test_nothing_to_replace_asks_nothing(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store already moved aside (a damaged one): nothing is replaced, nothing to confirm."""
    paths = StorePaths.for_db(db)
    db.unlink()
    paths.journal.unlink(missing_ok=True)
    monkeypatch.setattr("sys.stdin", Pipe(""))
    assert cli.main([*NOW, "restore", "--db", str(db)]) == 0
    assert "store restored from" in capsys.readouterr().out
    assert db.exists()
