"""A ``[keys]`` remap that puts one key on two bindings answering keys together is refused at
start in one line naming both binding ids (Textual would silently drop one of them); defaults
that overlap on purpose, and remaps into another context, are allowed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cm_tui import cli
from cm_tui.store import Store
from cm_tui.ui.bindings import binding_contexts, keymap_conflict
from tests.cli.lines import one_line_error

REPO = Path(__file__).resolve().parents[2]


# ----------------------------------------------------------------------------- the checker


def test_a_remap_onto_a_key_of_the_same_context_is_a_conflict() -> None:
    contexts = [[("a.one", ["j"]), ("a.two", ["k"])], [("b.one", ["x"])]]
    assert keymap_conflict(contexts, {"a.two": "j"}) == ("j", "a.two", "a.one")
    assert keymap_conflict(contexts, {"a.one": "k, x"}) == ("k", "a.one", "a.two")
    assert keymap_conflict(contexts, {"b.one": "?"}) is None
    assert keymap_conflict(contexts, {"a.one": "x"}) is None  # x is another context's
    assert keymap_conflict(contexts, {"a.one": "k", "a.two": "j"}) is None  # swapped


def test_defaults_that_overlap_are_no_conflict() -> None:
    contexts = [[("w.up", ["up"]), ("p.up", ["up", "k"])]]
    assert keymap_conflict(contexts, {}) is None
    assert keymap_conflict(contexts, {"p.up": "up"}) == ("up", "p.up", "w.up")


def test_cm_tuis_own_contexts() -> None:
    contexts = binding_contexts()
    assert keymap_conflict(contexts, {}) is None
    # Today's pane with its list and the app
    assert keymap_conflict(contexts, {"today.snooze": "j"}) == ("j", "today.snooze", "list.down")
    assert keymap_conflict(contexts, {"queue.reply": "1"}) == ("1", "queue.reply", "app.tab.today")
    # a prefix menu's second keys
    assert keymap_conflict(contexts, {"queue.network": "k"}) == ("k", "queue.network", "queue.kind")
    # the app's plain keys do not reach a modal: its own bindings win there
    assert keymap_conflict(contexts, {"help.close": "escape,q,x"}) is None
    assert keymap_conflict(contexts, {"today.snooze": "z", "queue.snooze": "z"}) is None


# ----------------------------------------------------------------------------- the command


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s" / "store.json"
    path.parent.mkdir()
    Store.open(path).close()
    return path


def test_cm_tui_refuses_a_conflicting_remap_in_one_line(tmp_home: Path, db: Path) -> None:
    settings = tmp_home / "settings.toml"
    settings.write_text('[keys]\n"today.snooze" = "j"\n', "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "cm_tui", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=dict(os.environ),
        check=False,
    )
    assert proc.returncode == 2
    line = one_line_error(proc.stderr)
    for fragment in (str(settings), '"keys.today.snooze"', "today.snooze", "list.down"):
        assert fragment in line, line


def test_check_reports_it_and_a_remap_without_conflict_starts(
    tmp_home: Path, db: Path, no_app: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_home / "settings.toml"
    settings.write_text('[keys]\nqueue.network = "k"\n', "utf-8")
    assert cli.main(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "queue.network" in out and "queue.kind" in out
    settings.write_text('[keys]\n"today.snooze" = "z"\n"queue.escalate" = "E"\n', "utf-8")
    assert cli.main(["--db", str(db)]) == 0
    assert len(no_app) == 1
