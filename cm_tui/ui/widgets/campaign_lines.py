"""How a campaign's spend and pacing read on screen: Today's running-campaigns box and the
campaigns list of the Stats tab share these lines (a light module: Today draws it at start-up)."""

from __future__ import annotations

from textual.content import Content

from cm_tui.core import locale as l10n
from cm_tui.core.campaigns import CampaignStatus
from cm_tui.core.i18n import t


def money(value: float) -> str:
    """``1234.5`` -> ``1,234.50`` / ``1 234,50`` (``core.locale.money``)."""
    return l10n.money(value)


def pacing_text(status: CampaignStatus) -> str:
    pacing = status.pacing
    return l10n.percent(None if pacing is None else 100 * pacing, 0)


def pace_part(status: CampaignStatus) -> tuple[str, str]:
    """``pace 96%`` and its style (``pacing_style``), as both lists end a campaign's line."""
    return t("today.campaigns.pace", pacing=pacing_text(status)), pacing_style(status)


def pacing_style(status: CampaignStatus) -> str:
    """Red above 110 % of the pace (overspending), amber below 80 % (underspending)."""
    pacing = status.pacing
    if pacing is None:
        return "$text-muted"
    if pacing > 1.1:
        return "$text-error"
    if pacing < 0.8:
        return "$text-warning"
    return "$text-success"


def active_campaign_lines(running: list[CampaignStatus], names: dict[str, str]) -> Content:
    """Today's panel: two lines per running campaign, its name and network, then
    ``spend / budget · pace``."""
    lines = []
    for status in running:
        campaign = status.campaign
        lines.append(
            Content.assemble(
                (campaign.name, "bold"),
                (f" · {names.get(campaign.network, campaign.network)}", "$text-muted"),
            )
        )
        lines.append(
            Content.assemble(
                "  ",
                t(
                    "today.campaigns.row",
                    spend=money(status.spend),
                    budget=money(campaign.budget),
                ),
                pace_part(status),
            )
        )
    return Content("\n").join(lines)
