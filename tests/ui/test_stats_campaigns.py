"""Ad campaigns and competitors from the Stats tab (issue 6), with real keys: the lists, the
forms (one-line errors that keep what was typed), daily checks, the data still there after a
restart, and the campaigns running on the day shown by Today."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from cm_tui.ui.app import CmTuiApp
from cm_tui.ui.panes.today import TodayPane
from cm_tui.ui.screens.campaigns import CampaignForm, CampaignsScreen, CheckForm
from cm_tui.ui.screens.competitors import CompetitorForm, CompetitorMonthForm, CompetitorsScreen
from tests.ui.conftest import SIZE, close_quietly, screen_text, settle
from tests.ui.test_stats import _open_stats


def _error(app: Any, prefix: str) -> str:
    """The error lines the form shows (each under its field)."""
    assert prefix == app.screen.PREFIX
    return "\n".join(app.screen.shown_errors())


async def _fill(app: Any, pilot: Any, prefix: str, **values: str) -> None:
    for name, value in values.items():
        app.screen.query_one(f"#{prefix}-{name}").value = value
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_add_a_campaign_and_a_daily_check_then_restart(make_app, demo_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CampaignsScreen)
        assert "Lumen Box" in screen_text(app)  # the demo's campaigns, with their pacing
        assert "pace" in screen_text(app)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, CampaignForm)
        await pilot.press(*"Winter sale")
        await _fill(app, pilot, "campaign", network="nowhere")
        assert isinstance(app.screen, CampaignForm)
        assert _error(app, "campaign").startswith("Network: one of")
        await _fill(
            app, pilot, "campaign", network="Facebook", start="2026-11-10", end="2026-11-01"
        )
        assert "End (YYYY-MM-DD): not before the start" in _error(app, "campaign")
        await _fill(app, pilot, "campaign", end="2026-12-10", budget="1 000.5.0")
        assert "Budget: an amount" in _error(app, "campaign")
        # nothing typed was lost on the way
        assert app.screen.query_one("#campaign-name").value == "Winter sale"
        assert app.screen.query_one("#campaign-start").value == "2026-11-10"
        await _fill(app, pilot, "campaign", budget="1 000")
        assert isinstance(app.screen, CampaignsScreen)
        listing = app.screen.query_one("#campaigns-list")
        assert listing.current.name == "Winter sale"  # the new campaign is selected
        # a daily check on it: the day defaults to today (inside the campaign)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, CheckForm)
        assert app.screen.query_one("#check-day").value == "2026-11-19"
        await _fill(app, pilot, "check", day="2026-12-24")
        assert "between 2026-11-10 and 2026-12-10" in _error(app, "check")
        await _fill(app, pilot, "check", day="2026-11-18", spend="12,50", results="5", note="boost")
        assert isinstance(app.screen, CampaignsScreen)
        text = screen_text(app)
        assert "12.50 / 1,000.00" in text and "2.50/result" in text
        assert "1 check" in text and "1 checks" not in text
        # e edits it; escape in the form changes nothing
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#campaign-name").value = "Renamed"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CampaignsScreen)
        assert pane.metric == "followers"
        stored = [c for c in pane.ctx.repo.campaigns.all() if c.name == "Winter sale"]
        assert len(stored) == 1
        close_quietly(pane.ctx.store)

    # restart: a new store on the same file
    app = make_app(db=demo_db)
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        (campaign,) = [c for c in pane.ctx.repo.campaigns.all() if c.name == "Winter sale"]
        assert (campaign.network, campaign.start, campaign.end, campaign.budget) == (
            "facebook",
            date(2026, 11, 10),
            date(2026, 12, 10),
            1000.0,
        )
        assert [(c.day, c.spend, c.results, c.note) for c in campaign.checks] == [
            (date(2026, 11, 18), 12.5, 5, "boost")
        ]
        await pilot.press("c")
        await settle(pilot)
        assert "Winter sale" in screen_text(app)


def campaigns_box(app: CmTuiApp) -> str | None:
    """The text of Today's campaigns box, ``None`` while it is hidden."""
    body = app.query_one(TodayPane).side.body("campaigns")
    return None if body is None else body.plain


async def test_today_shows_the_campaigns_running_on_the_shown_day(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        body = campaigns_box(app)
        assert body is not None and "Lumen Box" in body and "/ 2,400.00" in body
        assert "Ad campaigns running" in screen_text(app)
        assert "Fête des mères" not in body  # ended in July
        # add one starting tomorrow, from the Stats tab
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("c", "a")
        await settle(pilot)
        await pilot.press(*"Noël")
        await _fill(app, pilot, "campaign", start="2026-11-20", end="2026-11-21", budget="80")
        await pilot.press("escape", "1")
        await settle(pilot)
        assert "Noël" not in (campaigns_box(app) or "")
        await pilot.press("right_square_bracket")  # tomorrow
        await settle(pilot)
        body = campaigns_box(app) or ""
        assert "Noël" in body and "Lumen Box" in body
        # far after both: the box is hidden
        for _ in range(20):
            await pilot.press("right_square_bracket")
        await settle(pilot)
        assert campaigns_box(app) is None
        assert "Ad campaigns running" not in screen_text(app)


async def test_competitors_add_edit_and_a_months_figures(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        pane = await _open_stats(app, pilot)
        before = len(pane.ctx.repo.competitors.all())
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, CompetitorsScreen)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, CompetitorForm)
        await _fill(app, pilot, "competitor", network="instagram")
        assert _error(app, "competitor") == "Name: required"
        await pilot.press(*"Rival & Co")
        await _fill(app, pilot, "competitor", handle="@rival")
        assert isinstance(app.screen, CompetitorsScreen)
        assert app.screen.query_one("#competitors-list").current.name == "Rival & Co"
        assert "no figures yet" in screen_text(app)
        # a month's figures: the form opens on the tab's month
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, CompetitorMonthForm)
        assert app.screen.query_one("#rival-month-month").value == "2026-10"
        await _fill(app, pilot, "rival-month", month="2026-13")
        assert "a month as YYYY-MM" in _error(app, "rival-month")
        await _fill(app, pilot, "rival-month", month="2026-10", followers="4 200", posts="12")
        await pilot.press("f")
        await settle(pilot)
        await _fill(app, pilot, "rival-month", engagements="345")  # same month: replaced
        assert "Oct 2026: followers 4,200 · posts 12 · engagements 345" in screen_text(app)
        # e edits the name, the months stay
        await pilot.press("e")
        await settle(pilot)
        await _fill(app, pilot, "competitor", name="Rival SA")
        await pilot.press("escape")
        await settle(pilot)
        competitors = pane.ctx.repo.competitors.all()
        assert len(competitors) == before + 1
        (rival,) = [c for c in competitors if c.handle == "@rival"]
        assert rival.name == "Rival SA" and rival.network == "instagram"
        assert [(m.month, m.followers, m.posts, m.engagements) for m in rival.months] == [
            ("2026-10", 4200, 12, 345)
        ]
