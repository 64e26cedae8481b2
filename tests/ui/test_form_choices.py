"""The form framework's several-choices field (``FieldKind.CHOICES``, a ``ChoiceBar``): one
stop in the tab order, the options on one line (wrapped when narrow), arrows move, space ticks,
a click ticks, and the form reads the chosen values in the options' order."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cm_tui.ui.screens.form import Field, FieldKind, FormScreen
from cm_tui.ui.widgets.choice_bar import ChoiceBar
from tests.ui.conftest import SIZE, screen_text, settle

DAYS = (("1", "Mon"), ("2", "Tue"), ("3", "Wed"), ("4", "Thu"), ("5", "Fri"), ("6", "Sat"))


class DaysForm(FormScreen[dict[str, str]]):
    PREFIX = "days"

    def form_title(self) -> str:
        return "Days"

    def form_fields(self) -> list[Field]:
        return [
            Field("days", "Days", FieldKind.CHOICES, "2,4", options=DAYS),
            Field("name", "Name", FieldKind.TEXT, "Ada"),
        ]

    def build(self, values: Mapping[str, str]) -> dict[str, str]:
        return dict(values)


async def _open(app: Any, pilot: Any, results: list[Any]) -> DaysForm:
    await settle(pilot)
    form = DaysForm()
    app.push_screen(form, results.append)
    await settle(pilot)
    return form


async def test_arrows_move_space_ticks_and_the_form_reads_the_values_in_order(make_app) -> None:
    app = make_app()
    results: list[Any] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await _open(app, pilot, results)
        bar = form.query_one("#days-days", ChoiceBar)
        assert app.screen.focused is bar
        assert "[ ] Mon  [x] Tue  [ ] Wed  [x] Thu  [ ] Fri" in screen_text(app)
        await pilot.press("space")  # Mon ticked
        await pilot.press("right", "right", "right", "space")  # Thu unticked
        await pilot.press("end", "space", "l", "space")  # Sat ticked; l wraps to Mon: unticked
        assert form.values()["days"] == "2,6"
        await pilot.press("tab")
        assert app.screen.focused.id == "days-name"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert results == [{"days": "2,6", "name": "Ada"}]


async def test_a_click_ticks_the_option_clicked(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await _open(app, pilot, [])
        bar = form.query_one("#days-days", ChoiceBar)
        # "[ ] Mon  [x] Tue  [ ] Wed": Wed starts at cell 18
        await pilot.click(bar, offset=(19, 0))
        await settle(pilot)
        assert bar.chosen == ("2", "3", "4")


async def test_narrow_the_options_wrap_between_options(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await _open(app, pilot, [])
        bar = form.query_one("#days-days", ChoiceBar)
        assert bar._lines(20) == [[(0, 0), (1, 9)], [(2, 0), (3, 9)], [(4, 0), (5, 9)]]
        assert bar.get_content_height(bar.size, bar.size, 20) == 3
        # one cell apart when that saves a line
        assert bar._lines(23) == [[(0, 0), (1, 8), (2, 16)], [(3, 0), (4, 8), (5, 16)]]
