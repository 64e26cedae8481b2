"""Snapshots of the shared verbs' modals on the ``year`` demo at the fixed clock: a task's
detail (``enter`` on Today) and the Queue's filter menu (``f``)."""

from __future__ import annotations

from tests.ui.conftest import SIZE


def test_today_task_detail(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["1", "enter"], terminal_size=SIZE)


def test_queue_filter_menu(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["3", "f"], terminal_size=SIZE)
