"""The durable store: the only package that imports TinyDB.

See ``store.py`` for how a store is opened and ``repository.py`` for the API every other layer
uses. Names are imported on first use (PEP 562), so ``import cm_tui.store`` costs nothing until
the app opens a store, and a read-only command does not load what it does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "CheckReport": "check",
    "check": "check",
    "list_backups": "backups",
    "restore": "backups",
    "NoBackup": "errors",
    "NotAStore": "errors",
    "SchemaTooNew": "errors",
    "StoreCorrupt": "errors",
    "StoreError": "errors",
    "StoreLocked": "errors",
    "StoreWriteError": "errors",
    "StorePaths": "paths",
    "EntityRepo": "repository",
    "OccurrenceRepo": "repository",
    "PostRepo": "repository",
    "PrefsRepo": "repository",
    "QueueRepo": "repository",
    "Repository": "repository",
    "SCHEMA_VERSION": "schema",
    "Store": "store",
    "export_all": "store",
}

__all__ = [
    "SCHEMA_VERSION",
    "CheckReport",
    "EntityRepo",
    "NoBackup",
    "NotAStore",
    "OccurrenceRepo",
    "PostRepo",
    "PrefsRepo",
    "QueueRepo",
    "Repository",
    "SchemaTooNew",
    "Store",
    "StoreCorrupt",
    "StoreError",
    "StoreLocked",
    "StorePaths",
    "StoreWriteError",
    "check",
    "export_all",
    "list_backups",
    "restore",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:
    from cm_tui.store.backups import list_backups, restore
    from cm_tui.store.check import CheckReport, check
    from cm_tui.store.errors import (
        NoBackup,
        SchemaTooNew,
        StoreCorrupt,
        StoreError,
        StoreLocked,
        StoreWriteError,
    )
    from cm_tui.store.paths import StorePaths
    from cm_tui.store.repository import (
        EntityRepo,
        OccurrenceRepo,
        PostRepo,
        PrefsRepo,
        QueueRepo,
        Repository,
    )
    from cm_tui.store.schema import SCHEMA_VERSION
    from cm_tui.store.store import Store, export_all
