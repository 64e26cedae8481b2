"""What the real start-up has imported by Today's first frame: none of the code that only other
tabs, live accounts, the inbox notifications, exports or archive summaries need.

A structural guard of the ``startup_ratio`` figure (docs/architecture.md, "Performance facts"):
a module moved back to a top-level import on the start-up path fails here, whatever the speed
of the machine. ``cm-tui --demo`` runs in a fresh interpreter, headless, until the first frame
that shows the active tab's pane (as the bench's start-up child detects it), then reports its
``sys.modules`` and exits. It runs twice: the first start generates the demo store and fills the
language data cache; the second is the one every later start is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-19T09:12:00+01:00"

#: third-party libraries no first frame of Today needs (networks, charts, spreadsheets, file
#: notifications, hashing; Babel's date formatter, whose import alone costs 12M instructions:
#: the fixed date layouts are filled from the language data, see ``core.locale``; the TOML
#: parser, 8M: an unchanged settings file is read from its parsed copy, ``io.settings_file``)
HEAVY_LIBRARIES = (
    "babel.dates",
    "tomllib",
    "mastodon",
    "atproto",
    "httpx",
    "requests",
    "plotext",
    "textual_plotext",
    "watchfiles",
    "openpyxl",
    "arrow",
    "hashlib",
)

#: cm-tui's own modules that only another tab, a live account, the inbox, an export, a report
#: or an archive month needs (the record classes of the connectors' and exports' tables are not
#: among them: the store checks every table's documents against its class when it opens)
LAZY_MODULES = (
    "cm_tui.net",
    "cm_tui.ui.net_live",
    "cm_tui.ui.outbox_flow",
    "cm_tui.io.inbox_notify",
    "cm_tui.io.queue_inbox",
    "cm_tui.io.exports",
    "cm_tui.io.report",
    "cm_tui.io.charts",
    "cm_tui.store.archive_summary",
    "cm_tui.store.check",
    "cm_tui.core.queue_identity",
    "cm_tui.core.export_facts",
    "cm_tui.ui.screens.prefix_menu",
    "cm_tui.ui.panes.calendar",
    "cm_tui.ui.panes.queue",
    "cm_tui.ui.panes.stats",
)

CHILD = textwrap.dedent(
    """
    import json, os, sys
    from textual.app import App

    textual_own = set(sys.modules)  # what Textual itself imports, here, before cm-tui

    display = App._display

    def _display(self, screen, renderable):
        display(self, screen, renderable)
        if renderable is not None and getattr(self, "active_pane", None) is not None:
            from babel import localedata
            report = {
                "modules": sorted(sys.modules),
                "added": sorted(set(sys.modules) - textual_own),
                "babel_full_data": sorted(getattr(localedata, "_cache", {})),
            }
            os.write(1, (json.dumps(report) + "\\n").encode())
            os._exit(0)

    App._display = _display
    run = App.run

    def _run(self, *a, **kw):
        kw["headless"] = True
        kw["size"] = (140, 45)
        return run(self, *a, **kw)

    App.run = _run
    args = sys.argv[1:]
    if args[:1] == ["--tab"]:  # open another tab first, as the bench's start-up child does
        from cm_tui.ui.app import CmTuiApp

        tab, args = args[1], args[2:]
        init = CmTuiApp.__init__

        def __init__(self, *a, **kw):
            kw["initial_tab"] = tab
            init(self, *a, **kw)

        CmTuiApp.__init__ = __init__
    from cm_tui.cli import main
    main(args)
    os._exit(3)
    """
)


def _first_frame(home: Path, *tab: str) -> dict[str, list[str]]:
    env = {
        **os.environ,
        "CM_TUI_HOME": str(home),
        "PYTHONPATH": str(REPO),
        "TEXTUAL_ANIMATIONS": "none",
    }
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, *tab, "--demo", "--lang", "en", "--now", NOW],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=home,
        env=env,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no first frame (status {proc.returncode}): {proc.stderr[-2000:]}"
    report: dict[str, list[str]] = json.loads(lines[-1])
    return report


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("startup-home")
    _first_frame(home)  # generates the demo store and the language data cache
    return home


@pytest.fixture(scope="module")
def first_frame(home: Path) -> dict[str, list[str]]:
    return _first_frame(home)


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_the_first_frame_is_todays_with_the_app_running(first_frame: dict[str, list[str]]) -> None:
    modules = first_frame["modules"]
    assert "cm_tui.ui.app" in modules
    assert "cm_tui.ui.panes.today" in modules


def test_no_heavy_library_before_the_first_frame(first_frame: dict[str, list[str]]) -> None:
    """Judged on what cm-tui adds to what Textual imports (a standard module Textual needs on
    another platform is not cm-tui's)."""
    assert _loaded(first_frame["added"], HEAVY_LIBRARIES) == []


def test_no_module_of_another_feature_before_the_first_frame(
    first_frame: dict[str, list[str]],
) -> None:
    assert _loaded(first_frame["modules"], LAZY_MODULES) == []


def test_babel_full_language_data_is_not_read_before_the_first_frame(
    first_frame: dict[str, list[str]],
) -> None:
    """The day's name comes from the small language data cache (``io.cldr_cache``), never from
    Babel's whole CLDR files."""
    assert first_frame["babel_full_data"] == []


def test_the_queue_first_frame_does_not_import_the_menu_screens(home: Path) -> None:
    """The Queue tab opened first (the ``startup_ratio_stress`` figure) names its prefix menus
    (``PrefixMenus``) without importing them, as Today does."""
    modules = _first_frame(home, "--tab", "queue")["modules"]
    assert "cm_tui.ui.panes.queue" in modules
    assert _loaded(modules, ("cm_tui.ui.screens.prefix_menu",)) == []
