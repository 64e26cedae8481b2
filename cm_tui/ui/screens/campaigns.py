"""Ad campaigns (Stats ``c``): the list of campaigns with their dates, budget, spend, cost per
result and pacing (from ``core.stats.campaign_status``); ``a`` adds a campaign, ``e`` (or
``enter``) edits the selected one, ``d`` adds a daily check (spend, results, a note) to it.

Every write goes through ``write`` (the pane's ``UiContext.write``), so a failed save is
reported like any other; the forms give back a new value and never touch the store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from cm_tui.core.i18n import t
from cm_tui.core.models import AdCampaign, CampaignCheck, NetworkProfile
from cm_tui.core.stats import CampaignStatus, campaign_status
from cm_tui.ui.screens.figures_form import count_or_error
from cm_tui.ui.screens.record_form import (
    MAX_AMOUNT,
    Field,
    FieldError,
    RecordForm,
    parse_amount,
    parse_day,
)
from cm_tui.ui.screens.record_list import RecordListScreen

if TYPE_CHECKING:
    from cm_tui.store import Repository

_AMOUNT = r"[0-9 .,]*"
_DAY = r"[0-9-]*"


def money(value: float) -> str:
    """``1234.5`` -> ``1 234.50`` (narrow no-break space between thousands)."""
    return f"{value:,.2f}".replace(",", "\u202f")


def pacing_text(status: CampaignStatus) -> str:
    pacing = status.pacing
    return "–" if pacing is None else f"{100 * pacing:.0f} %"


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
                    "stats.today_campaigns.row",
                    spend=money(status.spend),
                    budget=money(campaign.budget),
                ),
                (t("stats.campaigns.pace", pacing=pacing_text(status)), pacing_style(status)),
            )
        )
    return Content("\n").join(lines)


def required(name: str, label: str, text: str) -> str:
    value = text.strip()
    if not value:
        raise FieldError(name, t("stats.form.required", field=label))
    return value


def network_or_error(name: str, label: str, text: str, networks: list[NetworkProfile]) -> str:
    """The network key typed (a key or a name, any case)."""
    typed = text.strip().lower()
    for network in networks:
        if typed in (network.key.lower(), network.name.lower()):
            return network.key
    known = ", ".join(n.key for n in networks)
    raise FieldError(name, t("stats.form.bad_network", field=label, known=known))


def day_or_error(name: str, label: str, text: str) -> date:
    day = parse_day(text)
    if day is None:
        raise FieldError(name, t("stats.form.bad_day", field=label))
    return day


def amount_or_error(name: str, label: str, text: str) -> float:
    value = parse_amount(text)
    if value is None:
        raise FieldError(name, t("stats.form.bad_amount", field=label, max=f"{MAX_AMOUNT:,}"))
    return value


def _amount_text(value: float) -> str:
    return f"{value:.2f}" if value else ""


class CampaignForm(RecordForm[AdCampaign]):
    """A campaign's name, network, dates and budget (its checks are kept as they are)."""

    PREFIX = "campaign"

    def __init__(self, campaign: AdCampaign, networks: list[NetworkProfile]) -> None:
        super().__init__()
        self._campaign = campaign
        self._networks = networks

    def form_title(self) -> str:
        if self._campaign.id:
            return t("stats.campaign.edit", name=self._campaign.name)
        return t("stats.campaign.new")

    def form_fields(self) -> list[Field]:
        c = self._campaign
        return [
            Field("name", t("stats.campaign.name"), c.name, max_length=80),
            Field("network", t("stats.campaign.network"), c.network, max_length=40),
            Field("start", t("stats.campaign.start"), c.start.isoformat(), _DAY, 10),
            Field("end", t("stats.campaign.end"), c.end.isoformat(), _DAY, 10),
            Field("budget", t("stats.campaign.budget"), _amount_text(c.budget), _AMOUNT),
        ]

    def build(self, values: dict[str, str]) -> AdCampaign:
        label = {f.name: f.label for f in self.form_fields()}
        name = required("name", label["name"], values["name"])
        network = network_or_error("network", label["network"], values["network"], self._networks)
        start = day_or_error("start", label["start"], values["start"])
        end = day_or_error("end", label["end"], values["end"])
        if end < start:
            raise FieldError("end", t("stats.form.end_before_start", field=label["end"]))
        budget = amount_or_error("budget", label["budget"], values["budget"])
        return self._campaign.replace(
            name=name, network=network, start=start, end=end, budget=budget
        )


