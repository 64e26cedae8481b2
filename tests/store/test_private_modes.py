"""Files holding people's messages are 0600 and the folders cm-tui creates 0700, whatever the
umask (explicit chmod, never the umask's good will)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from cm_tui.core.clock import FixedClock
from cm_tui.core.models import QueueStatus
from cm_tui.store import Store, atomic, list_backups
from tests.files import mode
from tests.store.samples import T0, post, queue_item


@pytest.mark.usefixtures("open_umask")
def test_write_atomic_makes_a_private_file_even_over_a_public_one(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    stale = tmp_path_of(target)
    stale.write_bytes(b"left by a killed writer")
    stale.chmod(0o666)  # reused by O_TRUNC: its mode would be kept
    atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600


def tmp_path_of(target: Path) -> Path:
    return atomic.tmp_path(target)


@pytest.mark.usefixtures("open_umask")
def test_write_atomic_never_follows_a_symlink_planted_as_its_temp_file(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep me")
    target = tmp_path / "export.json"
    tmp_path_of(target).symlink_to(victim)
    with pytest.raises(OSError):
        atomic.write_atomic(target, b"new")
    assert victim.read_bytes() == b"keep me"
    assert not target.exists()


@pytest.mark.usefixtures("open_umask")
def test_write_atomic_exclusive_never_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "settings.toml"
    atomic.write_atomic(target, b"first", replace=False)
    assert mode(target) == 0o600
    with pytest.raises(FileExistsError):
        atomic.write_atomic(target, b"second", replace=False)
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]


@pytest.mark.usefixtures("open_umask")
def test_make_private_dir_creates_every_missing_folder_0700_and_leaves_existing_ones(
    tmp_path: Path,
) -> None:
    tmp_path.chmod(0o755)
    leaf = tmp_path / "a" / "b" / "c"
    assert atomic.make_private_dir(leaf) == leaf
    for folder in (tmp_path / "a", tmp_path / "a" / "b", leaf):
        assert mode(folder) == 0o700, folder
    assert mode(tmp_path) == 0o755  # not ours to change
    atomic.make_private_dir(leaf)  # already there: fine
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(OSError):
        atomic.make_private_dir(tmp_path / "file")


@pytest.mark.usefixtures("open_umask")
def test_a_store_its_journal_backups_and_archive_are_private(
    tmp_path: Path, fixed_clock: FixedClock
) -> None:
    db = tmp_path / "new" / "store.json"
    with Store.open(db, clock=fixed_clock) as store:
        store.repo.posts.add(post(0))
    fixed_clock.advance(timedelta(days=1))
    with Store.open(db, clock=fixed_clock) as store:
        store.repo.posts.add(post(1))
        closed = queue_item(1, status=QueueStatus.REPLIED, closed_at=T0)
        store.repo.queue.add_many([closed])
        assert store.repo.queue.archive_closed(T0 + timedelta(days=60), older_than_days=7) == 1
        assert list_backups(db)
        files = [p for p in (tmp_path / "new").rglob("*") if p.is_file()]
        folders = [p for p in (tmp_path / "new").rglob("*") if p.is_dir()]
    names = {p.name for p in files}
    assert {"store.json", "store.journal"} <= names
    assert any(p.parent.name == "store.backups" for p in files)
    assert any(p.parent.name == "store.archive" for p in files)
    assert {p.name: oct(mode(p)) for p in files} == {p.name: oct(0o600) for p in files}
    assert {p.name: oct(mode(p)) for p in [*folders, tmp_path / "new"]} == {
        p.name: oct(0o700) for p in [*folders, tmp_path / "new"]
    }


def test_a_journal_appended_to_is_made_private(db: Path, fixed_clock: FixedClock) -> None:
    """A journal copied in by hand (0644) is tightened when the store appends to it."""
    with Store.open(db, clock=fixed_clock) as store:
        store.repo.posts.add(post(0))
    journal = db.with_suffix(".journal")
    journal.chmod(0o644)
    with Store.open(db, clock=fixed_clock) as store:
        assert mode(journal) == 0o600
        store.repo.posts.add(post(1))
