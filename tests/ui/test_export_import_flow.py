"""The platforms' exports in the app: ``ctrl+o`` on the Queue tab and the inbox folder take them
by their content into the month figures, like ``cm-tui import``, and say what they took them
for; a look-alike is refused with what was expected."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.models import NetworkProfile, PostingPeriod
from cm_tui.core.settings import Settings
from cm_tui.store import Store
from cm_tui.ui.screens.detail import DetailScreen
from tests.io.export_files import linkedin_book, meta_daily, write_csv
from tests.ui.conftest import SIZE, close_quietly, screen_text, settle


@pytest.fixture
def edb(tmp_path: Path) -> Path:
    db = tmp_path / "e" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:
        store.repo.networks.add_many(
            NetworkProfile(key, key.title(), 3000, 1, 3, PostingPeriod.WEEK)
            for key in ("facebook", "linkedin")
        )
    return db


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def notifications(app: Any) -> list[str]:
    return [note.message for note in app._notifications]


def figures(db: Path, app: Any) -> dict[tuple[str, str], Any]:
    close_quietly(app.ctx.store)
    with Store.open(db) as store:
        return {(f.network, f.month): f for f in store.repo.figures.all()}


async def test_ctrl_o_takes_a_meta_daily_series(make_app, edb: Path, tmp_path: Path) -> None:
    meta_daily(tmp_path / "r.csv", "Facebook Page reach", [("2026-03-01", 4), ("2026-03-02", 6)])
    app = make_app(db=edb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o", *"r.csv", "enter")
        await settle(pilot)
        done = notifications(app)[-1]
        assert "r.csv: taken for a Meta daily series (Facebook Page reach)" in done
        assert "facebook 2026-03: Reach 10 (from r.csv)" in done
    assert figures(edb, app)[("facebook", "2026-03")].reach == 10


async def test_ctrl_o_refuses_a_look_alike(make_app, edb: Path, tmp_path: Path) -> None:
    write_csv(tmp_path / "t.csv", ["Tweet id", "time", "likes"], [["1", "x", "2"]])
    app = make_app(db=edb, initial_tab="queue")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o", *"t.csv", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert "looks like an X analytics export" in screen_text(app)


def _dropped(path: Path, age: float) -> None:
    past = time.time() - age
    os.utime(path, (past, past))


async def test_the_inbox_takes_a_linkedin_workbook(make_app, edb: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _dropped(linkedin_book(inbox / "page.xlsx", [("2026-03-01", 100, 7)]), 90)
    old = inbox / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    _dropped(old, 80)
    settings = Settings(timezone="Europe/Paris", language="en", inbox=str(inbox))
    app = make_app(db=edb, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.check_inbox()
        await settle(pilot)
        assert any("taken for a LinkedIn page analytics workbook" in n for n in notifications(app))
    assert [p.name for p in (inbox / "processed").iterdir()] == ["page.xlsx"]
    reason = (inbox / "failed" / "old.xls.reason.txt").read_text(encoding="utf-8")
    assert "save it as XLSX" in reason
    march = figures(edb, app)[("linkedin", "2026-03")]
    assert (march.impressions, march.profile_visits) == (100, 7)


async def test_a_posts_detail_shows_its_figures_from_the_exports(make_app, demo_db) -> None:
    from datetime import timedelta

    from cm_tui.core.export_facts import ExportFact
    from cm_tui.core.models import Post
    from tests.conftest import FIXED_NOW

    at = FIXED_NOW.replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=1)
    with Store.open(demo_db) as store:
        post = store.repo.posts.add(Post(network="facebook", at=at, title="Launch"))
        store.repo.export_facts.add(
            ExportFact(
                "facebook",
                "https://facebook.com/p1",
                "post",
                "Posts Mar.csv",
                at=at,
                post=post.id,
                figures=("reach", "reactions"),
                reach=1234,
                reactions=56,
            )
        )
    app = make_app(initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.active_pane._follow(post)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = str(app.screen.query_one("#detail-text").render())
        assert "Figures from the exports" in text
        assert "reach 1,234" in text and "reactions 56" in text and "Posts Mar.csv" in text
