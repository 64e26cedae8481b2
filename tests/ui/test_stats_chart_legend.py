"""The Stats chart at 80×24: its legend sits outside the plotting area (it covered the lines),
and the campaign chart labels spend and results apart and spans the months its title names."""

from __future__ import annotations

from cm_tui.ui.panes.stats import CHART_METRICS, StatsPane
from tests.ui.conftest import screen_text, settle

SMALL = (80, 24)


async def _stats(app, pilot, metric: str = "followers") -> StatsPane:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("4")
    await settle(pilot)
    pane = app.active_pane
    assert isinstance(pane, StatsPane)
    while pane.metric != metric:
        await pilot.press("m")
        await settle(pilot)
    for _ in range(3):  # the chart is built at its next paint
        await pilot.pause()
    return pane


def _chart_rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The screen rows inside the chart's box (between its top and bottom borders)."""
    rows = screen_text(app).splitlines()
    top = next(i for i, row in enumerate(rows) if row.startswith("╭"))
    bottom = next(i for i in range(top + 1, len(rows)) if rows[i].startswith("╰"))
    return rows[top + 1 : bottom]


def _plot_rows(rows: list[str]) -> list[str]:
    """The rows of the plotting area: from its top frame line to its bottom one."""
    first = next(i for i, row in enumerate(rows) if "┌" in row)
    last = next(i for i, row in enumerate(rows) if "└" in row)
    return rows[first : last + 1]


async def test_the_legend_is_outside_the_plotting_area_at_80x24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        pane = await _stats(app, pilot)
        rows = _chart_rows(app)
        names = [n.name for n in pane._shown_networks()]
        plot = _plot_rows(rows)
        assert not [row for row in plot if any(name in row for name in names)], plot
        legend = [row for row in rows if row not in plot]
        assert all(any(name in row for row in legend) for name in names), rows


async def test_the_campaign_chart_labels_spend_and_results_apart_over_its_whole_range(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        pane = await _stats(app, pilot, "campaigns")
        assert "campaigns" in CHART_METRICS
        rows = _chart_rows(app)
        text = "\n".join(rows)
        assert "spend (EUR)" in text and "results" in text
        months = pane.chart_months()
        title = str(pane.query_one("#stats-chart-box").border_title)
        assert len(months) == 12 and "12 months" in title
        ticks = rows[next(i for i, row in enumerate(rows) if "└" in row) + 1].strip("│ ").split()
        assert ticks[0] == "Nov" and ticks[-1] == "Oct", ticks
