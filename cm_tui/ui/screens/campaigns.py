"""Ad campaigns (Stats ``c``): the list of campaigns with their dates, budget, spend, cost per
result and pacing (from ``core.campaigns.campaign_status``); ``a`` adds a campaign, ``e`` (or
``enter``) edits the selected one, ``d`` adds a daily check (spend, results, a note) to it, ``D``
lists its daily checks (add, edit, delete), ``x`` deletes it (after a confirmation).

Every write goes through ``write`` (the pane's ``UiContext.write``), so a failed save is
reported like any other; the forms give back a new value and never touch the store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from cm_tui.core.campaigns import campaign_status
from cm_tui.core.i18n import t
from cm_tui.core.models import AdCampaign, CampaignCheck, NetworkProfile
from cm_tui.ui.screens.figures_form import count_or_error
from cm_tui.ui.screens.record_form import (
    MAX_AMOUNT,
    Field,
    FieldError,
    RecordForm,
    parse_amount,
    parse_day,
)
from cm_tui.ui.screens.record_list import RecordListScreen, list_bindings
from cm_tui.ui.widgets.campaign_lines import money, pacing_style, pacing_text
from cm_tui.ui.widgets.rowlist import RowList

if TYPE_CHECKING:
    from cm_tui.store import Repository

_AMOUNT = r"[0-9 .,]*"
_DAY = r"[0-9-]*"


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
        label = self.labels()
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

    def __init__(self, campaign: AdCampaign, day: date, check: CampaignCheck | None = None) -> None:
        super().__init__()
        self._campaign = campaign
        self._day = check.day if check else min(max(day, campaign.start), campaign.end)
        #: the check being edited (its values fill the form), ``None`` for a new one
        self._check = check

    def form_title(self) -> str:
        return t("stats.check.title", name=self._campaign.name)

    def form_fields(self) -> list[Field]:
        check = self._check
        return [
            Field("day", t("stats.check.day"), self._day.isoformat(), _DAY, 10),
            Field("spend", t("stats.check.spend"), _amount_text(check.spend) if check else "",
                  _AMOUNT),
            Field("results", t("stats.check.results"), str(check.results) if check else "",
                  r"[0-9 ,]*"),
            Field("note", t("stats.check.note"), check.note if check else "", max_length=200),
        ]  # fmt: skip

    def build(self, values: dict[str, str]) -> CampaignCheck:
        label = self.labels()
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
    BINDINGS: ClassVar[list[BindingType]] = list_bindings(
        AREA,
        Binding("d", "check", "stats.campaigns.key.check", id="campaigns.check"),
        Binding("D", "checks", "stats.campaigns.key.checks", id="campaigns.checks"),
    )

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

    def delete_question(self, campaign: AdCampaign) -> Content:
        return Content(
            t("stats.campaigns.confirm_delete", name=campaign.name, n=len(campaign.checks))
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
            if check is not None:
                self._save(with_check(campaign, check), "stats.campaigns.check_saved")

        self.app.push_screen(CheckForm(campaign, self._today), save)

    def action_checks(self) -> None:
        campaign = self._selected()
        if campaign is None:
            return
        screen = ChecksScreen(self._repo, self._write, self._networks, campaign, self._today)

        def closed(_none: None) -> None:
            if screen.changed:
                self.changed = True
                self._refresh(campaign.id)

        self.app.push_screen(screen, closed)


def with_check(
    campaign: AdCampaign, check: CampaignCheck, replacing: CampaignCheck | None = None
) -> AdCampaign:
    """``campaign`` with ``check`` added (instead of ``replacing``, when editing one); a second
    check of the same day replaces the first (a correction, not a new day)."""
    checks = [c for c in campaign.checks if c.day != check.day and c != replacing]
    checks.append(check)
    return campaign.replace(checks=tuple(sorted(checks, key=lambda c: c.day)))


class ChecksScreen(RecordListScreen[CampaignCheck]):
    """The daily checks of one campaign (campaigns ``D``): ``a`` adds one, ``e`` edits the
    selected one, ``x`` deletes it after a confirmation. A check is part of its campaign: every
    change is an update of the campaign."""

    AREA = "checks"
    BINDINGS: ClassVar[list[BindingType]] = list_bindings(AREA)

    def __init__(
        self,
        repo: Repository,
        write: Callable[[Callable[[], object]], bool],
        networks: list[NetworkProfile],
        campaign: AdCampaign,
        today: date,
    ) -> None:
        super().__init__(repo, write, networks)
        self._campaign_id = campaign.id
        self._fallback = campaign
        self._today = today

    @property
    def campaign(self) -> AdCampaign:
        """The campaign as stored now (the list follows each save)."""
        return self._repo.campaigns.get(self._campaign_id) or self._fallback

    def entity(self) -> Any:
        return self._repo.campaigns

    def list_title(self) -> str:
        return t("stats.checks.title", name=self.campaign.name)

    def records(self) -> list[CampaignCheck]:
        return list(self.campaign.checks)

    def _row(self, check: CampaignCheck, _width: int) -> Content:
        parts: list[str | tuple[str, str]] = [
            t(
                "stats.checks.row",
                day=check.day.isoformat(),
                spend=money(check.spend),
                results=check.results,
            )
        ]
        if check.note:
            parts.append((f" · {check.note}", "$text-muted"))
        return Content.assemble(*parts)

    def delete_question(self, check: CampaignCheck) -> Content:
        return Content(
            t(
                "stats.checks.confirm_delete",
                day=check.day.isoformat(),
                spend=money(check.spend),
                results=check.results,
            )
        )

    def delete_record(self, check: CampaignCheck) -> None:
        campaign = self.campaign
        kept = tuple(c for c in campaign.checks if c != check)
        self._repo.campaigns.update(campaign.replace(checks=kept))

    def _store(self, check: CampaignCheck | None, replacing: CampaignCheck | None) -> None:
        if check is None:
            return
        updated = with_check(self.campaign, check, replacing)
        if self._write(lambda: self._repo.campaigns.update(updated)):
            self.changed = True
            rows = self.records()
            self.query_one(RowList).set_rows(rows, rows.index(check))
            self.notify(t("stats.checks.saved"), markup=False)

    def action_add(self) -> None:
        form = CheckForm(self.campaign, self._today)
        self.app.push_screen(form, lambda check: self._store(check, None))

    def action_edit(self) -> None:
        old = self._selected()
        if old is not None:
            form = CheckForm(self.campaign, self._today, old)
            self.app.push_screen(form, lambda check: self._store(check, old))
