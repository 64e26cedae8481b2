"""First-run seeding: a new store gets the shipped task catalog and network profiles.

Seeding is recorded in ``prefs`` (``seed.version``) in the same transaction as the records, so a
store is seeded exactly once: a crash before the commit leaves an unseeded store that the next
start seeds, and a user who later deletes every task does not get the catalog back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cm_tui.store import Store

PREF_SEEDED = "seed.version"
SEED_VERSION = 1


def seed_if_needed(store: Store) -> bool:
    """Seed ``store`` unless it already was; ``True`` if records were added."""
    if store.repo.prefs.get(PREF_SEEDED) is not None:
        return False
    with store.transaction():
        seed_catalog(store)
        store.repo.prefs.set(PREF_SEEDED, SEED_VERSION)
    return True


def seed_catalog(store: Store) -> None:
    """Add the shipped network profiles and task templates to tables that are still empty
    (call inside a transaction; an existing table is never duplicated)."""
    from cm_tui.io.shipped import load_catalog, load_networks

    repo = store.repo
    if repo.networks.count() == 0:
        repo.networks.add_many(load_networks())
    if repo.tasks.count() == 0:
        repo.tasks.add_many(load_catalog())
