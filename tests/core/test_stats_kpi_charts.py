"""The KPI form's helpers (typed percents to the ``stats.kpi`` preference and back) and the
chart lines shared by the Stats tab and the HTML report (issue 6)."""

from __future__ import annotations

import pytest

from cm_tui.core.models import MonthlyFigures, NetworkProfile
from cm_tui.core.stats import (
    ChartData,
    baseline_pref,
    chart_lines,
    kpi_for,
    kpi_percent,
    kpi_pref,
    kpi_targets_from_pref,
    parse_percent,
)

NETWORKS = [NetworkProfile("x", "X", 280, 1, 2), NetworkProfile("blog", "Blog", 0, 1, 1)]


@pytest.mark.parametrize(
    ("text", "value"), [("2", 2.0), (" 2,5 % ", 2.5), ("-1.5", -1.5), ("", None), ("  ", None)]
)
def test_parse_percent_accepts(text: str, value: float | None) -> None:
    assert parse_percent(text, -100, 1000) == value


@pytest.mark.parametrize("text", ["abc", "1.2.3", "nan", "inf", "-101", "1001", "١٢"])
def test_parse_percent_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_percent(text, -100, 1000)


def test_typed_percents_round_trip_through_the_preference() -> None:
    current = {"*": {"engagement_rate_pct": 4.0}, "tiktok": {"followers_growth_pct": 9.0}}
    typed = {"x": {"followers_growth_pct": 1.5, "engagement_rate_pct": None, "on_time_share": 95.0}}
    pref = kpi_pref(current, typed)
    # the other entries are kept; the share answered on time is stored as 0-1
    assert pref["*"] == {"engagement_rate_pct": 4.0} and "tiktok" in pref
    assert pref["x"] == {
        "followers_growth_pct": 1.5,
        "engagement_rate_pct": None,
        "on_time_share": 0.95,
    }
    targets = kpi_targets_from_pref(pref)
    x = kpi_for(targets, "x")
    assert (x.followers_growth_pct, x.engagement_rate_pct, x.on_time_share) == (1.5, None, 0.95)
    assert kpi_percent(x, "on_time_share") == 95.0
    assert kpi_for(targets, "blog").engagement_rate_pct == 4.0  # the "*" default


def test_baseline_pref_ignores_a_bad_stored_value() -> None:
    assert baseline_pref("2026-01") == "2026-01"
    assert baseline_pref("2026-13") is None and baseline_pref(3) is None


def test_posts_against_target_of_every_network_for_the_report() -> None:
    data = ChartData([], {("x", "2026-02"): 30}, [], [], None)
    months = ["2026-02"]
    lines, unit = chart_lines("posts_vs_target", data, NETWORKS, months, target_label="target")
    assert unit == "posts" and [line.label for line in lines] == ["X", "Blog"]  # the tab, all
    lines, _ = chart_lines(
        "posts_vs_target", data, NETWORKS, months, target_label="target", every_target=True
    )
    assert [(line.label, line.target) for line in lines] == [
        ("X", False),
        ("Blog", False),
        ("X target", True),
        ("Blog target", True),
    ]
    assert lines[0].points == [("2026-02", 30)] and lines[2].points == [("2026-02", 28.0)]


def test_response_charts_wait_for_the_queue_figures() -> None:
    figures = [MonthlyFigures("x", "2026-02", followers=10)]
    data = ChartData(figures, {}, [], [], None)
    assert chart_lines("on_time_share", data, NETWORKS, ["2026-02"]) == ([], "on_time_share")
    lines, unit = chart_lines("followers", data, NETWORKS[:1], ["2026-01", "2026-02"])
    assert unit == "followers" and lines[0].points == [("2026-01", None), ("2026-02", 10)]
