"""Today: the day's agenda, its progress, the posting targets and a queue summary.

Rows come from ``core.agenda.build_agenda``, targets from ``core.targets.posting_progress``,
queue counts from ``core.queue.queue_counts``. The pane only renders them and, on ``space``/``x``,
writes the occurrence through ``repo.occurrences`` and reloads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from cm_tui.core.agenda import OVERDUE_DAYS, Agenda, AgendaRow, RowStatus, build_agenda
from cm_tui.core.i18n import language, t
from cm_tui.core.models import CadenceKind, OccurrenceStatus, TaskOccurrence, TaskTemplate
from cm_tui.core.timeutil import local_day_bounds
from cm_tui.ui import fmt
from cm_tui.ui.panes.base import Pane, TabLabel
from cm_tui.ui.widgets.rowlist import RowList
from cm_tui.ui.widgets.summary import queue_summary, queue_tab_label, target_lines

#: status mark and its style, per row status
_MARKS: dict[RowStatus, tuple[str, str]] = {
    RowStatus.PENDING: ("○", "$text-muted"),
    RowStatus.DONE: ("✓", "bold $text-success"),
    RowStatus.SKIPPED: ("–", "$text-muted"),
    RowStatus.SNOOZED: ("z", "$text-warning"),
}


#: list widths from which the cadence and network columns are shown
_CADENCE_FROM = 60
_NETWORK_FROM = 80


@dataclass(frozen=True, slots=True)
class Heading:
    """A section title line in the agenda list (not selectable)."""

    key: str
    count: int


AgendaLine = Heading | AgendaRow


def cadence_label(template: TaskTemplate) -> str:
    """Short, translated cadence of a task (``3×/day``, ``weekly``...)."""
    cadence = template.cadence
    if cadence.kind is CadenceKind.TIMES_PER_DAY:
        return t("ui.cadence.times_per_day", n=cadence.times)
    return t(f"ui.cadence.{cadence.kind.value}")


def section_title(key: str, agenda: Agenda | None) -> str:
    """``Overdue``, ``Now · Morning`` or the task group's name."""
    if key == "overdue":
        return t("core.section.overdue")
    if key == "now":
        block = agenda.current_block if agenda is not None else None
        now = t("core.section.now")
        return f"{now} · {t(f'core.block.{block}')}" if block else now
    return t(f"core.group.{key}")


