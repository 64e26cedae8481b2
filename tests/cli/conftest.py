"""Fixtures shared by the command-line tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def no_app(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The Textual app replaced by a recorder: a test that fails must not start a real app."""
    calls: list[Any] = []
    import cm_tui.ui.app

    monkeypatch.setattr(cm_tui.ui.app, "run_app", lambda *args: calls.append(args))
    return calls