class CheckForm(RecordForm[CampaignCheck]):
    """One day's spend, results and note of a campaign."""

    PREFIX = "check"

    def __init__(self, campaign: AdCampaign, day: date) -> None:
        super().__init__()
        self._campaign = campaign
        self._day = min(max(day, campaign.start), campaign.end)

    def form_title(self) -> str:
        return t("stats.check.title", name=self._campaign.name)

    def form_fields(self) -> list[Field]:
        return [
            Field("day", t("stats.check.day"), self._day.isoformat(), _DAY, 10),
            Field("spend", t("stats.check.spend"), "", _AMOUNT),
            Field("results", t("stats.check.results"), "", r"[0-9 ,]*"),
            Field("note", t("stats.check.note"), "", max_length=200),
        ]

    def build(self, values: dict[str, str]) -> CampaignCheck:
        label = {f.name: f.label for f in self.form_fields()}
        day = day_or_error("day", label["day"], values["day"])
        campaign = self._campaign
        if not campaign.start <= day <= campaign.end:
            raise FieldError(
                "day",
                t(
                    "stats.form.outside_campaign",
                    field=label["day"],
                    start=campaign.start.isoformat(),
                    end=campaign.end.isoformat(),
                ),
            )
        spend = amount_or_error("spend", label["spend"], values["spend"])
        results = count_or_error("results", label["results"], values["results"])
        return CampaignCheck(day, spend, results, values["note"].strip())


class CampaignsScreen(RecordListScreen[AdCampaign]):
    AREA = "campaigns"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "stats.list.close", id="campaigns.close"),
        Binding("a", "add", "stats.list.add", id="campaigns.add"),
        Binding("e,enter", "edit", "stats.list.edit", id="campaigns.edit"),
        Binding("d", "check", "stats.campaigns.key.check", id="campaigns.check"),
    ]

    def __init__(
        self,
        repo: Repository,
        write: Callable[[Callable[[], object]], bool],
        networks: list[NetworkProfile],
        today: date,
    ) -> None:
        super().__init__(repo, write, networks)
        self._today = today

    def entity(self) -> Any:
        return self._repo.campaigns

    def records(self) -> list[AdCampaign]:
        return sorted(self._repo.campaigns.all(), key=lambda c: (c.start, c.name.lower(), c.id))

    def _row(self, campaign: AdCampaign, _width: int) -> Content:
        status = campaign_status(campaign, self._today)
        names = self.network_names()
        cpr = (
            t("stats.campaigns.no_cpr")
            if status.cost_per_result is None
            else t("stats.campaigns.cpr", amount=money(status.cost_per_result))
        )
        return Content.assemble(
            (campaign.name[:24].ljust(25), "bold"),
            (f"{names.get(campaign.network, campaign.network)[:11]:<12}", "$text-muted"),
            t(
                "stats.campaigns.row",
                start=campaign.start.isoformat(),
                end=campaign.end.isoformat(),
                spend=money(status.spend),
                budget=money(campaign.budget),
            ),
            (t("stats.campaigns.pace", pacing=pacing_text(status)), pacing_style(status)),
            (f" · {cpr} · {t('stats.campaigns.checks', n=len(campaign.checks))}", "$text-muted"),
        )

    def action_add(self) -> None:
        network = self._networks[0].key if self._networks else ""
        blank = AdCampaign("", network, self._today, self._today, 0.0)
        self.app.push_screen(CampaignForm(blank, self._networks), self._save)

    def action_edit(self) -> None:
        campaign = self._selected()
        if campaign is not None:
            self.app.push_screen(CampaignForm(campaign, self._networks), self._save)

    def action_check(self) -> None:
        campaign = self._selected()
        if campaign is None:
            return

        def save(check: CampaignCheck | None) -> None:
            if check is None:
                return
            # a second check of the same day replaces the first (a correction, not a new day)
            checks = [*(c for c in campaign.checks if c.day != check.day), check]
            updated = campaign.replace(checks=tuple(sorted(checks, key=lambda c: c.day)))
            self._save(updated, "stats.campaigns.check_saved")

        self.app.push_screen(CheckForm(campaign, self._today), save)
