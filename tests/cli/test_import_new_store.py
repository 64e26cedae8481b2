"""``cm-tui import`` onto a store that does not exist yet creates it as the first start would
(catalog and networks seeded); a dry run creates nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui import cli
from cm_tui.store import Store
from tests.cli.lines import one_line_error

NOW = "2026-11-19T09:12:00+01:00"
CSV = "network,author,text,received_at\ninstagram,@ann,hello,2026-11-19T08:00:00+01:00\n"


def test_import_onto_a_store_that_does_not_exist_yet_creates_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "fresh" / "store.json"
    source = tmp_path / "in.csv"
    source.write_text(CSV, encoding="utf-8")
    assert cli.main(["import", str(source), "--db", str(new), "--now", NOW]) == 0, (
        capsys.readouterr().err
    )
    with Store.open(new, readonly=True) as store:
        assert [item.author_handle for item in store.repo.queue.all()] == ["@ann"]
        assert store.repo.networks.count() > 0  # seeded, as the first start would
        assert store.repo.tasks.count() > 0


def test_a_dry_run_onto_a_missing_store_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "fresh" / "store.json"
    source = tmp_path / "in.csv"
    source.write_text(CSV, encoding="utf-8")
    assert cli.main(["import", str(source), "--db", str(new), "--dry-run"]) == 1
    assert "no store at" in one_line_error(capsys.readouterr().err)
    assert not new.parent.exists()
