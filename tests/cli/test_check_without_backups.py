"""``cm-tui check`` on a damaged store that has no backup never tells to run ``restore`` (there
is nothing to bring back), on any of its lines; it says what to do instead. With a good backup,
its closing line does advise ``restore``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from cm_tui import cli
from cm_tui.core.clock import FixedClock
from cm_tui.store import Store, list_backups
from tests.store.samples import post

NO_GOOD_BACKUP = "PROBLEMS FOUND in the store, and there is no good backup to bring back"


def truncated(db: Path) -> None:
    db.write_bytes(db.read_bytes()[:40])


def bad_document(db: Path) -> None:
    data = orjson.loads(db.read_bytes())
    data["posts"]["1"]["status"] = "bogus"
    db.write_bytes(orjson.dumps(data))


def twice(db: Path) -> None:
    data = orjson.loads(db.read_bytes())
    data["posts_past"] = {"1": data["posts"]["1"]}
    db.write_bytes(orjson.dumps(data))


def escape_sequence(db: Path) -> None:
    data = orjson.loads(db.read_bytes())
    data["posts"]["1"]["title"] = "Launch \x1b]2;TITLE\x1b\\"
    db.write_bytes(orjson.dumps(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": truncated,
    "bad-document": bad_document,
    "twice": twice,
    "escape-sequence": escape_sequence,
}


def store_with_a_post(db: Path, clock: FixedClock, *, backup: bool) -> None:
    with Store.open(db, clock=clock) as store:
        store.repo.posts.add(post(1))
    if backup:
        Store.open(db, clock=clock).close()  # not a new store: today's backup is taken
        assert list_backups(db, now=clock.now())
    else:
        assert not list_backups(db, now=clock.now())


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_no_line_tells_to_restore_when_there_is_no_backup(
    damage: str, tmp_path: Path, fixed_clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.json"
    store_with_a_post(db, fixed_clock, backup=False)
    DAMAGE[damage](db)
    assert cli.main(["check", "--db", str(db)]) == 1
    lines = capsys.readouterr().out.splitlines()
    advice = [line.replace(str(tmp_path), "…") for line in lines]
    assert not [line for line in advice if "restore" in line.lower()], advice
    assert lines[-1].startswith(NO_GOOD_BACKUP)
    assert "copy the store's folder somewhere safe" in lines[-1]


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_with_a_good_backup_the_closing_line_advises_restore(
    damage: str, tmp_path: Path, fixed_clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.json"
    store_with_a_post(db, fixed_clock, backup=True)
    DAMAGE[damage](db)
    assert cli.main(["check", "--db", str(db)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("PROBLEMS FOUND in the store: run `cm-tui restore --db ")
