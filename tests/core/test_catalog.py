"""The shipped catalog and network profiles: every task of both seed articles, valid data."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from cm_tui.core.models import CadenceKind, PostingPeriod, TaskGroup
from cm_tui.io import shipped
from cm_tui.io.shipped import (
    ShippedDataError,
    apply_variant,
    data_dir,
    load_catalog,
    load_network_variants,
    load_networks,
)

#: One key per task of the articles, by group. Article 1 unless marked (A2).
ARTICLE_TASKS: dict[str, list[str]] = {
    "onboarding": [
        "onboarding.meet_colleagues",
        "onboarding.official_sources",
        "onboarding.target_audience",
        "onboarding.platform_audit",
        "onboarding.baseline_dashboard",
        "onboarding.hashtag_lists",
    ],
    "first_months": [
        "first_months.watch_plan",
        "first_months.watch_alerts",  # A2: alerts on brand name / keywords
        "first_months.competitive_analysis",
        "first_months.graphic_charter",
        "first_months.editorial_line",
        "first_months.editorial_calendar",
        "first_months.netiquette",
        "first_months.influencer_list",
        "first_months.focus_networks",  # "two or three networks, given your resources"
        "first_months.split_by_frequency",  # A2: split tasks by frequency
    ],
    "several_daily": [
        "publish.facebook",
        "publish.x",
        "publish.instagram",
        "publish.pinterest",
        "publish.linkedin",
        "publish.snapchat",
        "community.reply",
        "community.ambassadors",
        "community.check_platforms",  # A2: visit platforms several times a day
    ],
    "daily": [
        "daily.ad_campaigns",
        "daily.invite_engagers",
        "daily.brand_watch",
        "daily.keyword_alerts",  # A2: watch keywords
        "daily.self_training",
        "daily.create_content",
        "daily.editorial_calendar",
        "daily.schedule_tweets",  # A2: schedule tweets ahead
    ],
    "weekly": [
        "weekly.plan_week",  # A2: stick to the schedule (time blocks)
        "weekly.team_meeting",
        "weekly.influencer_contact",
        "weekly.blog_post",
        "weekly.share_blog_x",  # A2: then post the link on X and Facebook
        "weekly.share_blog_facebook",
    ],
    "monthly": [
        "monthly.stats_dashboard",
        "monthly.review_strategy",
        "monthly.about_sections",
    ],
    "occasional": [
        "occasional.meet_others",
        "occasional.header_images",
        "occasional.event",
        "occasional.review_charter",
        "occasional.review_editorial_line",
    ],
}
#: Article 1's posting frequencies (per day).
ARTICLE_FREQUENCIES = {
    "facebook": (1, 2),
    "x": (3, 6),
    "instagram": (1, 3),
    "pinterest": (1, 3),
    "linkedin": (1, 1),
    "snapchat": (6, 6),
}


@pytest.fixture
def catalog() -> dict[str, object]:
    return {t.key: t for t in load_catalog()}


def test_every_article_task_is_in_the_catalog_in_its_group(catalog: dict) -> None:
    expected = {key: group for group, keys in ARTICLE_TASKS.items() for key in keys}
    assert sorted(catalog) == sorted(expected)
    for key, group in expected.items():
        assert catalog[key].group is TaskGroup(group), key


def test_labels_present_distinct_and_french(catalog: dict) -> None:
    for template in catalog.values():
        assert template.label_en.strip() and template.label_fr.strip()
        assert template.label_en != template.label_fr, template.key
        assert template.label("fr") == template.label_fr
    fr = " ".join(t.label_fr for t in catalog.values())
    assert re.search(r"[éèàçô]", fr)  # real French, accents included
    assert len({t.label_en for t in catalog.values()}) == len(catalog)


def test_cadences_match_the_articles(catalog: dict) -> None:
    for key in ARTICLE_TASKS["onboarding"] + ARTICLE_TASKS["first_months"]:
        assert catalog[key].cadence.kind is CadenceKind.ONCE and catalog[key].cadence.anchor is None
    for network, (low, _high) in ARTICLE_FREQUENCIES.items():
        template = catalog[f"publish.{network}"]
        assert template.network == network
        assert template.cadence.kind is CadenceKind.TIMES_PER_DAY
        assert template.cadence.times == low  # the commitment; the range is the network target
    for key in ARTICLE_TASKS["daily"]:
        assert catalog[key].cadence.kind is CadenceKind.WORKDAYS
    blog = catalog["weekly.blog_post"].cadence
    assert (blog.kind, blog.weekdays, blog.block) == (CadenceKind.WEEKLY, (5,), "morning")
    assert catalog["weekly.blog_post"].network == "blog"
    for key, network in (("weekly.share_blog_x", "x"), ("weekly.share_blog_facebook", "facebook")):
        cadence = catalog[key].cadence
        assert cadence.weekdays == (5,) and catalog[key].network == network
        assert cadence.at > blog.at  # after the post is written
    for key in ARTICLE_TASKS["monthly"]:
        assert catalog[key].cadence.kind is CadenceKind.MONTHLY
    for key in ARTICLE_TASKS["occasional"]:
        cadence = catalog[key].cadence
        assert cadence.kind is CadenceKind.OCCASIONAL and cadence.every >= 1


def test_times_within_working_hours_and_minutes_positive(catalog: dict) -> None:
    for template in catalog.values():
        at = template.cadence.at
        if at is not None:
            assert "09:00" <= at < "18:00", template.key
        assert 0 < template.minutes <= 8 * 60


def test_networks_limits_and_targets() -> None:
    networks = {n.key: n for n in load_networks()}
    assert list(networks) == ["facebook", "x", "instagram", "pinterest", "linkedin", "snapchat",
                              "blog", "mastodon", "bluesky", "youtube"]  # fmt: skip
    limits = {k: n.char_limit for k, n in networks.items()}
    assert limits == {
        "facebook": 63206,
        "x": 280,
        "instagram": 2200,
        "pinterest": 500,
        "linkedin": 3000,
        "snapchat": 250,
        "blog": 100000,
        "mastodon": 500,
        "bluesky": 300,
        "youtube": 5000,
    }
    for key, (low, high) in ARTICLE_FREQUENCIES.items():
        profile = networks[key]
        assert (profile.target_min, profile.target_max, profile.period) == (
            low,
            high,
            PostingPeriod.DAY,
        )
    blog = networks["blog"]
    assert (blog.target_min, blog.target_max, blog.period) == (1, 1, PostingPeriod.WEEK)
    assert networks["instagram"].max_hashtags == 30
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", n.colour) for n in networks.values())


def test_facebook_weekly_variant_from_article_2() -> None:
    variants = load_network_variants()
    per_week = variants["facebook"]["per_week"]
    assert (per_week["target_min"], per_week["target_max"], per_week["period"]) == (2, 3, "week")
    facebook = next(n for n in load_networks() if n.key == "facebook")
    switched = apply_variant(facebook, per_week)
    assert (switched.target_min, switched.target_max, switched.period) == (
        2,
        3,
        PostingPeriod.WEEK,
    )
    # and it agrees with the settings' built-in variant
    from cm_tui.core.settings import FACEBOOK_PER_WEEK

    assert (switched.target_min, switched.target_max, switched.period) == FACEBOOK_PER_WEEK


def test_loads_return_fresh_objects() -> None:
    first = load_catalog()
    first[0].label_en = "changed"
    assert load_catalog()[0].label_en != "changed"


def test_data_dir_is_the_repo_data_folder() -> None:
    assert (data_dir() / "catalog.json").is_file()
    assert data_dir() == Path(__file__).resolve().parents[2] / "data"


# --------------------------------------------------------------------------- validation


@pytest.fixture
def fake_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in ("catalog.json", "networks.json"):
        (tmp_path / name).write_text((data_dir() / name).read_text(encoding="utf-8"))
    monkeypatch.setattr(shipped, "data_dir", lambda: tmp_path)
    shipped._read.cache_clear()
    yield tmp_path
    shipped._read.cache_clear()


def _edit(path: Path, table: str, index: int, **changes: object) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc[table][index].update(changes)
    path.write_text(json.dumps(doc), encoding="utf-8")


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"label_fr": ""}, "label_fr"),
        ({"group": "hourly"}, "group"),
        ({"network": "myspace"}, "unknown network"),
        ({"cadence": {"kind": "weekly", "weekdays": [8]}}, "cadence.weekdays"),
        ({"cadence": {"kind": "daily", "at": "25:00"}}, "cadence.at"),
        ({"cadence": {"kind": "fortnightly"}}, "cadence"),
        ({"minutes": 0}, "minutes"),
        ({"colour": "red"}, "unknown keys"),
        ({"key": "onboarding.meet_colleagues"}, "duplicate key"),
    ],
)
def test_bad_catalog_entry_names_file_entry_and_problem(
    fake_data: Path, changes: dict, problem: str
) -> None:
    _edit(fake_data / "catalog.json", "tasks", 3, **changes)
    with pytest.raises(ShippedDataError) as info:
        load_catalog()
    message = str(info.value)
    assert "catalog.json" in message and "tasks[3]" in message and problem in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"target_min": 5, "target_max": 2}, "target_min is above target_max"),
        ({"char_limit": -1}, "char_limit"),
        ({"period": "month"}, "period"),
        ({"colour": "blue"}, "colour"),
        ({"key": "facebook"}, "duplicate key"),
    ],
)
def test_bad_network_entry(fake_data: Path, changes: dict, problem: str) -> None:
    _edit(fake_data / "networks.json", "networks", 1, **changes)
    with pytest.raises(ShippedDataError, match=r"networks\.json.*networks\[1\]") as info:
        load_networks()
    assert problem in str(info.value)


def test_unparsable_and_missing_files(fake_data: Path) -> None:
    (fake_data / "catalog.json").write_text('{"tasks": [', encoding="utf-8")
    with pytest.raises(ShippedDataError, match=r"catalog\.json"):
        load_catalog()
    shipped._read.cache_clear()
    (fake_data / "networks.json").unlink()
    with pytest.raises(ShippedDataError, match=r"networks\.json"):
        load_networks()
