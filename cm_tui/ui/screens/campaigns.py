"""Ad campaigns (Stats ``c``): the list of campaigns with their dates, budget, spend, cost per
result and pacing (from ``core.campaigns.campaign_status``); ``a`` adds a campaign, ``e`` (or
``enter``) edits the selected one, ``d`` adds a daily check (spend, results, a note) to it, ``D``
lists its daily checks (add, edit, delete), ``x`` deletes it (after a confirmation).

Every write goes through ``write`` (the pane's ``UiContext.write``), so a failed save is
reported like any other; the forms give back a new value and never touch the store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from cm_tui.core.campaigns import campaign_status
from cm_tui.core.i18n import t
from cm_tui.core.models import AdCampaign, CampaignCheck, NetworkProfile
from cm_tui.core.stats_forms import campaign_from_form, check_from_form, label
from cm_tui.ui import fmt
from cm_tui.ui.screens.figures_form import COUNT
from cm_tui.ui.screens.form import Field, FieldKind, FormScreen
from cm_tui.ui.screens.record_list import RecordListScreen, list_bindings
from cm_tui.ui.widgets.campaign_lines import money, pace_part
from cm_tui.ui.widgets.rowlist import RowList

if TYPE_CHECKING:
    from cm_tui.store import Repository

#: what an amount field accepts as typed
AMOUNT = r"[0-9 .,]*"


def _amount_text(value: float) -> str:
    return f"{value:.2f}" if value else ""


class CampaignForm(FormScreen[AdCampaign]):
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
            Field("name", label("name"), value=c.name, max_length=80),
            Field("network", label("network"), value=c.network, max_length=40),
            Field("start", label("start"), FieldKind.DATE, c.start.isoformat()),
            Field("end", label("end"), FieldKind.DATE, c.end.isoformat()),
            Field(
                "budget", label("budget"), FieldKind.NUMBER, _amount_text(c.budget), restrict=AMOUNT
            ),
        ]

    def build(self, values: Mapping[str, str]) -> AdCampaign:
        return campaign_from_form(self._campaign, values, self._networks)


class CheckForm(FormScreen[CampaignCheck]):
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
            Field("day", label("day"), FieldKind.DATE, self._day.isoformat()),
            Field(
                "spend",
                label("spend"),
                FieldKind.NUMBER,
                _amount_text(check.spend) if check else "",
                restrict=AMOUNT,
            ),
            Field(
                "results",
                label("results"),
                FieldKind.NUMBER,
                str(check.results) if check else "",
                restrict=COUNT,
            ),
            Field("note", label("note"), value=check.note if check else "", max_length=200),
        ]

    def build(self, values: Mapping[str, str]) -> CampaignCheck:
        return check_from_form(self._campaign, values)


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
                start=fmt.day_month(campaign.start),
                end=fmt.day_month(campaign.end),
                spend=money(status.spend),
                budget=money(campaign.budget),
            ),
            pace_part(status),
            (
                f" · {cpr} · {t('stats.campaigns.checks', count=len(campaign.checks))}",
                "$text-muted",
            ),
        )

    def delete_question(self, campaign: AdCampaign) -> Content:
        return Content(
            t("stats.campaigns.confirm_delete", name=campaign.name, count=len(campaign.checks))
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
                day=fmt.day_label(check.day),
                spend=money(check.spend),
                count=check.results,
            )
        ]
        if check.note:
            parts.append((f" · {check.note}", "$text-muted"))
        return Content.assemble(*parts)

    def delete_question(self, check: CampaignCheck) -> Content:
        return Content(
            t(
                "stats.checks.confirm_delete",
                day=fmt.day_label(check.day),
                spend=money(check.spend),
                count=check.results,
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
