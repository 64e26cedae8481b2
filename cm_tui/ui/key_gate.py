"""Exact type-ahead: one key at a time, each after the previous key's effect has settled.

Textual routes a key to whatever has focus *when the app reads it from its queue*, then the key
travels through more queues (the focused widget, its ancestors, back to the app for bindings)
and the action it runs may open or close a screen, whose focus is set later still. Keys typed
in a burst (a paste, a fast typist, a loaded machine) are read before that settles: after ``r``
the reply text went to the list behind the opening dialog and ran triage actions.

``KeyGate`` holds every key that arrives while an earlier one is still in flight and hands them
back to the app one by one. A key is *settled* when:

1. every node on its path (the focused widget, its ancestors, the app) has processed the
   messages queued before it, so the key and the binding it ran have been handled;
2. then the app and every node of the (possibly new) top screen are quiet: nothing queued or
   in hand. What the key caused has run: a ``Submitted`` that bubbles to the dialog which
   dismisses, the dialog's result callback on the pane under it, a new dialog composed with
   the cursor in its field.

Waiting is bounded (``LIMIT_S``) so that a handler that never returns cannot hold the keyboard
forever; a node that is removed while waited on counts as done. See docs/architecture.md,
"Keys".
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections import deque
from collections.abc import Awaitable, Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual import events
    from textual.app import App
    from textual.message_pump import MessagePump

#: the longest a key waits for the previous one (a handler stuck forever must not hold the rest)
LIMIT_S = 5.0
#: how often a wait checks whether the node it waits on was removed
_POLL_S = 0.05
#: rounds of waiting on busy nodes before the key counts as settled even if work keeps coming
_MAX_PASSES = 32


class KeyGate:
    """Holds keys while one is in flight; ``release`` is called on the app's loop when it
    settled, with the next held key (or ``None`` when the gate is idle again)."""

    def __init__(self, app: App[Any], release: Callable[[], Awaitable[None]]) -> None:
        self._app = app
        self._release = release
        self._held: deque[events.Key | events.Paste] = deque()
        self._busy = False
        self._idle = asyncio.Event()
        self._idle.set()
        self._watch: asyncio.Task[None] | None = None
        #: the text field the key in flight types into, if it is a typed character
        self.typing_into: object = None
        self._collector_was_on = False
        #: long work the key in flight started, that the next key waits for (``hold``)
        self._holds: list[asyncio.Future[None]] = []

    @property
    def busy(self) -> bool:
        return self._busy

    def admit(self, event: events.Key | events.Paste, typing_into: object = None) -> str:
        """``"now"``: dispatch ``event`` and follow it (the gate is now busy); ``"along"``:
        dispatch it now without waiting; ``"held"``: it waits its turn.

        ``typing_into`` is the text field ``event`` types a character into (else ``None``).
        Characters typed into the field the key in flight also types into go along at once:
        that field takes them in order and none of them moves the focus, so a typed reply
        costs one settle, not one per character."""
        if self._busy:
            if typing_into is not None and typing_into is self.typing_into and not self._held:
                return "along"
            self._held.append(event)
            return "held"
        self._busy = True
        self._idle.clear()
        self._hold_collector()
        return "now"

    def next_held(self) -> events.Key | events.Paste | None:
        """The next held key, the gate staying busy; ``None`` (and idle) when none is left."""
        if self._held:
            return self._held.popleft()
        self._busy = False
        self._idle.set()
        self._release_collector()
        return None

    def next_along(
        self, types_along: Callable[[events.Key | events.Paste], bool]
    ) -> events.Key | events.Paste | None:
        """The next held key if ``types_along`` says it types into the field the key in flight
        types into (it may go along at once, as in ``admit``); else ``None``, nothing taken."""
        if self.typing_into is not None and self._held and types_along(self._held[0]):
            return self._held.popleft()
        return None

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        """Hold the next keys until this block ends, however long it takes (past ``LIMIT_S``):
        work that the key in flight started and runs between frames (an undo written in steps,
        ``ui.edit_steps``). The keys typed meanwhile then act in order, none lost."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._holds.append(done)
        try:
            yield
        finally:
            self._holds.remove(done)
            done.set_result(None)

    def follow(self, path: Sequence[MessagePump]) -> None:
        """Watch the key just dispatched along ``path`` (focused widget up to the app)."""
        self._watch = asyncio.get_running_loop().create_task(self._settle(path))

    async def wait_idle(self) -> None:
        """Return once every key received so far has been handled and settled."""
        await self._idle.wait()

    def close(self) -> None:
        """Stop watching (the app is closing); held keys are dropped with the app."""
        if self._watch is not None:
            self._watch.cancel()
        self._held.clear()
        self._busy = False
        self._idle.set()
        self._release_collector()

    def _hold_collector(self) -> None:
        """No cyclic collection while keys are in flight: a full pass over a large store's
        objects takes tens of milliseconds, so it runs once the keys have settled, not in the
        middle of a typed reply (as during an import: ``queue_import_flow``)."""
        self._collector_was_on = gc.isenabled()
        gc.disable()

    def _release_collector(self) -> None:
        if self._collector_was_on:
            self._collector_was_on = False
            gc.enable()

    async def _settle(self, path: Sequence[MessagePump]) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + LIMIT_S
        try:
            for node in path:
                await _round_trip(node, deadline)
            if self._holds:
                while self._holds:
                    await asyncio.wait(list(self._holds))
                deadline = loop.time() + LIMIT_S  # what the work posted on, from its end
            await self._quiet(deadline)
        finally:
            if not self._app.call_later(self._release):
                self.close()

    async def _quiet(self, deadline: float) -> None:
        """Wait until the app and every node of the top screen have nothing queued or in hand
        (twice in a row, a loop turn apart): what the key's handling posted on (a ``Submitted``
        bubbling to the dialog that dismisses, the dialog's result callback on the pane under
        it, the focus set by a new screen) has run."""
        for _ in range(_MAX_PASSES):
            busy = self._busy_nodes()
            if not busy:
                await asyncio.sleep(0)
                busy = self._busy_nodes()
                if not busy:
                    return
            await asyncio.gather(*(_round_trip(node, deadline) for node in busy))

    def _busy_nodes(self) -> list[MessagePump]:
        app = self._app
        nodes: list[MessagePump] = [*app.screen.walk_children(with_self=True), app]
        return [node for node in nodes if _has_work(node)]


def _has_work(node: MessagePump) -> bool:
    """Whether ``node`` has a message queued or being handled, or a ``call_next`` pending.
    (Callbacks deferred to after the next frame, ``call_after_refresh``, are drawing only.)"""
    queue = node.__dict__.get("_message_queue")
    unfinished = getattr(queue, "_unfinished_tasks", 0) if queue is not None else 0
    return bool(unfinished or node._next_callbacks)


async def _round_trip(node: MessagePump, deadline: float) -> None:
    """Return once ``node`` has processed what was queued on it before this call (or it was
    removed, or ``deadline`` passed)."""
    loop = asyncio.get_running_loop()
    reached = loop.create_future()

    def arrive() -> None:
        if not reached.done():
            reached.set_result(None)

    if not node.call_later(arrive):
        return
    while not reached.done():
        left = deadline - loop.time()
        if left <= 0 or node._closing or node._closed:
            return
        await asyncio.wait((reached,), timeout=min(_POLL_S, left))
