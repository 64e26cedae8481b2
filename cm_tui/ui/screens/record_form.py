"""The machinery shared by the Stats tab's small forms (figures, campaign, daily check,
competitor): a modal with a title, one labelled ``Input`` per field, a one-line error and
Save / Cancel. ``ctrl+s`` (or ``enter`` in a field) saves, ``escape`` cancels.

A subclass lists its fields and turns the typed texts into its result in ``build``; a bad field
raises ``FieldError``: the form stays open, says which field in one line, focuses it, and keeps
everything typed.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from cm_tui.core.i18n import t
from cm_tui.core.value import Value, frozen
from cm_tui.ui.bindings import localize_bindings

Result = TypeVar("Result")

#: larger than any account's figures: a typo (a key held down), not a figure
MAX_COUNT = 10**12
#: larger than any campaign's budget
MAX_AMOUNT = 10**9


@frozen
class Field(Value):
    name: str
    label: str
    value: str
    #: a regular expression of the characters the field accepts (``None``: any)
    restrict: str | None = None
    max_length: int = 20


class FieldError(ValueError):
    """A field's text is not acceptable: ``message`` is the one line shown."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


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


def parse_amount(text: str) -> float | None:
    """``"1 234.50"`` / ``"1234,5"`` / ``""`` (0) -> float rounded to cents; ``None`` unless an
    amount from 0 to ``MAX_AMOUNT``."""
    cleaned = text.strip().replace(" ", "").replace("\u202f", "").replace(",", ".")
    if not cleaned:
        return 0.0
    if cleaned.count(".") > 1 or not cleaned.replace(".", "").isdigit():
        return None
    if not cleaned.isascii():
        return None
    value = float(cleaned)
    return round(value, 2) if value <= MAX_AMOUNT else None


def parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


class RecordForm(ModalScreen[Result | None], Generic[Result]):
    """Subclasses set ``PREFIX`` (widget ids: ``<PREFIX>-<field>``, ``<PREFIX>-error``...) and
    implement ``form_title``, ``form_fields`` and ``build``."""

    PREFIX: ClassVar[str] = "form"
    #: the form's body; a form that can be taller than the screen uses ``VerticalScroll``
    BODY: ClassVar[type[Widget]] = Vertical
    CSS_PATH = "stats_modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "stats.form.cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "stats.form.save", id="form.save"),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self)

    def form_title(self) -> str:
        raise NotImplementedError

    def form_fields(self) -> list[Field]:
        raise NotImplementedError

    def labels(self) -> dict[str, str]:
        """Field name -> its label, for ``build``'s error messages."""
        return {f.name: f.label for f in self.form_fields()}

    def build(self, values: dict[str, str]) -> Result:
        """The result of the typed ``values`` (field name -> text); raises ``FieldError``."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        prefix = self.PREFIX
        self._fields = self.form_fields()
        with self.BODY(id=f"{prefix}-body", classes="form-body"):
            yield Static(Content(self.form_title()), id=f"{prefix}-title", classes="form-title")
            yield from self.compose_fields()
            yield Static(id=f"{prefix}-error", classes="form-error")
            with Horizontal(id=f"{prefix}-buttons", classes="form-buttons"):
                yield Button(Content(t("stats.form.save")), variant="primary", id=f"{prefix}-save")
                yield Button(Content(t("stats.form.cancel")), id=f"{prefix}-cancel")

    def compose_fields(self) -> ComposeResult:
        """The fields between the title and the error line: a label and an input each, in a
        two-column grid. Forms with another layout override it (``field_input`` stays)."""
        with Grid(id=f"{self.PREFIX}-grid", classes="form-grid"):
            for field in self._fields:
                yield Label(Content(field.label))
                yield self.field_input(field)

    def field_input(self, field: Field, tooltip: str | None = None) -> Input:
        """The input of ``field`` (id ``<PREFIX>-<name>``, read back by ``values``)."""
        return Input(
            field.value,
            id=f"{self.PREFIX}-{field.name}",
            restrict=field.restrict,
            max_length=field.max_length,
            tooltip=tooltip,
        )

    def on_mount(self) -> None:
        self.query_one(f"#{self.PREFIX}-{self._fields[0].name}", Input).focus()

    @on(Button.Pressed)
    def _button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == f"{self.PREFIX}-save":
            self.action_save()
        elif event.button.id == f"{self.PREFIX}-cancel":
            self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        values = {
            f.name: self.query_one(f"#{self.PREFIX}-{f.name}", Input).value for f in self._fields
        }
        try:
            result = self.build(values)
        except FieldError as error:
            self.query_one(f"#{self.PREFIX}-error", Static).update(
                Content.styled(error.message, "$text-error")
            )
            self.query_one(f"#{self.PREFIX}-{error.name}", Input).focus()
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
