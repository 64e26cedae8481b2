"""What the store holds: table names, their record classes, the schema version and migrations.

The required fields of each table are derived from the dataclasses in ``core.models`` (fields
without a default), so the strict load check follows the models without a second list to keep
in sync. ``_meta`` is the store's own table (schema version and the change number of the
snapshot); it is written with every snapshot and never exposed to TinyDB.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from cm_tui.core.export_fact import ExportFact
from cm_tui.core.models import (
    AdCampaign,
    Competitor,
    Hashtag,
    Influencer,
    MonthlyFigures,
    NetworkProfile,
    Post,
    QueueItem,
    Record,
    ReferenceDocument,
    TaskOccurrence,
    TaskTemplate,
    WatchKeyword,
)
from cm_tui.core.net_records import Account, OutboxEntry, Publication

#: The schema this code writes. Bump it together with a migration from the previous version.
SCHEMA_VERSION = 3

META_TABLE = "_meta"
META_ID = "1"

#: Table name -> record class, for every table of records.
MODELS: dict[str, type[Record]] = {
    "accounts": Account,
    "campaigns": AdCampaign,
    "competitors": Competitor,
    "documents": ReferenceDocument,
    "export_facts": ExportFact,
    "figures": MonthlyFigures,
    "hashtags": Hashtag,
    "influencers": Influencer,
    "keywords": WatchKeyword,
    "networks": NetworkProfile,
    "occurrences": TaskOccurrence,
    "outbox": OutboxEntry,
    "posts": Post,
    "publications": Publication,
    "queue": QueueItem,
    "tasks": TaskTemplate,
}

#: Tables whose old documents move to a past table of the same records (``tiered``).
PAST_TABLES: dict[str, str] = {"occurrences": "occurrences_past", "posts": "posts_past"}
MODELS.update({past: MODELS[name] for name, past in PAST_TABLES.items()})

PREFS_TABLE = "prefs"
PREFS_FIELDS = frozenset({"name", "value"})

Data = dict[str, dict[str, dict[str, Any]]]
Migration = Callable[[Data], Data]


def _add_past_tables(data: Data) -> Data:
    """1 -> 2: the past tables (``PAST_TABLES``) appear. Nothing to convert: they start empty.
    The version still changes, so that a build that does not know them refuses the file
    instead of reading it without its past (and handing out ids the past still uses)."""
    return data


def _add_connector_tables(data: Data) -> Data:
    """2 -> 3: the connectors' tables (``accounts``, ``outbox``, ``publications``) and the
    platforms' exports' facts (``export_facts``) appear, empty. The version changes so that an
    older build refuses the file instead of compacting it without them (an unsent reply in the
    outbox must never be dropped)."""
    return data


#: ``{from_version: fn}``: ``fn`` turns a database of schema ``from_version`` into one of
#: ``from_version + 1``. Applied in order at open, then the result is written as a snapshot.
MIGRATIONS: dict[int, Migration] = {1: _add_past_tables, 2: _add_connector_tables}


def required_fields(model: type[Record]) -> frozenset[str]:
    """Names of the dataclass fields without a default (``id`` is the document id, not stored)."""
    return frozenset(
        f.name
        for f in dataclasses.fields(model)  # type: ignore[arg-type]
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ) - {"id"}


REQUIRED: dict[str, frozenset[str]] = {name: required_fields(m) for name, m in MODELS.items()}
REQUIRED[PREFS_TABLE] = PREFS_FIELDS


class MigrationMissing(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


class MigrationFailed(Exception):
    def __init__(self, version: int, detail: str) -> None:
        super().__init__(version, detail)
        self.version = version
        self.detail = detail


def migrate(data: Data, version: int, registry: dict[int, Migration] | None = None) -> Data:
    """Bring ``data`` (tables only, no ``_meta``) from schema ``version`` to ``SCHEMA_VERSION``.

    Raises ``MigrationMissing`` / ``MigrationFailed``; the caller decides what that means for the
    file (it is never rewritten until every step succeeded).
    """
    steps = MIGRATIONS if registry is None else registry
    while version < SCHEMA_VERSION:
        step = steps.get(version)
        if step is None:
            raise MigrationMissing(version)
        try:
            data = step(data)
        except Exception as exc:
            raise MigrationFailed(version, f"{type(exc).__name__}: {exc}") from exc
        version += 1
    return data
