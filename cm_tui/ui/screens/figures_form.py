"""The form of one network's figures for one month (Stats tab, ``e``): a modal that gives back
the edited ``MonthlyFigures`` or ``None`` (escape / cancel).

Every field is a whole number of 0 or more; a bad field keeps the form open and says which one.
``posts`` is not asked for: it is derived from the Calendar's published posts.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from cm_tui.core.i18n import t
from cm_tui.core.models import MonthlyFigures
from cm_tui.ui.bindings import localize_bindings

#: the fields typed in the form, in order (posts published come from the Calendar)
FORM_FIELDS: tuple[str, ...] = tuple(f for f in MonthlyFigures.FIGURES if f != "posts")


#: larger than any account's figures: a typo (a key held down), not a figure
MAX_COUNT = 10**12


def parse_count(text: str) -> int | None:
    """``"1 234"`` / ``"1,234"`` / ``""`` (0) -> int; ``None`` unless a whole number from 0 to
    ``MAX_COUNT``."""
    cleaned = text.strip().replace(" ", "").replace("\u202f", "").replace(",", "")
    if not cleaned:
        return 0
    if not cleaned.isdigit() or not cleaned.isascii():
        return None
    value = int(cleaned)
    return value if value <= MAX_COUNT else None


class FiguresForm(ModalScreen[MonthlyFigures | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "stats.form.cancel", id="figures.cancel"),
        Binding("ctrl+s", "save", "stats.form.save", id="figures.save"),
    ]

    def __init__(self, figures: MonthlyFigures, network_name: str) -> None:
        super().__init__()
        localize_bindings(self)
        self._figures = figures
        self._network_name = network_name

    def compose(self) -> ComposeResult:
        with Vertical(id="figures-body"):
            yield Static(
                Content(
                    t(
                        "stats.form.title",
                        network=self._network_name,
                        month=self._figures.month,
                    )
                ),
                id="figures-title",
            )
            with Grid(id="figures-grid"):
                for name in FORM_FIELDS:
                    yield Label(Content(t(f"core.metric.{name}")))
                    yield Input(
                        str(getattr(self._figures, name)),
                        id=f"figures-{name}",
                        restrict=r"[0-9 ,]*",
                        max_length=20,
                    )
            yield Static(id="figures-error")
            with Horizontal(id="figures-buttons"):
                yield Button(Content(t("stats.form.save")), variant="primary", id="figures-save")
                yield Button(Content(t("stats.form.cancel")), id="figures-cancel")

    def on_mount(self) -> None:
        self.query_one(f"#figures-{FORM_FIELDS[0]}", Input).focus()

    @on(Button.Pressed, "#figures-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#figures-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        values: dict[str, int] = {}
        for name in FORM_FIELDS:
            field = self.query_one(f"#figures-{name}", Input)
            value = parse_count(field.value)
            if value is None:
                self.query_one("#figures-error", Static).update(
                    Content.styled(
                        t(
                            "stats.form.bad_number",
                            field=t(f"core.metric.{name}"),
                            max=f"{MAX_COUNT:,}",
                        ),
                        "$text-error",
                    )
                )
                field.focus()
                return
            values[name] = value
        self.dismiss(self._figures.replace(**values))

    def action_cancel(self) -> None:
        self.dismiss(None)
