"""``check``: a read-only report of everything a store is made of."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import orjson

from cm_tui.core.clock import FixedClock
from cm_tui.core.models import QueueStatus
from cm_tui.store import Store, check, list_backups
from tests.store.samples import T0, post, queue_item


def test_a_healthy_store_is_ok_even_while_open(db: Path, fixed_clock: FixedClock) -> None:
    Store.open(db, clock=fixed_clock).close()
    fixed_clock.advance(timedelta(days=1))
    with Store.open(db, clock=fixed_clock) as store:
        store.repo.posts.add(post(1))
        store.repo.queue.add_archived([queue_item(1, status=QueueStatus.REPLIED, closed_at=T0)])
        raw = db.read_bytes()
        report = check(db)
        assert db.read_bytes() == raw
    assert report.ok, report.lines
    text = "\n".join(report.lines)
    assert f"in use by pid {os.getpid()}" in text
    assert "1 change since the snapshot" in text
    assert "archive: 1 month, 1 item" in text
    assert "backups: 1" in text
    assert report.lines[-1] == "OK"


def test_a_missing_store_is_reported_not_created(tmp_path: Path) -> None:
    report = check(tmp_path / "nowhere" / "store.json")
    assert report.ok
    assert "does not exist" in report.lines[0]
    assert not (tmp_path / "nowhere").exists()


def test_a_document_that_does_not_read_back_is_a_problem(db: Path) -> None:
    with Store.open(db) as store:
        store.repo.posts.add(post(1))
    data = orjson.loads(db.read_bytes())
    data["posts"]["1"]["status"] = "bogus"  # has every required field, but is not a Post
    db.write_bytes(orjson.dumps(data))
    report = check(db)
    assert not report.ok
    assert (
        'posts #1, field status: "bogus" is not one of idea, draft, scheduled, published, '
        "cancelled, failed" in report.lines
    )
    assert report.lines[-1].startswith("PROBLEMS FOUND in the store")
    assert "cm-tui restore" not in report.lines[-1]  # no backup yet: nothing to restore


def test_a_damaged_journal_is_a_problem_and_is_left_alone(db: Path) -> None:
    store = Store.open(db)
    store.repo.posts.add(post(1))
    store.repo.posts.add(post(2))
    raw = store.paths.journal.read_bytes()
    damaged = raw.replace(b"Vendredi", b"Vendredx", 1)
    store.paths.journal.write_bytes(damaged)
    report = check(db)
    assert not report.ok
    assert any("store.journal: journal line 2 is damaged" in line for line in report.lines)
    assert store.paths.journal.read_bytes() == damaged
    store._storage._journal.close()
    store._lock.release()


def test_damaged_archives_and_backups_are_problems(db: Path, fixed_clock: FixedClock) -> None:
    Store.open(db, clock=fixed_clock).close()
    with Store.open(db, clock=fixed_clock) as store:
        store.repo.queue.add_archived([queue_item(1, status=QueueStatus.REPLIED, closed_at=T0)])
    (month,) = store.paths.archive.glob("queue-*.json")
    month.write_bytes(month.read_bytes()[:-5])
    list_backups(db)[0].write_bytes(b"\0" * 10)
    report = check(db)
    assert not report.ok
    assert any(line.startswith("archive queue-2026-03.json") for line in report.lines)
    assert any("NUL" in line and line.startswith("backup ") for line in report.lines)
