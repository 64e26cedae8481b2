"""An app open all day keeps a flat memory (``docs/architecture.md``, "All day").

Driven by the app's injected clock, never by real time: tab switches, keys, comments arriving
and alerts over a simulated day, while what could grow (widgets, watchers, the alerts
remembered, the cached queue data) is counted, never RSS."""

from __future__ import annotations

import gc
from typing import Any

from textual.dom import DOMNode
from textual.widget import Widget

from tests.ui.conftest import SIZE, settle

TAB_KEYS = ("1", "2", "3", "4")


def live_widgets() -> int:
    gc.collect()
    return sum(1 for obj in gc.get_objects() if isinstance(obj, Widget))


def watchers(app: Any) -> int:
    """Reactive watchers registered on the app and every node of every screen (Textual keeps
    them in each watched object's ``__watchers``)."""
    nodes: list[DOMNode] = [app]
    for screen in app.screen_stack:
        nodes += [screen, *screen.walk_children(with_self=False)]
    return sum(
        len(callbacks) for node in nodes for callbacks in getattr(node, "__watchers", {}).values()
    )


async def test_tab_switches_leave_no_widget_or_watcher_behind(make_app: Any) -> None:
    """Textual's ``Footer`` rebuilds a key widget per binding at each switch and keeps each
    one registered as a watcher of its ``compact`` setting (about 450 KB a switch): 200
    switches must leave as many widgets and watchers as one round of the tabs."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in TAB_KEYS * 2:  # every pane mounted, every cache warm
            await pilot.press(key)
        await settle(pilot)
        widgets, watched = live_widgets(), watchers(app)
        for switch in range(200):
            await pilot.press(TAB_KEYS[switch % 4])
        await pilot.press(TAB_KEYS[-1])
        await settle(pilot)
        assert watchers(app) <= watched
        assert live_widgets() <= widgets + 5  # a notification's toast, at most
