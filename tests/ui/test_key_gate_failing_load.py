"""A pane whose load worker fails (an exception in its thread) cannot hold the keyboard nor
take the app down: the keys typed after it, in the same burst or later, still act."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.conftest import SIZE, send_in_one_burst, settle


def _failing(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("the archive could not be read")


async def test_keys_still_act_after_a_load_worker_failed(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cm_tui.ui.panes.stats import CHART_METRICS, StatsPane

    # read by the response figures' worker only (the table reads its month on the UI thread)
    monkeypatch.setattr(StatsPane, "_archived_figures", _failing)
    app = make_app(initial_tab="stats")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        pane = app.active_pane
        presses = CHART_METRICS.index("response_median") - CHART_METRICS.index(pane.metric)
        # the metric whose figures a worker computes, then a tab key in the same burst
        send_in_one_burst(app, *["m"] * (presses % len(CHART_METRICS)), "1")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert app.active_pane.PANE_ID == "today"
        await pilot.press("4")  # and typed later
        await settle(pilot)
        assert app.active_pane.PANE_ID == "stats"
        assert app.key_gate is not None and not app.key_gate.busy
        said = [note.message for note in app._notifications]
        assert any("the archive could not be read" in line for line in said), said
