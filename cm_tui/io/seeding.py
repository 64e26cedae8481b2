"""First-run seeding: a new store gets the shipped task catalog and network profiles.

Seeding is recorded in ``prefs`` (``seed.version``) in the same transaction as the records, so a
store is seeded exactly once: a crash before the commit leaves an unseeded store that the next
start seeds, and a user who later deletes every task does not get the catalog back.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cm_tui.store import Store

PREF_SEEDED = "seed.version"
#: The local day the store started tracking tasks: nothing before it can be overdue.
PREF_TRACKING_SINCE = "tracking.since"
#: 2: the Mastodon and Bluesky profiles, added to stores seeded before them; 3: YouTube's
#: (its Studio exports are imported: docs/architecture.md, "Platform exports")
SEED_VERSION = 3


def seed_if_needed(store: Store, since: date | None = None) -> bool:
    """Seed ``store`` unless it already was; ``True`` if records were added.

    ``since`` (the user's local day) is recorded as the first day tasks are tracked, so the
    first launch does not greet the user with a week of "overdue" chores from before they had
    the app. A store seeded by an older version gets the network profiles shipped since.
    """
    seeded = store.repo.prefs.get(PREF_SEEDED)
    if isinstance(seeded, int) and seeded < SEED_VERSION:
        with store.transaction():
            added = add_new_networks(store)
            store.repo.prefs.set(PREF_SEEDED, SEED_VERSION)
        return added
    if seeded is not None:
        return False
    with store.transaction():
        seed_catalog(store)
        store.repo.prefs.set(PREF_SEEDED, SEED_VERSION)
        if since is not None:
            store.repo.prefs.set(PREF_TRACKING_SINCE, since.isoformat())
    return True


def tracking_since(store: Store) -> date | None:
    """The day recorded by ``seed_if_needed`` (``None`` for stores seeded otherwise)."""
    value = store.repo.prefs.get(PREF_TRACKING_SINCE)
    return date.fromisoformat(value) if isinstance(value, str) else None


def seed_catalog(store: Store) -> None:
    """Add the shipped network profiles and task templates to tables that are still empty
    (call inside a transaction; an existing table is never duplicated)."""
    from cm_tui.io.shipped import load_catalog, load_networks

    repo = store.repo
    if repo.networks.count() == 0:
        repo.networks.add_many(load_networks())
    if repo.tasks.count() == 0:
        repo.tasks.add_many(load_catalog())


def add_new_networks(store: Store) -> bool:
    """Add the shipped network profiles whose key the store does not have (call inside a
    transaction); ``True`` if any was added. Stored profiles are left as they are."""
    from cm_tui.io.shipped import load_networks

    repo = store.repo
    have = {profile.key for profile in repo.networks.all()}
    new = [profile for profile in load_networks() if profile.key not in have]
    if new:
        repo.networks.add_many(new)
    return bool(new)
