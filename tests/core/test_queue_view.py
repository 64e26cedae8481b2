"""The Queue tab's state (``core.queue_view``): order, filter, marks, cursor-keeping, and the
closed items of today found through the status filter. No screen: plain items in a dict."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from cm_tui.core.models import QueueItem, QueueKind, QueueStatus
from cm_tui.core.queue import (
    OpenEntry,
    QueueFilter,
    entry_of,
    escalate,
    is_snoozed,
    mark_ignored,
    mark_replied,
    reopen,
    snooze,
)
from cm_tui.core.queue_view import STATUS_FILTERS, QueueView, next_choice

NOW = datetime(2026, 11, 19, 8, 12, tzinfo=UTC)
START_OF_DAY = datetime(2026, 11, 18, 23, 0, tzinfo=UTC)
NETWORKS = ("x", "facebook", "instagram")


def item(n: int, left: int, network: str = "x", **kw: object) -> QueueItem:
    deadline = NOW + timedelta(minutes=left)
    return QueueItem(
        kind=QueueKind.COMMENT,
        network=network,
        author_handle=f"@a{n}",
        text=f"text {n}",
        received_at=deadline - timedelta(hours=1),
        deadline=deadline,
        id=n,
        **kw,  # type: ignore[arg-type]
    )


class Store:
    """What the pane gives the view: entries like the repository's, items by id."""

    def __init__(self, items: Iterable[QueueItem], *, lazy: bool = False) -> None:
        self.items = {i.id: i for i in items}
        #: give the closed entries as a function, as the Queue pane does, and count its calls
        self.lazy = lazy
        self.closed_reads = 0

    def write(self, changed: Iterable[QueueItem]) -> list[QueueItem]:
        changed = list(changed)
        self.items.update((i.id, i) for i in changed)
        return changed

    def view(self, cursor: int | None = None) -> tuple[QueueView, int | None]:
        view = QueueView(self.items.get)
        return view, self.load(view, cursor)

    def load(self, view: QueueView, cursor: int | None) -> int | None:
        open_ = [entry_of(i) for i in self.items.values() if i.status.is_open]
        if self.lazy:
            return view.load(open_, NOW, cursor, self.closed, START_OF_DAY)
        return view.load(open_, NOW, cursor, self.closed(), START_OF_DAY)

    def closed(self) -> list[OpenEntry]:
        self.closed_reads += 1
        return [
            entry_of(i)
            for i in self.items.values()
            if not i.status.is_open and i.closed_at is not None and i.closed_at >= START_OF_DAY
        ]


def ids(view: QueueView) -> list[int]:
    return [i.id for i in view.shown]  # type: ignore[misc]


def test_open_items_by_deadline_snoozed_last_and_the_cursor_starts_on_the_first() -> None:
    store = Store(
        [
            item(1, 30),
            item(2, -5),
            item(3, 10, status=QueueStatus.SNOOZED, snoozed_until=NOW + timedelta(hours=1)),
            item(4, 10),
            item(5, 0, status=QueueStatus.REPLIED, closed_at=NOW),
        ]
    )
    view, cursor = store.view()
    assert ids(view) == [2, 4, 1, 3]
    assert cursor == 0
    assert len(view.entries) == 4  # the open ones


def test_a_triage_step_moves_on_to_the_next_row_and_keeps_marks_of_shown_items() -> None:
    store = Store(item(n, n * 10) for n in range(1, 6))
    view, cursor = store.view()
    cursor = 1
    assert view.toggle_mark(3)
    cursor = view.merge(store.write([mark_replied(view.shown[cursor], NOW)]), NOW, cursor)
    assert ids(view) == [1, 3, 4, 5]
    assert view.current(cursor).id == 3  # the row after the acted one
    assert view.marked == {4}
    # the last row acted on: the cursor stays at the end
    cursor = view.merge(store.write([mark_ignored(view.shown[3], NOW)]), NOW, 3)
    assert ids(view) == [1, 3, 4] and cursor == 2
    # escalated stays in the list, the cursor moves on
    cursor = view.merge(store.write([escalate(view.shown[0], "", NOW)]), NOW, 0)
    assert ids(view) == [1, 3, 4] and cursor == 1


def test_snoozing_reorders_and_a_bulk_step_acts_on_the_marked_items_only() -> None:
    store = Store(item(n, n * 10) for n in range(1, 5))
    view, cursor = store.view()
    cursor = view.merge(store.write([snooze(view.shown[0], NOW + timedelta(hours=1))]), NOW, 0)
    assert ids(view) == [2, 3, 4, 1]
    assert view.current(cursor).id == 2
    view.toggle_mark(0)
    view.toggle_mark(2)
    assert [i.id for i in view.marked_items()] == [2, 4]
    cursor = view.merge(store.write(mark_replied(i, NOW) for i in view.marked_items()), NOW, 2)
    assert ids(view) == [3, 1] and view.marked == set()


