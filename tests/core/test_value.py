"""``core.value``: ``@frozen`` value types behave as ``@dataclass(frozen=True)`` ones do."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cm_tui.core.models import NetworkProfile
from cm_tui.core.value import Value, frozen


@frozen
class Point(Value):
    x: int
    y: int = 0
    label: str = ""


@dataclass(frozen=True, slots=True)
class DataclassPoint:
    x: int
    y: int = 0
    label: str = ""


@frozen
class Other(Value):
    x: int
    y: int = 0
    label: str = ""


values = st.tuples(st.integers(), st.integers(), st.text(max_size=5))


@given(values, values)
def test_eq_hash_and_repr_match_a_frozen_dataclass(a: tuple, b: tuple) -> None:
    ours_a, ours_b = Point(*a), Point(*b)
    theirs_a, theirs_b = DataclassPoint(*a), DataclassPoint(*b)
    assert (ours_a == ours_b) is (theirs_a == theirs_b)
    assert (ours_a != ours_b) is (theirs_a != theirs_b)
    assert hash(ours_a) == hash(theirs_a)
    assert repr(ours_a) == repr(theirs_a).replace("DataclassPoint", "Point")


def test_instances_of_another_class_are_never_equal() -> None:
    assert Point(1, 2, "a") != Other(1, 2, "a")
    assert Point(1) != (1, 0, "")
    assert len({Point(1), Point(1), Point(2)}) == 2


def test_a_frozen_value_refuses_changes_and_replace_works() -> None:
    point = Point(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.x  # type: ignore[misc]
    assert dataclasses.replace(point, x=3) == Point(3, 2)
    assert Point.field_names() == ("x", "y", "label")


def test_frozen_needs_a_value_and_fields_that_all_compare() -> None:
    with pytest.raises(TypeError, match="Value subclass"):

        @frozen
        class Plain:
            x: int

    with pytest.raises(TypeError, match="takes part"):

        @frozen
        class Hidden(Value):
            x: int = field(default=0, compare=False)


def test_records_compare_by_fields_and_are_not_hashable() -> None:
    def network(name: str) -> NetworkProfile:
        return NetworkProfile(key="x", name=name, char_limit=280, target_min=1, target_max=2)

    assert network("X") == network("X")
    assert network("X") != network("Twitter")
    assert repr(network("X")).startswith("NetworkProfile(key='x', name='X', char_limit=280")
    with pytest.raises(TypeError):
        hash(network("X"))
