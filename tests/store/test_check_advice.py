"""The closing line of ``check`` advises what the problems call for: ``cm-tui restore`` only when
the store itself (snapshot or journal) is damaged and a good backup exists to bring back; a bad
backup or archive file alone says the store is fine (restoring would replace a healthy store by
an older copy); without a good backup, never restore."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import orjson
import pytest

from cm_tui import cli
from cm_tui.core.clock import FixedClock
from cm_tui.core.models import QueueStatus
from cm_tui.store import Store, StorePaths, check, list_backups
from tests.store.samples import T0, post, queue_item

RESTORE = "`cm-tui restore`"
BACKUPS_ONLY = (
    "PROBLEMS FOUND in the backups only: the store is fine; delete or move the files named above"
)
ARCHIVE = (
    "PROBLEMS FOUND in the archive: the store's data file is fine and a restore would not "
    "repair it; move the files named above aside and keep them (an archive file holds closed "
    "items)"
)
NO_GOOD_BACKUP = (
    "PROBLEMS FOUND in the store, and there is no good backup to bring back: copy the store's "
    "folder somewhere safe, then fix what the lines above name"
)


def healthy(db: Path, clock: FixedClock, *, backup: bool) -> StorePaths:
    """A sound store with one post; with ``backup``, also one good backup of it."""
    with Store.open(db, clock=clock) as store:
        store.repo.posts.add(post(1))
    if backup:
        Store.open(db, clock=clock).close()  # not a new store: today's backup is taken
        assert len(list_backups(db, now=clock.now())) == 1
    return StorePaths.for_db(db)


def bad_backup(paths: StorePaths) -> Path:
    paths.backups.mkdir(exist_ok=True)
    bad = paths.backups / f"{paths.db.stem}-2026-01-01.json"
    bad.write_bytes(b"\0" * 10)
    return bad


def damage_store(db: Path) -> None:
    data = orjson.loads(db.read_bytes())
    data["posts"]["1"]["status"] = "bogus"
    db.write_bytes(orjson.dumps(data))


def last_line(db: Path, now: datetime) -> str:
    report = check(db, now=now)
    assert not report.ok
    return report.lines[-1]


@pytest.mark.parametrize("good_backup_too", [False, True], ids=["alone", "beside-a-good-one"])
def test_a_bad_backup_alone_says_the_store_is_fine_and_never_advises_restore(
    db: Path, fixed_clock: FixedClock, good_backup_too: bool
) -> None:
    paths = healthy(db, fixed_clock, backup=good_backup_too)
    bad_backup(paths)
    line = last_line(db, fixed_clock.now())
    assert line == BACKUPS_ONLY
    assert RESTORE not in line


def test_a_bad_archive_file_alone_says_the_store_is_fine(db: Path, fixed_clock: FixedClock) -> None:
    paths = healthy(db, fixed_clock, backup=True)
    with Store.open(db, clock=fixed_clock) as store:
        store.repo.queue.add_archived([queue_item(1, status=QueueStatus.REPLIED, closed_at=T0)])
    (month,) = paths.archive.glob("queue-*.json")
    month.write_bytes(month.read_bytes()[:-5])
    bad_backup(paths)  # and a bad backup as well: still nothing a restore would fix
    assert last_line(db, fixed_clock.now()) == ARCHIVE


@pytest.mark.parametrize("backups", ["none", "only-bad"])
def test_a_damaged_store_without_a_good_backup_never_advises_restore(
    db: Path, fixed_clock: FixedClock, backups: str
) -> None:
    paths = healthy(db, fixed_clock, backup=False)
    if backups == "only-bad":
        bad_backup(paths)
    damage_store(db)
    assert last_line(db, fixed_clock.now()) == NO_GOOD_BACKUP


def test_a_damaged_store_with_a_good_backup_advises_restore(
    db: Path, fixed_clock: FixedClock
) -> None:
    paths = healthy(db, fixed_clock, backup=True)
    bad_backup(paths)
    damage_store(db)
    assert last_line(db, fixed_clock.now()) == (
        "PROBLEMS FOUND in the store: run `cm-tui restore` to restore the newest good backup"
    )


def test_check_of_another_store_names_it_in_the_restore_it_advises(
    db: Path, fixed_clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    healthy(db, fixed_clock, backup=True)
    damage_store(db)
    assert cli.main(["--now", fixed_clock.now().isoformat(), "check", "--db", str(db)]) == 1
    last = capsys.readouterr().out.splitlines()[-1]
    assert f"run `cm-tui restore --db {db}` to restore" in last


def test_check_of_a_healthy_store_with_a_bad_backup_says_so_from_the_command_line(
    db: Path, fixed_clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = bad_backup(healthy(db, fixed_clock, backup=False))
    assert cli.main(["--now", fixed_clock.now().isoformat(), "check", "--db", str(db)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"backup {bad.name}: ") for line in out), out
    assert out[-1] == BACKUPS_ONLY


def test_restore_of_a_bad_backup_outside_the_backups_folder_does_not_point_to_check(
    db: Path, fixed_clock: FixedClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    healthy(db, fixed_clock, backup=False)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(b"\0" * 10)
    assert cli.main(["restore", "--db", str(db), "--backup", str(elsewhere)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"cm-tui: error: {elsewhere} was not restored: ")
    assert "nothing was changed" in err
    assert "check" not in err
