"""The form of one network's figures for one month (Stats tab, ``e``): a ``FormScreen`` that
gives back the ``MonthlyFigures`` to store or ``None`` (escape / cancel).

The month is a field: the form opens on the month ``core.stats_months.form_month`` chose (the
month just ended in the first days of a month) and any month up to the current one may be
typed. Choosing another month while no figure was typed shows that month's stored figures;
once figures were typed they stay, and a line says when saving replaces a stored month. Saving
writes the chosen month's record (``core.stats_forms.figures_from_form``: never a second record
of one month); a bad field keeps the form open and says so under it. ``posts`` is not asked
for: it is derived from the Calendar's published posts. The cursor starts in the first figure,
what one comes to type.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from cm_tui.core import locale as l10n
from cm_tui.core.form_errors import FieldError
from cm_tui.core.i18n import t
from cm_tui.core.models import MonthlyFigures
from cm_tui.core.stats_forms import FIGURE_FIELDS, figures_from_form, figures_month, label
from cm_tui.ui.screens.form import Field, FieldKind, FormScreen

#: what a count field accepts as typed (digits and thousands separators)
COUNT = r"[0-9 ,]*"


class FiguresForm(FormScreen[MonthlyFigures]):
    PREFIX = "figures"

    def __init__(
        self,
        network: str,
        network_name: str,
        month: str,
        stored: Mapping[str, MonthlyFigures],
        current_month: str,
    ) -> None:
        """``stored``: the network's stored figures by month; ``current_month``: the latest
        month that may be chosen."""
        super().__init__()
        self._network = network
        self._network_name = network_name
        self._month = month
        self._stored = stored
        self._current_month = current_month
        #: the figures' texts as last shown from the store (what "nothing typed" means)
        self._loaded = self._texts(month)

    def _texts(self, month: str) -> dict[str, str]:
        figures = self._stored.get(month) or MonthlyFigures(self._network, month)
        values = {name: getattr(figures, name) for name in FIGURE_FIELDS}
        return {name: "" if v is None else str(v) for name, v in values.items()}

    def form_title(self) -> str:
        return t("stats.form.title", network=self._network_name)

    def form_fields(self) -> list[Field]:
        month = Field(
            "month",
            label("month"),
            FieldKind.MONTH,
            self._month,
            hint=t("stats.form.month_hint"),
        )
        counts = [
            Field(name, label(name), FieldKind.NUMBER, self._loaded[name], restrict=COUNT)
            for name in FIGURE_FIELDS
        ]
        return [month, *counts]

    def first_field(self) -> str:
        return FIGURE_FIELDS[0]

    def compose_notes(self) -> ComposeResult:
        note = Static(id="figures-note", classes="form-hint", markup=False)
        note.display = False
        yield note

    def values_changed(self) -> None:
        """A new valid month: its stored figures if nothing was typed, else a line saying that
        saving replaces the figures stored for it."""
        values = self.values()
        try:
            month = figures_month(values, self._current_month)
        except FieldError:
            return  # being typed, or refused when saving
        if month == self._month:
            return
        self._month = month
        typed = {name: values[name] for name in FIGURE_FIELDS}
        text = ""
        if typed == self._loaded:
            self._loaded = self._texts(month)
            for name, value in self._loaded.items():
                self.query_one(f"#{self.field_id(name)}", Input).value = value
        elif month in self._stored:
            text = t("stats.form.replaces", month=l10n.month(month, "month_long"))
        note = self.query_one("#figures-note", Static)
        note.update(Content(text))
        note.display = bool(text)

    def build(self, values: Mapping[str, str]) -> MonthlyFigures:
        return figures_from_form(self._network, values, self._stored, self._current_month)
