"""KPI targets and the baseline month from the Stats tab (``T``, issue 6), and deleting
campaigns, daily checks and competitors after a confirmation, with real keys."""

from __future__ import annotations

from typing import Any

from cm_tui.core.stats import PREF_BASELINE, PREF_KPI
from cm_tui.ui.screens.campaigns import CampaignsScreen, CheckForm, ChecksScreen
from cm_tui.ui.screens.competitors import CompetitorsScreen
from cm_tui.ui.screens.confirm import Confirm
from cm_tui.ui.screens.kpi_form import KpiForm
from tests.ui.conftest import SIZE, screen_text, settle
from tests.ui.test_stats import _open_stats


def _table_line(app: Any, name: str) -> str:
    table = str(app.query_one("#stats-table").render())
    return next(line for line in table.splitlines() if line.startswith(name))


def _table_title(app: Any) -> str:
    return str(app.query_one("#stats-table-box").border_title)


async def _type(pilot: Any, app: Any, field_id: str, text: str) -> None:
    """Focus a field, empty it with real keys and type ``text``."""
    field = app.screen.query_one(f"#{field_id}")
    field.focus()
    await pilot.pause()
    field.action_end()
    for _ in range(len(field.value)):
        await pilot.press("backspace")
    if text:
        await pilot.press(*text)


async def test_kpi_targets_and_baseline_from_the_tab(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        repo = pane.ctx.repo
        first = pane._networks[0]
        row = next(r for r in pane.month_rows("2026-10") if r.network == first.key)
        followers = next(f for f in row.lines if f.metric == "followers")
        assert followers.change is not None and followers.change > -50  # a real growth figure
        assert pane._baseline == "2025-11"  # the default: the first month with figures
        assert "vs baseline Nov 2025" in _table_title(app)
        before_line = _table_line(app, first.name)

        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, KpiForm)
        # the defaults, as percents: +2 % a month, 3 % engagement, 90 % on time
        assert app.screen.query_one("#kpi-n0-followers_growth_pct").value == "2"
        assert app.screen.query_one("#kpi-n0-on_time_share").value == "90"
        assert app.screen.query_one("#kpi-baseline").value == ""
        # an impossible growth target (the network grew less than 900 %): missed
        await _type(pilot, app, "kpi-n0-followers_growth_pct", "900")
        await _type(pilot, app, "kpi-n0-engagement_rate_pct", "")  # no target
        await _type(pilot, app, "kpi-baseline", "2026-09")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, KpiForm)

        # stored where the tab and the report read them
        assert repo.prefs.get(PREF_BASELINE) == "2026-09"
        stored = repo.prefs.get(PREF_KPI)[first.key]
        assert stored == {
            "followers_growth_pct": 900.0,
            "engagement_rate_pct": None,
            "on_time_share": 0.9,
        }
        # the table changed at once: baseline in the title, the KPI marks, vs baseline
        assert "vs baseline Sep 2026" in _table_title(app)
        row = next(r for r in pane.month_rows("2026-10") if r.network == first.key)
        assert row.kpis["followers_growth"] is False
        assert row.kpis["engagement_rate"] is None
        followers = next(f for f in row.lines if f.metric == "followers")
        assert followers.change_baseline == followers.change  # baseline = previous month
        after_line = _table_line(app, first.name)
        assert after_line != before_line
        assert "✗" in after_line

        # back in the form: what was saved is shown; emptying the baseline = the default
        await pilot.press("T")
        await settle(pilot)
        assert app.screen.query_one("#kpi-n0-followers_growth_pct").value == "900"
        assert app.screen.query_one("#kpi-n0-engagement_rate_pct").value == ""
        assert app.screen.query_one("#kpi-baseline").value == "2026-09"
        await _type(pilot, app, "kpi-baseline", "")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert repo.prefs.get(PREF_BASELINE) is None
        assert "vs baseline Nov 2025" in _table_title(app)


