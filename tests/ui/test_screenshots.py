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
