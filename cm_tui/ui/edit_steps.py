"""Undo and redo from a key (``u``, ``ctrl+r``), written in steps between frames.

Undoing an import of 100,000 records is 100,000 records written back: seconds of work. Run at
once on the UI thread it froze the app (no frame, no key) for 2-4 s. ``UiContext.step_through``
writes the edit's ``core.edits.Steps`` one at a time (each one durable write of at most
``core.edits.STEP_RECORDS`` records) and this module awaits ``next_turn`` between two, so the
app draws and its timers run; a notice says the undo is under way. The key that started it
holds the key gate (``KeyGate.hold``): the keys typed meanwhile act once it has ended, in
order, none lost. Another ``u`` reached some other way (the command palette) while one runs is
refused with a notice. docs/architecture.md, "Edits and undo".
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from cm_tui.core.edits import Edit, Run, Step
from cm_tui.core.i18n import t

if TYPE_CHECKING:
    from textual.widget import Widget

    from cm_tui.ui.context import UiContext


async def next_turn(_run: Run[Edit]) -> None:
    """Between two writes: one turn of the event loop (the app draws, timers run)."""
    await asyncio.sleep(0)


async def step_edit(node: Widget, ctx: UiContext, *, undo: bool) -> Step | None:
    """Undo (``undo``) or redo the app's last edit in steps (module doc); the ``Step`` to show,
    or ``None`` if another undo or redo is running (said in a notice)."""
    if ctx.stepping is not None:
        node.notify(t("edits.busy"), severity="warning", markup=False)
        return None
    told = False

    async def between(run: Run[Edit]) -> None:
        nonlocal told
        if not told:  # a large edit: say it is under way (a small one never gets here)
            told = True
            key = "edits.undoing" if undo else "edits.redoing"
            node.notify(t(key, what=run.edit.label.text()), markup=False)
        await next_turn(run)

    gate = getattr(node.app, "key_gate", None)
    with gate.hold() if gate is not None else contextlib.nullcontext():
        return await ctx.step_through(undo=undo, between=between)


__all__ = ["next_turn", "step_edit"]
