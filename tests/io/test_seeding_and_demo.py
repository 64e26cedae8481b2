"""First-run seeding and the demo writer: what lands in the store, once."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from cm_tui.core.demo import generate_demo
from cm_tui.core.models import PostingPeriod
from cm_tui.core.settings import FACEBOOK_PER_WEEK, Settings
from cm_tui.io import demo_writer
from cm_tui.io.seeding import seed_if_needed, tracking_since
from cm_tui.io.shipped import load_catalog, load_network_variants, load_networks
from cm_tui.store import Store


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.json") as opened:
        yield opened


def test_a_new_store_is_seeded_once(store: Store) -> None:
    assert seed_if_needed(store) is True
    repo = store.repo
    assert [n.key for n in repo.networks.all()] == [n.key for n in load_networks()]
    assert [t.key for t in repo.tasks.all()] == [t.key for t in load_catalog()]
    assert seed_if_needed(store) is False
    assert repo.tasks.count() == len(load_catalog())


def test_a_user_who_deleted_the_catalog_does_not_get_it_back(store: Store) -> None:
    seed_if_needed(store)
    for task in store.repo.tasks.all():
        store.repo.tasks.delete(task.id)
    assert seed_if_needed(store) is False
    assert store.repo.tasks.count() == 0


def test_the_first_day_is_recorded_once_so_nothing_before_it_is_overdue(tmp_path: Path) -> None:
    db = tmp_path / "store.json"
    with Store.open(db) as store:
        assert tracking_since(store) is None
        seed_if_needed(store, since=date(2026, 11, 21))
        seed_if_needed(store, since=date(2026, 12, 25))
    with Store.open(db) as again:
        assert tracking_since(again) == date(2026, 11, 21)


def test_seeding_survives_reopening(tmp_path: Path) -> None:
    db = tmp_path / "store.json"
    with Store.open(db) as first:
        seed_if_needed(first)
    with Store.open(db) as again:
        assert seed_if_needed(again) is False
        assert again.repo.networks.count() == len(load_networks())


def test_facebook_weekly_variant_matches_the_shipped_data() -> None:
    variant = load_network_variants()["facebook"]["per_week"]
    low, high, period = FACEBOOK_PER_WEEK
    assert (variant["target_min"], variant["target_max"]) == (low, high)
    assert PostingPeriod(variant["period"]) is period


def test_write_demo_stores_every_record_and_its_settings(store: Store, fixed_now: datetime) -> None:
    data = generate_demo(
        "small", fixed_now, networks=load_networks(), templates=load_catalog(), tz="Europe/Paris"
    )
    demo_writer.write_demo(store, data)
    repo = store.repo
    counts = data.counts()
    assert repo.networks.count() == counts["networks"]
    assert repo.tasks.count() == counts["tasks"]
    assert repo.posts.count() == counts["posts"]
    assert len(repo.queue.open_items()) == counts["queue_open"]
    assert sum(1 for _ in repo.queue.iter_archived()) == counts["archived"]
    assert repo.figures.count() == counts["figures"]
    assert repo.competitors.count() == counts["competitors"]
    assert repo.prefs.get(demo_writer.PREF_DEMO_DAY) == "2026-11-19"
    assert repo.prefs.get(demo_writer.PREF_DEMO_SIZE) == "small"
    assert seed_if_needed(store) is False  # the demo carries the catalog already

    user = Settings(timezone="UTC", language="en", active_networks=("snapchat",))
    shown = demo_writer.demo_settings(store, user)
    assert shown.active_networks == data.active_networks
    assert shown.onboarding_start == data.onboarding_start
    assert shown.timezone == "UTC"  # everything else is the user's


def test_demo_settings_leave_a_normal_store_alone(store: Store) -> None:
    seed_if_needed(store)
    user = Settings(timezone="UTC", language="en", active_networks=("x",))
    assert demo_writer.demo_settings(store, user) is user
