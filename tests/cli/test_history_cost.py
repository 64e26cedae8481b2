"""History costs little: an import's duplicate check and a month's report read the archive's
month summaries, not the month files whole, and give the same answers as reading them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cm_tui import cli
from cm_tui.core.models import QueueStatus
from cm_tui.io.seeding import seed_catalog
from cm_tui.store import Store, load
from cm_tui.store.archive_summary import summary_path
from tests.store.samples import queue_item

MONTHS = ("2026-08", "2026-09", "2026-10")


@pytest.fixture
def db(tmp_path: Path, tmp_home: Path) -> Path:
    """A store whose archive holds three months of replied items (ids fb-1 .. fb-90)."""
    (tmp_home / "settings.toml").write_text('timezone = "Europe/Paris"\n', encoding="utf-8")
    path = tmp_path / "store.json"
    items = []
    for n in range(1, 91):
        received = datetime(2026, 8, 1, tzinfo=UTC) + timedelta(days=n)
        items.append(
            queue_item(
                n,
                network="facebook",
                external_id=f"fb-{n}",
                author_handle=f"@user{n}",
                text=f"Question {n}",
                received_at=received,
                deadline=received + timedelta(hours=1),
                status=QueueStatus.REPLIED,
                replied_at=received + timedelta(minutes=10 * (n % 12)),
                closed_at=received + timedelta(hours=1),
            )
        )
    store = Store.open(path)
    try:
        with store.transaction():
            seed_catalog(store)
        store.repo.queue.add_archived(items)
    finally:
        store.close()
    return path


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


def lines_of(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return text[text.index("## Responses") :].splitlines()


def rows_file(tmp_path: Path) -> Path:
    """Five rows: three already archived (fb-10, fb-40, fb-80), two new."""
    path = tmp_path / "rows.csv"
    lines = ["network,author,name,text,received at,kind,id"]
    for n in (10, 40, 80, 500, 501):
        day = datetime(2026, 8, 1) + timedelta(days=n % 90)
        lines.append(f"facebook,@user{n},User,Question {n},{day:%Y-%m-%d} 10:00,message,fb-{n}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_dry_run_import_finds_archived_duplicates_without_reading_months(
    db: Path, tmp_path: Path, parses: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["import", str(rows_file(tmp_path)), "--dry-run", "--db", str(db)]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert "2 items would be imported" in out
    assert "(3 already there)" in out
    assert parses == []


def test_dry_run_import_rebuilds_a_missing_summary_once(
    db: Path, tmp_path: Path, parses: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    summary_path(db.with_name("store.archive"), "2026-09").unlink()
    argv = ["import", str(rows_file(tmp_path)), "--dry-run", "--db", str(db)]
    assert cli.main(argv) == 0
    assert cli.main(argv) == 0
    assert capsys.readouterr().out.count("2 items would be imported") == 2
    assert parses == ["queue-2026-09.json"]


def test_report_reads_summaries_not_months_and_says_the_same(
    db: Path, tmp_path: Path, parses: list[str]
) -> None:
    summarised = tmp_path / "summarised.md"
    assert cli.main(["report", "2026-09", "--db", str(db), "--out", str(summarised)]) == 0
    assert parses == []
    for month in MONTHS:  # without summaries: every month read whole, as before
        summary_path(db.with_name("store.archive"), month).unlink()
    whole = tmp_path / "whole.md"
    assert cli.main(["report", "2026-09", "--db", str(db), "--out", str(whole)]) == 0
    assert parses  # the months were read
    assert summarised.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")
    facebook = next(line for line in lines_of(summarised) if line.startswith("| Facebook"))
    assert facebook.split("|")[2].strip() == "30"  # received: the month's archived items
