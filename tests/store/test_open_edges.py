"""Opening a store at the edges: who holds the lock, a store reached through symlinks, a folder
that does not let us write, a journal without its data file."""

from __future__ import annotations

import errno
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from cm_tui.core.i18n import set_language
from cm_tui.store import Store, StoreError, StoreLocked, check, restore
from cm_tui.store.errors import StoreNotWritable, StrayJournalLink
from tests.store.samples import post

# ----------------------------------------------------------------------------- lock holder


@pytest.mark.parametrize(
    ("holder", "named"),
    [("import", "cm-tui import"), ("app", "the cm-tui app"), ("restore", "cm-tui restore")],
)
def test_a_refused_writer_is_told_which_command_holds_the_lock(
    db: Path, holder: str, named: str
) -> None:
    with Store.open(db, holder=holder), pytest.raises(StoreLocked) as info:
        Store.open(db)
    host = socket.gethostname()
    assert str(info.value) == (
        f"store.json is open in {named} (pid {os.getpid()} on {host}); "
        "close it first, or use a read-only command."
    )


def test_the_holder_is_named_in_french_and_an_unknown_one_stays_generic(db: Path) -> None:
    with Store.open(db, holder="import") as store:
        with pytest.raises(StoreLocked) as info:
            restore(db)
        set_language("fr")
        assert str(info.value).startswith("store.json est ouvert dans cm-tui import (pid ")
        set_language("en")
        info.value.holder = "something"  # a lock file written by another build
        assert str(info.value).startswith("store.json is open in another cm-tui (pid ")
        assert orjson.loads(store.paths.lock.read_bytes())["what"] == "import"


# ----------------------------------------------------------------------------- symlinks


def linked_store(tmp_path: Path) -> tuple[Path, Path]:
    """A store whose store.json and store.journal are symlinks into another folder."""
    real = tmp_path / "real" / "store.json"
    Store.open(real).close()
    link = tmp_path / "linked" / "store.json"
    link.parent.mkdir()
    link.symlink_to(real)
    link.with_name("store.journal").symlink_to(real.with_name("store.journal"))
    return link, real


def test_a_symlinked_store_is_followed_through_compaction(tmp_path: Path) -> None:
    link, real = linked_store(tmp_path)
    with Store.open(link, compact_entries=2) as store:
        for n in range(5):  # compacts twice while open, and again at close
            store.repo.posts.add(post(n))
    assert link.is_symlink() and link.with_name("store.journal").is_symlink()
    with Store.open(real, readonly=True) as target:  # the target holds the data
        assert target.repo.posts.count() == 5
    with Store.open(link) as again:
        assert again.repo.posts.count() == 5
    assert not list(link.parent.glob("store.json.*"))  # nothing written beside the links


def test_a_symlinked_store_and_its_target_share_one_lock(tmp_path: Path) -> None:
    link, real = linked_store(tmp_path)
    with Store.open(real), pytest.raises(StoreLocked):
        Store.open(link)


def test_a_journal_linked_elsewhere_than_the_real_one_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real" / "store.json"
    Store.open(real).close()
    other = tmp_path / "other" / "changes.journal"
    other.parent.mkdir()
    other.write_bytes(real.with_name("store.journal").read_bytes())
    link = tmp_path / "linked" / "store.json"
    link.parent.mkdir()
    link.symlink_to(real)
    link.with_name("store.journal").symlink_to(other)
    with pytest.raises(StrayJournalLink) as info:
        Store.open(link)
    assert str(info.value).startswith(f"{link.with_name('store.journal')} is a link elsewhere")


# ----------------------------------------------------------------------------- write permission


@pytest.fixture
def read_only_folder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Make a folder behave as ``chmod 0500`` does for its (non-root) owner: nothing can be
    created, renamed or removed in it; files already there can still be opened and written.
    (The tests run as root, which ``chmod`` does not stop.)"""
    folders: list[Path] = []
    real_open, real_replace, real_rename, real_unlink = os.open, os.replace, os.rename, os.unlink

    def denied(path: Any) -> bool:
        return Path(os.fsdecode(path)).absolute().parent in folders

    def fake_open(path: Any, flags: int, *args: Any, **kw: Any) -> int:
        if denied(path) and flags & os.O_CREAT and not os.path.lexists(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real_open(path, flags, *args, **kw)

    def guard(real: Any) -> Any:
        def fake(src: Any, *rest: Any, **kw: Any) -> Any:
            if denied(src) or (rest and denied(rest[0])):
                raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(src))
            return real(src, *rest, **kw)

        return fake

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "replace", guard(real_replace))
    monkeypatch.setattr(os, "rename", guard(real_rename))
    monkeypatch.setattr(os, "unlink", guard(real_unlink))
    yield folders.append


def test_a_store_folder_without_write_permission_is_refused_at_open(
    db: Path, read_only_folder: Any
) -> None:
    with Store.open(db) as store:
        store.repo.posts.add(post(1))
    read_only_folder(db.parent)
    with pytest.raises(StoreNotWritable) as info:
        Store.open(db)
    assert str(info.value) == (
        f"cannot write in {db.parent}: Permission denied; give yourself write permission on "
        "that folder (chmod u+w), or choose another store with --db"
    )
    with Store.open(db, readonly=True) as reader:  # reading still works
        assert reader.repo.posts.count() == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a 0500 folder anyway")
def test_a_store_folder_in_mode_0500_is_refused_at_open(db: Path) -> None:
    Store.open(db).close()
    db.parent.chmod(0o500)
    try:
        with pytest.raises(StoreNotWritable, match="cannot write in"):
            Store.open(db)
    finally:
        db.parent.chmod(0o700)


def test_the_refusal_is_a_store_error_said_in_one_line(db: Path, read_only_folder: Any) -> None:
    db.parent.mkdir(parents=True)
    read_only_folder(db.parent)
    with pytest.raises(StoreError) as info:
        Store.open(db)  # a new store: not even the lock file can be created
    assert "\n" not in str(info.value) and str(info.value).startswith("cannot write in")


# ----------------------------------------------------------------------------- check


def test_check_reports_a_journal_without_its_data_file(db: Path) -> None:
    with Store.open(db) as store:
        store.repo.posts.add(post(1))
        journal = store.paths.journal.read_bytes()  # the change is in the journal only
    db.unlink()
    db.with_name("store.journal").write_bytes(journal)
    report = check(db)
    assert not report.ok
    assert "store.journal: a journal exists without its data file" in report.lines
    with pytest.raises(StoreError, match="a journal exists without its data file"):
        Store.open(db)  # what check predicts


def test_check_reports_problems_found_outside_the_store(db: Path) -> None:
    Store.open(db).close()
    report = check(db, also=["settings.toml: keys.nope: no such binding"])
    assert not report.ok
    assert report.lines[-2:] == [
        "settings.toml: keys.nope: no such binding",
        "PROBLEMS FOUND outside the store: fix what the lines above name",
    ]
