"""``Record.to_dict`` works from a per-class plan (``Record._dict_plan``, worked out once): the
documents it writes are those of the field-by-field rules it replaced, for every stored class,
with values set and left empty."""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from typing import Any

import pytest

from cm_tui.core.models import Record, _is_empty, format_instant
from tests.store.samples import samples


def reference_dict(record: Record) -> dict[str, Any]:
    """The rules as written field by field before the plan (the contract of ``to_dict``)."""
    out: dict[str, Any] = {}
    empty_by_default = record.empty_by_default()
    for name in record.field_names():
        value = getattr(record, name)
        if name in empty_by_default and _is_empty(value):
            continue
        if value is not None:
            if name in record.INSTANTS:
                value = format_instant(value)
            elif name in record.DATES:
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = [list(v) if isinstance(v, tuple) else v for v in value]
            elif isinstance(value, StrEnum):
                value = value.value
        out[name] = value
    return out


def _emptied(record: Record) -> Record:
    """``record`` with every field that may be empty emptied (``None``, ``""``, ``()``)."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if isinstance(value, str) and f.name in record.empty_by_default():
            changes[f.name] = ""
        elif isinstance(value, tuple) and f.name in record.empty_by_default():
            changes[f.name] = ()
    try:
        return record.replace(**changes)
    except (ValueError, TypeError):
        return record


@pytest.mark.parametrize("name", sorted(samples()))
def test_to_dict_writes_what_the_field_rules_say(name: str) -> None:
    record = samples()[name]
    records = record if isinstance(record, list) else [record]
    for one in records:
        if not isinstance(one, Record):
            continue
        assert Record.to_dict(one) == reference_dict(one)
        empty = _emptied(one)
        assert Record.to_dict(empty) == reference_dict(empty)
