"""The Stats forms' validators (``core.stats_forms``): what each field accepts, and the field a
refusal names (the form shows the line under it)."""

from __future__ import annotations

from datetime import date

import pytest

from cm_tui.core.form_errors import FieldError
from cm_tui.core.models import AdCampaign, Competitor, MonthlyFigures, NetworkProfile
from cm_tui.core.stats_forms import (
    FIGURE_FIELDS,
    campaign_from_form,
    check_from_form,
    competitor_from_form,
    competitor_month_from_form,
    figures_from_form,
    kpi_cell,
    kpi_from_form,
    parse_amount,
    parse_count,
)

NETWORKS = [NetworkProfile("x", "X (Twitter)", 280, 1, 3)]
CAMPAIGN = AdCampaign("Sale", "x", date(2026, 11, 1), date(2026, 11, 30), 100.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", 0), ("1 234", 1234), ("1,234", 1234), ("1\u202f234", 1234), ("-1", None), ("١٢", None)],
)
def test_counts(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected
    assert parse_count("1" + "0" * 13) is None  # more than any account: a typo


@pytest.mark.parametrize(
    ("text", "expected"), [("", 0.0), ("1 234.567", 1234.57), ("12,5", 12.5), ("1.2.3", None)]
)
def test_amounts(text: str, expected: float | None) -> None:
    assert parse_amount(text) == expected


def _refused(make: object) -> tuple[str, str]:
    with pytest.raises(FieldError) as caught:
        make()  # type: ignore[operator]
    return caught.value.field, caught.value.message


def test_each_refusal_names_its_field_and_says_what_to_type() -> None:
    good = {"name": "Sale", "network": "X (twitter)", "start": "2026-11-01", "end": "2026-11-30"}
    assert campaign_from_form(CAMPAIGN, {**good, "budget": "50"}, NETWORKS).network == "x"
    assert _refused(
        lambda: campaign_from_form(CAMPAIGN, {**good, "end": "2026-10-01"}, NETWORKS)
    ) == (
        "end",
        "End (YYYY-MM-DD): not before the start",
    )
    assert _refused(lambda: campaign_from_form(CAMPAIGN, {**good, "name": " "}, NETWORKS)) == (
        "name",
        "Name: required",
    )
    check = {"day": "2026-12-01", "spend": "1", "results": "2", "note": ""}
    assert _refused(lambda: check_from_form(CAMPAIGN, check))[0] == "day"
    assert _refused(
        lambda: check_from_form(CAMPAIGN, {**check, "day": "2026-11-02", "results": "x"})
    ) == (
        "results",
        "Results that day: a whole number from 0 to 1,000,000,000,000",
    )
    rival = {"name": "Rival", "network": "nowhere", "handle": ""}
    assert _refused(lambda: competitor_from_form(Competitor("", "x"), rival, NETWORKS)) == (
        "network",
        "Network: one of x",
    )
    month = {"month": "2026-13", "followers": "", "posts": "", "engagements": ""}
    assert _refused(lambda: competitor_month_from_form(month))[0] == "month"
    figures = {"month": "2026-11", **dict.fromkeys(FIGURE_FIELDS, "1")}
    assert figures_from_form("x", figures, {}, "2026-11").reach == 1
    bad_reach = {**figures, "reach": "?"}
    assert _refused(lambda: figures_from_form("x", bad_reach, {}, "2026-11"))[0] == "reach"


def test_kpi_cells_and_baseline() -> None:
    values = {
        "baseline": "2026-09",
        **{kpi_cell(0, n): "" for n in ("followers_growth_pct", "engagement_rate_pct")},
    }
    values[kpi_cell(0, "on_time_share")] = "150"
    field, message = _refused(lambda: kpi_from_form(values, NETWORKS, "2026-11"))
    assert field == "n0-on_time_share" and message.startswith("X (Twitter) · Answered within")
    values[kpi_cell(0, "on_time_share")] = "90"
    choice = kpi_from_form(values, NETWORKS, "2026-11")
    assert choice.baseline == "2026-09" and choice.targets["x"]["on_time_share"] == 90.0
    assert _refused(
        lambda: kpi_from_form({**values, "baseline": "2027-01"}, NETWORKS, "2026-11")
    ) == (
        "baseline",
        "Baseline month: 2027-01 has not begun; choose a past month or leave it empty",
    )


def test_figures_month_any_past_month_never_the_future_nor_twice() -> None:
    typed = {"month": " 2026-10 ", **dict.fromkeys(FIGURE_FIELDS, "7")}
    made = figures_from_form("x", typed, {}, "2026-12")
    assert (made.id, made.network, made.month, made.followers) == (0, "x", "2026-10", 7)
    assert figures_from_form("x", {**typed, "month": "2019-01"}, {}, "2026-12").month == "2019-01"
    assert figures_from_form("x", {**typed, "month": "2026-12"}, {}, "2026-12").month == "2026-12"
    # a month with stored figures: saving replaces that record (its id), never adds a second one
    stored = {"2026-10": MonthlyFigures("x", "2026-10", followers=3, reach=9).replace(id=42)}
    replaced = figures_from_form("x", typed, stored, "2026-12")
    assert (replaced.id, replaced.followers, replaced.reach) == (42, 7, 7)
    future = {**typed, "month": "2027-01"}
    assert _refused(lambda: figures_from_form("x", future, {}, "2026-12")) == (
        "month",
        "Month (YYYY-MM): 2027-01 has not begun; choose 2026-12 or an earlier month",
    )
    no_month = {**typed, "month": "2026-13"}
    assert _refused(lambda: figures_from_form("x", no_month, {}, "2026-12")) == (
        "month",
        "Month (YYYY-MM): a month as YYYY-MM",
    )


def test_followers_left_empty_stay_unknown() -> None:
    # a month made from exports without a follower count has them unknown ("–", not 0)
    typed = {"month": "2026-10", **dict.fromkeys(FIGURE_FIELDS, "5"), "followers": " "}
    stored = {"2026-10": MonthlyFigures("x", "2026-10", followers=None, reach=9).replace(id=4)}
    made = figures_from_form("x", typed, stored, "2026-12")
    assert (made.id, made.followers, made.reach) == (4, None, 5)
