"""Snapshots of the alert line (three alerts on the Stats tab) and of the notification history
(``ctrl+n``) on the ``year`` demo at the fixed clock (2026-11-19 09:12, Paris)."""

from __future__ import annotations

from typing import Any

from tests.ui.conftest import SIZE

ALERTS = (
    ("Imported inbox.csv: 12 items, 2 duplicates skipped", "information"),
    ("store: a backup could not be written (your data is safe)", "warning"),
    ("Not saved: disk full. Free some space and try again.", "error"),
)


async def _three_alerts(pilot: Any) -> None:
    for text, severity in ALERTS:
        pilot.app.notify(text, severity=severity, markup=False)
    await pilot.pause()


def test_alert_line_on_stats(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Any) -> None:
        await pilot.press("4")
        await _three_alerts(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=SIZE)


def test_notification_history(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Any) -> None:
        await _three_alerts(pilot)
        await pilot.press("ctrl+n")

    assert snap_compare(make_app(), run_before=run_before, terminal_size=SIZE)
