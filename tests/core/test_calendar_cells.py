"""What fits in a Calendar cell (``core.calendar``): titles wrapped into the lines a week cell
has, the days a grid of a given width shows, the month view's counts per network."""

from __future__ import annotations

from datetime import UTC, date, datetime

from cm_tui.core.calendar import (
    MIN_DAY_WIDTH,
    CellLine,
    MonthCell,
    cell_lines,
    cell_width,
    count_lines,
    day_counts,
    first_post,
    network_code,
    week_columns,
)
from cm_tui.core.models import Post

TITLE = "Meet the team: our glassblower"


def texts(lines: list[CellLine]) -> list[str]:
    return [line.text for line in lines]


def test_a_title_wraps_onto_the_lines_of_the_cell() -> None:
    # 12 cells wide, 6 of them taken by "12:00●" on the first line
    lines = cell_lines([TITLE], 12, 5, 6)
    assert texts(lines) == ["Meet", "the team:", "our", "glassblower"]
    assert [line.head for line in lines] == [True, False, False, False]
    assert all(line.post == 0 for line in lines)


def test_a_title_too_long_for_the_lines_ends_with_an_ellipsis() -> None:
    lines = cell_lines([TITLE], 12, 2, 6)
    assert texts(lines) == ["Meet", "the team:…"]
    assert all(cell_width(text) <= 11 for text in texts(lines)[1:])


def test_every_post_gets_a_line_before_any_gets_a_second() -> None:
    lines = cell_lines([TITLE, "Winter window", "Short"], 14, 4, 6)
    assert [(line.post, line.head) for line in lines] == [
        (0, True),
        (0, False),
        (1, True),
        (2, True),
    ]
    assert texts(lines)[2] == "Winter…"  # "Winter window" does not fit in 8 cells


def test_a_compound_word_breaks_after_its_hyphen() -> None:
    lines = cell_lines(["Questions-réponses en direct"], 12, 4, 6)
    assert texts(lines) == ["", "Questions-", "réponses en", "direct"]


def test_more_posts_than_lines_says_how_many_are_hidden() -> None:
    lines = cell_lines(["a", "b", "c", "d", "e"], 12, 3, 6)
    assert texts(lines[:2]) == ["a", "b"]
    assert lines[-1].post is None and lines[-1].hidden == 3


def test_wide_characters_count_twice_and_long_words_are_cut() -> None:
    lines = cell_lines(["日本語のタイトル"], 10, 3, 6)
    assert all(cell_width(text) <= 9 for text in texts(lines))
    assert "".join(texts(lines)) == "日本語のタイトル"
    assert cell_lines(["x"], 0, 3, 6) == [] and cell_lines(["x"], 10, 0, 6) == []


def test_a_wide_grid_shows_seven_days_a_narrow_one_fewer_whole_ones() -> None:
    assert week_columns(108) == (13, 7)  # the week's box at 140 columns
    assert week_columns(102) == (10, 7)  # a narrower network column keeps the seventh day
    label, days = week_columns(52)  # at 80 columns
    assert 3 <= days <= 4 and (52 - label - days) // days >= MIN_DAY_WIDTH
    assert week_columns(10) == (13, 1)


def test_month_counts_per_network_and_first_title() -> None:
    at = datetime(2026, 11, 19, 10, tzinfo=UTC)
    early = datetime(2026, 11, 19, 8, tzinfo=UTC)
    fb = Post("facebook", at, "Later", id=1)
    ig = (Post("instagram", early, "Earliest", id=2), Post("instagram", at, "Two", id=3))
    cell = MonthCell(
        date(2026, 11, 19),
        True,
        {"facebook": ((at, fb),), "instagram": ((early, ig[0]), (at, ig[1]))},
    )
    assert day_counts(cell, ["instagram", "facebook", "x"]) == [("instagram", 2), ("facebook", 1)]
    first = first_post(cell, ["facebook", "instagram"])
    assert first is not None and first.title == "Earliest"
    assert first_post(cell, ["x"]) is None
    assert [network_code(k) for k in ("instagram", "facebook", "x", "mastodon")] == [
        "IG",
        "FB",
        "X",
        "MA",
    ]


def test_counts_pack_into_lines_without_splitting_a_network_from_its_count() -> None:
    counts = [("facebook", 1), ("x", 6), ("instagram", 2), ("linkedin", 1)]
    assert count_lines(counts, 13) == [counts[:3], counts[3:]]  # "FB 1 X 6 IG 2" / "LI 1"
    assert count_lines(counts, 6) == [counts[:1], counts[1:2], counts[2:3], counts[3:]]
    assert count_lines(counts, 2) == [[pair] for pair in counts]
    assert count_lines([], 10) == []


def test_the_post_to_keep_in_view_is_shown_when_posts_are_hidden() -> None:
    lines = cell_lines(["a", "b", "c", "d", "e"], 12, 3, 6, keep=3)
    assert [line.post for line in lines] == [2, 3, None]
    assert lines[-1].hidden == 3
    assert [line.post for line in cell_lines(["a", "b", "c"], 12, 2, 6, keep=0)] == [0, None]
