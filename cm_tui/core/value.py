"""Value types: dataclasses that share one ``__eq__``, ``__hash__`` and ``__repr__``.

A dataclass compiles the source of every method it generates when its module is imported: six
for a frozen class (about 75 µs each). Start-up imports about forty of them, so ``@frozen``
generates only what must be per class (``__init__``, and the frozen ``__setattr__`` and
``__delattr__``) and ``Value`` brings the rest (the start-up path's dataclass creation went
from about 16.8 to 13.8 ms, medians of 9 fresh imports), with the dataclass behaviour:

* ``==`` compares the fields, in order, of two instances of the same class (another class:
  ``NotImplemented``);
* ``hash()`` hashes the fields (frozen values only: ``Record`` sets ``__hash__ = None``);
* ``repr()`` is ``Name(field=value, ...)``.

Every field takes part in all three: no ``field(compare=False)``, ``repr=False`` or
``hash=...`` on a ``Value`` (``frozen`` refuses them).
"""

from __future__ import annotations

import dataclasses
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
    """``@dataclass(frozen=True, slots=slots)`` for a ``Value`` subclass, without the generated
    ``__eq__``/``__hash__``/``__repr__`` (``Value``'s do the same). ``@frozen`` or
    ``@frozen(slots=False)`` (for a ``cached_property``)."""

    def wrap(cls: type[V]) -> type[V]:
        if not issubclass(cls, Value):
            raise TypeError(f"@frozen needs a Value subclass, not {cls.__name__}")
        made = dataclasses.dataclass(frozen=True, slots=slots, eq=False, repr=False)(cls)
        for f in dataclasses.fields(made):
            if not (f.compare and f.repr and f.hash is None):
                raise TypeError(f"{cls.__name__}.{f.name}: a Value field takes part in eq/repr")
        return made

    return wrap if cls is None else wrap(cls)
