"""The form of one network's figures for one month (Stats tab, ``e``): a modal that gives back
the edited ``MonthlyFigures`` or ``None`` (escape / cancel).

Every field is a whole number of 0 or more; a bad field keeps the form open and says which one.
``posts`` is not asked for: it is derived from the Calendar's published posts.
"""

from __future__ import annotations

from cm_tui.core.i18n import t
from cm_tui.core.models import MonthlyFigures
from cm_tui.ui.screens.record_form import MAX_COUNT, Field, FieldError, RecordForm, parse_count

#: the fields typed in the form, in order (posts published come from the Calendar)
FORM_FIELDS: tuple[str, ...] = tuple(f for f in MonthlyFigures.FIGURES if f != "posts")

__all__ = ["FORM_FIELDS", "MAX_COUNT", "FiguresForm", "parse_count"]


def count_or_error(name: str, label: str, text: str) -> int:
    """The whole number typed in field ``name``; ``FieldError`` when it is not one."""
    value = parse_count(text)
    if value is None:
        raise FieldError(name, t("stats.form.bad_number", field=label, max=f"{MAX_COUNT:,}"))
    return value


class FiguresForm(RecordForm[MonthlyFigures]):
    PREFIX = "figures"

    def __init__(self, figures: MonthlyFigures, network_name: str) -> None:
        super().__init__()
        self._figures = figures
        self._network_name = network_name

    def form_title(self) -> str:
        return t("stats.form.title", network=self._network_name, month=self._figures.month)

    def form_fields(self) -> list[Field]:
        return [
            Field(name, t(f"core.metric.{name}"), str(getattr(self._figures, name)), r"[0-9 ,]*")
            for name in FORM_FIELDS
        ]

    def build(self, values: dict[str, str]) -> MonthlyFigures:
        counts = {
            name: count_or_error(name, t(f"core.metric.{name}"), values[name])
            for name in FORM_FIELDS
        }
        return self._figures.replace(**counts)
