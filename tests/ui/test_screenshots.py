"""``take_screenshots`` writes one SVG per tab, from the year demo at a fixed instant."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cm_tui.ui.screenshots import take_screenshots


@pytest.mark.slow
def test_one_svg_per_tab(tmp_path: Path) -> None:
    now = datetime(2026, 11, 19, 9, 12, tzinfo=ZoneInfo("Europe/Paris"))
    paths = take_screenshots(tmp_path / "shots", now)
    assert [p.name for p in paths] == ["today.svg", "calendar.svg", "queue.svg", "stats.svg"]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in paths}
    for text in texts.values():
        assert text.startswith("<svg") and "Thu&#160;19&#160;Nov&#160;2026" in text
    assert "Agenda" in texts["today"]
    assert "Week&#160;47" in texts["calendar"]
    assert "Waiting&#160;for&#160;an&#160;answer" in texts["queue"]
    assert "Followers&#160;per&#160;network" in texts["stats"]


@pytest.mark.slow
def test_each_shot_is_taken_with_the_tab_underline_at_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pictures must not depend on how fast the machine is: with the terminal's default
    (animated) level, the tab underline slid for 0.3 s after each tab key and a busy machine
    shot it half-way (``cm-tui screenshots`` gave different files from one run to the next).
    Each shot is taken with animations off and the underline under the active tab."""
    from textual import constants
    from textual.widgets._tabs import Tabs, Underline

    from cm_tui.ui.app import CmTuiApp

    monkeypatch.setattr(constants, "TEXTUAL_ANIMATIONS", "full")  # a terminal's default
    seen: list[tuple[str, str, tuple[int, int], tuple[float, float]]] = []
    export = CmTuiApp.export_screenshot

    def recording(self: CmTuiApp, **kwargs: object) -> str:
        tabs = self.query_one(Tabs)
        active = tabs.query_one("#tabs-list > Tab.-active")
        span = active.virtual_region.shrink(active.styles.gutter).column_span
        underline = tabs.query_one(Underline)
        at = (underline.highlight_start, underline.highlight_end)
        seen.append((str(self.active_tab), self.animation_level, span, at))
        return export(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(CmTuiApp, "export_screenshot", recording)
    now = datetime(2026, 11, 19, 9, 12, tzinfo=ZoneInfo("Europe/Paris"))
    take_screenshots(tmp_path / "shots", now)
    assert [tab for tab, *_ in seen] == ["today", "calendar", "queue", "stats"]
    for tab, level, span, at in seen:
        assert level == "none", tab
        assert at == span, tab
