"""The Stats tab (issue 6): switching figure, network, range and month with real keys; the
figures form; the report written from the tab; readable at 80×24."""

from __future__ import annotations

from cm_tui.ui.panes.stats import CHART_METRICS, RANGES, RESPONSE_METRICS, StatsPane
from tests.ui.conftest import SIZE, screen_text, settle


async def _open_stats(app, pilot) -> StatsPane:  # type: ignore[no-untyped-def]
    await settle(pilot)  # the first tab is composed before "4" arrives
    await pilot.press("4")
    await settle(pilot)
    pane = app.active_pane
    assert isinstance(pane, StatsPane)
    return pane


def _chart_title(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.query_one("#stats-chart-box").border_title)


async def test_switching_metric_cycles_every_chart_and_rebuilds_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        chart = pane.chart
        seen = [pane.metric]
        titles = [_chart_title(app)]
        for _ in range(len(CHART_METRICS)):
            built = chart.builds
            await pilot.press("m")
            await settle(pilot)
            for _ in range(50):  # the build happens at the chart's next paint (a loaded
                if chart.builds > built:  # machine may not have painted yet)
                    break
                await pilot.pause(0.02)
            await settle(pilot)
            # one build per switch, not per repaint (response charts: once more when the
            # queue pass, run in a thread, is done)
            extra = 1 if pane.metric in RESPONSE_METRICS else 0
            assert built + 1 <= chart.builds <= built + 1 + extra
            seen.append(pane.metric)
            titles.append(_chart_title(app))
        assert seen == [*CHART_METRICS, CHART_METRICS[0]]
        assert titles[0].startswith("Followers per network")
        assert titles[1].startswith("Engagements per network")
        assert "Posts vs target" in titles[4]
        assert "Answered on time" in titles[6]
        assert "us vs competitors" in titles[7]


async def test_switching_network_shows_every_figure_of_that_network(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        text = screen_text(app)
        assert "Facebook" in text and "Instagram" in text and "vs base" in text
        await pilot.press("f", "n")
        await settle(pilot)
        first = pane.ctx.settings.network_profiles(pane.ctx.repo.networks.all())[0]
        assert pane.network == first.key
        assert f"Followers — {first.name} — 12 months" in _chart_title(app)
        table = str(app.query_one("#stats-table").render())
        for label in ("Followers", "Reach", "Impressions", "Engagement rate", "Profile visits"):
            assert label in table
        assert "Answered on time" in table  # the queue's figure, computed in a thread
        # f n again and again comes back to every network
        for _ in range(len(pane._networks)):
            await pilot.press("f", "n")
            await settle(pilot)
        assert pane.network is None
        assert _chart_title(app).startswith("Followers per network")


async def test_switching_range_and_month(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        assert pane.selected_month() == "2026-10"  # the last finished month with figures
        assert len(pane.chart_months()) == 12
        ranges = []
        for _ in range(len(RANGES)):
            await pilot.press("f", "r")
            await settle(pilot)
            ranges.append((pane.range, len(pane.chart_months())))
        # 24 months, all (the demo's 12 months of figures), 3, 6, back to 12
        assert ranges == [(24, 24), (0, 12), (3, 3), (6, 6), (12, 12)]
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert pane.selected_month() == "2026-09" and pane.chart_months()[-1] == "2026-09"
        assert "Sep 2026: vs Aug 2026" in str(app.query_one("#stats-table-box").border_title)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert pane.selected_month() == "2026-11"


async def test_entering_a_months_figures_in_the_form(make_app) -> None:
    from cm_tui.ui.screens.figures_form import FiguresForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        await pilot.press("f", "n", "right_square_bracket")  # first network, November (no figures)
        await settle(pilot)
        network, month = pane.network, pane.selected_month()
        assert month == "2026-11"
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FiguresForm)
        field = app.screen.query_one("#figures-followers")
        field.value = ""
        await pilot.press("1", "2", "3", "4", "5")
        await pilot.press("tab", *"x")  # restricted: letters never reach the field
        reach = app.screen.query_one("#figures-reach")
        reach.value = "99999999999999999999"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FiguresForm)  # still open: nothing saved yet
        assert "Reach: a whole number" in str(app.screen.query_one("#figures-reach-error").render())
        reach.value = "2 000"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FiguresForm)
        saved = [f for f in pane.ctx.repo.figures.all() if (f.network, f.month) == (network, month)]
        assert [(f.followers, f.reach) for f in saved] == [(12345, 2000)]
        assert "12,345" in str(app.query_one("#stats-table").render())
        # escape leaves the stored figures alone
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#figures-followers").value = "1"
        await pilot.press("escape")
        await settle(pilot)
        assert pane.ctx.repo.figures.all()[-1].followers == 12345


async def test_report_from_the_tab(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        await pilot.press("w")
        await settle(pilot)
        paths = pane.last_report
        assert [p.name for p in paths] == ["report-2026-10.md", "report-2026-10.html"]
        text = paths[0].read_text(encoding="utf-8")
        assert text.startswith("# Monthly report — Oct 2026")
        assert "<svg" in paths[1].read_text(encoding="utf-8")


async def test_readable_at_80x24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_stats(app, pilot)
        lines = screen_text(app).splitlines()
        assert any("Followers per network" in line for line in lines)
        assert any(line.startswith("│ Facebook") and "%" in line for line in lines)
        assert any("Oct" in line and "Sep" in line for line in lines)  # x axis labels


async def test_e_then_a_number_replaces_the_figure_it_does_not_append(make_app) -> None:
    from cm_tui.ui.screens.figures_form import FiguresForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FiguresForm)
        field = app.screen.query_one(f"#figures-{app.screen.first_field()}")
        assert field.value  # a month with figures
        network, month = app.screen._network, pane.selected_month()
        await pilot.press(*"5000", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FiguresForm)
        saved = [f for f in pane.ctx.repo.figures.all() if (f.network, f.month) == (network, month)]
        assert [f.followers for f in saved] == [5000]
