"""A store seeded before Mastodon and Bluesky had profiles gets them at the next start, once,
and keeps its own profiles as they are."""

from __future__ import annotations

from pathlib import Path

from cm_tui.io.seeding import PREF_SEEDED, SEED_VERSION, seed_if_needed
from cm_tui.io.shipped import load_networks
from cm_tui.store import Store


def test_an_older_store_gets_the_new_network_profiles_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.json") as store:
        old = [p for p in load_networks() if p.key not in ("mastodon", "bluesky")]
        edited = old[0].replace(char_limit=1234)
        with store.transaction():
            store.repo.networks.add_many([edited, *old[1:]])
            store.repo.prefs.set(PREF_SEEDED, 1)
        assert seed_if_needed(store) is True
        keys = {p.key: p for p in store.repo.networks.all()}
        assert {"mastodon", "bluesky"} <= set(keys)
        assert (keys["mastodon"].char_limit, keys["bluesky"].char_limit) == (500, 300)
        assert keys[edited.key].char_limit == 1234
        assert store.repo.prefs.get(PREF_SEEDED) == SEED_VERSION
        assert seed_if_needed(store) is False
        assert len(store.repo.networks.all()) == len(load_networks())


def test_a_store_seeded_before_youtube_gets_its_profile(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.json") as store:
        with store.transaction():
            store.repo.networks.add_many([p for p in load_networks() if p.key != "youtube"])
            store.repo.prefs.set(PREF_SEEDED, 2)
        assert seed_if_needed(store) is True
        [youtube] = [p for p in store.repo.networks.all() if p.key == "youtube"]
        assert youtube.name == "YouTube"
