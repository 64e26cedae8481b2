"""``io.svg_chart``: a line chart drawn for a page (the HTML report), not a terminal screenshot:
axes with their values, month labels, a legend above the plot, one colour per series, gaps as
breaks, the right axis for the campaigns' results, user text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from cm_tui.core.stats import ChartLine
from cm_tui.io.svg_chart import line_chart_svg, nice_ticks

NS = {"s": "http://www.w3.org/2000/svg"}
MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04"]
PALETTE = ["#1877f2", "#e4405f", "#2a9d8f", "#8338ec"]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def chart(lines: list[ChartLine], **kw: object) -> ET.Element:
    options: dict[str, object] = {"title": "Followers", "unit": "followers", "empty": "No data"}
    options.update(kw)
    return parse(line_chart_svg(lines, MONTHS, PALETTE, **options))  # type: ignore[arg-type]


def test_a_chart_has_a_title_axes_values_months_and_a_legend() -> None:
    root = chart(
        [
            ChartLine("Facebook", [(m, 1000 + 100 * i) for i, m in enumerate(MONTHS)]),
            ChartLine("Instagram", [(m, 800 + 50 * i) for i, m in enumerate(MONTHS)]),
        ]
    )
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img" and root.get("viewBox")
    assert root.find("s:title", NS) is not None
    words = texts(root)
    assert words[0] == "Followers"
    assert {"Facebook", "Instagram"} <= set(words)  # the legend
    assert {"Jan", "Feb", "Mar", "Apr"} <= set(words)  # the months under the x axis
    values = [w for w in words if w.replace(",", "").replace("\u202f", "").isdigit()]
    assert len(values) >= 3  # the y axis' values
    lines = root.findall(".//s:polyline", NS)
    assert [p.get("stroke") for p in lines] == ["#1877f2", "#e4405f"]
    assert "terminal" not in line_chart_svg([], MONTHS, PALETTE, title="x", unit="followers")


def test_the_legend_sits_above_the_plotting_area() -> None:
    root = chart([ChartLine("Facebook", [(m, 5) for m in MONTHS])])
    label = next(t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text == "Facebook")
    frame = root.find(".//s:rect[@class='plot']", NS)
    assert frame is not None
    assert float(label.get("y", 0)) < float(frame.get("y", 0))


def test_a_gap_breaks_the_line_and_a_lone_point_is_still_drawn() -> None:
    root = chart(
        [ChartLine("X", [("2026-01", 1), ("2026-02", 2), ("2026-03", None), ("2026-04", 4)])]
    )
    assert len(root.findall(".//s:polyline", NS)) == 1  # Jan-Feb; April alone
    assert len(root.findall(".//s:circle", NS)) == 3


def test_lines_without_values_are_left_out_and_an_empty_chart_says_so() -> None:
    root = chart([ChartLine("Snapchat", [(m, None) for m in MONTHS])])
    assert "Snapchat" not in texts(root)
    assert "No data" in texts(root)
    assert root.findall(".//s:polyline", NS) == []


def test_targets_are_dashed_and_results_use_the_right_axis() -> None:
    root = chart(
        [
            ChartLine("Aurore · spend (EUR)", [(m, 500.0 * (i + 1)) for i, m in enumerate(MONTHS)]),
            ChartLine(
                "Aurore · results", [(m, 10 * (i + 1)) for i, m in enumerate(MONTHS)], right=True
            ),
            ChartLine("target", [(m, 700) for m in MONTHS], target=True),
        ],
        unit="campaigns",
    )
    polylines = root.findall(".//s:polyline", NS)
    assert polylines[2].get("stroke-dasharray")
    right = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "right"]
    assert right and max(int("".join(t.itertext()).replace(",", "")) for t in right) >= 40
    # both lines climb across the whole plot: each against its own axis
    tops = [
        min(float(p.split(",")[1]) for p in line.get("points", "").split())
        for line in polylines[:2]
    ]
    assert abs(tops[0] - tops[1]) < 1


def test_user_text_is_escaped() -> None:
    svg = line_chart_svg(
        [ChartLine('<script>alert("x")</script> & co', [(m, 1) for m in MONTHS])],
        MONTHS,
        PALETTE,
        title="A <b> title",
        unit="followers",
    )
    assert "<script>" not in svg and "<b>" not in svg
    assert '<script>alert("x")</script> & co' in texts(parse(svg))


def test_axis_values_are_round_and_span_the_values() -> None:
    assert nice_ticks([18.9, 28.3]) == [15, 20, 25, 30]  # never 22.5, written "22 min"
    assert nice_ticks([4250, 4870]) == [4200, 4400, 4600, 4800, 5000]
    assert nice_ticks([7, 7]) == [6, 7, 8]
    assert nice_ticks([]) == [0.0, 0.5, 1.0]
