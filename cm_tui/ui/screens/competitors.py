"""Competitors (Stats ``C``): the accounts watched, with their latest month's figures; ``a`` adds
a competitor, ``e`` (or ``enter``) edits the selected one, ``f`` types a month's followers,
posts and engagements for it (a month already typed is replaced), ``x`` deletes it (after a
confirmation).

Every write goes through ``write`` (the pane's ``UiContext.write``); the forms give back a new
value and never touch the store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from cm_tui.core import locale as l10n
from cm_tui.core.i18n import t
from cm_tui.core.models import Competitor, CompetitorMonth, NetworkProfile
from cm_tui.core.stats_forms import (
    MONTH_FIGURES,
    competitor_from_form,
    competitor_month_from_form,
    label,
)
from cm_tui.ui import fmt
from cm_tui.ui.screens.figures_form import COUNT
from cm_tui.ui.screens.form import Field, FieldKind, FormScreen
from cm_tui.ui.screens.record_list import RecordListScreen, list_bindings

if TYPE_CHECKING:
    from cm_tui.store import Repository


def _count(value: int) -> str:
    return l10n.number(value)


class CompetitorForm(FormScreen[Competitor]):
    """A competitor's name, network and handle (its months are kept as they are)."""

    PREFIX = "competitor"

    def __init__(self, competitor: Competitor, networks: list[NetworkProfile]) -> None:
        super().__init__()
        self._competitor = competitor
        self._networks = networks

    def form_title(self) -> str:
        if self._competitor.id:
            return t("stats.competitor.edit", name=self._competitor.name)
        return t("stats.competitor.new")

    def form_fields(self) -> list[Field]:
        c = self._competitor
        return [
            Field("name", label("name"), value=c.name, max_length=80),
            Field("network", label("network"), value=c.network, max_length=40),
            Field("handle", label("handle"), value=c.handle, max_length=80),
        ]

    def build(self, values: Mapping[str, str]) -> Competitor:
        return competitor_from_form(self._competitor, values, self._networks)


class CompetitorMonthForm(FormScreen[CompetitorMonth]):
    """One month's followers, posts and engagements of a competitor."""

    PREFIX = "rival-month"

    def __init__(self, competitor: Competitor, month: str) -> None:
        super().__init__()
        self._competitor = competitor
        known = {m.month: m for m in competitor.months}
        self._month = known.get(month, CompetitorMonth(month))

    def form_title(self) -> str:
        return t("stats.competitor.month_title", name=self._competitor.name)

    def form_fields(self) -> list[Field]:
        m = self._month
        return [
            Field("month", label("month"), FieldKind.MONTH, m.month),
            *(
                Field(name, label(name), FieldKind.NUMBER, str(getattr(m, name)), restrict=COUNT)
                for name in MONTH_FIGURES
            ),
        ]

    def build(self, values: Mapping[str, str]) -> CompetitorMonth:
        return competitor_month_from_form(values)


class CompetitorsScreen(RecordListScreen[Competitor]):
    AREA = "competitors"
    BINDINGS: ClassVar[list[BindingType]] = list_bindings(
        AREA, Binding("f", "month", "stats.competitors.key.month", id="competitors.month")
    )

    def __init__(
        self,
        repo: Repository,
        write: Callable[[Callable[[], object]], bool],
        networks: list[NetworkProfile],
        month: str,
    ) -> None:
        super().__init__(repo, write, networks)
        #: the month the figures form opens on (the Stats tab's selected month)
        self._month = month

    def entity(self) -> Any:
        return self._repo.competitors

    def records(self) -> list[Competitor]:
        return sorted(self._repo.competitors.all(), key=lambda c: (c.name.lower(), c.id))

    def _row(self, competitor: Competitor, _width: int) -> Content:
        names = self.network_names()
        latest = max(competitor.months, key=lambda m: m.month, default=None)
        figures = (
            t("stats.competitors.no_month")
            if latest is None
            else t(
                "stats.competitors.row",
                month=fmt.month_label(latest.month),
                followers=_count(latest.followers),
                posts=_count(latest.posts),
                engagements=_count(latest.engagements),
            )
        )
        handle = f" {competitor.handle}" if competitor.handle else ""
        return Content.assemble(
            (competitor.name, "bold"),
            (f"{handle}  {names.get(competitor.network, competitor.network)}  ", "$text-muted"),
            figures,
        )

    def delete_question(self, competitor: Competitor) -> Content:
        return Content(
            t(
                "stats.competitors.confirm_delete",
                name=competitor.name,
                count=len(competitor.months),
            )
        )

    def action_add(self) -> None:
        network = self._networks[0].key if self._networks else ""
        form = CompetitorForm(Competitor("", network), self._networks)
        self.app.push_screen(form, self._save)

    def action_edit(self) -> None:
        competitor = self._selected()
        if competitor is not None:
            self.app.push_screen(CompetitorForm(competitor, self._networks), self._save)

    def action_month(self) -> None:
        competitor = self._selected()
        if competitor is None:
            return

        def save(month: CompetitorMonth | None) -> None:
            if month is None:
                return
            months = [m for m in competitor.months if m.month != month.month] + [month]
            months.sort(key=lambda m: m.month)
            self._save(competitor.replace(months=tuple(months)))

        self.app.push_screen(CompetitorMonthForm(competitor, self._month), save)
