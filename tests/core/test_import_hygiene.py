"""``cm_tui.core`` must stay importable without the UI or the storage engine.

Checked in a fresh interpreter, so modules imported by other tests cannot hide a leak.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import cm_tui.core


def core_modules() -> list[str]:
    return sorted(
        info.name for info in pkgutil.walk_packages(cm_tui.core.__path__, prefix="cm_tui.core.")
    )


def test_core_modules_are_found() -> None:
    names = core_modules()
    for expected in ("cm_tui.core.agenda", "cm_tui.core.recurrence", "cm_tui.core.demo"):
        assert expected in names


def test_core_imports_neither_textual_nor_tinydb() -> None:
    modules = core_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from cm_tui.core.i18n import catalog\n"
        "catalog()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "", f"core pulled in: {result.stdout.strip()}"


def test_core_does_not_import_arrow_at_module_top() -> None:
    """arrow costs ~38 ms of start-up: core may only import it lazily."""
    code = (
        "import cm_tui.core.agenda, cm_tui.core.queue, cm_tui.core.calendar, "
        "cm_tui.core.targets, cm_tui.core.stats, cm_tui.core.recurrence, sys\n"
        "print('arrow' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"
