"""``cm-tui import`` of a platform's export runs with the cyclic collector paused
(``io.collector``: a third of a large file's CPU time otherwise), and leaves it as it was."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from cm_tui import cli
from cm_tui.core.models import NetworkProfile, PostingPeriod
from cm_tui.store import Store
from tests.io.export_files import META_EN, meta_row, write_csv


def test_an_export_is_read_and_written_with_the_collector_paused(
    tmp_path: Path, tmp_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cm_tui.io.exports import plan as plan_module

    (tmp_home / "settings.toml").write_text('timezone = "Europe/Paris"\n', encoding="utf-8")
    db = tmp_path / "store.json"
    with Store.open(db) as store:
        store.repo.networks.add(
            NetworkProfile("facebook", "Facebook", 3000, 1, 3, PostingPeriod.WEEK)
        )
    posts = write_csv(
        tmp_path / "p.csv", META_EN, [meta_row(META_EN, 1, when="03/10/2026 21:00", reach=12)]
    )
    seen: list[tuple[str, bool]] = []
    real_read, real_apply = plan_module.read_export, plan_module.apply_plan

    def read(*args: Any, **kwargs: Any) -> Any:
        seen.append(("read", gc.isenabled()))
        return real_read(*args, **kwargs)

    def apply(*args: Any, **kwargs: Any) -> Any:
        seen.append(("write", gc.isenabled()))
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(plan_module, "read_export", read)
    monkeypatch.setattr(plan_module, "apply_plan", apply)
    assert gc.isenabled()
    assert cli.main(["import", str(posts), "--db", str(db)]) == 0
    assert seen == [("read", False), ("write", False)]
    assert gc.isenabled()
    with Store.open(db, readonly=True) as store:
        assert [f.reach for f in store.repo.export_facts.all()] == [12]
