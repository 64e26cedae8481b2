"""Today: the day's agenda, its progress, posting targets, queue, onboarding and due reviews.

Rows come from ``core.agenda.build_agenda``; the key rules (snooze instants, the records a key
writes, the filter, the form validation, due reviews) from ``core.today``. The pane renders them
and, on a key, writes through ``repo`` at once as an edit the app's history can undo and redo
(``UiContext.apply``: the previous occurrence record is put back, or the record is cleared),
then rebuilds the agenda.

The agenda reads occurrence records through ``_StoredOccurrences``, a look-up by key over the
store's index: building a day costs the same on an empty store and on a year of history.
"""

from __future__ import annotations

import builtins
import dataclasses
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Input

from cm_tui.core import locale as l10n
from cm_tui.core.agenda import (
    Agenda,
    AgendaRow,
    AgendaSection,
    OnboardingProgress,
    RowStatus,
    apply_network_targets,
    build_agenda,
    offers_onboarding,
    onboarding_progress,
)
from cm_tui.core.edits import KeyedEdit, Label
from cm_tui.core.i18n import language, t
from cm_tui.core.models import (
    CadenceKind,
    OccurrenceStatus,
    TaskOccurrence,
    TaskTemplate,
    network_names,
)
from cm_tui.core.recurrence import WorkHours
from cm_tui.core.timeutil import local_day_bounds, supported_days
from cm_tui.core.today import (
    SnoozeChoice,
    TaskForm,
    due_documents,
    filter_rows,
    form_of,
    influencer_to_contact,
    occurrence_change,
    review_due_on,
    set_aside_refusal,
    shifted_day,
    snooze_until,
    template_from_form,
)
from cm_tui.core.value import Value, frozen
from cm_tui.io.seeding import tracking_since
from cm_tui.ui import fmt
from cm_tui.ui.panes.base import TabLabel
from cm_tui.ui.panes.verbs import PrefixMenus, Selected, VerbsPane
from cm_tui.ui.widgets.box_stack import BoxStack
from cm_tui.ui.widgets.queue_summary import queue_summary, queue_tab_label
from cm_tui.ui.widgets.rowlist import RowList
from cm_tui.ui.widgets.target_summary import target_lines

if TYPE_CHECKING:
    from cm_tui.core.queue import QueueCounts
    from cm_tui.store.repository import OccurrenceRepo
    from cm_tui.ui.context import UiContext

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
#: due documents listed in the side panel before "+N more"
_REVIEWS_SHOWN = 3


@frozen
class Heading(Value):
    """A section title line in the agenda list (not selectable)."""

    key: str
    count: int


AgendaLine = Heading | AgendaRow


class AgendaList(RowList[AgendaLine]):
    """The agenda's ``RowList``: when new rows line up with the shown ones (same count, same
    occurrences in the same order: a tick, a skip, a snooze), only the lines that changed are
    repainted; a full repaint of the list costs about 10 ms, one line well under 1 ms."""

    def update_rows(self, rows: list[AgendaLine], cursor: int | None) -> None:
        old = self._rows
        if (
            len(old) != len(rows)
            or cursor is None
            or any(_identity(a) != _identity(b) for a, b in zip(old, rows, strict=True))
        ):
            self.set_rows(rows, cursor=cursor)
            return
        self._rows = rows
        for index, (before, after) in enumerate(zip(old, rows, strict=True)):
            if before != after:
                self.refresh_row(index)
        self.move_to(cursor)


def _identity(line: AgendaLine) -> object:
    return line if isinstance(line, Heading) else line.occurrence_key


class _StoredOccurrences:
    """``get(key)`` over the store's occurrence index (what ``build_agenda`` needs)."""

    __slots__ = ("_by_key",)

    def __init__(self, repo: OccurrenceRepo) -> None:
        self._by_key = repo.by_key

    def get(self, key: str, /) -> TaskOccurrence | None:
        return self._by_key(key)


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


