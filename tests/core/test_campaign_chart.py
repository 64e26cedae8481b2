"""The campaign chart: each campaign's spend and results are two lines labelled apart (the
labels stay apart however long the campaign's name), the results against an axis of their own."""

from __future__ import annotations

from datetime import date

from cm_tui.core.models import AdCampaign, CampaignCheck, NetworkProfile
from cm_tui.core.stats import ChartData, chart_lines

NETWORKS = [NetworkProfile("facebook", "Facebook", 63206, 1, 2)]
LONG = "Fête des mères — Avant-première de la collection Aurore"


def test_spend_and_results_are_labelled_apart() -> None:
    campaign = AdCampaign(
        LONG,
        "facebook",
        date(2026, 7, 1),
        date(2026, 8, 31),
        2000.0,
        checks=(
            CampaignCheck(date(2026, 7, 31), 800.0, 12),
            CampaignCheck(date(2026, 8, 31), 1900.0, 30),
        ),
    )
    data = ChartData([], {}, [], [campaign], None)
    months = ["2026-06", "2026-07", "2026-08"]
    lines, unit = chart_lines(
        "campaigns",
        data,
        NETWORKS,
        months,
        spend_label="spend (EUR)",
        results_label="results",
    )
    assert unit == "campaigns"
    spend, results = lines
    assert spend.label == f"{LONG} · spend (EUR)" and not spend.right
    assert results.label == f"{LONG} · results" and results.right
    assert spend.points[0] == ("2026-06", None) and results.points[2] == ("2026-08", 30)
