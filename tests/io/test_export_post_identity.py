"""A post is one post whatever form of its link an export writes: named by its permalink in
one file or row and by its id in another, or by two forms of its link in one file, it is
counted once (``core.export_facts.identities``)."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cm_tui.core.export_facts import ExportFact
from cm_tui.io.exports.plan import ExportPlan, read_export
from tests.io.export_files import META_EN, X_EN, meta_row, write_csv

PARIS = ZoneInfo("Europe/Paris")
NETWORKS = ["facebook", "instagram", "x", "youtube"]


def plan_of(path: Path, stored: list[ExportFact] | None = None, **kw: bool) -> ExportPlan:
    return read_export(
        path,
        zone=PARIS,
        networks=NETWORKS,
        stored_facts=stored or [],
        figures=[],
        posts=[],
        **kw,
    )


def stored(plan: ExportPlan, facts: list[ExportFact]) -> list[ExportFact]:
    """The store's facts once ``plan`` is written."""
    by_id = {f.id: f for f in facts}
    by_id.update({f.id: f for f in plan.updated_facts})
    start = max(by_id, default=0) + 1
    return [*by_id.values(), *(f.replace(id=start + i) for i, f in enumerate(plan.new_facts))]


def tweet(ident: str, link: str, impressions: int) -> list[str]:
    row = ["0"] * len(X_EN)
    row[:4] = [ident, link, "hi", "2026-03-02 10:00:00 +0000"]
    row[4] = str(impressions)
    return row


def tweets(path: Path, *rows: list[str]) -> Path:
    return write_csv(path, X_EN, rows, "utf-8")


def posts_of(plan: ExportPlan, network: str = "x") -> int:
    return plan.touched[(network, "2026-03")].values["posts"]


@pytest.mark.parametrize("first_with_link", [True, False])
def test_a_post_named_by_its_link_then_its_id_is_counted_once(
    tmp_path: Path, first_with_link: bool
) -> None:
    with_link = tweets(tmp_path / "a.csv", tweet("9", "https://x.com/a/status/9", 10))
    by_id = tweets(tmp_path / "b.csv", tweet("9", "", 30))
    first, second = (with_link, by_id) if first_with_link else (by_id, with_link)
    plan = plan_of(first)
    facts = stored(plan, [])
    again = plan_of(second, facts)
    assert again.new_facts == [] and len(again.updated_facts) == 1
    assert posts_of(again) == 1
    assert again.touched[("x", "2026-03")].values["impressions"] == (30 if first_with_link else 10)
    # and the id stays known once the post is stored by its link
    third = plan_of(by_id, stored(again, facts))
    assert third.new_facts == [] and posts_of(third) == 1


def test_a_meta_post_without_its_permalink_is_the_same_post(tmp_path: Path) -> None:
    row = meta_row(META_EN, 1, when="03/10/2026 21:00", reach=100)
    path = write_csv(tmp_path / "a.csv", META_EN, [row])
    facts = stored(plan_of(path), [])
    row = meta_row(META_EN, 1, when="03/10/2026 21:00", reach=250)
    row[8] = ""  # Permalink
    again = plan_of(write_csv(tmp_path / "b.csv", META_EN, [row]), facts)
    assert again.new_facts == []
    assert again.touched[("facebook", "2026-03")].values["posts"] == 1
    assert again.touched[("facebook", "2026-03")].values["reach"] == 250


@pytest.mark.parametrize("dry_run", [False, True])
def test_two_forms_of_one_posts_link_in_one_file_are_one_post(
    tmp_path: Path, dry_run: bool
) -> None:
    path = tweets(
        tmp_path / "t.csv",
        tweet("3", "https://x.com/a/status/3", 10),
        tweet("4", "https://x.com/a/status/4", 1),
        tweet("3", "http://www.twitter.com/a/status/3/", 20),
    )
    plan = plan_of(path, dry_run=dry_run)
    assert plan.touched[("x", "2026-03")].values == {
        "posts": 2,
        "impressions": 21,  # the later row's 20 replaces the 10
        "reactions": 0,
        "comments": 0,
        "shares": 0,
        "clicks": 0,
        "profile_visits": 0,
    }
    assert [r.posts for r in plan.months.new] == [2]
    if not dry_run:
        assert [f.impressions for f in plan.new_facts] == [20, 1]


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_post_named_by_its_link_and_by_its_id_in_one_file_is_one_post(
    tmp_path: Path, dry_run: bool
) -> None:
    path = tweets(
        tmp_path / "t.csv",
        tweet("7", "", 5),
        tweet("7", "https://x.com/a/status/7", 6),
        tweet("8", "https://x.com/a/status/8", 1),
        tweet("8", "", 2),
    )
    plan = plan_of(path, dry_run=dry_run)
    assert posts_of(plan) == 2
    assert plan.touched[("x", "2026-03")].values["impressions"] == 8


@pytest.mark.parametrize("dry_run", [False, True])
def test_rows_naming_a_stored_post_by_its_link_and_by_its_id_update_it_once(
    tmp_path: Path, dry_run: bool
) -> None:
    first = tweets(tmp_path / "a.csv", tweet("5", "https://x.com/a/status/5", 10))
    facts = stored(plan_of(first), [])
    # the id of the first row rounded by a spreadsheet, the second row without its link
    path = tweets(
        tmp_path / "b.csv",
        tweet("5.5E+1", "https://x.com/a/status/5", 11),
        tweet("5", "", 12),
    )
    plan = plan_of(path, facts, dry_run=dry_run)
    assert posts_of(plan) == 1
    assert plan.touched[("x", "2026-03")].values["impressions"] == 12
    if not dry_run:
        assert plan.new_facts == [] and [f.impressions for f in plan.updated_facts] == [12]
