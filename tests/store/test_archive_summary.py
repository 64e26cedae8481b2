"""Each archive month keeps a summary written when it is sealed: the duplicate check, the
response figures and ``check`` read it instead of parsing the whole month again."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from cm_tui.core.models import QueueItem, QueueKind, QueueStatus
from cm_tui.core.queue_identity import dedupe_key, id_key
from cm_tui.core.stats import response_figures
from cm_tui.store import Store, check, load
from cm_tui.store.archive_summary import summary_path
from cm_tui.store.repository import QueueRepo
from tests.store.samples import queue_item

ZONES = ("UTC", "Europe/Paris", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata")


def history() -> list[QueueItem]:
    """Items across three UTC months, many near the months' bounds (local months differ by
    zone there), replied on time, late, ignored, with and without a network id."""
    items = []
    base = datetime(2026, 1, 1, tzinfo=UTC)
    for n in range(1, 301):
        received = base + timedelta(hours=7 * n - 12)
        status = (QueueStatus.REPLIED, QueueStatus.IGNORED)[n % 5 == 0]
        replied = (
            received + timedelta(minutes=20 * (n % 9)) if status is QueueStatus.REPLIED else None
        )
        items.append(
            queue_item(
                n,
                id=n,
                kind=(QueueKind.MESSAGE, QueueKind.COMMENT)[n % 2],
                network=("instagram", "facebook")[n % 3 == 0],
                received_at=received,
                deadline=received + timedelta(hours=1),
                status=status,
                replied_at=replied,
                closed_at=received + timedelta(hours=2),
                external_id=f"x{n}" if n % 4 else "",
            )
        )
    return items


@pytest.fixture
def sealed(store: Store) -> Store:
    store.repo.queue.add_archived(history())
    return store


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The archive month files parsed whole (``load.parse_json`` of a ``queue-*`` file)."""
    seen: list[str] = []
    real = load.parse_json

    def counting(raw: bytes, where: str, *args: Any, **kw: Any) -> Any:
        if where.startswith("queue-"):
            seen.append(where)
        return real(raw, where, *args, **kw)

    monkeypatch.setattr(load, "parse_json", counting)
    yield seen


def test_sealing_writes_a_summary_beside_each_month(sealed: Store) -> None:
    folder = sealed.paths.archive
    months = sealed.repo.queue.archived_months()
    assert months == ["2025-12", "2026-01", "2026-02", "2026-03"]
    for month in months:
        assert summary_path(folder, month).is_file()
        assert os.stat(summary_path(folder, month)).st_mode & 0o777 == 0o600


@pytest.mark.parametrize("zone", ZONES)
def test_response_figures_from_summaries_equal_those_of_the_items(
    sealed: Store, zone: str, parses: list[str]
) -> None:
    tz = ZoneInfo(zone)
    expected = response_figures(history(), tz)
    got = sealed.repo.queue.archived_response_figures(tz)
    assert parses == []
    assert got.keys() == expected.keys()
    for key, fig in expected.items():
        mine = got[key]
        assert (mine.received, mine.replied, mine.on_time) == (
            fig.received,
            fig.replied,
            fig.on_time,
        )
        assert (mine.by_kind, mine.by_status) == (fig.by_kind, fig.by_status)
        assert sorted(mine.response_minutes) == sorted(fig.response_minutes)


def test_duplicate_keys_come_from_summaries_without_parsing_months(
    sealed: Store, parses: list[str]
) -> None:
    keys: set[int] = set()
    ids: set[int] = set()
    for month_keys, month_ids in sealed.repo.queue.archived_keys():
        keys.update(month_keys)
        ids.update(month_ids)
    assert parses == []
    assert keys == {dedupe_key(item) for item in history()}
    assert ids == {id_key(item) for item in history()} - {0}


def test_a_deleted_summary_is_rebuilt_and_written_again(sealed: Store, parses: list[str]) -> None:
    path = summary_path(sealed.paths.archive, "2026-01")
    path.unlink()
    first = list(sealed.repo.queue.archived_keys())
    assert parses == ["queue-2026-01.json"]
    assert path.is_file()
    assert list(sealed.repo.queue.archived_keys()) == first
    assert parses == ["queue-2026-01.json"]  # read once, then the summary again


def test_a_stale_summary_is_detected_and_rebuilt(sealed: Store, parses: list[str]) -> None:
    """A month file changed behind the summary's back (restored from elsewhere, edited) is read
    again: its summary no longer describes it."""
    folder = sealed.paths.archive
    stale = summary_path(folder, "2026-02").read_bytes()
    sealed.repo.queue.add_archived(
        [queue_item(900, id=900, received_at=datetime(2026, 2, 10, tzinfo=UTC))]
    )
    summary_path(folder, "2026-02").write_bytes(stale)  # the summary of the file before
    parses.clear()
    figures = sealed.repo.queue.archived_response_figures(ZoneInfo("UTC"))
    assert parses == ["queue-2026-02.json"]
    expected = response_figures(history(), ZoneInfo("UTC"))
    assert figures["instagram", "2026-02"].received == expected["instagram", "2026-02"].received + 1


def test_a_damaged_summary_is_rebuilt(sealed: Store, parses: list[str]) -> None:
    summary_path(sealed.paths.archive, "2025-12").write_bytes(b'{"version": 1, "mon')
    assert len(list(sealed.repo.queue.archived_keys())) == 4
    assert parses == ["queue-2025-12.json"]


def test_an_item_back_in_the_hot_table_is_not_counted_twice(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash between the two steps of an archival leaves items in both places: hot wins."""
    queue = store.repo.queue
    queue.add_many([item.replace(id=0) for item in history()[:50]])
    monkeypatch.setattr(QueueRepo, "delete_many", lambda self, ids: None)  # the crash
    assert queue.archive_closed(datetime(2027, 1, 1, tzinfo=UTC), older_than_days=7) == 50
    tz = ZoneInfo("UTC")
    assert queue.archived_response_figures(tz) == {}
    assert queue.count() == 50


def test_check_verifies_sealed_months_by_hash_without_parsing(
    sealed: Store, parses: list[str]
) -> None:
    report = check(sealed.paths.db)
    assert report.ok, report.lines
    assert "archive: 4 months, 300 items" in "\n".join(report.lines)
    assert parses == []


def test_check_still_finds_a_damaged_month(sealed: Store, parses: list[str]) -> None:
    path: Path = sealed.paths.archive / "queue-2026-01.json"
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b'"status":"replied"', b'"status":"lost"', 1))
    report = check(sealed.paths.db)
    assert not report.ok
    assert any(line.startswith("archive queue-2026-01.json") for line in report.lines)
    assert parses == ["queue-2026-01.json"]


def test_check_reads_a_month_whose_summary_is_missing_and_says_so(
    sealed: Store, parses: list[str]
) -> None:
    summary_path(sealed.paths.archive, "2026-03").unlink()
    report = check(sealed.paths.db)
    assert report.ok, report.lines
    assert parses == ["queue-2026-03.json"]
    assert any("summary-2026-03.json" in line for line in report.lines)
    assert not summary_path(sealed.paths.archive, "2026-03").exists()  # check writes nothing
