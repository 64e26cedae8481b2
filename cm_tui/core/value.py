"""Value types: dataclasses that share one ``__eq__``, ``__hash__`` and ``__repr__``.

A dataclass compiles the source of every method it generates when its module is imported: up
to six per class, 40 to 150 µs each, and start-up imports about forty classes. So ``@frozen``
and ``@mutable`` compile only ``__init__`` (the one method that must be per class), and only
once the class has made a few instances (``_lazy_init``: most classes make none or one before
the first frame);
``Value`` brings ``__eq__``, ``__hash__`` and ``__repr__``, and ``@frozen`` shares one refusing
``__setattr__`` and ``__delattr__`` between all classes. Measured on the start-up path (medians
of 9 fresh imports): its dataclasses went from 16.8 to 13.8 ms with the first step; its 21
``@frozen`` classes then went from 7.0 to 3.0 ms with the second. Moving the 22 plain
dataclasses (records, the store's loader, the app's context) to ``@mutable`` took what all
classes cost to the first frame from 8.1 to 4.7 ms; binding the first instances without
compiling took the compilations before the first frame from 28 classes (2.5 ms) to 7 (0.8 ms).
Nor do they run ``dataclasses.dataclass``: ``_make_value_class`` builds the same fields, the
same slotted class and what ``dataclasses.fields``, ``replace`` and ``asdict`` read, in one
pass (15M instructions less to the first frame, with its 58 classes).
The behaviour is the dataclass one:

* ``==`` compares the fields, in order, of two instances of the same class (another class:
  ``NotImplemented``);
* ``hash()`` hashes the fields of a ``@frozen`` value; a ``@mutable`` one is not hashable;
* ``repr()`` is ``Name(field=value, ...)``;
* ``__init__`` takes the fields in order, defaults and ``default_factory`` included, then calls
  ``__post_init__`` if there is one; setting or deleting a field of a ``@frozen`` value raises
  ``FrozenInstanceError``; ``dataclasses.replace``, ``copy`` and ``pickle`` work.

Every field takes part in all of it: no ``field(compare=False)``, ``repr=False``, ``hash=...``,
``init=False`` or ``kw_only`` on a ``Value`` (the decorators refuse them).
"""

from __future__ import annotations

import dataclasses
import inspect
import types
from collections.abc import Iterable
from typing import Any, ClassVar, TypeVar, dataclass_transform

V = TypeVar("V", bound="Value")


