"""Snapshots of the Calendar's month and list views on the ``year`` demo at the fixed clock
(2026-11-19 09:12, Paris). The week view at 140x45 is ``test_snapshots.py::test_tab[calendar]``;
at 80x24 it shows fewer days, scrolled by day (and the month its counts per network)."""

from __future__ import annotations

from cm_tui.core.i18n import set_language
from tests.ui.conftest import SIZE

NARROW = (80, 24)


def test_calendar_month_view(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["2", "v"], terminal_size=SIZE)


def test_calendar_list_view(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["2", "v", "v"], terminal_size=SIZE)


def test_calendar_post_form(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["2", "e"], terminal_size=SIZE)


def test_calendar_week_narrow(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["2"], terminal_size=NARROW)


def test_calendar_week_narrow_scrolled(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    # the cursor past the last day shown (Thursday): the days scroll by one, to Friday
    assert snap_compare(make_app(), press=["2", "l", "j"], terminal_size=NARROW)


def test_calendar_week_narrow_in_french(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    set_language("fr")
    assert snap_compare(make_app(), press=["2"], terminal_size=NARROW)


def test_calendar_month_narrow(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["2", "v"], terminal_size=NARROW)
