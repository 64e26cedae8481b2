"""The settings form: the first start's (``CmTuiApp(first_run=True)``), and the ``Settings``
entry of the palette (``ctrl+p``) at any time.

One short form (``core.settings_form``): the active networks, the time zone, the language, the
working days and hours, the Facebook rhythm; under it, what the day will look like with the
values as typed (``core.day_preview``), redrawn at every change.

Saving writes the settings file (``io.settings_file.save_settings``: the user's comments and
other keys are kept) and applies the settings to the running app at once (``apply_settings``):
networks, time zone, working days and hours and Facebook rhythm show on the next repaint of
each tab. The language changes at the next start (tab titles and key descriptions are
translated when the app is built), and the line after saving says so. The demo has settings of
its own: there the choices apply to the session only, the file is not written. On the first
start, ``escape`` keeps the defaults and writes them too, so the form is asked once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Label, Static

from cm_tui.core.day_preview import preview_day, preview_day_of, preview_lines
from cm_tui.core.form_errors import FieldError
from cm_tui.core.i18n import LANGUAGES, language, t
from cm_tui.core.models import NetworkProfile, TaskTemplate
from cm_tui.core.settings import KNOWN_NETWORKS, Settings
from cm_tui.core.settings_form import (
    FACEBOOK_DAY,
    FACEBOOK_WEEK,
    WEEKDAYS,
    form_values,
    settings_from_form,
    zone_names,
)
from cm_tui.ui.screens.form import Field, FieldKind, FormScreen, form_bindings

if TYPE_CHECKING:
    from cm_tui.ui.app import CmTuiApp


class SettingsForm(FormScreen[Settings]):
    """The form over ``current``; its result is the chosen settings (``None``: escape)."""

    PREFIX = "settings"
    CSS_PATH = [  # type: ignore[assignment]
        FormScreen.CSS_PATH,
        str(Path(__file__).with_name("settings_form.tcss")),
    ]
    BINDINGS: ClassVar[list[BindingType]] = form_bindings("settings_form")

    def __init__(
        self,
        current: Settings,
        profiles: Sequence[NetworkProfile],
        templates: Sequence[TaskTemplate],
        today: date,
        *,
        first_run: bool = False,
        last_done: Mapping[str, date] | None = None,
        history_start: date | None = None,
    ) -> None:
        super().__init__()
        self.current = current
        self.profiles = list(profiles)
        self.templates = list(templates)
        self.today = today
        self.first_run = first_run
        self.last_done = last_done
        self.history_start = history_start
        self.names = {p.key: p.name for p in self.profiles}

    # ------------------------------------------------------------------ the form

    def form_title(self) -> str:
        return t("setup.title.first" if self.first_run else "setup.title")

    def form_fields(self) -> list[Field]:
        values = form_values(self.current)
        return [
            Field(
                "networks",
                t("setup.field.networks"),
                FieldKind.CHOICES,
                values["networks"],
                options=tuple(network_options(self.profiles)),
                hint=t("setup.hint.networks"),
            ),
            Field(
                "timezone",
                t("setup.field.timezone"),
                FieldKind.TEXT,
                values["timezone"],
                max_length=64,
                suggester=SuggestFromList(zone_names(), case_sensitive=False),
            ),
            Field(
                "language",
                t("setup.field.language"),
                FieldKind.CHOICE,
                values["language"],
                options=tuple((code, t(f"setup.language.{code}")) for code in LANGUAGES),
            ),
            Field(
                "workdays",
                t("setup.field.workdays"),
                FieldKind.CHOICES,
                values["workdays"],
                options=tuple((str(d), t(f"core.weekday_short.{d}")) for d in WEEKDAYS),
            ),
            Field("start", t("setup.field.start"), FieldKind.TIME, values["start"]),
            Field("end", t("setup.field.end"), FieldKind.TIME, values["end"]),
            Field(
                "facebook",
                t("setup.field.facebook"),
                FieldKind.CHOICE,
                values["facebook"],
                options=(
                    (FACEBOOK_DAY, t("setup.facebook.day")),
                    (FACEBOOK_WEEK, t("setup.facebook.week")),
                ),
            ),
        ]

    def compose_fields(self) -> ComposeResult:
        """One row per field, but the working hours share one: "09:00 to 18:00"."""
        by_name = {field.name: field for field in self.fields}
        for field in self.fields:
            if field.name == "start":
                yield from self._hours_row(field, by_name["end"])
            elif field.name != "end":
                yield from self.compose_row(field)

    def _hours_row(self, start: Field, end: Field) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(Content(t("setup.field.hours")), classes="form-label")
            with Vertical(classes="form-cell"):
                with Horizontal(id="settings-hours"):
                    yield self.field_widget(start)
                    yield Static(Content(t("setup.hours.to")), classes="settings-to")
                    yield self.field_widget(end)
                yield self.error_line("hours")

    def error_slot(self, name: str) -> str:
        return "hours" if name in ("start", "end") else name

    def compose_notes(self) -> ComposeResult:
        yield Static(id="settings-preview", classes="form-notes", markup=False)
        if self.first_run:
            yield Static(Content(t("setup.first.note")), id="settings-first-note")

    def on_mount(self) -> None:
        super().on_mount()
        self.values_changed()

    def values_changed(self) -> None:
        """Redraw the preview with the values as typed (a bad field keeps its last good
        value: ``settings_from_form``)."""
        settings, _errors = settings_from_form(self.values(), self.current)
        day = preview_day_of(self.today, settings)
        preview = preview_day(
            self.templates,
            self.profiles,
            settings,
            day,
            last_done=self.last_done,
            history_start=self.history_start,
        )
        lines = preview_lines(preview, settings, self.names)
        self.query_one("#settings-preview", Static).update(Content("\n".join(lines)))

    def validate(self, values: Mapping[str, str]) -> tuple[Settings | None, Sequence[FieldError]]:
        settings, errors = settings_from_form(values, self.current)
        return (None, errors) if errors else (settings, [])

    def preview_text(self) -> str:
        """The preview as shown (what a user reads)."""
        return str(self.query_one("#settings-preview", Static).render())


# ---------------------------------------------------------------------- opening and saving


def open_settings(app: CmTuiApp, *, first_run: bool = False) -> SettingsForm:
    """Push the settings form over ``app``; saving (or, on the first start, escape) applies
    what it gives (``apply_settings``)."""
    from cm_tui.io.seeding import tracking_since

    ctx = app.ctx
    today = ctx.today()
    form = SettingsForm(
        ctx.settings,
        ctx.repo.networks.all(),
        ctx.repo.tasks.all(),
        today,
        first_run=first_run,
        last_done=ctx.repo.occurrences.last_handled_days(today),
        history_start=tracking_since(ctx.store),
    )

    def done(chosen: Settings | None) -> None:
        if chosen is not None:
            apply_settings(app, chosen)
        elif first_run:
            apply_settings(app, ctx.settings, kept=True)

    app.push_screen(form, done)
    return form


def apply_settings(app: CmTuiApp, chosen: Settings, *, kept: bool = False) -> bool:
    """Write ``chosen`` to the settings file (not in the demo) and make it the running app's
    settings, the language aside (the next start's); one line says what happened. ``kept``:
    the first start's defaults, kept with escape. ``False`` if the file could not be written
    (the line says why; nothing changes)."""
    from cm_tui.core.settings import SettingsError
    from cm_tui.core.settings_form import file_changes
    from cm_tui.io.demo_writer import is_demo_store
    from cm_tui.io.locations import config_path
    from cm_tui.io.settings_file import save_settings

    ctx = app.ctx
    running = language()
    if is_demo_store(ctx.store):
        saved, message = chosen, t("setup.demo")
    else:
        path = config_path()
        try:
            saved = save_settings(path, file_changes(chosen))
        except SettingsError as exc:
            app.notify(t("setup.not_saved", reason=str(exc)), severity="error", markup=False)
            return False
        if kept:
            key = "setup.kept"
        elif saved.language != running:
            key = "setup.saved.language"
        else:
            key = "setup.saved"
        message = t(key, path=path)
    ctx.settings = dataclasses.replace(saved, language=running)
    ctx.version += 1
    pane = app.active_pane
    if pane is not None:
        pane.refresh_if_stale()
    app.notify(message, markup=False)
    return True


def network_options(profiles: Iterable[NetworkProfile]) -> list[tuple[str, str]]:
    """``(key, name)`` of the known networks the store has a profile for, in the known order."""
    names = {p.key: p.name for p in profiles}
    return [(key, names[key]) for key in KNOWN_NETWORKS if key in names]
