"""Snapshots of the Calendar's month and list views on the ``year`` demo at the fixed clock
(2026-11-19 09:12, Paris). The week view is ``test_snapshots.py::test_tab[calendar]``."""

from __future__ import annotations

from tests.ui.conftest import SIZE


def test_calendar_month_view(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["2", "v"], terminal_size=SIZE)


def test_calendar_list_view(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["2", "v", "v"], terminal_size=SIZE)


def test_calendar_post_form(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["2", "e"], terminal_size=SIZE)
