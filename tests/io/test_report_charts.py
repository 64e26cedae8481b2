"""The HTML report's charts are drawn for the page (``io.svg_chart``), not terminal screenshots:
axes, a legend, the active networks only, one colour per series; and the campaigns' amounts
are in the currency of the settings (``[stats] currency``), never a hard-coded "€"."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace

from cm_tui.io.report import render_html, render_markdown
from tests.io.test_report import NETWORKS, sample_report

SVG = "{http://www.w3.org/2000/svg}"


def charts(page: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", page, flags=re.S)]


def words(chart: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in chart.iter(f"{SVG}text")]


def title(chart: ET.Element) -> str:
    found = chart.find(f"{SVG}title")
    assert found is not None
    return found.text or ""


def test_the_charts_are_svg_charts_for_the_page_not_terminal_screenshots() -> None:
    page = render_html(sample_report())
    assert "rich-terminal" not in page and "Fira" not in page and "#ff5f57" not in page
    found = charts(page)
    assert [title(c) for c in found] == [
        "Followers",
        "Engagement rate",
        "Posts vs target",
        "Median response (min)",
        "Answered on time (%)",
        "Followers: us vs competitors",
        "Campaign spend and results",
    ]
    followers = found[0]
    assert {"Instagram", "X (Twitter)"} <= set(words(followers))  # the legend
    assert "Mar" in words(followers) and "Apr" in words(followers)  # months under the x axis
    assert followers.findall(f".//{SVG}polyline")  # the lines themselves
    assert "Instagram target" in words(found[2])
    assert "Nordik Lab (instagram)" in words(found[5])


def test_only_the_active_networks_are_charted() -> None:
    report = replace(sample_report(), networks=(NETWORKS[0],))  # X is not active
    for chart in charts(render_html(report)):
        assert not [w for w in words(chart) if "X (Twitter)" in w], title(chart)


def test_each_series_has_its_own_colour() -> None:
    for chart in charts(render_html(sample_report())):
        solid = [
            line.get("stroke")
            for line in chart.iter(f"{SVG}polyline")
            if not line.get("stroke-dasharray")
        ]
        assert len(solid) == len(set(solid)), title(chart)


def test_the_currency_comes_from_the_settings() -> None:
    report = sample_report()
    assert report.currency == "EUR"
    swiss = replace(report, currency="CHF")
    page, text = render_html(swiss), render_markdown(swiss)
    assert "€" not in page and "€" not in text
    assert "| Budget (CHF) | Spend this month (CHF) |" in text
    campaign = charts(page)[-1]
    assert "Spring · spend (CHF)" in words(campaign) and "Spring · results" in words(campaign)