def test_a_filter_keeps_the_cursor_on_its_item_and_unmarks_what_it_hides() -> None:
    store = Store(item(n, n * 10, network=NETWORKS[n % 3]) for n in range(1, 7))
    view, cursor = store.view()
    view.toggle_mark(0)  # item 1, x
    view.toggle_mark(1)  # item 2, instagram
    cursor = view.set_filter(QueueFilter(network="instagram"), 1)
    assert ids(view) == [2, 5]
    assert view.current(cursor).id == 2
    assert view.marked == {2}
    cursor = view.set_filter(QueueFilter(network="x"), cursor)
    assert ids(view) == [3, 6] and cursor == 0
    assert view.marked == set()
    assert view.networks() == ["facebook", "instagram", "x"]


def test_closed_items_of_today_are_found_by_status_and_can_be_reopened() -> None:
    yesterday = START_OF_DAY - timedelta(minutes=1)
    store = Store(
        [
            item(1, 10),
            item(2, 20, status=QueueStatus.REPLIED, closed_at=NOW, replied_at=NOW),
            item(3, 5, status=QueueStatus.IGNORED, closed_at=NOW),
            item(4, 1, status=QueueStatus.IGNORED, closed_at=yesterday),
        ]
    )
    view, cursor = store.view()
    assert ids(view) == [1]
    # replied this morning, by the user, in this session
    cursor = view.merge(store.write([mark_replied(view.shown[0], NOW)]), NOW, 0)
    assert ids(view) == [] and cursor is None
    cursor = view.set_filter(QueueFilter(status="replied"), cursor)
    assert ids(view) == [1, 2] and cursor == 0
    cursor = view.set_filter(QueueFilter(status="ignored"), cursor)
    assert ids(view) == [3]  # not yesterday's
    cursor = view.merge(store.write([reopen(view.shown[0])]), NOW, cursor)
    assert ids(view) == [] and len(view.entries) == 1
    view.set_filter(QueueFilter(), cursor)
    assert ids(view) == [3]
    reopened = view.shown[0]
    assert reopened.status is QueueStatus.NEW and reopened.closed_at is None


def test_closed_entries_given_as_a_function_are_read_when_a_closed_status_is_listed() -> None:
    store = Store(
        [
            item(1, 10),
            item(2, 20),
            item(3, 5, status=QueueStatus.IGNORED, closed_at=NOW),
        ],
        lazy=True,
    )
    view, cursor = store.view()
    assert ids(view) == [1, 2] and store.closed_reads == 0  # the first frame does not read them
    # closed before the first read: the store already holds the change, the view stays in step
    cursor = view.merge(store.write([mark_replied(view.shown[0], NOW)]), NOW, 0)
    assert ids(view) == [2] and store.closed_reads == 1
    cursor = view.set_filter(QueueFilter(status="replied"), cursor)
    assert ids(view) == [1]
    view.set_filter(QueueFilter(status="ignored"), cursor)
    assert ids(view) == [3] and store.closed_reads == 1
    view, cursor = store.view()
    view.set_filter(QueueFilter(status="replied"), cursor)
    assert ids(view) == [1] and store.closed_reads == 2


def test_the_status_filter_offers_every_status_then_all() -> None:
    assert set(STATUS_FILTERS) == set(QueueStatus)
    values = [s.value for s in STATUS_FILTERS]
    seen = [next_choice(values, None)]
    while seen[-1] is not None:
        seen.append(next_choice(values, seen[-1]))
    assert seen == [*values, None]
    assert next_choice([], "x") is None


# --------------------------------------------------------------------------- properties

STATUSES = st.sampled_from(["new", "new", "new", "escalated", "snoozed", "replied", "ignored"])
ROWS = st.lists(
    st.tuples(st.integers(-60, 600), st.sampled_from(NETWORKS), STATUSES, st.booleans()),
    min_size=0,
    max_size=25,
)
FILTERS = st.builds(
    QueueFilter,
    network=st.none() | st.sampled_from(NETWORKS),
    status=st.none() | st.sampled_from([s.value for s in STATUS_FILTERS]),
    ambassadors=st.booleans(),
)
#: a step: ("filter", QueueFilter) | ("move", index) | ("mark", _) | ("close" / "escalate" /
#: "snooze" / "reopen", _) | ("reload", _)
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("filter"), FILTERS),
        st.tuples(st.just("move"), st.integers(0, 30)),
        st.tuples(st.sampled_from(["mark", "close", "escalate", "snooze", "reopen"]), st.none()),
        st.tuples(st.just("reload"), st.none()),
    ),
    max_size=20,
)


