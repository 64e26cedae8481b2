"""SVG screenshots of every tab, for the README and ``cm-tui screenshots``.

The app runs headless (``App.run_test``) at 140×45 on a store and a fixed clock, so the same
data and instant always give the same pictures.

* ``write_screenshots(store, settings, clock, out_dir)``: shoot an open store (the CLI builds
  the demo store and calls this);
* ``take_screenshots(out_dir, now, lang)``: everything in one call: the ``year`` demo in a
  temporary store at ``now``, then the four pictures.
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cm_tui.core.clock import FixedClock

if TYPE_CHECKING:
    from cm_tui.core.clock import Clock
    from cm_tui.core.settings import Settings
    from cm_tui.store import Store

SIZE = (140, 45)
#: (tab id, key that shows it, file name)
SHOTS: tuple[tuple[str, str, str], ...] = (
    ("today", "1", "today.svg"),
    ("calendar", "2", "calendar.svg"),
    ("queue", "3", "queue.svg"),
    ("stats", "4", "stats.svg"),
)


def write_screenshots(store: Store, settings: Settings, clock: Clock, out_dir: Path) -> list[Path]:
    """Render each tab of the app on ``store`` into ``out_dir/<tab>.svg``; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return asyncio.run(_shoot(store, settings, clock, out_dir))


async def _shoot(store: Store, settings: Settings, clock: Clock, out_dir: Path) -> list[Path]:
    from cm_tui.ui.app import CmTuiApp

    app = CmTuiApp(store, settings, clock, "demo")
    # not TEXTUAL_ANIMATIONS: Textual reads it once, at import; an animation (the tab
    # underline's slide) would be shot wherever a busy machine's frame left it
    app.animation_level = "none"
    written: list[Path] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for tab, key, name in SHOTS:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            assert app.active_tab == tab, f"tab {tab!r} did not open"
            path = out_dir / name
            path.write_text(app.export_screenshot(title=f"cm-tui · {tab}"), encoding="utf-8")
            written.append(path)
    return written


def take_screenshots(out_dir: Path, now: datetime, lang: str = "en") -> list[Path]:
    """Build the ``year`` demo in a temporary store at ``now`` and shoot every tab.

    The language is set for the duration of the call and restored afterwards.
    """
    from cm_tui.core import i18n
    from cm_tui.core.settings import Settings
    from cm_tui.io.demo_writer import demo_settings, write_demo
    from cm_tui.io.shipped import generate_shipped_demo
    from cm_tui.store import Store

    settings = Settings(timezone="Europe/Paris", language=lang)
    previous = i18n.language()
    i18n.set_language(lang)
    try:
        with tempfile.TemporaryDirectory(prefix="cm-tui-shots-") as tmp:
            db = Path(tmp) / "store.json"
            data = generate_shipped_demo("year", now, tz=settings.timezone)
            with Store.open(db) as store:
                write_demo(store, data)
                shown = demo_settings(store, settings)
                return write_screenshots(store, shown, FixedClock(now), out_dir)
    finally:
        i18n.set_language(previous)
