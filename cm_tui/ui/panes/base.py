"""What every tab's pane has in common.

Contract between the app and a pane:

* the app mounts a pane the first time its tab is shown (never before the first frame, except
  the initial tab), so a pane may do its imports and first read in ``compose``/``on_mount``;
* ``reload()`` reads the repository and ``core`` again and repaints; the app calls
  ``refresh_if_stale()`` whenever the pane is shown, which reloads only when a write happened
  since the last load (``UiContext.version``);
* ``tick()`` is called once a second while the pane is visible: recompute what depends on the
  clock (countdowns, the current time block), nothing else;
* ``CSS_FILE`` names the tab's stylesheet, a ``.tcss`` file beside the pane's module: the app
  adds it to its own (``CmTuiApp.load_pane_styles``) just before mounting the pane, so start-up
  parses the styles of the shown tab only;
* ``KEY_WIDGETS`` lists the widget classes inside the pane whose keys belong to this tab (shown
  in help next to the pane's own ``BINDINGS``);
* a tab that writes binds ``u`` / ``ctrl+r`` to ``undo`` / ``redo`` (here: the app's one history,
  ``UiContext.undo``) and may override ``edit_stepped`` to repaint only what an edit touched.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import ClassVar

from textual.content import Content
from textual.dom import DOMNode
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from cm_tui.core.edits import Edit, Step, step_message
from cm_tui.core.i18n import t
from cm_tui.ui.bindings import localize_bindings
from cm_tui.ui.context import UiContext


class TabLabel(Message):
    """Ask the app to relabel a tab (e.g. the Queue's live counts, known by Today too)."""

    def __init__(self, pane_id: str, label: Content) -> None:
        super().__init__()
        self.pane_id = pane_id
        self.label = label


class Pane(Widget):
    """Base class of the four tab panes."""

    PANE_ID: ClassVar[str] = ""
    TITLE_KEY: ClassVar[str] = ""
    KEY_WIDGETS: ClassVar[tuple[type[DOMNode], ...]] = ()
    CSS_FILE: ClassVar[str] = ""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(id=f"{self.PANE_ID}-pane", classes="pane")
        localize_bindings(self)
        self.ctx = ctx
        self._loaded_version = -1

    @classmethod
    def css_path(cls) -> Path | None:
        """The tab's stylesheet (``CSS_FILE`` beside the pane's module), if it has one."""
        if not cls.CSS_FILE:
            return None
        module_file = sys.modules[cls.__module__].__file__ or ""
        return Path(module_file).with_name(cls.CSS_FILE)

    @classmethod
    def title(cls) -> str:
        return t(cls.TITLE_KEY)

    def tab_label(self) -> Content:
        """The tab's label; panes with live counts override it."""
        return Content(self.title())

    def on_mount(self) -> None:
        self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        if self._loaded_version != self.ctx.version:
            self._loaded_version = self.ctx.version
            self.reload()

    def reloaded_after_write(self) -> None:
        """Reload now (after this pane's own write) and mark the data as seen."""
        self._loaded_version = self.ctx.version
        self.reload()

    def reload(self) -> None:
        """Read the data again and repaint. Subclasses implement it."""

    def tick(self) -> None:
        """Once a second while visible. Subclasses refresh clock-dependent parts."""

    # ------------------------------------------------------------------ undo / redo

    async def action_undo(self) -> None:
        """``u``: revert the app's last edit, whichever tab made it, in steps between frames
        (``ui.edit_steps``)."""
        from cm_tui.ui.edit_steps import step_edit

        step = await step_edit(self, self.ctx, undo=True)
        if step is not None:
            self._show_step(step, undone=True)

    async def action_redo(self) -> None:
        """``ctrl+r``: apply again the edit undone last."""
        from cm_tui.ui.edit_steps import step_edit

        step = await step_edit(self, self.ctx, undo=False)
        if step is not None:
            self._show_step(step, undone=False)

    def _show_step(self, step: Step, *, undone: bool) -> None:
        edit = step.edit
        if edit is None:
            key = "edits.nothing_to_undo" if undone else "edits.nothing_to_redo"
            self.notify(t(key), severity="warning", markup=False)
            return
        if not step.done:
            return  # the store refused the write: ``UiContext.write`` said so
        self.edit_stepped(edit, undone=undone)
        self.notify(step_message(edit, undone=undone, tab=self.PANE_ID), markup=False)

    def edit_stepped(self, edit: Edit, *, undone: bool) -> None:
        """Repaint after ``edit`` was undone (``undone``) or redone from this tab: read
        everything again. Panes override it to follow the records their own edits touched."""
        self.reloaded_after_write()

    def search_input(self, input_id: str) -> Input | None:
        """The pane's search field, if it was ever opened: it is mounted on first use
        (``open_search_input``), one widget fewer to style and draw at start-up."""
        return next(self.query(f"#{input_id}").results(Input), None)

    async def open_search_input(
        self,
        input_id: str,
        placeholder: str,
        container: str | None = None,
        before: int | Widget | None = None,
    ) -> Input:
        """Show and focus the search field ``input_id``, mounting it the first time in
        ``container`` (the pane itself if ``None``), before ``before`` (last if ``None``)."""
        field = self.search_input(input_id)
        if field is None:
            field = Input(placeholder=placeholder, id=input_id)
            parent = self if container is None else self.query_one(container)
            await parent.mount(field, before=before)
        field.display = True
        # now, not on the next idle (``focus()``): keys typed in the same burst as the search
        # key are still on their way, and ``CmTuiApp.on_key`` hands them to the focused field
        self.screen.set_focus(field)
        return field

    def focus_default(self) -> None:
        """Give focus to the pane's main widget (called when its tab is shown)."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return