def progress_line(done: int, total: int, clock: str, width: int) -> Content:
    """``█████░░░░  7/24 done · 29%   09:12``, ``width`` cells: the bar takes what the text
    leaves (at most 30 cells); ``clock`` (the local time) sits on the right."""
    if total == 0:
        text = Content.styled(t("ui.today.no_tasks"), "$text-muted")
        filled = 0
    else:
        percent = l10n.percent(100 * done // total, 0)
        text = Content.styled(
            t("ui.today.progress", count=done, total=l10n.number(total), percent=percent), "bold"
        )
    shown_clock = Content.styled(clock, "bold $text-accent")
    bar = max(5, min(30, width - text.cell_length - shown_clock.cell_length - 4))
    if total:
        filled = bar * done // total
    left = Content.assemble(
        ("█" * filled, "$success"), ("░" * (bar - filled), "$text-muted"), "  ", text
    )
    gap = max(1, width - left.cell_length - shown_clock.cell_length)
    return Content.assemble(left, " " * gap, shown_clock)


#: the prefs key of the checklist's start chosen in the app (``b``) when the settings name none
ONBOARDING_PREF = "onboarding.start"
#: failed posts listed on Today (the rest counted)
_FAILED_SHOWN = 3

#: the boxes of the right column, top to bottom: (``BoxStack`` box name, title message key)
SIDE_BOXES: tuple[tuple[str, str], ...] = (
    ("failed_posts", "today.failed.title"),
    ("targets", "ui.today.targets"),
    ("queue", "ui.today.queue"),
    ("campaigns", "today.campaigns.title"),
    ("onboarding", "today.onboarding"),
    ("reviews", "today.reviews"),
)


class TodayPane(VerbsPane):
    """The first tab: what must I do now, and what did I already do?"""

    PANE_ID = "today"
    CSS_FILE = "today.tcss"
    TITLE_KEY = "ui.tab.today"
    KEY_WIDGETS = (RowList,)
    MENUS = PrefixMenus(copy="CopyMenu")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "toggle_done", "ui.key.toggle_done", id="today.toggle"),
        Binding("s", "snooze", "today.key.snooze", id="today.snooze"),
        Binding("i", "skip", "today.key.skip", id="today.skip"),
        Binding("u", "undo", "today.key.undo", id="today.undo"),
        Binding("ctrl+r", "redo", "today.key.redo", show=False, id="today.redo"),
        Binding("left_square_bracket", "shift_day(-1)", "today.key.prev_day", id="today.prev"),
        Binding("right_square_bracket", "shift_day(1)", "today.key.next_day", id="today.next"),
        Binding("t", "go_today", "today.key.today", id="today.today"),
        Binding("slash", "filter", "today.key.filter", id="today.filter"),
        Binding("escape", "clear_filter", "verbs.key.clear", show=False, id="today.clear"),
        Binding("enter", "detail", "verbs.key.detail", show=False, id="today.detail"),
        Binding("e", "edit_task", "today.key.edit", show=False, id="today.edit"),
        Binding("n", "new_task", "today.key.new", show=False, id="today.new"),
        Binding("a", "add_task", "today.key.add", show=False, id="today.add"),
        Binding("x,delete", "delete_task", "verbs.key.delete_task", show=False, id="today.delete"),
        Binding("y", "menu('copy')", "verbs.key.copy", show=False, id="today.copy"),
        Binding("o", "open_link", "verbs.key.open_link", show=False, id="today.open"),
        Binding("b", "checklist", "today.key.onboarding", show=False, id="today.onboarding"),
        Binding("M", "manage", "today.key.manage", show=False, id="today.manage"),
    ]

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.agenda: Agenda | None = None
        #: the day shown; ``None`` follows the clock (today)
        self.day: date | None = None
        self.filter_text = ""
        self._networks: dict[str, str] = {}
        self._minute: tuple[date, int] | None = None
        self._lookup = _StoredOccurrences(ctx.repo.occurrences)
        #: (day, template key -> last handled day before it): one scan of the history per day
        self._last_done: tuple[date, dict[str, date]] | None = None
        self._subtitle = ""
        #: the progress line's (done, total) and clock
        self._progress = (0, 0)
        self._clock = ""

    def compose(self) -> ComposeResult:
        # Few nodes on purpose (this tab is drawn at start-up): the pane itself lays out the
        # two columns, the agenda list is the left box (its progress line a fixed header),
        # the side boxes are one widget, and the filter field is mounted on first use, docked
        # at the bottom (``action_filter``).
        agenda = AgendaList(
            self._render_line,
            lambda line: not isinstance(line, Heading),
            empty_text=t("ui.today.empty"),
            header=self._render_header,
            header_lines=2,  # the progress line, then a blank one
            id="today-list",
            classes="box",
        )
        agenda.border_title = t("ui.today.agenda")
        yield agenda
        yield BoxStack(
            [(name, t(title_key)) for name, title_key in SIDE_BOXES],
            limits={"targets": 0.6},
            id="today-side",
        )

    @property
    def list(self) -> AgendaList:
        return self.query_one("#today-list", AgendaList)

    @property
    def side(self) -> BoxStack:
        """The right column's boxes (``SIDE_BOXES``)."""
        return self.query_one("#today-side", BoxStack)

    @property
    def shown_day(self) -> date:
        return self.day if self.day is not None else self.ctx.today()

    def focus_default(self) -> None:
        self.list.focus()

    # ------------------------------------------------------------------ data

    def _templates(self) -> builtins.list[TaskTemplate]:
        ctx = self.ctx
        profiles = ctx.settings.network_profiles(ctx.repo.networks.all())
        return apply_network_targets(ctx.repo.tasks.all(), profiles)

    def reload(self) -> None:
        self._last_done = None  # the history may have changed (undo, another tab, a new day)
        now = self.ctx.now()
        self._minute = (self.ctx.today(), now.hour * 60 + now.minute)
        self._networks = network_names(self.ctx.repo.networks.all())
        self._reload_agenda()
        day = self.shown_day
        self._show_failed_posts()
        self._show_targets(day)
        self._show_queue()
        self._show_campaigns(day)
        self._show_onboarding(day)
        self._show_reviews(day)

    def _last_done_before(self, day: date) -> dict[str, date]:
        if self._last_done is None or self._last_done[0] != day:
            self._last_done = (day, self.ctx.repo.occurrences.last_handled_days(day))
        return self._last_done[1]

    def _reload_agenda(self) -> None:
        ctx = self.ctx
        day = self.shown_day
        self.agenda = build_agenda(
            self._templates(),
            self._lookup,
            day,
            ctx.now(),
            ctx.zone,
            ctx.settings,
            last_done=self._last_done_before(day),
            history_start=self._store_since(),
        )
        self._show_agenda(self.agenda)

    def _show_agenda(self, agenda: Agenda) -> None:
        lines: list[AgendaLine] = []
        for section in self._filtered(agenda.sections):
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
        row_list.empty_text = self._empty_text(agenda.day)
        row_list.update_rows(lines, index)
        subtitle = fmt.day_label(agenda.day)
        if self.filter_text:
            count = sum(isinstance(line, AgendaRow) for line in lines)
            subtitle = (
                f"{t('today.filter.count', query=self.filter_text, count=count)} · {subtitle}"
            )
        if not agenda.is_today:
            subtitle = t("today.not_today", day=subtitle)
        if self._subtitle != subtitle:  # setting it repaints the whole box
            self._subtitle = subtitle
            row_list.border_subtitle = Content(subtitle)  # a plain str would be parsed as markup
        self._set_header(agenda.progress, fmt.hm(self.ctx.local_now()))

    def _empty_text(self, day: date) -> str:
        """Why the agenda has no row: the filter, a day off, or simply nothing planned."""
        if self.filter_text.strip():
            return t("ui.today.no_match", query=fmt.one_line(self.filter_text))
        if day.isoweekday() not in self.ctx.settings.workdays:
            return t("ui.today.day_off", weekday=l10n.weekday_name(day.isoweekday(), "wide"))
        return t("ui.today.empty")

    def _filtered(self, sections: tuple[AgendaSection, ...]) -> builtins.list[AgendaSection]:
        if not self.filter_text.strip():
            return list(sections)
        out = []
        for section in sections:
            rows = filter_rows(section.rows, self.filter_text, self._networks)
            if rows:
                out.append(AgendaSection(section.key, tuple(rows)))
        return out

    def _set_header(self, progress: tuple[int, int], clock: str) -> None:
        if (progress, clock) != (self._progress, self._clock):
            self._progress, self._clock = progress, clock
            self.list.refresh_header()

    def _render_header(self, line: int, width: int) -> Content:
        if line:
            return Content("")
        return progress_line(*self._progress, self._clock, width)

    def _show_targets(self, day: date) -> None:
        from cm_tui.core.targets import period_days, posting_progress

        ctx = self.ctx
        networks = ctx.settings.network_profiles(ctx.repo.networks.all())
        first = min((period_days(n, day)[0] for n in networks), default=day)
        last = max((period_days(n, day)[1] for n in networks), default=day)
        start = local_day_bounds(first, ctx.zone)[0]
        end = local_day_bounds(last, ctx.zone)[1]
        rows = posting_progress(networks, ctx.repo.posts.between(start, end), day, ctx.zone)
        self.side.show_box("targets", target_lines(rows), target_lines(rows, words=False))

    def _show_queue(self) -> None:
        counts = self.ctx.open_queue_counts(self.ctx.now())
        self.show_queue_counts(counts)
        self.post_message(TabLabel("queue", queue_tab_label(counts)))

    def show_queue_counts(self, counts: QueueCounts) -> None:
        """The "Response queue" box; the app's alerts call it each second with the counts
        they label the Queue tab with, so both read the same (``ui/queue_alerts.py``)."""
        self.side.show_box("queue", queue_summary(counts))

    def _show_failed_posts(self) -> None:
        """Posts a live account could not publish, with the reason (``core.publication_view``):
        on top, never silently; the box is hidden when there is none."""
        from cm_tui.core.publication_view import FAILED_MARK, failure_reasons

        repo = self.ctx.repo
        reasons = failure_reasons(repo.publications.all()) if repo.publications.count() else {}
        posts = sorted(
            (post for post in (repo.posts.get(i) for i in reasons) if post is not None),
            key=lambda post: post.at,
        )
        if not posts:
            self.side.hide_box("failed_posts")
            return
        lines = []
        for post in posts[:_FAILED_SHOWN]:
            local = post.at.astimezone(self.ctx.zone)
            lines.append(
                Content.assemble(
                    (FAILED_MARK[0] + " ", FAILED_MARK[1]),
                    (f"{fmt.day_label(local.date())} {fmt.hm(local)} ", "$text-muted"),
                    fmt.one_line(post.title),
                    "\n  ",
                    (t("netui.publication.failed", reason=reasons[post.id]), "$text-error"),
                )
            )
        if len(posts) > _FAILED_SHOWN:
            more = t("today.failed.more", count=len(posts) - _FAILED_SHOWN)
            lines.append(Content.styled(more, "dim"))
        self.side.show_box("failed_posts", Content("\n").join(lines))

    def _show_campaigns(self, day: date) -> None:
        """The ad campaigns running on the shown day, with spend vs budget and pacing (issue 6);
        the box is hidden when none runs."""
        from cm_tui.core.campaigns import active_campaigns
        from cm_tui.ui.widgets.campaign_lines import active_campaign_lines

        running = active_campaigns(self.ctx.repo.campaigns.all(), day)
        if running:
            self.side.show_box("campaigns", active_campaign_lines(running, self._networks))
        else:
            self.side.hide_box("campaigns")

    def _onboarding_start(self) -> date | None:
        """The settings' ``onboarding_start``, else the day ``b`` started the checklist."""
        start = self.ctx.settings.onboarding_start
        return start if start is not None else self.ctx.repo.prefs.get_date(ONBOARDING_PREF)

    def _show_onboarding(self, day: date) -> None:
        start = self._onboarding_start()
        progress = onboarding_progress(self.ctx.repo.tasks.all(), self._lookup, start or day, day)
        if start is not None and not progress.finished:
            self.side.show_box("onboarding", self._onboarding_lines(progress))
        elif start is None and progress.total and offers_onboarding(self._store_since(), day):
            self.side.show_box("onboarding", self._onboarding_offer(progress.total))
        else:
            self.side.hide_box("onboarding")

    def _store_since(self) -> date | None:
        return tracking_since(self.ctx.store)

    @staticmethod
    def _onboarding_offer(total: int) -> Content:
        """The box of a new store whose settings name no start: what the checklist is, and
        the key that starts it."""
        return Content("\n").join(
            [
                Content(t("today.onboarding.offer", count=total)),
                Content.styled(t("today.onboarding.offer_hint"), "$text-muted"),
            ]
        )

    @staticmethod
    def _onboarding_lines(progress: OnboardingProgress) -> Content:
        lang = language()
        lines = [
            Content.styled(
                t(
                    "today.onboarding.progress",
                    week=progress.week,
                    count=progress.done,
                    total=progress.total,
                    percent=l10n.percent(progress.percent, 0),
                ),
                "bold",
            ),
            Content.styled(t("today.onboarding.next"), "$text-muted"),
        ]
        lines += [
            Content.assemble("• ", fmt.one_line(item.label(lang))) for item in progress.next_items
        ]
        lines.append(Content.styled(t("today.onboarding.hint"), "$text-muted"))
        return Content("\n").join(lines)

    def _show_reviews(self, day: date) -> None:
        repo = self.ctx.repo
        due = due_documents(repo.documents.all(), day)
        lines: list[Content] = []
        if not due:
            lines.append(Content.styled(t("today.reviews.none"), "$text-muted"))
        for document in due[:_REVIEWS_SHOWN]:
            when = review_due_on(document)
            since = t("today.reviews.never") if when is None else fmt.day_month(when)
            lines.append(
                Content.assemble(
                    ("! ", "bold $text-warning"),
                    (since.ljust(7), "$text-muted"),
                    " ",
                    fmt.one_line(document.title),
                )
            )
        if len(due) > _REVIEWS_SHOWN:
            lines.append(
                Content.styled(t("today.reviews.more", count=len(due) - _REVIEWS_SHOWN), "dim")
            )
        pick = influencer_to_contact(repo.influencers.all(), day)
        if pick is None:
            lines.append(Content.styled(t("today.influencer.none"), "$text-muted"))
        else:
            person = pick.influencer
            name = fmt.one_line(
                f"{person.name} ({self._networks.get(person.network, person.network)})"
            )
            key = (
                "today.influencer.done" if pick.contacted_this_week else "today.influencer.contact"
            )
            style = "$text-success" if pick.contacted_this_week else "bold $text-accent"
            last = (
                t("today.influencer.never")
                if person.last_contacted is None
                else t("today.influencer.last", day=fmt.day_label(person.last_contacted))
            )
            lines.append(Content.styled(t(key, name=name), style))
            lines.append(Content.styled(f"  {last}", "$text-muted"))
        self.side.show_box("reviews", Content("\n").join(lines))

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
            when = f"{fmt.weekday_day(line.day)} {when}"
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
        note: tuple[str, str] = ("", "")
        if line.status is RowStatus.SNOOZED and line.snoozed_until is not None:
            local = line.snoozed_until.astimezone(self.ctx.zone)
            at = fmt.hm(local)
            if self.agenda is not None and local.date() != self.agenda.day:
                at = f"{fmt.day_label(local.date())} {at}"
            note = (t("today.snoozed_until", at=at) + "  ", "$text-warning")
        elif line.status is RowStatus.SKIPPED and line.occurrence and line.occurrence.reason:
            reason = fmt.one_line(line.occurrence.reason)[:40]
            note = (t("today.skip_reason_shown", reason=reason) + "  ", "italic $text-muted")
        left = Content.assemble(
            "  ",
            (mark, mark_style),
            " ",
            (when, time_style),
            "  ",
            note,
            (label, label_style),
        )
        room = width - right.cell_length - 1
        return Content.assemble(left.truncate(max(room, 10), ellipsis=True, pad=True), " ", right)

    # ------------------------------------------------------------------ writes

    def _current_row(self) -> AgendaRow | None:
        row = self.list.current
        if isinstance(row, AgendaRow):
            return row
        self.notify(t("today.no_row"), severity="warning", markup=False)
        return None

    def _row_to_set_aside(self) -> AgendaRow | None:
        """The selected row for a snooze or a skip; ``None`` (said in one line) when there is
        none or ``core.today.set_aside_refusal`` refuses it."""
        row = self._current_row()
        refusal = None if row is None else set_aside_refusal(row)
        if refusal is not None:
            self.notify(t(refusal), severity="warning", markup=False)
            return None
        return row

    def _write_occurrence(self, key: str, new: TaskOccurrence | None, label: Label) -> bool:
        """Write (or clear) occurrence ``key`` as an undoable edit saying ``label``, rebuild."""
        occurrences = self.ctx.repo.occurrences
        previous = occurrences.by_key(key)
        saved = self.ctx.apply(KeyedEdit(occurrences, key, previous, new, label, self.PANE_ID))
        if saved:
            changed = new if new is not None else previous
            if changed is not None and self._last_done and changed.day < self._last_done[0]:
                self._last_done = None  # an earlier day changed: "since last done" may move
            self._loaded_version = self.ctx.version
            self._reload_agenda()
        return saved

    def _row_edit(self, key: str, row: AgendaRow) -> Label:
        """The label of an edit of ``row``'s occurrence (``edits.today.<key>``)."""
        return Label.of(f"edits.today.{key}", task=self._label(row))

    def _label(self, row: AgendaRow) -> str:
        return fmt.one_line(row.label(language()))

    # ------------------------------------------------------------------ actions

    def action_toggle_done(self) -> None:
        row = self._current_row()
        if row is None:
            return
        if row.status is RowStatus.DONE:
            self._write_occurrence(row.occurrence_key, None, self._row_edit("not_done", row))
        else:
            change = occurrence_change(row, OccurrenceStatus.DONE, self.ctx.now())
            self._write_occurrence(row.occurrence_key, change, self._row_edit("done", row))

    def action_snooze(self) -> None:
        from cm_tui.ui.screens.today_modals import SnoozeScreen

        row = self._row_to_set_aside()
        if row is None:
            return
        ctx = self.ctx
        now, zone, hours = ctx.now(), ctx.zone, WorkHours.of(ctx.settings)
        later = snooze_until(SnoozeChoice.LATER, now, zone, hours).astimezone(zone)
        tomorrow = snooze_until(SnoozeChoice.TOMORROW, now, zone, hours).astimezone(zone)

        def done(choice: SnoozeChoice | None) -> None:
            if choice is None:
                return
            until = snooze_until(choice, ctx.now(), zone, hours)
            change = occurrence_change(row, OccurrenceStatus.SNOOZED, ctx.now(), until=until)
            if self._write_occurrence(row.occurrence_key, change, self._row_edit("snoozed", row)):
                local = until.astimezone(zone)
                when = f"{fmt.day_label(local.date())} {fmt.hm(local)}"
                self.notify(t("today.snoozed", when=when, task=self._label(row)), markup=False)

        self.app.push_screen(
            SnoozeScreen(
                self._label(row),
                fmt.hm(later),
                f"{fmt.day_label(tomorrow.date())} {fmt.hm(tomorrow)}",
            ),
            done,
        )

    def action_skip(self) -> None:
        from cm_tui.ui.screens.today_modals import SkipScreen

        row = self._row_to_set_aside()
        if row is None:
            return

        def done(reason: str | None) -> None:
            if reason is None:
                return
            change = occurrence_change(row, OccurrenceStatus.SKIPPED, self.ctx.now(), reason=reason)
            if self._write_occurrence(row.occurrence_key, change, self._row_edit("skipped", row)):
                self.notify(t("today.skipped", task=self._label(row)), markup=False)

        self.app.push_screen(SkipScreen(self._label(row)), done)

    def action_shift_day(self, days: int) -> None:
        day = shifted_day(self.shown_day, days)
        if day is None:
            self.notify(t("today.day_range", **supported_days()), severity="warning", markup=False)
            return
        self.day = day
        if self.day == self.ctx.today():
            self.day = None
        self.list.move_to(0)
        self.reload()

    def action_go_today(self) -> None:
        self.day = None
        self.list.move_to(0)
        self.reload()

    async def action_filter(self) -> None:
        placeholder = t("today.filter.placeholder")
        await self.open_search_input("today-filter", placeholder)

    @on(Input.Changed, "#today-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        if self.agenda is not None:
            self._show_agenda(self.agenda)

    @on(Input.Submitted, "#today-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        field = event.input
        if not field.value.strip():
            field.display = False
        self.list.focus()

    def on_key(self, event: events.Key) -> None:
        field = self.search_input("today-filter")
        if event.key == "escape" and field is not None and field.has_focus:
            event.stop()
            self.action_clear_filter()

    def action_clear_filter(self) -> None:
        """``esc``: the whole agenda again, from the filter field or from the agenda (the
        grammar's "clear the filters", as the notice of an empty match says)."""
        field = self.search_input("today-filter")
        if field is not None:
            field.value = ""
            field.display = False
        filtered, self.filter_text = bool(self.filter_text), ""
        self.list.focus()
        if filtered and self.agenda is not None:
            self._show_agenda(self.agenda)

    # ------------------------------------------------------------------ tasks

    def _network_keys(self) -> builtins.list[str]:
        """Networks a task or list entry may name: the active ones first, then the others."""
        active = list(self.ctx.settings.active_networks or ())
        return active + sorted(set(self._networks) - set(active))

    def _open_form(
        self, title: str, form: TaskForm, editing: TaskTemplate | None, fixed: bool
    ) -> None:
        from cm_tui.ui.screens.today_modals import TaskFormScreen

        repo = self.ctx.repo
        networks = self._network_keys()
        lang = language()

        def build(values: TaskForm) -> TaskTemplate:
            return template_from_form(
                values, repo.tasks.all(), networks, editing=editing, lang=lang
            )

        def done(template: TaskTemplate | None) -> None:
            if template is None:
                return
            name = fmt.one_line(template.label(lang))
            key = "edits.today.task_added" if editing is None else "edits.today.task_edited"
            what = Label.of(key, task=name)
            before = [] if editing is None else [editing]
            edit = self.ctx.records_edit(repo.tasks, before, [template], what, self.PANE_ID)
            if self.ctx.apply(edit):
                self.reloaded_after_write()
                self._select_task(template.key)
                notice = "today.added" if editing is None else "today.saved"
                self.notify(t(notice, task=name), markup=False)

        self.app.push_screen(TaskFormScreen(title, form, build, networks, fixed_kind=fixed), done)

    def _select_task(self, key: str) -> None:
        """Put the cursor on task ``key`` after it was saved: its row of the shown day, else
        its first row (overdue); nowhere new when the shown day has none."""
        rows = [
            (line.day != self.shown_day, index)
            for index, line in enumerate(self.list.rows)
            if isinstance(line, AgendaRow) and line.template_key == key
        ]
        if rows:
            self.list.move_to(min(rows)[1])

    def action_add_task(self) -> None:
        day = self.shown_day
        form = TaskForm("", kind=CadenceKind.ONCE.value, day=day)
        self._open_form(t("today.form.add_title", day=fmt.day_label(day)), form, None, True)

    def action_new_task(self) -> None:
        form = TaskForm("", kind=CadenceKind.WORKDAYS.value, day=self.shown_day)
        self._open_form(t("today.form.new_title"), form, None, False)

    def action_edit_task(self) -> None:
        row = self._current_row()
        if row is None:
            return
        template = self.ctx.repo.tasks.get(row.template.id) or row.template
        form = form_of(template, language())
        if form.day is None:
            form = dataclasses.replace(form, day=self.shown_day)
        self._open_form(t("today.form.edit_title"), form, template, False)

    def action_manage(self) -> None:
        from cm_tui.ui.screens.today_modals import ManageScreen

        version = self.ctx.version

        def closed(_result: object) -> None:
            if self.ctx.version != version:
                self.reloaded_after_write()

        self.app.push_screen(ManageScreen(self.ctx, self._network_keys(), language()), closed)

    def action_checklist(self) -> None:
        """``b``: the whole onboarding checklist, any step ticked in any order
        (``ChecklistScreen``); with no start date anywhere, it starts today first."""
        from cm_tui.ui.screens.checklist import ChecklistScreen

        if self._onboarding_start() is None:
            self._start_onboarding()
        version = self.ctx.version

        def closed(_result: object) -> None:
            if self.ctx.version != version:
                self.reloaded_after_write()

        self.app.push_screen(ChecklistScreen(self.ctx, self._lookup, language()), closed)

    def _start_onboarding(self) -> None:
        """``b`` with no start date anywhere: the checklist starts today (kept in the store's
        prefs; a settings file's ``onboarding_start`` still wins)."""
        today = self.ctx.today()
        prefs = self.ctx.repo.prefs
        if self.ctx.write(lambda: prefs.set(ONBOARDING_PREF, today.isoformat())):
            self.notify(t("today.onboarding.started"))
            self._show_onboarding(self.shown_day)

    # ------------------------------------------------------------------ shared verbs

    def selected(self) -> Selected | None:
        """The task's whole title; its link is the first web address written in it."""
        from cm_tui.core.links import first_web_link

        row = self._current_row()
        if row is None:
            return None
        label = row.label(language())
        return Selected(label, first_web_link(label) or "")

    def detail(self) -> tuple[str, Content] | None:
        row = self._current_row()
        if row is None:
            return None
        return t("verbs.today.detail_title"), self._task_detail(row)

    def _task_detail(self, row: AgendaRow) -> Content:
        """The whole task: title (both languages), cadence, when, status, where it comes from."""
        from cm_tui.core.labels import describe_cadence

        template = row.template
        lang = language()
        label = row.label(lang)
        other = template.label_fr if lang != "fr" else template.label_en
        facts = [t(f"core.group.{template.group.value}"), describe_cadence(template.cadence)]
        if template.network:
            facts.append(self._networks.get(template.network, template.network))
        facts.append(t("verbs.today.minutes", minutes=template.minutes))
        when = fmt.day_label(row.day)
        if row.time is not None:
            when = t("verbs.today.at", day=when, time=f"{row.time:%H:%M}")
        parts: list[str | tuple[str, str]] = [(label, "bold")]
        if other.strip() and other != label:
            parts += ["\n", (other, "$text-muted")]
        parts += ["\n\n", (" · ".join(facts), "$text-secondary"), "\n", when]
        parts += ["\n", self._status_line(row)]
        source = "verbs.today.mine" if template.source == "user" else "verbs.today.catalog"
        parts += ["\n\n", (t(source), "$text-muted")]
        return Content.assemble(*parts)

    def _status_line(self, row: AgendaRow) -> tuple[str, str]:
        zone = self.ctx.zone
        occurrence = row.occurrence
        if row.status is RowStatus.DONE and occurrence is not None:
            at = occurrence.at.astimezone(zone)
            done = f"{fmt.day_label(at.date())} {fmt.hm(at)}"
            return t("verbs.today.done_at", at=done), "$text-success"
        if row.status is RowStatus.SKIPPED:
            reason = occurrence.reason if occurrence is not None else ""
            text = t("verbs.today.skipped", reason=reason) if reason else t("verbs.today.skip")
            return text, "$text-muted"
        if row.status is RowStatus.SNOOZED and row.snoozed_until is not None:
            local = row.snoozed_until.astimezone(zone)
            until = f"{fmt.day_label(local.date())} {fmt.hm(local)}"
            return t("verbs.today.snoozed", at=until), "$text-warning"
        if row.late:
            return t("verbs.today.late"), "$text-error"
        return t("verbs.today.pending"), "$text-muted"

    def action_delete_task(self) -> None:
        """Delete the selected task after asking, as an edit ``u`` undoes: one the user made (a
        one-off or their own); a task of the catalog is turned off or deleted in ``M``'s task
        list instead."""
        from cm_tui.ui.screens.confirm import Confirm

        row = self._current_row()
        if row is None:
            return
        tasks = self.ctx.repo.tasks
        template = tasks.get(row.template.id) or row.template
        label = self._label(row)
        if template.source != "user":
            self.notify(t("verbs.today.catalog_kept", task=label), severity="warning", markup=False)
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            what = Label.of("verbs.today.edit_deleted", task=label)
            if self.ctx.apply(self.ctx.records_edit(tasks, [template], [], what, self.PANE_ID)):
                self.reloaded_after_write()
                self.notify(t("verbs.today.deleted", task=label), markup=False)

        question = Content.assemble(t("verbs.today.confirm_delete"), " ", (label, "bold"))
        self.app.push_screen(Confirm(question), answered)


__all__ = ["Heading", "TodayPane", "cadence_label"]
