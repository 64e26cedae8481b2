"""The KPI targets per network and the baseline month (Stats ``T``): a modal form that gives back
a ``KpiChoice`` or ``None`` (escape / cancel); the pane stores it in the ``stats.kpi`` and
``stats.baseline`` preferences, which the tab and the report read.

One row per network, one cell per KPI of ``core.stats.KPI_FIELDS``, in percent as the user
thinks of them (the share answered on time is typed as ``90``, stored as ``0.9``); an empty cell
switches that KPI off. The baseline month is ``YYYY-MM`` or empty (the first month with figures).
A bad cell keeps the form open with one line naming the network and the KPI, and saves nothing.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static

from cm_tui.core.i18n import t
from cm_tui.core.models import NetworkProfile
from cm_tui.core.stats import KPI_FIELDS, KpiTargets, kpi_for, kpi_percent, parse_percent
from cm_tui.core.timeutil import parse_month
from cm_tui.core.value import Value, frozen
from cm_tui.ui.screens.record_form import Field, FieldError, RecordForm

_PERCENT = r"[0-9 .,%+-]*"


@frozen
class KpiChoice(Value):
    """What the form gives back: network key -> ``KpiTargets`` field -> percent as typed
    (``None``: no target), and the baseline month (``None``: the default)."""

    targets: dict[str, dict[str, float | None]]
    baseline: str | None


def _percent_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


class KpiForm(RecordForm[KpiChoice]):
    PREFIX = "kpi"
    BODY = VerticalScroll

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

    @staticmethod
    def cell(index: int, field_name: str) -> str:
        """The field name (and widget id suffix) of network ``index``'s KPI ``field_name``."""
        return f"n{index}-{field_name}"

    def form_fields(self) -> list[Field]:
        fields = [
            Field("baseline", t("stats.kpi_form.baseline"), self._baseline or "", r"[0-9-]*", 7)
        ]
        for i, network in enumerate(self._networks):
            targets = kpi_for(self._targets, network.key)
            for name, *_rest in KPI_FIELDS:
                fields.append(
                    Field(
                        self.cell(i, name),
                        f"{network.name} · {t(f'stats.kpi_form.{name}')}",
                        _percent_text(kpi_percent(targets, name)),
                        _PERCENT,
                        10,
                    )
                )
        return fields

    def compose_fields(self) -> ComposeResult:
        """The baseline month, then a grid: a row per network, a column per KPI."""
        by_name = {f.name: f for f in self._fields}
        baseline = by_name["baseline"]
        with Grid(id=f"{self.PREFIX}-baseline-grid", classes="form-grid"):
            yield Label(Content(baseline.label))
            yield self.field_input(baseline, baseline.label)
        with Grid(id=f"{self.PREFIX}-grid", classes="form-grid"):
            yield Label(Content(t("stats.kpi_form.network")), classes="kpi-head")
            for name, *_rest in KPI_FIELDS:
                yield Label(Content(t(f"stats.kpi_form.{name}")), classes="kpi-head")
            for i, network in enumerate(self._networks):
                yield Label(Content(network.name))
                for name, *_rest in KPI_FIELDS:
                    field = by_name[self.cell(i, name)]
                    yield self.field_input(field, field.label)
        yield Static(Content(t("stats.kpi_form.hint")), classes="form-hint")

    def on_mount(self) -> None:
        # the first network's first KPI: what one comes to change most often
        first = self.cell(0, KPI_FIELDS[0][0]) if self._networks else "baseline"
        self.query_one(f"#{self.PREFIX}-{first}", Input).focus()

    def build(self, values: dict[str, str]) -> KpiChoice:
        baseline = self._parse_baseline(values["baseline"])
        targets: dict[str, dict[str, float | None]] = {}
        for i, network in enumerate(self._networks):
            typed: dict[str, float | None] = {}
            for name, _kpi, _scale, low, high in KPI_FIELDS:
                cell = self.cell(i, name)
                try:
                    typed[name] = parse_percent(values[cell], low, high)
                except ValueError:
                    raise FieldError(
                        cell,
                        t(
                            "stats.kpi_form.bad_percent",
                            network=network.name,
                            field=t(f"stats.kpi_form.{name}"),
                            low=f"{low:g}",
                            high=f"{high:g}",
                        ),
                    ) from None
            targets[network.key] = typed
        return KpiChoice(targets, baseline)

    def _parse_baseline(self, text: str) -> str | None:
        month = text.strip()
        if not month:
            return None
        try:
            parse_month(month)
        except ValueError:
            raise FieldError("baseline", t("stats.kpi_form.bad_baseline")) from None
        if month > self._current_month:
            raise FieldError("baseline", t("stats.kpi_form.future_baseline", month=month))
        return month
