"""Each tab stays usable at 80×24: the Queue's text column keeps room to read, the Stats chart a
useful height with its whole table, the reply dialog its hint (narrow and short layouts: the
panes' ``-narrow`` / ``-short`` classes, ``docs/architecture.md``, "Small terminals")."""

from __future__ import annotations

from typing import Any

import pytest

from cm_tui.core.i18n import set_language, t
from cm_tui.ui import fmt
from tests.ui.conftest import screen_text, settle

SMALL = (80, 24)


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_the_queue_list_shows_thirty_characters_of_each_text(
    make_app: Any, language: str
) -> None:
    """Seen: about four characters of the text column at 80×24."""
    set_language(language)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("3")
        await settle(pilot)
        pane = app.active_pane
        lines = screen_text(app).splitlines()
        items = [pane.list._rows[i] for i in range(5)]
        for item in items:
            author = fmt.one_line(item.author_name or item.author_handle)[:6]
            text = fmt.one_line(item.text)[:30]
            rows = [line for line in lines if author in line and text in line]
            assert rows, (text, "\n".join(lines))
        # the detail is still on screen, with the selected item's deadline
        assert t("ui.queue.detail") in "\n".join(lines)


async def test_the_stats_chart_keeps_a_useful_height_and_the_table_its_rows(
    make_app: Any,
) -> None:
    """Seen: at 80×24 the chart had four rows of plot for five lines, over a table with two
    empty rows."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("4")
        await settle(pilot)
        chart = app.query_one("#stats-chart")
        # legend, frame, at least six rows of plot, frame with ticks, month names
        assert chart.size.height >= 10
        table_box = app.query_one("#stats-table-box")
        table = app.query_one("#stats-table")
        assert table.size.height <= table_box.scrollable_content_region.height
        text = screen_text(app)
        for name in ("Facebook", "X (Twitter)", "Instagram", "LinkedIn", "Blog"):
            assert sum(name in line for line in text.splitlines()) >= 2, text  # legend + table


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_the_reply_dialog_shows_its_hint_whole(make_app: Any, language: str) -> None:
    """Seen: at 80×24 the reply dialog ended before its hint line."""
    set_language(language)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        flat = " ".join(part.strip(" │") for part in screen_text(app).splitlines())
        flat = " ".join(flat.split())
        assert " ".join(t("queue.reply.hint").split()) in flat, flat
