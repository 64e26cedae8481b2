"""A dry run of a platform export holds no more memory for a file ten times longer: the month
figures are summed while the rows are read, and a post is remembered by its identities' 64-bit
keys only (docs/architecture.md, "Platform exports")."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from cm_tui import cli
from cm_tui.core.models import NetworkProfile, PostingPeriod
from cm_tui.store import Store
from tests.io.export_files import META_EN, meta_row, write_csv

ROWS = 3_000


def _posts(path: Path, rows: int) -> Path:
    """``rows`` distinct posts of a Meta posts export, spread over October."""
    return write_csv(
        path,
        META_EN,
        (
            meta_row(META_EN, n, when=f"10/{1 + n % 28:02d}/2026 {n % 24:02d}:00", reach=n % 500)
            for n in range(rows)
        ),
    )


def _dry_run_peak(path: Path, db: Path) -> int:
    """Bytes allocated at the peak of ``cm-tui import FILE --dry-run``, above what was
    allocated before it."""
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    assert cli.main(["import", str(path), "--dry-run", "--db", str(db)]) == 0
    return tracemalloc.get_traced_memory()[1] - before


def test_a_dry_runs_memory_does_not_grow_with_the_file(tmp_path: Path, tmp_home: Path) -> None:
    db = tmp_path / "store.json"
    with Store.open(db) as store:
        store.repo.networks.add(
            NetworkProfile("facebook", "Facebook", 3000, 1, 3, PostingPeriod.WEEK)
        )
    small = _posts(tmp_path / "small.csv", ROWS)
    large = _posts(tmp_path / "large.csv", 10 * ROWS)
    tracemalloc.start()
    try:
        _dry_run_peak(small, db)  # caches, translations and imports warmed up
        peaks = [_dry_run_peak(small, db), _dry_run_peak(large, db)]
    finally:
        tracemalloc.stop()
    # each post's fact held costs about 500 bytes a row; two 64-bit keys, with the room their
    # set keeps free and its copy while it grows, about 50
    assert peaks[1] - peaks[0] < 9 * ROWS * 100, peaks
