"""``core.value``: ``@frozen`` and ``@mutable`` value types behave as ``@dataclass(frozen=True)``
and ``@dataclass`` ones do."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import Any, ClassVar
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cm_tui.core import value as value_module
from cm_tui.core.models import NetworkProfile
from cm_tui.core.value import Value, frozen, mutable


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


@frozen
class Tagged(Value):
    """Defaults, a factory and a ``__post_init__``, as the models have them."""

    name: str
    tags: tuple[str, ...] = field(default_factory=tuple)
    count: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", tuple(sorted(self.tags)))


@dataclass(frozen=True, slots=True)
class DataclassTagged:
    name: str
    tags: tuple[str, ...] = field(default_factory=tuple)
    count: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", tuple(sorted(self.tags)))


@mutable
class MutableTagged(Value):
    name: str
    tags: tuple[str, ...] = field(default_factory=tuple)
    count: int = 1

    def __post_init__(self) -> None:
        self.tags = tuple(sorted(self.tags))


@dataclass(slots=True)
class DataclassMutableTagged:
    name: str
    tags: tuple[str, ...] = field(default_factory=tuple)
    count: int = 1

    def __post_init__(self) -> None:
        self.tags = tuple(sorted(self.tags))


calls = st.one_of(
    st.tuples(st.tuples(st.text(max_size=3)), st.fixed_dictionaries({})),
    st.tuples(
        st.tuples(st.text(max_size=3), st.lists(st.text(max_size=2), max_size=3)),
        st.fixed_dictionaries({}, optional={"count": st.integers()}),
    ),
    st.tuples(
        st.tuples(),
        st.fixed_dictionaries(
            {"name": st.text(max_size=3)},
            optional={"tags": st.lists(st.text(max_size=2)), "count": st.integers()},
        ),
    ),
    st.just((("a", (), 2, 3), {})),
    st.tuples(st.just(()), st.fixed_dictionaries({}, optional={"count": st.integers()})),
    st.just((("a",), {"name": "b"})),
    st.just((("a",), {"colour": "b"})),
)


def tagged_class(decorator: Any) -> type:
    """A fresh ``Tagged`` (its ``__init__`` not compiled yet)."""

    class Fresh(Value):
        name: str
        tags: tuple[str, ...] = field(default_factory=tuple)
        count: int = 1

        def __post_init__(self) -> None:
            object.__setattr__(self, "tags", tuple(sorted(self.tags)))

    return decorator(Fresh)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("decorator", "their_cls"),
    [(frozen, DataclassTagged), (mutable, DataclassMutableTagged)],
    ids=["frozen", "mutable"],
)
@pytest.mark.parametrize("compile_after", [0, 1_000_000], ids=["compiled", "generic"])
@given(call=calls)
def test_init_takes_what_a_dataclass_takes(
    decorator: Any, their_cls: type, compile_after: int, call: tuple
) -> None:
    """Positional, keyword, missing, extra and doubled arguments: the same values or the
    same error (a factory runs per instance, ``__post_init__`` runs last), whether the
    class's ``__init__`` is compiled or still binds the arguments itself."""
    args, kwargs = call
    with patch.object(value_module, "COMPILE_AFTER", compile_after):
        ours_cls = tagged_class(decorator)
        try:
            theirs = their_cls(*args, **kwargs)
        except TypeError:
            with pytest.raises(TypeError):
                ours_cls(*args, **kwargs)
            return
        ours = ours_cls(*args, **kwargs)
    assert (ours.name, ours.tags, ours.count) == (theirs.name, theirs.tags, theirs.count)
    compiled = "__v_self" in ours_cls.__init__.__code__.co_varnames
    assert compiled is (compile_after == 0)


def test_copy_pickle_and_replace_keep_a_value_frozen() -> None:
    value = Tagged("a", ("z", "b"), 3)
    for clone in (copy.copy(value), copy.deepcopy(value), pickle.loads(pickle.dumps(value))):
        assert clone == value and clone.tags == ("b", "z")
        with pytest.raises(dataclasses.FrozenInstanceError):
            clone.count = 4  # type: ignore[misc]
    assert dataclasses.replace(value, count=5) == Tagged("a", ("b", "z"), 5)


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

    with pytest.raises(TypeError, match="takes part"):

        @frozen
        class KeywordOnly(Value):
            x: int = field(default=0, kw_only=True)

    with pytest.raises(TypeError, match="follows"):

        @frozen
        class Misordered(Value):
            x: int = 0
            y: int  # type: ignore[misc]


