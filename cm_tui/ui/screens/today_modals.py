"""Modals of the Today tab: snooze (later today / tomorrow), skip with a reason, the task form,
the lists (influencers, documents, tasks) and their entry form.

They hold no rule: the pane computes what they show and passes a ``build`` callback that turns
the typed values into a record (``core.today.template_from_form``) or raises ``FieldError``. The
two forms are ``FormScreen``s: the error shows under its field and every value typed is kept.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from cm_tui.core.i18n import t
from cm_tui.core.models import (
    DocumentKind,
    Influencer,
    MissedPolicy,
    ReferenceDocument,
    TaskTemplate,
)
from cm_tui.core.recurrence import BLOCKS
from cm_tui.core.today import FORM_KINDS, CountsFrom, SnoozeChoice, TaskForm
from cm_tui.ui.bindings import localize_bindings
from cm_tui.ui.context import UiContext
from cm_tui.ui.screens.form import Field, FieldKind, FormScreen, form_bindings
from cm_tui.ui.widgets.rowlist import RowList


class SnoozeScreen(ModalScreen[SnoozeChoice | None]):
    """``l`` later today, ``t`` tomorrow, ``escape`` cancels."""

    CSS_PATH = "modals.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "choose('later')", "today.key.later", id="snooze.later"),
        Binding("t", "choose('tomorrow')", "today.key.tomorrow", id="snooze.tomorrow"),
        Binding("escape", "choose('')", "today.key.cancel", id="snooze.cancel"),
    ]

    def __init__(self, task: str, later: str, tomorrow: str) -> None:
        super().__init__()
        localize_bindings(self)
        self._task_label, self._later, self._tomorrow = task, later, tomorrow

    def compose(self) -> ComposeResult:
        with Vertical(id="today-snooze", classes="today-modal") as box:
            box.border_title = Content(t("today.snooze.title", task=self._task_label))
            yield Static(Content(t("today.snooze.later", at=self._later)))
            yield Static(Content(t("today.snooze.tomorrow", at=self._tomorrow)))

    def action_choose(self, choice: str) -> None:
        self.dismiss(SnoozeChoice(choice) if choice else None)


class SkipScreen(ModalScreen[str | None]):
    """A reason (may be empty), ``Enter`` skips, ``escape`` cancels."""

    CSS_PATH = "modals.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "today.key.cancel", id="skip.cancel"),
    ]

    def __init__(self, task: str) -> None:
        super().__init__()
        localize_bindings(self)
        self._task_label = task

    def compose(self) -> ComposeResult:
        with Vertical(id="today-skip", classes="today-modal") as box:
            box.border_title = Content(t("today.skip.title", task=self._task_label))
            yield Label(Content(t("today.skip.reason")))
            yield Input(id="today-skip-reason", max_length=200, compact=True)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TaskFormScreen(FormScreen[TaskTemplate]):
    """Add / new / edit a task: a ``FormScreen`` whose ``build(form)`` (the pane's call of
    ``core.today.template_from_form``) returns the template or raises ``FieldError``.

    Besides the text, the cadence and its time, the form sets the engine's options: the time
    block, the interval (``every``), whether it counts from the calendar or from the last time
    done, and what happens to missed occurrences; an edit shows them as saved
    (``core.today.form_of``). ``fixed_kind`` (the one-off form) shows the text, the time, the
    block and the network only.
    """

    PREFIX = "form"

    def __init__(
        self,
        title: str,
        form: TaskForm,
        build: Callable[[TaskForm], TaskTemplate],
        networks: list[str],
        *,
        fixed_kind: bool = False,
    ) -> None:
        super().__init__()
        self._title = title
        self._form = form
        self._build = build
        self._networks = networks
        self._fixed_kind = fixed_kind

    def form_title(self) -> str:
        return self._title

    def form_fields(self) -> list[Field]:
        form = self._form
        kinds = tuple((k.value, t(f"ui.cadence.{k.value}", n="N")) for k in FORM_KINDS)
        blocks = (
            ("", t("today.form.block_none")),
            *((block, t(f"core.block.{block}")) for block in BLOCKS),
        )
        counts = tuple((c.value, t(f"today.form.counts.{c.value}")) for c in CountsFrom)
        missed = tuple(
            (m.value, t(f"core.missed.{m.value}"))
            for m in (MissedPolicy.LATEST_ONLY, MissedPolicy.PILE_UP)
        )
        known = ", ".join(self._networks)
        fields = [
            Field("label", t("today.form.label"), FieldKind.TEXT, form.label, max_length=200),
            Field("kind", t("today.form.kind"), FieldKind.CHOICE, form.kind, options=kinds),
            Field("at", t("today.form.at"), FieldKind.TIME, form.at, hint=t("today.form.at_hint")),
            Field(
                "block",
                t("today.form.block"),
                FieldKind.CHOICE,
                form.block or "",
                options=blocks,
                hint=t("today.form.block_hint"),
            ),
            Field(
                "detail",
                t("today.form.detail"),
                FieldKind.NUMBER,
                form.detail,
                restrict=r"[0-9 ,;-]*",
                max_length=40,
                hint=t("today.form.detail_hint"),
            ),
            Field(
                "every",
                t("today.form.every"),
                FieldKind.NUMBER,
                form.every or "",
                restrict=r"[0-9]*",
                max_length=3,
                hint=t("today.form.every_hint"),
            ),
            Field(
                "counts",
                t("today.form.counts"),
                FieldKind.CHOICE,
                form.counts or CountsFrom.CALENDAR.value,
                options=counts,
            ),
            Field(
                "missed",
                t("today.form.missed"),
                FieldKind.CHOICE,
                form.missed or MissedPolicy.LATEST_ONLY.value,
                options=missed,
            ),
            Field(
                "network",
                t("today.form.network"),
                FieldKind.TEXT,
                form.network,
                max_length=40,
                hint=t("today.form.network_hint", known=known),
            ),
        ]
        if self._fixed_kind:
            return [f for f in fields if f.name not in _CADENCE_FIELDS]
        return fields

    def build(self, values: Mapping[str, str]) -> TaskTemplate:
        """The typed values as a ``TaskForm``; an option the form does not show is ``None``
        (the task keeps its own)."""
        form = self._form
        return self._build(
            TaskForm(
                label=values["label"],
                kind=values.get("kind", form.kind),
                at=values["at"],
                detail=values.get("detail", ""),
                network=values["network"],
                day=form.day,
                every=values.get("every"),
                counts=values.get("counts"),
                missed=values.get("missed"),
                block=values.get("block"),
            )
        )


#: the fields the one-off form leaves out: a one-off has no cadence to choose
_CADENCE_FIELDS = ("kind", "detail", "every", "counts", "missed")


# --------------------------------------------------------------------------- manage lists


class EntryForm(FormScreen[object]):
    """An influencer or a reference document of the lists: ``build(values)`` (the
    ``core.today`` validator) returns the record or raises ``FieldError``."""

    PREFIX = "entry"
    BINDINGS: ClassVar[list[BindingType]] = form_bindings("entry")

    def __init__(
        self, title: str, fields: list[Field], build: Callable[[dict[str, str]], object]
    ) -> None:
        super().__init__()
        self._title, self._fields, self._build = title, fields, build

    def form_title(self) -> str:
        return self._title

    def form_fields(self) -> list[Field]:
        return self._fields

    def build(self, values: Mapping[str, str]) -> object:
        return self._build(dict(values))


MANAGED = ("influencers", "documents", "tasks")


class ManageScreen(ModalScreen[None]):
    """Influencers, reference documents and task templates: add, edit, delete (confirmed),
    mark contacted / reviewed today. Writes go through ``ctx.write`` at once."""

    CSS_PATH = "modals.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_screen", "ui.key.close", id="manage.close"),
        Binding("tab", "next_list", "today.manage.next_list", priority=True, id="manage.next"),
        Binding("a", "add", "today.key.add_entry", id="manage.add"),
        Binding("e", "edit", "today.key.edit_entry", id="manage.edit"),
        Binding("d", "delete", "today.key.delete_entry", id="manage.delete"),
        Binding("c", "touch", "today.manage.touch", id="manage.touch"),
    ]

    def __init__(self, ctx: UiContext, networks: list[str], lang: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.ctx = ctx
        self.networks = networks
        self.lang = lang
        self.kind = MANAGED[0]

    def compose(self) -> ComposeResult:
        with Vertical(id="today-manage", classes="today-modal") as box:
            box.border_subtitle = Content(t("today.manage.hint"))
            yield RowList(self._render_entry, empty_text=t("today.manage.empty"), id="manage-list")

    def on_mount(self) -> None:
        self._load()
        self.query_one("#manage-list", RowList).focus()

    @property
    def list(self) -> RowList:
        return self.query_one("#manage-list", RowList)

    def _repo(self):  # type: ignore[no-untyped-def]
        return getattr(self.ctx.repo, self.kind)

    def _load(self) -> None:
        box = self.query_one("#today-manage")
        box.border_title = Content(f"{t('today.manage.title')} · {t(f'today.manage.{self.kind}')}")
        entries = self._repo().all()
        if self.kind == "tasks":
            entries.sort(key=lambda task: (task.source != "user", task.group.value, task.key))
        self.list.set_rows(entries)

    def _render_entry(self, entry: object, width: int) -> Content:
        from cm_tui.core.labels import describe_cadence
        from cm_tui.ui.fmt import day_label, one_line

        def when(day: object) -> str:
            return t("today.manage.never") if day is None else day_label(day)  # type: ignore[arg-type]

        if isinstance(entry, Influencer):
            parts = [
                (one_line(entry.name), "bold"),
                (f"  {entry.network}", "$text-secondary"),
                (f"  {one_line(entry.handle)}", ""),
                (f"  {t('today.manage.last', day=when(entry.last_contacted))}", "$text-muted"),
            ]
        elif isinstance(entry, ReferenceDocument):
            parts = [
                (one_line(entry.title), "bold"),
                (f"  {t(f'today.doc.{entry.kind.value}')}", "$text-secondary"),
                (f"  {t('today.manage.every', days=entry.review_every_days)}", ""),
                (f"  {t('today.manage.last', day=when(entry.last_reviewed))}", "$text-muted"),
            ]
        else:
            assert isinstance(entry, TaskTemplate)
            mine = f"  [{t('today.manage.user')}]" if entry.source == "user" else ""
            off = f"  {t('today.manage.inactive')}" if not entry.active else ""
            parts = [
                (one_line(entry.label(self.lang)), "bold" if entry.active else "$text-muted"),
                (f"  {describe_cadence(entry.cadence)}", "$text-muted"),
                (mine + off, "$text-secondary"),
            ]
        return Content.assemble(*parts)

    # ------------------------------------------------------------------ actions

    def action_dismiss_screen(self) -> None:
        self.dismiss(None)

    def action_next_list(self) -> None:
        self.kind = MANAGED[(MANAGED.index(self.kind) + 1) % len(MANAGED)]
        self.list.move_to(0)
        self._load()

    def _write(self, change: Callable[[], object]) -> None:
        if self.ctx.write(change):
            self._load()

    def action_add(self) -> None:
        self._open_entry(None)

    def action_edit(self) -> None:
        entry = self.list.current
        if entry is not None:
            self._open_entry(entry)

    def _open_entry(self, entry: object | None) -> None:
        from cm_tui.core.today import (
            TaskForm,
            document_from_form,
            form_of,
            influencer_from_form,
            template_from_form,
        )

        repo = self._repo()
        name = t(f"today.manage.{self.kind}")
        if entry is None:
            title = t("today.manage.add", list=name)
        else:
            label = getattr(entry, "name", None) or getattr(entry, "title", None)
            if isinstance(entry, TaskTemplate):
                label = entry.label(self.lang)
            title = t("today.manage.edit", name=str(label))

        def saved(record: object | None) -> None:
            if record is None:
                return
            if entry is None:
                self._write(lambda: repo.add(record))
            else:
                self._write(lambda: repo.update(record))

        if self.kind == "tasks":
            today = self.ctx.today()
            editing = entry if isinstance(entry, TaskTemplate) else None
            form = form_of(editing, self.lang) if editing else TaskForm("", "workdays", day=today)
            if form.day is None:
                form = dataclasses.replace(form, day=today)

            def build(values: TaskForm) -> TaskTemplate:
                return template_from_form(
                    values, repo.all(), self.networks, editing=editing, lang=self.lang
                )

            self.app.push_screen(TaskFormScreen(title, form, build, self.networks), saved)
            return
        if self.kind == "influencers":
            person = entry if isinstance(entry, Influencer) else None
            fields = [
                Field(
                    "name",
                    t("today.manage.name"),
                    value=person.name if person else "",
                    max_length=200,
                ),
                Field(
                    "network",
                    t("today.manage.network"),
                    value=person.network if person else "",
                    max_length=40,
                ),
                Field(
                    "extra",
                    t("today.manage.handle"),
                    value=person.handle if person else "",
                    max_length=200,
                ),
                Field(
                    "date",
                    t("today.manage.contacted"),
                    FieldKind.DATE,
                    _iso(person.last_contacted if person else None),
                    hint=t("today.manage.date_hint"),
                ),
            ]

            def build_entry(values: dict[str, str]) -> object:
                return influencer_from_form(values, self.networks, person)

        else:
            doc = entry if isinstance(entry, ReferenceDocument) else None
            kinds = tuple((k.value, t(f"today.doc.{k.value}")) for k in DocumentKind)
            fields = [
                Field(
                    "name", t("today.manage.name"), value=doc.title if doc else "", max_length=200
                ),
                Field(
                    "kind",
                    t("today.manage.kind"),
                    FieldKind.CHOICE,
                    doc.kind.value if doc else "about",
                    options=kinds,
                ),
                Field(
                    "network",
                    t("today.manage.network"),
                    value=(doc.network or "") if doc else "",
                    max_length=40,
                ),
                Field(
                    "extra",
                    t("today.manage.every_days"),
                    FieldKind.NUMBER,
                    str(doc.review_every_days) if doc else "180",
                ),
                Field(
                    "date",
                    t("today.manage.reviewed"),
                    FieldKind.DATE,
                    _iso(doc.last_reviewed if doc else None),
                    hint=t("today.manage.date_hint"),
                ),
            ]

            def build_entry(values: dict[str, str]) -> object:
                return document_from_form(values, self.networks, doc)

        self.app.push_screen(EntryForm(title, fields, build_entry), saved)

    def action_delete(self) -> None:
        from cm_tui.ui.screens.confirm import Confirm

        entry = self.list.current
        if entry is None:
            return
        repo = self._repo()
        if isinstance(entry, TaskTemplate):
            name = entry.label(self.lang)
        else:
            name = str(getattr(entry, "name", None) or getattr(entry, "title", ""))

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(lambda: repo.delete(entry.id))  # type: ignore[attr-defined]

        self.app.push_screen(Confirm(Content(t("today.manage.delete", name=name))), answered)

    def action_touch(self) -> None:
        entry = self.list.current
        today = self.ctx.today()
        if isinstance(entry, Influencer):
            self._write(
                lambda: self.ctx.repo.influencers.update(entry.replace(last_contacted=today))
            )
        elif isinstance(entry, ReferenceDocument):
            self._write(lambda: self.ctx.repo.documents.update(entry.replace(last_reviewed=today)))


def _iso(day: object) -> str:
    return "" if day is None else day.isoformat()  # type: ignore[attr-defined]
