"""The onboarding checklist seen whole (``b`` on Today): every step, done or not, any one ticked.

Rows are ``core.onboarding.checklist_steps`` under a heading per part (first weeks, first
months): the step's number, its mark, its text and the day it was done. ``j``/``k`` move,
``d`` or space ticks or unticks the step (``core.onboarding.toggled``) as one edit of the app's
history (``UiContext.apply``), so ``u`` / ``ctrl+r`` here or on any tab undo and redo it;
``enter`` shows the step's whole text (``DetailScreen``); ``escape`` closes. The screen writes
through the context at once, as the lists of ``M`` do; whoever opened it reloads when the
store's version moved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen

from cm_tui.core.agenda import CHECKLIST_GROUPS, OccurrenceLookup
from cm_tui.core.edits import KeyedEdit, Label, Step, step_message
from cm_tui.core.i18n import t
from cm_tui.core.models import OccurrenceStatus, TaskGroup
from cm_tui.core.onboarding import ChecklistStep, checklist_steps, toggled
from cm_tui.core.value import Value, frozen
from cm_tui.ui import fmt
from cm_tui.ui.bindings import keys_for, localize_bindings
from cm_tui.ui.widgets.rowlist import RowList

if TYPE_CHECKING:
    from cm_tui.ui.context import UiContext


@frozen
class Part(Value):
    """The heading of one part of the checklist (not selectable)."""

    group: TaskGroup
    done: int
    total: int


ChecklistLine = Part | ChecklistStep


class ChecklistScreen(ModalScreen[None]):
    """Every step of the onboarding checklist; dismissed with ``None``."""

    CSS_PATH = "modals.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d,space", "toggle_done", "checklist.key.done", id="checklist.done"),
        Binding("enter", "detail", "checklist.key.detail", id="checklist.detail"),
        Binding("u", "undo", "checklist.key.undo", id="checklist.undo"),
        Binding("ctrl+r", "redo", "checklist.key.redo", id="checklist.redo"),
        Binding("escape", "close", "checklist.key.close", id="checklist.close"),
    ]

    def __init__(
        self, ctx: UiContext, occurrences: OccurrenceLookup, lang: str, tab: str = "today"
    ) -> None:
        super().__init__()
        localize_bindings(self)
        self.ctx = ctx
        self._occurrences = occurrences
        self._lang = lang
        self._tab = tab
        self._steps: tuple[ChecklistStep, ...] = ()
        #: the right column's width: the longest "done 12 Nov" shown
        self._when_width = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="checklist", classes="today-modal"):
            yield RowList(
                self._render_line,
                lambda line: isinstance(line, ChecklistStep),
                empty_text=t("checklist.empty"),
                id="checklist-list",
            )

    def on_mount(self) -> None:
        self.query_one("#checklist").border_subtitle = Content(self._keys_hint())
        self._load()
        self.list.focus()

    @property
    def list(self) -> RowList[ChecklistLine]:
        return self.query_one("#checklist-list", RowList)

    @property
    def steps(self) -> tuple[ChecklistStep, ...]:
        return self._steps

    def _keys_hint(self) -> str:
        """``d/space Done · enter Full text · …`` from the real bindings (remaps included)."""
        app = self.app
        infos = keys_for(type(self), app._keymap, app.get_key_display)
        return " · ".join(f"{'/'.join(info.keys)} {info.description}" for info in infos)

    def _load(self) -> None:
        """Read the steps again, the cursor kept on the same step."""
        current = self.list.current
        keep = current.key if isinstance(current, ChecklistStep) else None
        self._steps = steps = checklist_steps(self.ctx.repo.tasks.all(), self._occurrences)
        self._when_width = max((len(self._when(step)) for step in steps), default=0)
        lines: list[ChecklistLine] = []
        for group in CHECKLIST_GROUPS:
            part = [step for step in steps if step.template.group is group]
            if part:
                lines.append(Part(group, sum(step.done for step in part), len(part)))
                lines.extend(part)
        cursor = next(
            (
                i
                for i, line in enumerate(lines)
                if isinstance(line, ChecklistStep) and line.key == keep
            ),
            self.list.cursor,
        )
        self.list.set_rows(lines, cursor=cursor)
        done = sum(step.done for step in steps)
        box = self.query_one("#checklist")
        box.border_title = Content(t("checklist.title", count=done, total=len(steps)))

    # ------------------------------------------------------------------ rendering

    def _render_line(self, line: ChecklistLine, width: int) -> Content:
        if isinstance(line, Part):
            title = t(f"core.group.{line.group.value}").upper()
            return Content.assemble(
                (title, "bold $text-accent"), (f"  {line.done}/{line.total}", "$text-muted")
            )
        if line.status is OccurrenceStatus.DONE:
            mark = ("✓", "bold $text-success")
        elif line.done:
            mark = ("–", "$text-muted")
        else:
            mark = ("○", "$text-muted")
        number = str(line.number).rjust(len(str(len(self._steps))))
        label = fmt.one_line(line.template.label(self._lang))
        left = Content.assemble(
            (f"{number}. ", "$text-muted"),
            mark,
            " ",
            (label, "strike $text-muted" if line.done else ""),
        )
        right = Content.styled(self._when(line).ljust(self._when_width), "$text-muted")
        room = max(width - right.cell_length - 1, 10)
        return Content.assemble(left.truncate(room, ellipsis=True, pad=True), " ", right)

    def _when(self, step: ChecklistStep) -> str:
        """``done 12 Nov`` / ``skipped 12 Nov`` / nothing."""
        day = step.done_on(self.ctx.zone)
        if day is None:
            return ""
        key = (
            "checklist.done_on" if step.status is OccurrenceStatus.DONE else "checklist.skipped_on"
        )
        return t(key, day=fmt.day_month(day))

    def _detail(self, step: ChecklistStep) -> Content:
        """The step's whole text (both languages), its part and its status."""
        template = step.template
        label = template.label(self._lang)
        other = template.label_fr if self._lang != "fr" else template.label_en
        parts: list[str | tuple[str, str]] = [(label, "bold")]
        if other.strip() and other != label:
            parts += ["\n", (other, "$text-muted")]
        parts += ["\n\n", (t(f"core.group.{template.group.value}"), "$text-secondary"), "\n"]
        day = step.done_on(self.ctx.zone)
        if day is None:
            parts.append((t("checklist.detail.pending"), "$text-muted"))
        elif step.status is OccurrenceStatus.DONE:
            parts.append((t("checklist.detail.done", day=fmt.day_label(day)), "$text-success"))
        else:
            parts.append((t("checklist.detail.skipped", day=fmt.day_label(day)), "$text-muted"))
        return Content.assemble(*parts)

    # ------------------------------------------------------------------ actions

    def _current(self) -> ChecklistStep | None:
        line = self.list.current
        return line if isinstance(line, ChecklistStep) else None

    def action_toggle_done(self) -> None:
        step = self._current()
        if step is None:
            return
        ctx = self.ctx
        new = toggled(step, ctx.now())
        task = fmt.one_line(step.template.label(self._lang))
        label = Label.of("edits.today.done" if new else "edits.today.not_done", task=task)
        occurrences = ctx.repo.occurrences
        previous = occurrences.by_key(step.key)
        if ctx.apply(KeyedEdit(occurrences, step.key, previous, new, label, self._tab)):
            self._load()

    def action_detail(self) -> None:
        from cm_tui.ui.screens.detail import DetailScreen

        step = self._current()
        if step is not None:
            title = t("checklist.detail.title", number=step.number, total=len(self._steps))
            self.app.push_screen(DetailScreen(self._detail(step), title))

    async def action_undo(self) -> None:
        from cm_tui.ui.edit_steps import step_edit

        step = await step_edit(self, self.ctx, undo=True)
        if step is not None:
            self._stepped(step, undone=True)

    async def action_redo(self) -> None:
        from cm_tui.ui.edit_steps import step_edit

        step = await step_edit(self, self.ctx, undo=False)
        if step is not None:
            self._stepped(step, undone=False)

    def _stepped(self, step: Step, *, undone: bool) -> None:
        """What the tabs' ``u`` / ``ctrl+r`` say (``Pane._show_step``), the steps read again."""
        edit = step.edit
        if edit is None:
            key = "edits.nothing_to_undo" if undone else "edits.nothing_to_redo"
            self.notify(t(key), severity="warning", markup=False)
            return
        if step.done:
            self._load()
            self.notify(step_message(edit, undone=undone, tab=self._tab), markup=False)

    def action_close(self) -> None:
        self.dismiss(None)


__all__ = ["ChecklistScreen", "Part"]
