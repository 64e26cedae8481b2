"""The command line's store glue: a store that fails the schema refused in one line by every
command, ``restore`` refusing a bad backup before it replaces anything, ``check`` reporting a
journal without its data file and a ``[keys]`` entry that would stop the app, and a refused
writer told which command holds the lock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from cm_tui import cli
from cm_tui.store import Store
from tests.cli.lines import one_line_error
from tests.processes import hold_store, release
from tests.store.samples import queue_item

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-19T09:12:00+01:00"
CSV = "network,author,text,received_at\ninstagram,@ann,hello,2026-11-19T08:00:00+01:00\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store holding two queue items, as the app left it."""
    path = tmp_path / "s" / "store.json"
    with Store.open(path) as store:
        store.repo.queue.add(queue_item(1))
        store.repo.queue.add(queue_item(2))
    return path


def set_status_42(db: Path) -> bytes:
    data = orjson.loads(db.read_bytes())
    data["queue"]["1"]["status"] = 42
    raw = orjson.dumps(data)
    db.write_bytes(raw)
    return raw


# ----------------------------------------------------------------------------- strict open


def test_the_app_refuses_a_store_whose_document_fails_the_schema(
    db: Path, no_app: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    raw = set_status_42(db)
    assert cli.main(["--db", str(db), "--now", NOW]) == 1
    line = one_line_error(capsys.readouterr().err)
    assert "document queue #1, field status: 42 is not one of new, " in line
    assert no_app == []  # never opened, so never re-sealed
    (moved,) = db.parent.glob("store.json.corrupt-*")
    assert moved.read_bytes() == raw


@pytest.mark.parametrize("dry_run", [False, True])
def test_import_onto_such_a_store_says_what_is_wrong(
    db: Path, tmp_path: Path, dry_run: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    set_status_42(db)
    source = tmp_path / "in.csv"
    source.write_text(CSV, encoding="utf-8")
    args = ["import", str(source), "--db", str(db), "--now", NOW] + ["--dry-run"] * dry_run
    assert cli.main(args) == 1
    line = one_line_error(capsys.readouterr().err)
    assert "document queue #1, field status: 42" in line
    assert "unexpected" not in line


# ----------------------------------------------------------------------------- restore


def test_restore_of_a_backup_that_fails_the_schema_changes_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.read_bytes()
    backup = tmp_path / "edited-backup.json"
    backup.write_bytes(before)
    set_status_42(backup)
    assert cli.main(["restore", "--db", str(db), "--backup", str(backup)]) == 1
    line = one_line_error(capsys.readouterr().err)
    assert f"{backup} was not restored: document queue #1, field status: 42 is not" in line
    assert "nothing was changed" in line
    assert db.read_bytes() == before
    assert not list(db.parent.glob("*.before-restore-*"))


# ----------------------------------------------------------------------------- check


def test_check_reports_a_journal_without_its_data_file(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(db)
    store.repo.queue.add(queue_item(3))  # in the journal only
    journal = store.paths.journal.read_bytes()
    store.close()
    db.unlink()
    store.paths.journal.write_bytes(journal)
    assert cli.main(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "store.journal: a journal exists without its data file" in out
    assert out[-1].startswith("PROBLEMS FOUND")


def test_check_reports_a_keys_entry_that_would_stop_the_app(
    db: Path, tmp_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_home / "settings.toml").write_text('[keys]\n"queue.no_such_thing" = "x"\n', "utf-8")
    assert cli.main(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any("keys.queue.no_such_thing" in line for line in out), out
    assert out[-1] == "PROBLEMS FOUND outside the store: fix what the lines above name"
    assert "all 2 documents read back as records" in out


def test_check_of_a_sound_store_and_settings_is_still_ok(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check", "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "OK"


# ----------------------------------------------------------------------------- lock holder


def test_a_writer_refused_by_an_import_is_told_so(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proc = hold_store(db, "import")
    try:
        assert cli.main(["restore", "--db", str(db)]) == 1
    finally:
        release(proc)
    line = one_line_error(capsys.readouterr().err)
    assert f"store.json is in use by cm-tui import (pid {proc.pid} on " in line
    assert "`cm-tui restore` writes to the store, so wait until that one has finished" in line


def test_a_second_app_is_told_the_app_holds_the_store(
    db: Path, no_app: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    proc = hold_store(db, "app")
    try:
        assert cli.main(["--db", str(db), "--now", NOW]) == 1
    finally:
        release(proc)
    line = one_line_error(capsys.readouterr().err)
    assert f"store.json is open in the cm-tui app (pid {proc.pid} on " in line
    assert no_app == []
