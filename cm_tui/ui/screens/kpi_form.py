"""The KPI targets per network and the baseline month (Stats ``T``): a ``FormScreen`` that
gives back a ``KpiChoice`` or ``None`` (escape / cancel); the pane stores it in the
``stats.kpi`` and ``stats.baseline`` preferences, which the tab and the report read.

One row per network, one cell per KPI of ``core.stats.KPI_FIELDS``, in percent as the user
thinks of them (the share answered on time is typed as ``90``, stored as ``0.9``); an empty cell
switches that KPI off. The baseline month is ``YYYY-MM`` or empty (the first month with figures).
Validation is ``core.stats_forms.kpi_from_form``: a bad cell keeps the form open with one line
under its network's row naming the network and the KPI, and saves nothing. The cursor starts in
the first network's first KPI: what one comes to change most often.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, Static

from cm_tui.core.i18n import t
from cm_tui.core.models import NetworkProfile
from cm_tui.core.stats import KPI_FIELDS, KpiTargets, kpi_for, kpi_percent
from cm_tui.core.stats_forms import KpiChoice, kpi_cell, kpi_from_form, label
from cm_tui.ui.screens.form import Field, FieldKind, FormScreen

__all__ = ["KpiChoice", "KpiForm"]

_PERCENT = r"[0-9 .,%+-]*"


def _percent_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


class KpiForm(FormScreen[KpiChoice]):
    PREFIX = "kpi"

    def __init__(
        self,
        networks: list[NetworkProfile],
        targets: dict[str, KpiTargets],
        baseline: str | None,
        today: date,
    ) -> None:
        super().__init__()
        self._networks = networks
        self._targets = targets
        self._baseline = baseline
        self._current_month = f"{today.year:04d}-{today.month:02d}"

    def form_title(self) -> str:
        return t("stats.kpi_form.title")

    def form_fields(self) -> list[Field]:
        baseline = self._baseline or ""
        hint = t("stats.kpi_form.baseline_hint")
        fields = [Field("baseline", label("baseline"), FieldKind.MONTH, baseline, hint=hint)]
        for i, network in enumerate(self._networks):
            targets = kpi_for(self._targets, network.key)
            for name, *_rest in KPI_FIELDS:
                fields.append(
                    Field(
                        kpi_cell(i, name),
                        f"{network.name} · {t(f'stats.kpi_form.{name}')}",
                        FieldKind.NUMBER,
                        _percent_text(kpi_percent(targets, name)),
                        restrict=_PERCENT,
                        max_length=10,
                    )
                )
        return fields

    def first_field(self) -> str:
        return kpi_cell(0, KPI_FIELDS[0][0]) if self._networks else "baseline"

    def error_slot(self, name: str) -> str:
        """A cell's errors show under its network's row (``n1-on_time_share`` -> ``n1``)."""
        return name if name == "baseline" else name.partition("-")[0]

    def compose_fields(self) -> ComposeResult:
        """The baseline month, then a row per network with a column per KPI, each row with
        its error line under it."""
        by_name = {f.name: f for f in self.fields}
        yield from self.compose_row(by_name["baseline"])
        with Horizontal(classes="form-row"):
            yield Label(Content(t("stats.kpi_form.network")), classes="form-label kpi-head")
            for name, *_rest in KPI_FIELDS:
                yield Label(Content(t(f"stats.kpi_form.{name}")), classes="kpi-cell kpi-head")
        for i, network in enumerate(self._networks):
            with Horizontal(classes="form-row"):
                yield Label(Content(network.name), classes="form-label")
                for name, *_rest in KPI_FIELDS:
                    field = by_name[kpi_cell(i, name)]
                    cell = self.field_widget(field)
                    cell.add_class("kpi-cell")
                    cell.tooltip = field.label
                    yield cell
            yield self.error_line(f"n{i}")

    def compose_notes(self) -> ComposeResult:
        yield Static(Content(t("stats.kpi_form.hint")), classes="form-notes")

    def build(self, values: Mapping[str, str]) -> KpiChoice:
        return kpi_from_form(values, self._networks, self._current_month)
