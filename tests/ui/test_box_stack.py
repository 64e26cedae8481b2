"""``BoxStack``: titled boxes drawn as text by one widget (Today's right column)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.content import Content

from cm_tui.ui.widgets.box_stack import BoxStack, box_lines

texts = st.text(st.characters(codec="utf-8", exclude_categories=("C",)), max_size=60)


@given(
    title=texts.filter(str.strip),
    rows=st.lists(texts, max_size=8),
    width=st.integers(8, 90),
    room=st.none() | st.integers(0, 12),
)
def test_every_line_of_a_box_is_exactly_as_wide_as_the_column(
    title: str, rows: list[str], width: int, room: int | None
) -> None:
    body = Content("\n".join(rows))
    lines = box_lines(title, body, width, room)
    assert all(line.cell_length == width for line in lines)
    top, *middle, bottom = lines
    assert top.plain.startswith("╭─ ") and top.plain.endswith("╮")
    assert bottom.plain == f"╰{'─' * (width - 2)}╯"
    assert all(line.plain.startswith("│ ") and line.plain.endswith(" │") for line in middle)
    shown = len(rows) if body.plain else 0  # an empty body: a box with no line
    if room is not None:
        shown = min(shown, max(0, room - 2))
    assert len(middle) == shown


def test_a_long_title_or_line_is_cut_with_an_ellipsis() -> None:
    top, line, _ = box_lines("Posting targets this week", Content("x" * 40), 20)
    assert top.plain == "╭─ Posting targe… ─╮"
    assert line.plain == "│ " + "x" * 15 + "… │"


class _Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield BoxStack([("a", "First"), ("b", "Second")], limits={"a": 0.5}, id="boxes")


async def test_boxes_show_hide_and_keep_their_order() -> None:
    app = _Boxes()
    async with app.run_test(size=(30, 10)) as pilot:
        boxes = app.query_one(BoxStack)
        boxes.show_box("b", Content("two"))
        boxes.show_box("a", Content("\n".join(f"line {i}" for i in range(9))))
        await pilot.pause()
        lines = [line.plain for line in boxes.lines()]
        # "a" is limited to half of the 10 lines: its border and 3 of its 9 lines
        assert [line[:9] for line in lines] == [
            "╭─ First ",
            "│ line 0 ",
            "│ line 1 ",
            "│ line 2 ",
            "╰────────",
            "╭─ Second",
            "│ two    ",
            "╰────────",
        ]
        boxes.hide_box("a")
        await pilot.pause()
        assert boxes.body("a") is None
        assert boxes.lines()[0].plain.startswith("╭─ Second")


async def test_a_narrow_body_replaces_one_that_would_be_cut() -> None:
    app = _Boxes()
    async with app.run_test(size=(30, 10)) as pilot:
        boxes = app.query_one(BoxStack)
        boxes.show_box("b", Content("● Blog  1 / 1 /week  on target"), Content("● Blog  1 / 1"))
        await pilot.pause()
        assert boxes.lines()[-2].plain == "│ ● Blog  1 / 1              │"
        boxes.show_box("b", Content("● Blog  1"), Content("●"))  # fits: the full body
        await pilot.pause()
        assert boxes.lines()[-2].plain.startswith("│ ● Blog  1 ")
