"""The undo/redo history and the reversible edits (``core.edits``), on an in-memory table.

The table hands out ids as the store does (never reused), so an undone deletion comes back
under a new id; a property test checks that any sequence of edits, undos, redos and refused
writes leaves the table equal to a model of the states, within the depth.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cm_tui.core.edits import (
    DEPTH,
    Aliases,
    EditHistory,
    GroupEdit,
    KeyedEdit,
    Label,
    RecordsEdit,
    step_message,
)
from cm_tui.core.i18n import set_language


@dataclasses.dataclass(frozen=True)
class Rec:
    """A record: ``name`` stands for its identity (never changes), ``value`` is edited."""

    name: str
    value: int = 0
    id: int = 0

    def replace(self, **changes: Any) -> Rec:
        return dataclasses.replace(self, **changes)


class Table:
    """The ``Records`` protocol in memory; ids are never reused, as in the store."""

    def __init__(self) -> None:
        self.rows: dict[int, Rec] = {}
        self.last_id = 0

    def get(self, id: int) -> Rec | None:
        return self.rows.get(id)

    def add(self, obj: Rec) -> Rec:
        self.last_id += 1
        stored = obj.replace(id=self.last_id)
        self.rows[stored.id] = stored
        return stored

    def update(self, obj: Rec) -> Rec:
        if obj.id not in self.rows:
            raise KeyError(obj.id)
        self.rows[obj.id] = obj
        return obj

    def delete_many(self, ids: Iterable[int]) -> None:
        for record_id in ids:
            self.rows.pop(record_id, None)

    def by_name(self, name: str) -> Rec:
        (found,) = [r for r in self.rows.values() if r.name == name]
        return found

    def state(self) -> dict[str, int]:
        """Name -> value; a name stored twice (a record re-created beside itself) fails."""
        state = {r.name: r.value for r in self.rows.values()}
        assert len(state) == len(self.rows), self.rows
        return state


def refused(_step: Callable[[], object]) -> bool:
    """A writer whose store refuses every write (memory left as it was)."""
    return False


def edit(table: Table, aliases: Aliases, before: list[Rec], after: list[Rec]) -> RecordsEdit[Rec]:
    return RecordsEdit(table, aliases, before, after, Label.of("edits.queue.bulk", count=1), "q")


# --------------------------------------------------------------------------- the history


def test_undo_then_redo_walk_back_and_forth() -> None:
    table, aliases, history = Table(), Aliases(), EditHistory[RecordsEdit[Rec]]()
    assert history.apply(edit(table, aliases, [], [Rec("a", 1)]))
    assert history.apply(
        edit(table, aliases, [table.by_name("a")], [table.by_name("a").replace(value=2)])
    )
    assert table.state() == {"a": 2}
    first = history.undo()
    assert first.done and first.edit is not None and table.state() == {"a": 1}
    assert history.undo().done and table.state() == {}
    nothing = history.undo()
    assert nothing.edit is None and not nothing.done
    assert history.redo().done and table.state() == {"a": 1}
    assert history.redo().done and table.state() == {"a": 2}
    assert history.redo().edit is None
    assert (len(history), history.redoable) == (2, 0)


def test_a_new_edit_clears_the_redo_list() -> None:
    table, aliases, history = Table(), Aliases(), EditHistory[RecordsEdit[Rec]]()
    history.apply(edit(table, aliases, [], [Rec("a")]))
    history.undo()
    assert history.redoable == 1
    history.apply(edit(table, aliases, [], [Rec("b")]))
    assert history.redoable == 0 and history.redo().edit is None
    assert table.state() == {"b": 0}


def test_an_edit_made_in_several_writes_is_recorded_as_one_step() -> None:
    """An import written in steps by its maker, then remembered: one undo reverts every
    table it changed (in the reverse order), one redo applies them again."""
    one, two, history = Table(), Table(), EditHistory[Any]()
    old = one.add(Rec("a", 1))
    history.apply(edit(two, Aliases(), [], [Rec("z")]))
    history.undo()
    written = [one.update(old.replace(value=2)), one.add(Rec("b"))]
    added = [two.add(Rec("c"))]
    label = Label.of("edits.stats.export_imported", file="f.csv")
    parts = [edit(one, Aliases(), [old], written), edit(two, Aliases(), [], added)]
    history.record(GroupEdit(parts, label, "stats"))
    assert (len(history), history.redoable) == (1, 0)  # a new step clears the redo list
    assert history.undo().done
    assert (one.state(), two.state()) == ({"a": 1}, {})
    assert history.redo().done
    assert (one.state(), two.state()) == ({"a": 2, "b": 0}, {"c": 0})


def test_the_depth_bounds_what_can_be_undone() -> None:
    table, aliases, history = Table(), Aliases(), EditHistory[RecordsEdit[Rec]](depth=3)
    for n in range(5):
        history.apply(edit(table, aliases, [], [Rec(f"r{n}")]))
    assert len(history) == 3
    while history.undo().edit is not None:
        pass
    assert table.state() == {"r0": 0, "r1": 0}  # the two oldest can no longer be undone
    assert EditHistory().depth == DEPTH == 100
    with pytest.raises(ValueError):
        EditHistory(depth=0)


def test_a_refused_write_leaves_the_history_as_it_was() -> None:
    table, aliases, history = Table(), Aliases(), EditHistory[RecordsEdit[Rec]]()
    new = edit(table, aliases, [], [Rec("a")])
    assert not history.apply(new, refused)
    assert len(history) == 0 and table.state() == {}
    history.apply(new)
    step = history.undo(refused)
    assert step.edit is new and not step.done
    assert (len(history), history.redoable, table.state()) == (1, 0, {"a": 0})
    history.undo()
    assert not history.redo(refused).done and history.redoable == 1


def test_a_large_edit_is_undone_in_steps_each_write_exactly_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """1,200 records in writes of 500: a refused write stops the undo there, the edit stays
    undoable, and the next undo goes on from that write (none made twice, none skipped);
    the redo is written in steps too."""
    from cm_tui.core import edits as edits_module

    monkeypatch.setattr(edits_module, "STEP_RECORDS", 500)
    table, history = Table(), EditHistory[Any]()
    added = [table.add(Rec(f"r{n}")) for n in range(1200)]
    history.record(edit(table, Aliases(), [], added))
    deleted: list[int] = []
    real_delete = table.delete_many

    def counted_delete(ids: Iterable[int]) -> None:
        ids = list(ids)
        deleted.extend(ids)
        real_delete(ids)

    table.delete_many = counted_delete  # type: ignore[method-assign]
    calls = itertools.count()

    def second_refused(step: Callable[[], object]) -> bool:
        if next(calls) == 1:
            return False
        step()
        return True

    run = history.start(undo=True)
    assert run is not None and run.total == 3
    step = history.undo(second_refused)
    assert step.edit is not None and not step.done
    assert (len(history), history.redoable, len(table.rows)) == (1, 0, 700)
    assert history.undo().done
    assert sorted(deleted) == sorted(r.id for r in added)  # each exactly once
    assert (len(history), history.redoable, table.rows) == (0, 1, {})
    assert history.redo().done and len(table.state()) == 1200


# --------------------------------------------------------------------------- records by id


def test_an_undone_deletion_comes_back_and_older_edits_follow_it() -> None:
    """As on the Calendar: a status change, then a deletion; undoing both re-creates the post
    under a new id, and the older step acts on that one; redoing them too."""
    table, aliases, history = Table(), Aliases(), EditHistory[RecordsEdit[Rec]]()
    post = table.add(Rec("post", 1))
    history.apply(edit(table, aliases, [post], [post.replace(value=2)]))
    history.apply(edit(table, aliases, [table.by_name("post")], []))
    assert table.state() == {}
    history.undo()
    back = table.by_name("post")
    assert back.id != post.id and back.value == 2
    history.undo()
    assert table.rows == {back.id: back.replace(value=1)}
    history.redo()
    history.redo()
    assert table.state() == {}
    history.undo()
    history.undo()
    assert table.state() == {"post": 1} and len(table.rows) == 1


def test_current_is_what_the_last_step_left() -> None:
    table, aliases = Table(), Aliases()
    created = edit(table, aliases, [], [Rec("a", 5)])
    created.apply()
    (stored,) = created.current
    assert stored.id and table.rows == {stored.id: stored}
    created.revert()
    assert created.current == () and table.state() == {}
    created.apply()
    (again,) = created.current
    assert again.id != stored.id and aliases.resolve(stored.id) == again.id


def test_a_record_gone_meanwhile_is_written_back() -> None:
    """A record deleted outside the history (another screen) is re-created, not a crash."""
    table, aliases = Table(), Aliases()
    record = table.add(Rec("a", 1))
    change = edit(table, aliases, [record], [record.replace(value=2)])
    change.apply()
    table.delete_many([record.id])
    change.revert()
    assert table.state() == {"a": 1}


# --------------------------------------------------------------------------- records by key


class Keyed:
    def __init__(self) -> None:
        self.rows: dict[str, Rec] = {}

    def set(self, obj: Rec) -> Rec:
        self.rows[obj.name] = obj
        return obj

    def clear(self, key: str) -> None:
        self.rows.pop(key, None)


def test_keyed_edit_sets_and_clears_by_key() -> None:
    records, history = Keyed(), EditHistory[KeyedEdit[Rec]]()
    label = Label.of("edits.today.done", task="t")
    history.apply(KeyedEdit(records, "k", None, Rec("k", 1), label, "today"))
    history.apply(KeyedEdit(records, "k", Rec("k", 1), Rec("k", 2), label, "today"))
    history.apply(KeyedEdit(records, "k", Rec("k", 2), None, label, "today"))
    assert records.rows == {}
    history.undo()
    assert records.rows == {"k": Rec("k", 2)}
    history.undo()
    history.undo()
    assert records.rows == {}
    history.redo()
    assert records.rows == {"k": Rec("k", 1)}


# --------------------------------------------------------------------------- messages


class _Made:
    def __init__(self, tab: str) -> None:
        self.tab = tab
        self.label = Label.of("edits.queue.replied", author="@emma")

    def apply(self) -> None: ...

    def revert(self) -> None: ...


def test_step_message_says_what_and_which_tab() -> None:
    made = _Made("queue")
    assert step_message(made, undone=True, tab="queue") == "Undone: replied to @emma"
    assert step_message(made, undone=False, tab="queue") == "Redone: replied to @emma"
    assert step_message(made, undone=True, tab="today") == "Undone (Queue): replied to @emma"
    set_language("fr")
    assert step_message(made, undone=True, tab="queue") == "Défait : répondu à @emma"
    assert step_message(made, undone=False, tab="stats") == "Refait (File) : répondu à @emma"


def test_labels_are_values_translated_when_shown() -> None:
    label = Label.of("edits.today.done", task="Publish on Instagram")
    assert label == Label("edits.today.done", (("task", "Publish on Instagram"),))
    assert label.text() == "marked “Publish on Instagram” done"
    set_language("fr")
    assert label.text() == "marqué « Publish on Instagram » comme fait"


# --------------------------------------------------------------------------- property


#: few names, so that edits often touch a record an earlier edit touched (or deleted)
names = st.sampled_from("abc")
kinds = st.sampled_from(
    ["create", "change", "delete", "swap", "undo", "undo", "redo", "redo", "refused"]
)
operations = st.lists(st.tuples(kinds, names, st.integers(0, 9)), min_size=20, max_size=80)


@settings(max_examples=150, deadline=None)
@given(ops=operations, depth=st.integers(1, 6))
def test_any_sequence_keeps_the_table_equal_to_the_model(
    ops: list[tuple[str, str, int]], depth: int
) -> None:
    """The model: the current state, the states undo goes back to (at most ``depth``) and
    those redo goes forward to. Edits create, change or delete one record, or change one and
    create another in one step (``swap``); refused writes change nothing."""
    table, aliases, history = Table(), Aliases(), EditHistory[RecordsEdit[Rec]](depth)
    state: dict[str, int] = {}
    past: list[dict[str, int]] = []
    future: list[dict[str, int]] = []
    fresh_names = itertools.count()

    def make(before: list[Rec], after: list[Rec], new_state: dict[str, int]) -> None:
        nonlocal state
        assert history.apply(edit(table, aliases, before, after))
        past.append(state)
        del past[:-depth]
        future.clear()
        state = new_state

    for op, name, value in ops:
        present = {r.name: r for r in table.rows.values()}
        if op == "create" and name not in present:
            make([], [Rec(name, value)], {**state, name: value})
        elif op == "change" and name in present:
            old = present[name]
            make([old], [old.replace(value=value)], {**state, name: value})
        elif op == "delete" and name in present:
            make([present[name]], [], {k: v for k, v in state.items() if k != name})
        elif op == "swap" and name in present:
            old, fresh = present[name], f"{name}{next(fresh_names)}"
            after = [old.replace(value=value), Rec(fresh, value)]
            make([old], after, {**state, name: value, fresh: value})
        elif op == "undo":
            step = history.undo()
            assert (step.edit is not None) == bool(past)
            if past:
                future.append(state)
                state = past.pop()
        elif op == "redo":
            step = history.redo()
            assert (step.edit is not None) == bool(future)
            if future:
                past.append(state)
                state = future.pop()
        elif op == "refused":
            history.undo(refused)
            history.redo(refused)
        assert table.state() == state
        assert (len(history), history.redoable) == (len(past), len(future))
        assert len(history) <= depth