class Value:
    __slots__ = ()
    _FIELDS: ClassVar[tuple[str, ...]]

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The dataclass fields of the class, in order (computed once per class)."""
        names = cls.__dict__.get("_FIELDS")
        if names is None:
            names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
            cls._FIELDS = names
        return names

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.field_names()])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.field_names())
        return f"{type(self).__qualname__}({fields})"


@dataclass_transform(frozen_default=True)
def frozen(cls: type[V] | None = None, *, slots: bool = True) -> Any:
    """``@dataclass(frozen=True, slots=slots)`` for a ``Value`` subclass, compiling only its
    ``__init__`` (see the module doc). ``@frozen`` or ``@frozen(slots=False)`` (for a
    ``cached_property``)."""
    return _decorator(cls, slots=slots, frozen=True)


@dataclass_transform()
def mutable(cls: type[V] | None = None, *, slots: bool = True) -> Any:
    """``@dataclass(slots=slots)`` for a ``Value`` subclass: fields can be assigned, so its
    instances are not hashable (``__hash__`` is ``None``, as with a dataclass's ``eq``)."""
    return _decorator(cls, slots=slots, frozen=False)


def _decorator(cls: type[V] | None, *, slots: bool, frozen: bool) -> Any:
    def wrap(cls: type[V]) -> type[V]:
        return _make_value_class(cls, slots=slots, frozen=frozen)

    return wrap if cls is None else wrap(cls)


def _make_value_class(cls: type[V], *, slots: bool, frozen: bool) -> type[V]:
    """What ``dataclass(init=False, repr=False, eq=False, slots=slots)`` makes of ``cls``, built
    here in one pass (see the module doc): the same ``__dataclass_fields__`` (so
    ``dataclasses.fields``, ``replace`` and ``asdict`` work), ``__dataclass_params__``,
    ``__match_args__`` and, with ``slots``, the same slotted class."""
    if not issubclass(cls, Value):
        raise TypeError(f"@frozen and @mutable need a Value subclass, not {cls.__name__}")
    fields = _fields(cls)
    names = tuple(fields)
    if not cls.__doc__:  # what dataclass writes, without its costly inspect.signature
        cls.__doc__ = f"{cls.__name__}({', '.join(inspect.get_annotations(cls))})"
    if slots:
        cls = _slotted(cls, names)
    cls.__dataclass_fields__ = fields  # type: ignore[attr-defined]
    cls.__dataclass_params__ = _PARAMS  # type: ignore[attr-defined]
    if "__match_args__" not in cls.__dict__:
        cls.__match_args__ = names  # type: ignore[attr-defined,misc]
    binder = _Binder(cls, tuple(fields.values()))
    cls._FIELDS = names
    cls.__init__ = _lazy_init(cls, binder, frozen)  # type: ignore[method-assign]
    if not frozen:
        cls.__hash__ = None  # type: ignore[assignment]
        return cls
    cls.__setattr__ = _refuse_setattr  # type: ignore[method-assign,assignment]
    cls.__delattr__ = _refuse_delattr  # type: ignore[method-assign,assignment]
    if slots:  # what a frozen dataclass with slots adds, for copy and pickle
        cls.__getstate__ = Value._values  # type: ignore[method-assign,assignment]
        cls.__setstate__ = _set_state  # type: ignore[attr-defined]
    return cls


#: the ``__dataclass_params__`` of every value class: those of a dataclass made with
#: ``init=False, repr=False, eq=False`` (the methods are ``Value``'s and ``_lazy_init``'s)
_PARAMS = dataclasses.dataclass(init=False, repr=False, eq=False)(
    type("_Params", (), {"__doc__": "a docstring: no inspect.signature"})
).__dataclass_params__  # type: ignore[attr-defined]


def _fields(cls: type) -> dict[str, dataclasses.Field[Any]]:
    """The dataclass fields of ``cls``: its bases' then its own annotations, in order, less the
    ``ClassVar`` ones, each with its default (a class attribute or a ``field()``), as
    ``dataclasses`` reads them (CPython's ``_process_class`` and ``_get_field``: a field is a
    ``Field`` named and typed, whose ``_field_type`` is ``dataclasses._FIELD``). The class
    attributes of ``field()`` defaults are replaced by the default, or removed."""
    fields: dict[str, dataclasses.Field[Any]] = {}
    for base in cls.__mro__[-1:0:-1]:
        fields.update(getattr(base, "__dataclass_fields__", {}))
    for name, annotation in inspect.get_annotations(cls).items():
        if _is_classvar(annotation):
            continue
        default = getattr(cls, name, dataclasses.MISSING)
        if isinstance(default, dataclasses.Field):
            f = default
            if f.default is dataclasses.MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        else:
            if isinstance(default, types.MemberDescriptorType):  # a base's slot
                default = dataclasses.MISSING
            elif default.__class__.__hash__ is None:
                raise ValueError(
                    f"mutable default {type(default)} for field {name} is not allowed:"
                    " use default_factory"
                )
            f = dataclasses.field(default=default)  # type: ignore[arg-type]
        f.name = name
        f.type = annotation
        f._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
        if not (f.compare and f.repr and f.hash is None and f.init and f.kw_only in _NO_KW):
            raise TypeError(f"{cls.__name__}.{name}: a Value field takes part in all")
        f.kw_only = False  # type: ignore[assignment]
        fields[name] = f
    for name, value in cls.__dict__.items():
        if isinstance(value, dataclasses.Field):
            raise TypeError(f"{name!r} is a field but has no type annotation")
    return fields


_NO_KW = (dataclasses.MISSING, False)


_CLASSVAR_NAMES = ("ClassVar", "typing.ClassVar")


def _is_classvar(annotation: Any) -> bool:
    """A ``ClassVar[...]`` annotation, written (``from __future__ import annotations``) or not."""
    if isinstance(annotation, str):
        return (
            annotation.startswith(("ClassVar[", "typing.ClassVar["))
            or annotation in _CLASSVAR_NAMES
        )
    return annotation is ClassVar or getattr(annotation, "__origin__", None) is ClassVar


def _slotted(cls: type[V], names: tuple[str, ...]) -> type[V]:
    """``cls`` made again with ``__slots__`` for its fields (less its bases' slots), as a
    dataclass with ``slots=True`` makes it."""
    namespace = dict(cls.__dict__)
    if "__slots__" in namespace:
        raise TypeError(f"{cls.__name__} already specifies __slots__")
    inherited = {
        slot for base in cls.__mro__[1:-1] for slot in _slots_of(base.__dict__.get("__slots__", ()))
    }
    namespace["__slots__"] = tuple(name for name in names if name not in inherited)
    for name in names:
        namespace.pop(name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    made: type[V] = type(cls)(cls.__name__, cls.__bases__, namespace)  # type: ignore[misc]
    made.__qualname__ = cls.__qualname__
    return made


def _slots_of(slots: str | Iterable[str]) -> Iterable[str]:
    return (slots,) if isinstance(slots, str) else slots


def _refuse_setattr(self: Value, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delattr(self: Value, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _set_state(self: Value, state: tuple[Any, ...]) -> None:
    for name, value in zip(self.field_names(), state, strict=True):
        object.__setattr__(self, name, value)


#: instances a class makes through the generic ``__init__`` before its own is compiled
COMPILE_AFTER = 8


def _lazy_init(cls: type, binder: _Binder, frozen: bool) -> Any:
    """The class's ``__init__`` until it is compiled: it binds the arguments itself for the
    first ``COMPILE_AFTER`` instances, then compiles the real one, puts it on the class and
    runs it. Compiling costs 30 to 350 µs per class and binding here about 3 µs per call, so a
    class made once or twice (settings, the store's loader, most rows of a screen) never pays
    for the compilation, and one made by the thousand (records) pays for it once, early."""
    assign = object.__setattr__ if frozen else setattr
    post_init = hasattr(cls, "__post_init__")
    calls = 0

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        if calls > COMPILE_AFTER:
            init = _compiled_init(cls, binder, frozen)
            cls.__init__ = init  # type: ignore[misc]
            init(self, *args, **kwargs)
            return
        for name, value in zip(binder.names, binder.bind(args, kwargs), strict=True):
            assign(self, name, value)
        if post_init:
            self.__post_init__()

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


class _Binder:
    """Python's binding of ``__init__(self, field, ...)`` arguments to the fields: the same
    values, and a ``TypeError`` for the calls it refuses. Also what the compiled ``__init__``
    is made from: the fields' names and defaults, read once, in the class's order (a field
    without a default after one with is refused here)."""

    __slots__ = ("defaults", "names", "positions", "where")

    def __init__(self, cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> None:
        self.where = f"{cls.__qualname__}.__init__()"
        self.names = tuple(f.name for f in fields)
        self.positions = {name: index for index, name in enumerate(self.names)}
        #: per field: (False, default value), (True, factory) or None (required)
        self.defaults: list[tuple[bool, Any] | None] = [
            (False, f.default)
            if f.default is not dataclasses.MISSING
            else (True, f.default_factory)
            if f.default_factory is not dataclasses.MISSING
            else None
            for f in fields
        ]
        required = [index for index, default in enumerate(self.defaults) if default is None]
        misplaced = next((i for rank, i in enumerate(required) if i != rank), None)
        if misplaced is not None:
            name = self.names[misplaced]
            raise TypeError(f"{cls.__name__}.{name}: a field without a default follows one with")

    def bind(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[Any]:
        given = len(args)
        if given > len(self.names):
            raise TypeError(
                f"{self.where} takes {len(self.names) + 1} positional arguments"
                f" but {given + 1} were given"
            )
        values: list[Any] = [*args, *[_UNSET] * (len(self.names) - given)]
        for key, value in kwargs.items():
            index = self.positions.get(key)
            if index is None:
                raise TypeError(f"{self.where} got an unexpected keyword argument {key!r}")
            if index < given:
                raise TypeError(f"{self.where} got multiple values for argument {key!r}")
            values[index] = value
        for index, value in enumerate(values):
            if value is _UNSET:
                default = self.defaults[index]
                if default is None:
                    raise TypeError(f"{self.where} missing argument {self.names[index]!r}")
                is_factory, made = default
                values[index] = made() if is_factory else made
        return values


_UNSET = object()


def _compiled_init(cls: type, binder: _Binder, frozen: bool) -> Any:
    """The dataclass ``__init__`` for the binder's fields (one compiled function); a frozen
    class's sets them through ``object.__setattr__``."""
    env: dict[str, Any] = {"__v_set": object.__setattr__, "__v_missing": dataclasses.MISSING}
    params: list[str] = []
    lines: list[str] = []
    for name, default in zip(binder.names, binder.defaults, strict=True):
        value = name
        if default is None:
            params.append(name)
        elif default[0]:
            env[f"__v_factory_{name}"] = default[1]
            params.append(f"{name}=__v_missing")
            value = f"__v_factory_{name}() if {name} is __v_missing else {name}"
        else:
            env[f"__v_default_{name}"] = default[1]
            params.append(f"{name}=__v_default_{name}")
        if frozen:
            lines.append(f"    __v_set(__v_self, {name!r}, {value})")
        else:
            lines.append(f"    __v_self.{name} = {value}")
    if hasattr(cls, "__post_init__"):
        lines.append("    __v_self.__post_init__()")
    source = f"def __init__(__v_self, {', '.join(params)}):\n" + "\n".join(lines or ["    pass"])
    exec(source, env)
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init
