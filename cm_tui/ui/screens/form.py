"""The one form framework: every form of cm-tui (post, task, list entry, figures, KPI targets,
campaign, daily check, competitor) is a ``FormScreen`` that declares its fields and turns the
typed texts into its result through a ``core`` validator.

What every form does the same way:

* a modal with the form's title and, under it, the keys (``ctrl+s`` saves, ``escape``
  cancels, ``ctrl+e`` edits a long text in ``$EDITOR``: ``form_editor``), read from the real
  bindings so a remap in ``[keys]`` shows; Save / Cancel buttons for the mouse;
* one row per field: its label, its widget (``FieldKind``: text, long text, choice, several
  choices, date, time, month, number, check), and under the widget the line of its error;
* the cursor starts in the first field (``first_field``); a text field gets the cursor at the
  end of its text, a value field (number, date, time, month) gets its whole value selected,
  so that typing replaces it (``48,99`` + ``5000`` is ``5000``) and an arrow keeps it;
  ``tab`` / ``shift+tab`` walk the fields in order (also the ``CSI 1;2 Z`` shift+tab of
  terminals with extended keys, ``_MODIFIED_BACK_TAB``); ``enter`` in a one-line field
  saves, as ``ctrl+s`` does;
* saving asks ``validate`` (by default ``build``, which raises ``core.form_errors.FieldError``):
  on errors the form stays open, shows each under its field (an error of a field the form does
  not show goes under the fields), puts the cursor in the first bad field and keeps
  everything typed; otherwise it closes with the result (``dismiss``). Escape closes with
  ``None``. A form never writes: whoever opened it stores the result.

Widget ids are ``<PREFIX>-<field>`` (the field), ``<PREFIX>-<field>-error`` (its error line),
``<PREFIX>-error`` (errors of no shown field) and ``<PREFIX>-body``; the binding ids
``<area>.save``, ``<area>.cancel`` and ``<area>.editor`` (``form_bindings``), so that each
form's keys can be remapped on their own. The look is ``forms.tcss``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import ClassVar, Generic, TypeVar, cast

from textual import on
from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from cm_tui.core.form_errors import FieldError
from cm_tui.core.i18n import t
from cm_tui.core.value import Value, frozen
from cm_tui.ui.bindings import keys_for, localize_bindings
from cm_tui.ui.widgets.choice_bar import ChoiceBar

Result = TypeVar("Result")

#: a check field's text when ticked (``""`` when not)
CHECKED = "1"
#: between the chosen values in the text of a ``CHOICES`` field
CHOICES_SEPARATOR = ","


class FieldKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    CHOICE = "choice"
    DATE = "date"
    TIME = "time"
    MONTH = "month"
    NUMBER = "number"
    CHECK = "check"
    #: several of a few options on one line (``ChoiceBar``): networks, working days
    CHOICES = "choices"


#: what a kind accepts as typed, unless the field says otherwise: (characters, length)
_TYPED: dict[FieldKind, tuple[str | None, int]] = {
    FieldKind.DATE: (r"[0-9-]*", 10),
    FieldKind.MONTH: (r"[0-9-]*", 7),
    FieldKind.TIME: (r"[0-9:hH.]*", 5),
    FieldKind.NUMBER: (r"[0-9 ,.%+-]*", 20),
}

#: a value field: focusing it selects its whole value, so that typing replaces it
_SELECTED_ON_FOCUS = frozenset(_TYPED)

#: shift+tab as terminals with extended keys send it (xterm's modified form); Textual knows
#: only ``CSI Z``, and would type ``[1;2Z`` into the field instead of going back one field
_MODIFIED_BACK_TAB = "\x1b[1;2Z"
_SEQUENCES = cast(dict[str, object], ANSI_SEQUENCES_KEYS)
_SEQUENCES.setdefault(_MODIFIED_BACK_TAB, _SEQUENCES["\x1b[Z"])


@frozen(slots=False)
class Field(Value):
    """One field of a form. ``value`` is its text (a choice's value; ``CHECKED`` or ``""``
    for a check; the chosen values joined by ``CHOICES_SEPARATOR`` for several choices);
    ``options`` are a choice's ``(value, label)`` pairs; ``restrict`` (a regular
    expression of what may be typed) and ``max_length`` (0: any) default to the kind's;
    ``lines`` is a long text's height; ``suggester`` completes a one-line field; ``hint`` is
    a line under the widget (the format, what may be typed), so that the label stays short."""

    name: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    value: str = ""
    options: tuple[tuple[str, str], ...] = ()
    restrict: str | None = None
    max_length: int = 0
    lines: int = 3
    suggester: Suggester | None = None
    hint: str = ""
    #: a one-line text typed blind (a pasted token): shown as dots, never echoed
    secret: bool = False


def form_bindings(area: str) -> list[BindingType]:
    """The keys of a form, their ids under ``area``. ``ctrl+e`` is a priority binding: the
    fields' own ``ctrl+e`` (end of line) would take it first; it does nothing (and the key
    goes to the field) in a form without a long text."""
    return [
        Binding("ctrl+s", "save", "form.save", id=f"{area}.save"),
        Binding("escape", "cancel", "form.cancel", id=f"{area}.cancel"),
        Binding("ctrl+e", "edit_externally", "form.editor", id=f"{area}.editor", priority=True),
    ]


class FormScreen(ModalScreen[Result | None], Generic[Result]):
    """A subclass sets ``PREFIX`` (and ``BINDINGS = form_bindings(area)`` for its own binding
    ids) and implements ``form_title``, ``form_fields`` and ``build`` (or ``validate``)."""

    PREFIX: ClassVar[str] = "form"
    #: absolute: Textual reads a relative path beside the subclass's module
    CSS_PATH = str(Path(__file__).with_name("forms.tcss"))
    BINDINGS: ClassVar[list[BindingType]] = form_bindings("form")

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self)
        self.fields: list[Field] = []

    # ------------------------------------------------------------------ what a form says

    def form_title(self) -> str:
        raise NotImplementedError

    def form_fields(self) -> Sequence[Field]:
        raise NotImplementedError

    def build(self, values: Mapping[str, str]) -> Result:
        """The result of the typed ``values`` (field name -> text); raises ``FieldError``."""
        raise NotImplementedError

    def validate(self, values: Mapping[str, str]) -> tuple[Result | None, Sequence[FieldError]]:
        """``(result, [])``, or ``(None, errors)``; override when a core validator returns
        every bad field at once instead of raising the first."""
        try:
            return self.build(values), []
        except FieldError as error:
            return None, [error]

    def first_field(self) -> str:
        """The field the cursor starts in: the first one (a form may start where one comes
        to type most often)."""
        return self.fields[0].name

    def describe(self, error: FieldError) -> str:
        """The line shown for ``error`` (its message; a form whose messages do not name the
        field prefixes its label)."""
        return error.message

    def error_slot(self, name: str) -> str:
        """Which error line shows the errors of field ``name`` (``<PREFIX>-<slot>-error``):
        its own; a form that lays several fields on one line may share one."""
        return name

    def compose_fields(self) -> ComposeResult:
        """The fields, one row each (``compose_row``); a form with another layout overrides
        it, with ``field_widget`` and an error line per slot."""
        for field in self.fields:
            yield from self.compose_row(field)

    def compose_notes(self) -> ComposeResult:
        """What a form shows under its fields (live warnings, a hint): nothing by default."""
        yield from ()

    def values_changed(self) -> None:
        """Called after any field changed (live warnings)."""

    # ------------------------------------------------------------------ building blocks

    def field_id(self, name: str) -> str:
        return f"{self.PREFIX}-{name}"

    def error_line(self, slot: str) -> Static:
        """The error line of ``slot`` (``""``: of the errors of no shown field), hidden while
        empty."""
        wid = f"{self.PREFIX}-{slot}-error" if slot else f"{self.PREFIX}-error"
        line = Static(id=wid, name=slot, classes="field-error", markup=False)
        line.display = False
        return line

    def compose_row(self, field: Field) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(Content(field.label), classes="form-label")
            with Vertical(classes="form-cell"):
                yield self.field_widget(field)
                if field.hint:
                    yield Static(Content(field.hint), classes="form-hint")
                if self.error_slot(field.name) == field.name:
                    yield self.error_line(field.name)

    def field_widget(self, field: Field) -> Widget:
        """The widget of ``field`` (id ``<PREFIX>-<name>``, read back by ``values``)."""
        wid = self.field_id(field.name)
        if field.kind is FieldKind.LONG_TEXT:
            area = TextArea(field.value, id=wid, compact=True, classes="form-long-text")
            area.styles.height = field.lines
            return area
        if field.kind is FieldKind.CHOICE:
            options = [(Content(label), value) for value, label in field.options]
            known = [value for value, _label in field.options]
            chosen = field.value if field.value in known else known[0]
            return Select(options, value=chosen, allow_blank=False, id=wid, compact=True)
        if field.kind is FieldKind.CHECK:
            return Checkbox(value=field.value == CHECKED, id=wid, compact=True, button_first=True)
        if field.kind is FieldKind.CHOICES:
            return ChoiceBar(field.options, field.value.split(CHOICES_SEPARATOR), id=wid)
        restrict, length = _TYPED.get(field.kind, (None, 0))
        return Input(
            field.value,
            id=wid,
            compact=True,
            restrict=field.restrict or restrict,
            max_length=field.max_length or length,
            suggester=field.suggester,
            select_on_focus=field.kind in _SELECTED_ON_FOCUS,
            password=field.secret,
        )

    def compose(self) -> ComposeResult:
        self.fields = list(self.form_fields())
        with VerticalScroll(id=f"{self.PREFIX}-body", classes="form-body", can_focus=False) as body:
            body.border_title = Content(self.form_title())
            yield from self.compose_fields()
            yield from self.compose_notes()
            yield self.error_line("")
            with Horizontal(classes="form-buttons"):
                yield Button(
                    Content(t("form.save")), "primary", id=f"{self.PREFIX}-save", compact=True
                )
                yield Button(Content(t("form.cancel")), id=f"{self.PREFIX}-cancel", compact=True)

    def on_mount(self) -> None:
        body = self.query_one(f"#{self.PREFIX}-body")
        body.border_subtitle = Content(self._keys_hint())
        self.query_one(f"#{self.field_id(self.first_field())}").focus()

    def _keys_hint(self) -> str:
        """``ctrl+s Save · esc Cancel`` from the real bindings (remaps included)."""
        app = self.app
        infos = keys_for(type(self), app._keymap, app.get_key_display)
        shown = [
            f"{info.keys[0]} {info.description}"
            for info in infos
            if info.keys and (info.action != "edit_externally" or self._long_texts())
        ]
        return " · ".join(shown)

    # ------------------------------------------------------------------ reading, errors

    def values(self) -> dict[str, str]:
        """The form's current texts, by field name."""
        out: dict[str, str] = {}
        for field in self.fields:
            widget = self.query_one(f"#{self.field_id(field.name)}")
            if isinstance(widget, TextArea):
                out[field.name] = widget.text
            elif isinstance(widget, Select):
                out[field.name] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Checkbox):
                out[field.name] = CHECKED if widget.value else ""
            elif isinstance(widget, ChoiceBar):
                out[field.name] = CHOICES_SEPARATOR.join(widget.chosen)
            else:
                assert isinstance(widget, Input)
                out[field.name] = widget.value
        return out

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        """Each error under its field (or under the fields), the cursor in the first bad
        field shown; no error: every error line hidden."""
        lines: dict[str, list[str]] = {}
        shown = {f.name for f in self.fields}
        for error in errors:
            slot = self.error_slot(error.field) if error.field in shown else ""
            lines.setdefault(slot, []).append(self.describe(error))
        for line in self.query(".field-error").results(Static):
            text = "\n".join(lines.get(line.name or "", ()))
            line.update(Content(text))
            line.display = bool(text)
        first = next((e.field for e in errors if e.field in shown), None)
        if first is not None:
            self.query_one(f"#{self.field_id(first)}").focus()

    def shown_errors(self) -> list[str]:
        """The error lines shown, top to bottom (what a user reads)."""
        return [
            str(line.render())
            for line in self.query(".field-error").results(Static)
            if line.display
        ]

    # ------------------------------------------------------------------ events and actions

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(ChoiceBar.Changed)
    def _changed(self) -> None:
        if self.is_mounted:
            self.values_changed()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed)
    def _button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == f"{self.PREFIX}-save":
            self.action_save()
        elif event.button.id == f"{self.PREFIX}-cancel":
            self.action_cancel()

    def action_save(self) -> None:
        result, errors = self.validate(self.values())
        self.show_errors(errors)
        if not errors:
            self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _long_texts(self) -> list[TextArea]:
        return list(self.query(".form-long-text").results(TextArea))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit_externally":
            return bool(self._long_texts())
        return True

    def action_edit_externally(self) -> None:
        """The focused long text (else the form's first) in ``$EDITOR``; the text comes back
        when the editor exits, or stays as it was with one line saying why."""
        from cm_tui.ui.screens.form_editor import edit_area_externally

        areas = self._long_texts()
        area = self.focused if isinstance(self.focused, TextArea) else areas[0]
        edit_area_externally(self.app, area)
