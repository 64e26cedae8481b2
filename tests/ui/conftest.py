"""Fixtures for the UI tests: a demo store per test, a fixed clock, an app factory.

* ``demo_data`` (session): the ``year`` demo generated once at ``FIXED_NOW`` (pure, seeded);
* ``demo_db``: a private copy of a store holding that demo (written once per session, copied
  per test, so a test may write to it freely);
* ``demo_settings``: Europe/Paris, English, the demo's active networks and onboarding start;
* ``make_app(db=..., settings=..., clock=...)``: opens the store and builds a ``CmTuiApp``
  (animations off); every store it opened is closed at teardown;
* ``screen_text(app)``: the current screen as plain text, what a user would read.

Pilot tests run the app with ``app.run_test(size=SIZE)``; nothing depends on the wall clock, so
a loaded machine sees what an idle one sees:

* the app's clock is a ``FixedClock`` advanced by hand;
* the app's periodic jobs (header clock, queue alerts, inbox, maintenance) start no real-time
  timer: a test moves the clock, then calls ``app.run_periodic_jobs()`` (or names the jobs);
  ``make_app(real_time_timers=True)`` starts them as in use;
* text cursors do not blink (autouse ``_steady_cursors``): a snapshot never catches one off;
* notifications never expire (``make_app``): a test reads all of them however long it ran;
* ``browsers`` -> ``FakeBrowsers``: the only browsers ``webbrowser`` knows during the test (none
  until the test adds one), so ``o`` never starts a real browser and a headless machine can be
  played on any machine.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from cm_tui.core.clock import FixedClock
from cm_tui.core.settings import Settings
from tests.conftest import FIXED_NOW

SIZE = (140, 45)
#: how long a notification stays under test: never gone before the test reads it
LASTING_SECONDS = 24 * 3600.0


@pytest.fixture(autouse=True)
def _steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inputs and text areas are built with ``cursor_blink = False`` (the cursor stays on while
    the field has focus) instead of toggling it every half second of real time."""
    from textual.widgets import Input, TextArea

    for widget in (Input, TextArea):
        monkeypatch.setattr(widget.cursor_blink, "_default", False)


@pytest.fixture(scope="session")
def demo_data() -> Any:
    from cm_tui.io.shipped import generate_shipped_demo

    return generate_shipped_demo("year", FIXED_NOW, tz="Europe/Paris")


@pytest.fixture(scope="session")
def _demo_store_dir(tmp_path_factory: pytest.TempPathFactory, demo_data: Any) -> Path:
    from cm_tui.io.demo_writer import write_demo
    from cm_tui.store import Store

    folder = tmp_path_factory.mktemp("demo-store")
    with Store.open(folder / "store.json") as store:
        write_demo(store, demo_data)
    return folder


@pytest.fixture
def demo_db(_demo_store_dir: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo store for this test."""
    target = tmp_path / "store"
    shutil.copytree(_demo_store_dir, target)
    return target / "store.json"


@pytest.fixture
def demo_settings(demo_data: Any) -> Settings:
    return Settings(
        timezone="Europe/Paris",
        language="en",
        active_networks=demo_data.active_networks,
        onboarding_start=demo_data.onboarding_start,
    )


@pytest.fixture
def make_app(demo_db: Path, demo_settings: Settings) -> Iterator[Callable[..., Any]]:
    from cm_tui.store import Store
    from cm_tui.ui.app import CmTuiApp

    opened: list[Any] = []

    def make(
        db: Path | None = None,
        settings: Settings | None = None,
        clock: FixedClock | None = None,
        **kwargs: Any,
    ) -> CmTuiApp:
        store = Store.open(db or demo_db)
        opened.append(store)
        kwargs.setdefault("real_time_timers", False)
        app = CmTuiApp(
            store, settings or demo_settings, clock or FixedClock(FIXED_NOW), "demo", **kwargs
        )
        app.animation_level = "none"
        _lasting_notifications(app)
        return app

    yield make
    for store in opened:
        close_quietly(store)


def _lasting_notifications(app: Any) -> None:
    """Textual removes a notification once its timeout has passed in real time: give each one
    ``LASTING_SECONDS``, so what a test reads never depends on how long the test ran."""
    notify = app.notify

    def lasting(message: str, **kwargs: Any) -> None:
        kwargs["timeout"] = LASTING_SECONDS
        notify(message, **kwargs)

    app.notify = lasting


def close_quietly(store: Any) -> None:
    """Close a store a test may already have closed (to simulate a restart)."""
    with contextlib.suppress(Exception):
        store.close()


async def settle(pilot: Any) -> None:
    """Let pending messages, mounts and the next repaint happen, every key sent so far (also
    in a burst) handled first."""
    gate = getattr(pilot.app, "key_gate", None)
    if gate is not None:
        await gate.wait_idle()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def send_in_one_burst(app: Any, *keys: str) -> None:
    """Send ``keys`` as a terminal would when they arrive together (a paste, a fast typist):
    all queued before the first is handled. ``Pilot.press`` waits for idle after each key."""
    import unicodedata

    from textual import events
    from textual.keys import _get_unicode_name_from_key

    for key in keys:
        try:  # the character, as Pilot computes it
            character: str | None = unicodedata.lookup(_get_unicode_name_from_key(key))
        except KeyError:
            character = key if len(key) == 1 else None
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)


def screen_text(app: Any) -> str:
    """The whole screen (with modals on top) as plain text."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


class FakeBrowsers:
    """The browsers ``webbrowser`` knows while a test runs: ``add(works)`` registers one whose
    ``open`` answers ``works`` (``"raise"``: fails with ``OSError``); ``opened`` lists the
    URLs every one was asked to open."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def add(self, works: bool | str = True) -> None:
        import webbrowser

        owner = self

        class Fake(webbrowser.BaseBrowser):
            def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
                owner.opened.append(url)
                if works == "raise":
                    raise OSError("no display")
                return bool(works)

        webbrowser.register(
            f"cm-tui-test-{len(webbrowser._browsers)}", None, Fake(), preferred=True
        )


@pytest.fixture
def browsers(monkeypatch: pytest.MonkeyPatch) -> FakeBrowsers:
    import webbrowser

    # an empty list (not None): ``webbrowser`` looks for the machine's browsers no more
    monkeypatch.setattr(webbrowser, "_browsers", {})
    monkeypatch.setattr(webbrowser, "_tryorder", [])
    return FakeBrowsers()


def dropped(folder: Path, name: str, text: str, age: float = 90) -> Path:
    """``text`` written as ``folder/name``, last changed ``age`` seconds ago: past the inbox's
    settle rule, so the next look at the inbox takes it."""
    import os
    import time

    path = folder / name
    path.write_text(text, encoding="utf-8")
    past = time.time() - age
    os.utime(path, (past, past))
    return path