def build(rows: list[tuple[int, str, str, bool]]) -> Store:
    items = []
    for n, (left, network, status, ambassador) in enumerate(rows, start=1):
        extra: dict[str, object] = {"status": QueueStatus(status), "ambassador": ambassador}
        if status == "snoozed":
            extra["snoozed_until"] = NOW + timedelta(minutes=left // 2)
        if status in ("replied", "ignored"):
            extra["closed_at"] = NOW - timedelta(minutes=left)
        items.append(item(n, left, network, **extra))
    return Store(items, lazy=len(items) % 2 == 1)  # both ways of giving the closed entries


def expected_order(store: Store, flt: QueueFilter) -> list[int]:
    """The list as the contract states it, computed the slow way."""
    items = list(store.items.values())
    if flt.status in ("replied", "ignored"):
        chosen = [i for i in items if not i.status.is_open and i.closed_at >= START_OF_DAY]
        ordered = sorted(chosen, key=lambda i: (i.deadline, i.id))
    else:
        chosen = [i for i in items if i.status.is_open]
        awake = sorted(
            (i for i in chosen if not is_snoozed(i, NOW)),
            key=lambda i: (i.deadline, i.received_at, i.id),
        )
        asleep = sorted(
            (i for i in chosen if is_snoozed(i, NOW)),
            key=lambda i: (i.snoozed_until, i.deadline, i.id),
        )
        ordered = awake + asleep
    return [i.id for i in ordered if flt.matches(i)]  # type: ignore[misc]


@given(ROWS, STEPS)
@example(  # snoozed again to an earlier wake-up: it must move up among the asleep items
    rows=[(16, "x", "snoozed", False), (16, "x", "snoozed", False)],
    steps=[("move", 1), ("snooze", None)],
)
def test_the_view_keeps_its_contract_through_any_steps(rows: list, steps: list) -> None:
    store = build(rows)
    view, cursor = store.view()
    for action, arg in steps:
        before = view.current(cursor)
        shown_before = ids(view)
        if action == "filter":
            cursor = view.set_filter(arg, cursor)
        elif action == "move":
            cursor = min(arg, len(view.shown) - 1) if view.shown else None
            continue
        elif action == "mark":
            assert view.toggle_mark(cursor) == (before is not None)
        elif action == "reload":
            cursor = store.load(view, cursor)
        elif before is not None:
            change = {
                "close": lambda i: mark_replied(i, NOW),
                "escalate": lambda i: escalate(i, "", NOW),
                "snooze": lambda i: snooze(i, NOW + timedelta(minutes=7)),
                "reopen": reopen,
            }[action]
            cursor = view.merge(store.write([change(before)]), NOW, cursor)
        else:
            continue
        # the order, from the store the slow way
        assert ids(view) == expected_order(store, view.filter)
        # the cursor is on a row, or nothing is shown
        assert (cursor is None) == (not view.shown)
        assert cursor is None or 0 <= cursor < len(view.shown)
        # marks never reference a hidden or removed item
        assert view.marked <= set(ids(view))
        if before is None or action == "mark":
            continue
        if action in ("filter", "reload") and before.id in ids(view):
            assert view.current(cursor).id == before.id
        if action in ("close", "escalate", "snooze", "reopen"):
            position = shown_before.index(before.id)
            after = [i for i in shown_before[position + 1 :] if i in ids(view)]
            if after:  # the first row after the acted one still shown
                assert view.current(cursor).id == after[0]


@given(st.lists(st.integers(-100, 100), max_size=30))
def test_equal_deadlines_keep_a_stable_order(lefts: list[int]) -> None:
    """Ordering is by deadline; equal deadlines (and received times) by id, reload after
    reload."""
    store = Store(item(n, left) for n, left in enumerate(lefts, start=1))
    view, _ = store.view()
    first = ids(view)
    assert first == sorted(first, key=lambda n: (lefts[n - 1], n))
    store.load(view, 0)
    assert ids(view) == first


def test_an_undo_selects_what_it_put_back() -> None:
    store = Store(item(n, n * 10) for n in range(1, 5))
    view, cursor = store.view()
    before = view.shown[1]
    cursor = view.merge(store.write([mark_replied(before, NOW)]), NOW, 1)
    assert view.current(cursor).id == 3
    cursor = view.merge(store.write([before]), NOW, cursor, select=before.id)
    assert ids(view) == [1, 2, 3, 4] and view.current(cursor).id == 2
