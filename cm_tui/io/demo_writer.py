"""Writes the demo generator's output (``core.demo.DemoData``) into a store.

Everything goes through the Repository: the hot tables in ONE transaction (one durable journal
entry, so a crash leaves either no demo or all of it), archived queue items straight to the
month archives with ``queue.add_archived`` (one file per month; the stress demo has 100,000).
The archive is written first: if the process dies before the transaction, the store has no
data but its archive files, and ``cm-tui demo --force`` starts again from scratch.

The demo's own settings (its networks, the onboarding start) are kept in ``prefs`` so that the
app shows the demo as it was generated, whatever the user's settings file says
(``demo_settings`` applies them).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cm_tui.core.demo import DemoData
    from cm_tui.core.settings import Settings
    from cm_tui.store import Store

PREF_DEMO_DAY = "demo.generated_for"
PREF_DEMO_SIZE = "demo.size"
PREF_DEMO_NETWORKS = "demo.active_networks"
PREF_DEMO_ONBOARDING = "demo.onboarding_start"
#: the language the demo's titles were written in: a run in another language builds it again
PREF_DEMO_LANGUAGE = "demo.language"


def write_demo(store: Store, data: DemoData) -> None:
    """Write ``data`` into ``store`` (expected empty; ids are assigned by the store)."""
    from cm_tui.io.seeding import PREF_SEEDED, SEED_VERSION

    repo = store.repo
    if data.archived:
        repo.queue.add_archived(data.archived)
    with store.transaction():
        # the demo's catalog and networks are the shipped ones: the store counts as seeded
        repo.networks.add_many(data.networks)
        repo.tasks.add_many(data.templates)
        repo.occurrences.add_many(data.occurrences)
        repo.posts.add_many(data.posts)
        repo.queue.add_many(data.queue)
        repo.figures.add_many(data.figures)
        repo.campaigns.add_many(data.campaigns)
        repo.competitors.add_many(data.competitors)
        repo.influencers.add_many(data.influencers)
        repo.hashtags.add_many(data.hashtags)
        repo.keywords.add_many(data.keywords)
        repo.documents.add_many(data.documents)
        prefs = repo.prefs
        prefs.set(PREF_SEEDED, SEED_VERSION)
        prefs.set(PREF_DEMO_SIZE, data.size)
        prefs.set(PREF_DEMO_DAY, data.now.astimezone(_zone(data.timezone)).date().isoformat())
        prefs.set(PREF_DEMO_NETWORKS, list(data.active_networks))
        prefs.set(PREF_DEMO_ONBOARDING, data.onboarding_start.isoformat())
        prefs.set(PREF_DEMO_LANGUAGE, data.language)
    # a year of history goes where the app would have put it by now
    repo.retire_old(data.now.astimezone(_zone(data.timezone)).date())


def is_demo_store(store: Store) -> bool:
    return store.repo.prefs.get(PREF_DEMO_SIZE) is not None


def demo_settings(store: Store, settings: Settings) -> Settings:
    """``settings`` with the demo's networks, onboarding start and inbox when ``store`` is a
    demo store (unchanged otherwise): the demo posts on four networks, whatever the user
    uses, and watches an inbox of its own beside its store (the user's inbox feeds the user's
    store only: a comment dropped there must never land in a demo rebuilt every day)."""
    prefs = store.repo.prefs
    if not is_demo_store(store):
        return settings
    from cm_tui.io.locations import demo_inbox_path

    changes: dict[str, Any] = {"inbox": str(demo_inbox_path(store.paths.db))}
    networks = prefs.get(PREF_DEMO_NETWORKS)
    if isinstance(networks, list) and networks:
        changes["active_networks"] = tuple(str(n) for n in networks)
    onboarding = prefs.get_date(PREF_DEMO_ONBOARDING)
    if onboarding is not None:
        changes["onboarding_start"] = onboarding
    return dataclasses.replace(settings, **changes)


def _zone(name: str) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)
