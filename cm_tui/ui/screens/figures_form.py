"""The form of one network's figures for one month (Stats tab, ``e``): a ``FormScreen`` that
gives back the edited ``MonthlyFigures`` or ``None`` (escape / cancel).

Every field is a whole number of 0 or more (``core.stats_forms.figures_from_form``); a bad
field keeps the form open and says so under it. ``posts`` is not asked for: it is derived
from the Calendar's published posts.
"""

from __future__ import annotations

from collections.abc import Mapping

from cm_tui.core.i18n import t
from cm_tui.core.models import MonthlyFigures
from cm_tui.core.stats_forms import FIGURE_FIELDS, figures_from_form, label
from cm_tui.ui.screens.form import Field, FieldKind, FormScreen

#: what a count field accepts as typed (digits and thousands separators)
COUNT = r"[0-9 ,]*"


class FiguresForm(FormScreen[MonthlyFigures]):
    PREFIX = "figures"

    def __init__(self, figures: MonthlyFigures, network_name: str) -> None:
        super().__init__()
        self._figures = figures
        self._network_name = network_name

    def form_title(self) -> str:
        return t("stats.form.title", network=self._network_name, month=self._figures.month)

    def form_fields(self) -> list[Field]:
        return [
            Field(
                name,
                label(name),
                FieldKind.NUMBER,
                str(getattr(self._figures, name)),
                restrict=COUNT,
            )
            for name in FIGURE_FIELDS
        ]

    def build(self, values: Mapping[str, str]) -> MonthlyFigures:
        return figures_from_form(self._figures, values)