class ProgressLine(Widget):
    """``█████░░░░  7/24 done · 29%``: the bar takes what the text leaves (at most 30 cells)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._done = 0
        self._total = 0

    def show(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        self.refresh()

    def render(self) -> Content:
        done, total = self._done, self._total
        if total == 0:
            text = Content.styled(t("ui.today.no_tasks"), "$text-muted")
            filled = 0
        else:
            percent = 100 * done // total
            text = Content.styled(
                t("ui.today.progress", done=done, total=total, percent=percent), "bold"
            )
        width = max(5, min(30, self.size.width - text.cell_length - 2))
        if total:
            filled = width * done // total
        return Content.assemble(
            ("█" * filled, "$success"), ("░" * (width - filled), "$text-muted"), "  ", text
        )


class TodayPane(Pane):
    """The first tab: what must I do now, and what did I already do?"""

    PANE_ID = "today"
    TITLE_KEY = "ui.tab.today"
    KEY_WIDGETS = (RowList,)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,x", "toggle_done", "ui.key.toggle_done", id="today.toggle"),
    ]

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.agenda: Agenda | None = None
        self._networks: dict[str, str] = {}
        self._minute: tuple[date, int] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="today-main", classes="box") as main:
                main.border_title = t("ui.today.agenda")
                yield ProgressLine(id="today-progress")
                yield RowList(
                    self._render_line,
                    lambda line: not isinstance(line, Heading),
                    empty_text=t("ui.today.empty"),
                    id="today-list",
                )
            with Vertical(id="today-side"):
                with Vertical(id="today-targets", classes="box") as box:
                    box.border_title = t("ui.today.targets")
                    yield Static(id="today-targets-body")
                with Vertical(id="today-queue", classes="box") as box:
                    box.border_title = t("ui.today.queue")
                    yield Static(id="today-queue-body")

    @property
    def list(self) -> RowList[AgendaLine]:
        return self.query_one("#today-list", RowList)

    def focus_default(self) -> None:
        self.list.focus()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        ctx = self.ctx
        repo = ctx.repo
        now = ctx.now()
        day = ctx.today()
        self._minute = (day, now.hour * 60 + now.minute)
        self._networks = {n.key: n.name for n in repo.networks.all()}
        templates = repo.tasks.all()
        first = day - timedelta(days=OVERDUE_DAYS)
        occurrences = {occ.key: occ for occ in repo.occurrences.for_days(first, day)}
        self.agenda = build_agenda(
            templates,
            occurrences,
            day,
            now,
            ctx.zone,
            ctx.settings,
            last_done=repo.occurrences.last_handled_days(day),
        )
        self._show_agenda(self.agenda)
        self._show_targets(day)
        self._show_queue()

    def _show_agenda(self, agenda: Agenda) -> None:
        lines: list[AgendaLine] = []
        for section in agenda.sections:
            lines.append(Heading(section.key, len(section.rows)))
            lines.extend(section.rows)
        row_list = self.list
        current = row_list.current
        keep = current.occurrence_key if isinstance(current, AgendaRow) else None
        index = next(
            (
                i
                for i, line in enumerate(lines)
                if isinstance(line, AgendaRow) and line.occurrence_key == keep
            ),
            row_list.cursor,
        )
        row_list.set_rows(lines, cursor=index)
        main = self.query_one("#today-main")
        main.border_subtitle = fmt.day_label(agenda.day)
        self.query_one(ProgressLine).show(*agenda.progress)

    def _show_targets(self, day: date) -> None:
        from cm_tui.core.targets import period_days, posting_progress

        ctx = self.ctx
        networks = ctx.settings.network_profiles(ctx.repo.networks.all())
        first = min((period_days(n, day)[0] for n in networks), default=day)
        last = max((period_days(n, day)[1] for n in networks), default=day)
        start = local_day_bounds(first, ctx.zone)[0]
        end = local_day_bounds(last, ctx.zone)[1]
        rows = posting_progress(networks, ctx.repo.posts.between(start, end), day, ctx.zone)
        self.query_one("#today-targets-body", Static).update(target_lines(rows))

    def _show_queue(self) -> None:
        from cm_tui.core.queue import queue_counts

        counts = queue_counts(self.ctx.repo.queue.open_items(), self.ctx.now())
        self.query_one("#today-queue-body", Static).update(queue_summary(counts))
        self.post_message(TabLabel("queue", queue_tab_label(counts)))

    def tick(self) -> None:
        now = self.ctx.now()
        minute = (self.ctx.today(), now.hour * 60 + now.minute)
        if minute != self._minute:
            self.reload()

    # ------------------------------------------------------------------ rendering

    def _render_line(self, line: AgendaLine, width: int) -> Content:
        if isinstance(line, Heading):
            title = section_title(line.key, self.agenda)
            style = "bold $text-error" if line.key == "overdue" else "bold $text-accent"
            return Content.assemble((title.upper(), style), (f"  {line.count}", "$text-muted"))
        mark, mark_style = _MARKS[line.status]
        when = "--:--" if line.time is None else f"{line.time:%H:%M}"
        if self.agenda is not None and line.day != self.agenda.day:
            when = f"{fmt.weekday_short(line.day)} {line.day.day:02d} {when}"
        time_style = "$text-error" if line.late else "$text-muted"
        network = self._networks.get(line.network or "", line.network or "")
        # narrow lists drop the network column, then the cadence, before the task's label
        parts: list[tuple[str, str]] = []
        if width >= _CADENCE_FROM:
            parts.append((cadence_label(line.template)[:13].ljust(14), "$text-muted"))
        if width >= _NETWORK_FROM:
            parts.append((network[:12].ljust(12), "$text-secondary"))
        right = Content.assemble(*parts)
        label = fmt.one_line(line.label(language()))
        label_style = "strike $text-muted" if line.handled else ""
        left = Content.assemble(
            "  ", (mark, mark_style), " ", (when, time_style), "  ", (label, label_style)
        )
        room = width - right.cell_length - 1
        return Content.assemble(left.truncate(max(room, 10), ellipsis=True, pad=True), " ", right)

    # ------------------------------------------------------------------ actions

    def action_toggle_done(self) -> None:
        row = self.list.current
        if not isinstance(row, AgendaRow):
            return
        occurrences = self.ctx.repo.occurrences
        if row.status is RowStatus.DONE:
            saved = self.ctx.write(lambda: occurrences.clear(row.occurrence_key))
        else:
            occurrence = TaskOccurrence(
                key=row.occurrence_key,
                template_key=row.template_key,
                day=row.day,
                slot=row.slot,
                status=OccurrenceStatus.DONE,
                at=self.ctx.now(),
            )
            saved = self.ctx.write(lambda: occurrences.set(occurrence))
        if saved:
            self.reloaded_after_write()