def test_records_compare_by_fields_and_are_not_hashable() -> None:
    def network(name: str) -> NetworkProfile:
        return NetworkProfile(key="x", name=name, char_limit=280, target_min=1, target_max=2)

    assert network("X") == network("X")
    assert network("X") != network("Twitter")
    assert repr(network("X")).startswith("NetworkProfile(key='x', name='X', char_limit=280")
    with pytest.raises(TypeError):
        hash(network("X"))


def test_a_mutable_value_takes_changes_and_is_not_hashable() -> None:
    value = MutableTagged("a", ("z", "b"))
    value.count = 4
    assert value == MutableTagged("a", ("b", "z"), 4)
    assert repr(value) == "MutableTagged(name='a', tags=('b', 'z'), count=4)"
    with pytest.raises(TypeError):
        hash(value)
    for clone in (copy.copy(value), copy.deepcopy(value), pickle.loads(pickle.dumps(value))):
        assert clone == value and clone is not value
    assert dataclasses.replace(value, name="b") == MutableTagged("b", ("b", "z"), 4)


def test_init_is_compiled_after_a_few_instances_and_serves_subclasses_too() -> None:
    """The first ``COMPILE_AFTER`` instances bind their arguments without compiling; the
    next one compiles ``__init__`` for the class, possibly through a subclass."""

    @mutable
    class Base(Value):
        x: int
        y: int = 2

    class Child(Base):
        __slots__ = ()

    stub = Base.__init__
    made = [Base(i) for i in range(value_module.COMPILE_AFTER)]
    assert Base.__init__ is stub and [m.y for m in made] == [2] * len(made)
    assert (Child(1).x, Child(1).y) == (1, 2)
    assert Base.__init__ is not stub and Base.__init__ is Child.__init__
    assert Base(3) == Base(3, 2)
    with pytest.raises(TypeError):
        Base()  # type: ignore[call-arg]


def test_fields_asdict_and_match_args_are_a_dataclasss() -> None:
    """What ``dataclasses`` reads of a value class is what it reads of the same dataclass:
    fields in order with their types and defaults (``ClassVar`` left out, inherited fields
    first), ``asdict``, ``is_dataclass`` and ``__match_args__``."""

    @frozen
    class Base(Value):
        kind: ClassVar[str] = "base"
        name: str
        tags: tuple[str, ...] = field(default_factory=tuple)

    @frozen
    class Derived(Base):
        count: int = 1

    @dataclass(frozen=True, slots=True)
    class TheirBase:
        kind: ClassVar[str] = "base"
        name: str
        tags: tuple[str, ...] = field(default_factory=tuple)

    @dataclass(frozen=True, slots=True)
    class TheirDerived(TheirBase):
        count: int = 1

    def described(cls: Any) -> list[tuple[Any, ...]]:
        return [
            (f.name, f.type, f.default, f.default_factory, f.init, f.kw_only)
            for f in dataclasses.fields(cls)
        ]

    assert described(Derived) == described(TheirDerived)
    assert dataclasses.is_dataclass(Derived) and Derived.kind == "base"
    assert Derived.__match_args__ == TheirDerived.__match_args__ == ("name", "tags", "count")
    assert dataclasses.asdict(Derived("a", ("b",))) == {"name": "a", "tags": ("b",), "count": 1}
    assert Derived.__slots__ == ("count",) and not hasattr(Derived("a"), "__dict__")
    assert "tags" not in Base.__dict__ or not isinstance(Base.__dict__["tags"], dataclasses.Field)

    with pytest.raises(ValueError, match="mutable default"):

        @frozen
        class Mutable(Value):
            items: list[int] = []

    with pytest.raises(TypeError, match="no type annotation"):

        @frozen
        class Unannotated(Value):
            x = field(default=0)
