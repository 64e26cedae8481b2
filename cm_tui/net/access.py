"""How connector code reaches the store from a worker thread.

The store is not thread-safe: in the app every read and write happens on the UI thread. The
engine does its network calls in a worker and hands each store step to a ``StoreAccess``: a
callable that runs ``fn(store)`` where the store may be used and returns its result. The CLI
uses ``direct(store)``; the app passes one that runs the step on the UI thread
(``App.call_from_thread``), inside ``UiContext.write`` when it writes. A step that writes does
so in one ``store.transaction()`` (journalled, fsync'd, atomic), so a kill leaves it all or
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from cm_tui.store.store import Store

T = TypeVar("T")


class StoreAccess(Protocol):
    def __call__(self, fn: Callable[[Store], T], /) -> T: ...


def direct(store: Store) -> StoreAccess:
    """Run each step at once on the calling thread (the CLI, tests)."""

    def access(fn: Callable[[Store], Any], /) -> Any:
        return fn(store)

    return access  # type: ignore[return-value]
