"""What ``io.charts`` decides for every chart, in the tab and in the report: one distinct colour
per series (from the theme's colours, then variants of them), a legend laid out outside the
plotting area, the x axis over every month the chart names, the campaign results on an axis of
their own."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest
from textual.theme import BUILTIN_THEMES

from cm_tui.core.stats import ChartLine
from cm_tui.io.charts import (
    THEME_COLOURS,
    LegendEntry,
    colour_distance,
    distinct_colours,
    draw_lines,
    legend_entries,
    legend_rows,
)

MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]


def theme_colours(name: str) -> tuple[list[str], str]:
    """A Textual theme's series colours (as the Stats tab reads them) and its chart background."""
    variables = BUILTIN_THEMES[name].to_color_system().generate()
    return [variables[n] for n in THEME_COLOURS], variables["surface"]


@pytest.mark.parametrize("theme", sorted(BUILTIN_THEMES))
def test_every_series_gets_its_own_colour_in_every_theme(theme: str) -> None:
    candidates, background = theme_colours(theme)
    for count in (1, 5, 8, 12):
        colours = distinct_colours(candidates, count, background=background)
        assert len(colours) == count
        if theme.startswith("ansi-"):  # the terminal's own colours: its colour names, once each
            assert len(set(colours)) == count and all(isinstance(c, str) for c in colours)
            continue
        for a, b in combinations(colours, 2):
            assert colour_distance(a, b) >= 12, (theme, count, a, b)
        for colour in colours:
            assert colour_distance(colour, background) >= 20, (theme, colour)


def test_the_candidates_are_taken_in_order_when_they_are_distinct() -> None:
    colours = distinct_colours(["#1877f2", "#e4405f", "#1877f3"], 2, background="#ffffff")
    assert colours == [(0x18, 0x77, 0xF2), (0xE4, 0x40, 0x5F)]
    # a colour too close to one taken is skipped for a variant or another hue
    three = distinct_colours(["#1877f2", "#0a66c2", "#e4405f"], 3, background="#ffffff")
    assert three[0] == (0x18, 0x77, 0xF2) and (0x0A, 0x66, 0xC2) not in three


def test_legend_entries_follow_the_line_colours_and_skip_lines_without_values() -> None:
    lines = [
        ChartLine("Facebook", [("2026-01", 10)]),
        ChartLine("Snapchat", [("2026-01", None)]),
        ChartLine("Facebook target", [("2026-01", 12)], target=True),
    ]
    entries = legend_entries(lines, [(1, 2, 3), (4, 5, 6), (7, 8, 9)])
    assert entries == [
        LegendEntry("Facebook", (1, 2, 3), dotted=False),
        LegendEntry("Facebook target", (7, 8, 9), dotted=True),
    ]


def test_legend_rows_wrap_to_the_width_and_count_what_does_not_fit() -> None:
    entries = [LegendEntry(name, "default") for name in ("Facebook", "X (Twitter)", "Instagram")]
    assert [[e.label for e in row] for row in legend_rows(entries, 80, 2)[0]] == [
        ["Facebook", "X (Twitter)", "Instagram"]
    ]
    rows, hidden = legend_rows(entries, 24, 1)
    assert [[e.label for e in row] for row in rows] == [["Facebook"]] and hidden == 2
    rows, hidden = legend_rows(entries, 24, 3)
    assert len(rows) == 3 and hidden == 0


class Recorder:
    """A plotext-like object that records what is drawn."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self.calls.append((name, args, kwargs))

    def named(self, name: str) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
        return [(args, kwargs) for n, args, kwargs in self.calls if n == name]


def test_lines_are_drawn_without_a_legend_inside_over_every_month() -> None:
    plt = Recorder()
    lines = [ChartLine("Aurore · spend", [("2026-07", 500.0), ("2026-08", 900.0)])]
    draw_lines(plt, lines, MONTHS, "campaigns", [(1, 2, 3)])
    (_args, kwargs), *_ = plt.named("plot")
    assert "label" not in kwargs  # the legend is drawn outside the plotting area
    assert plt.named("xlim") == [((0, 11), {})]
    (_ticks, labels), _kw = plt.named("xticks")[0]
    assert labels[0] == "Jan" and labels[-1] == "Dec"


def test_results_are_drawn_against_an_axis_of_their_own() -> None:
    plt = Recorder()
    lines = [
        ChartLine("Aurore · spend (EUR)", [("2026-07", 500.0), ("2026-08", 1900.0)]),
        ChartLine("Aurore · results", [("2026-07", 12), ("2026-08", 30)], right=True),
    ]
    draw_lines(plt, lines, MONTHS, "campaigns", [(1, 2, 3), (4, 5, 6)])
    plots = plt.named("plot")
    assert plots[0][1].get("yside", "left") == "left" and plots[1][1]["yside"] == "right"
    right = [(a, k) for a, k in plt.named("yticks") if k.get("yside") == "right"]
    assert right and max(right[0][0][0]) == 30