async def test_a_bad_kpi_value_says_so_and_saves_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        repo = pane.ctx.repo
        second = pane._networks[1]
        before = (repo.prefs.get(PREF_KPI), repo.prefs.get(PREF_BASELINE))
        table = str(app.query_one("#stats-table").render())
        await pilot.press("T")
        await settle(pilot)
        await _type(pilot, app, "kpi-n0-followers_growth_pct", "5")  # a good change, not kept
        await _type(pilot, app, "kpi-n1-on_time_share", "150")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, KpiForm)  # still open
        error = str(app.screen.query_one("#kpi-n1-error").render())  # under its network's row
        assert error == (
            f"{second.name} · Answered within deadline (%): a number from 0 to 100, "
            "or empty for no target"
        )
        assert app.screen.focused is app.screen.query_one("#kpi-n1-on_time_share")
        await _type(pilot, app, "kpi-n1-on_time_share", "90")
        await _type(pilot, app, "kpi-baseline", "2026-13")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Baseline month: a month as YYYY-MM" in str(
            app.screen.query_one("#kpi-baseline-error").render()
        )
        await _type(pilot, app, "kpi-baseline", "2027-01")  # not begun on 2026-11-19
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "2027-01 has not begun" in "\n".join(app.screen.shown_errors())
        assert (repo.prefs.get(PREF_KPI), repo.prefs.get(PREF_BASELINE)) == before
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, KpiForm)
        assert (repo.prefs.get(PREF_KPI), repo.prefs.get(PREF_BASELINE)) == before
        assert str(app.query_one("#stats-table").render()) == table


async def _confirm(pilot: Any, app: Any, key: str, shows: str | None = None) -> None:
    """``x`` opens the confirmation (showing ``shows``, if given), ``key`` answers it."""
    await pilot.press("x")
    await settle(pilot)
    assert isinstance(app.screen, Confirm)
    if shows is not None:
        assert shows in screen_text(app)
    await pilot.press(key)
    await settle(pilot)


async def test_delete_a_campaign_after_confirming_cancel_keeps_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        repo = pane.ctx.repo
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CampaignsScreen)
        count = len(repo.campaigns.all())
        selected = app.screen.query_one("#campaigns-list").current
        await _confirm(pilot, app, "n", shows=f"Delete the campaign {selected.name}")  # kept
        assert isinstance(app.screen, CampaignsScreen)
        assert len(repo.campaigns.all()) == count
        await _confirm(pilot, app, "escape")  # escape: kept too
        assert repo.campaigns.get(selected.id) is not None
        await _confirm(pilot, app, "y")
        assert isinstance(app.screen, CampaignsScreen)
        assert repo.campaigns.get(selected.id) is None
        assert len(repo.campaigns.all()) == count - 1
        assert selected.name not in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert all(c.id != selected.id for c in pane._campaigns)  # the tab reloaded


async def test_delete_and_edit_daily_checks(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        repo = pane.ctx.repo
        await pilot.press("c")
        await settle(pilot)
        listing = app.screen.query_one("#campaigns-list")
        while not listing.current.checks:
            await pilot.press("down")
        campaign = listing.current
        first = campaign.checks[0]
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ChecksScreen)
        assert f"Daily checks of {campaign.name}" in screen_text(app)
        assert app.screen.query_one("#checks-list").current == first
        await _confirm(pilot, app, "n")
        assert len(repo.campaigns.get(campaign.id).checks) == len(campaign.checks)
        await _confirm(pilot, app, "y")
        stored = repo.campaigns.get(campaign.id)
        assert first not in stored.checks
        assert len(stored.checks) == len(campaign.checks) - 1
        # e edits the selected check: its values fill the form
        check = app.screen.query_one("#checks-list").current
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, CheckForm)
        assert app.screen.query_one("#check-results").value == str(check.results)
        await _type(pilot, app, "check-results", "777")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChecksScreen)
        stored = repo.campaigns.get(campaign.id)
        assert [c.results for c in stored.checks if c.day == check.day] == [777]
        assert len(stored.checks) == len(campaign.checks) - 1
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CampaignsScreen)
        assert f"{len(campaign.checks) - 1} checks" in screen_text(app)


async def test_delete_a_competitor_after_confirming(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        repo = pane.ctx.repo
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, CompetitorsScreen)
        count = len(repo.competitors.all())
        selected = app.screen.query_one("#competitors-list").current
        await _confirm(pilot, app, "n")
        assert len(repo.competitors.all()) == count
        await _confirm(pilot, app, "y")
        assert repo.competitors.get(selected.id) is None
        assert len(repo.competitors.all()) == count - 1
        await pilot.press("escape")
        await settle(pilot)
        assert all(c.id != selected.id for c in pane._competitors)
