"""Does a stored document read back as its record? One check for open, restore and ``check``.

``bad_documents(data)`` yields, for every document of a known table that would not read back
(``schema.MODELS``; ``prefs`` documents need a text ``name`` and a ``value``), a ``BadDocument``
naming the table, the document and the field at fault: a required field missing, a value of the
wrong JSON type (a number where text is expected, text where a number is), an instant or a date
that does not parse, a value that is none of its enum's, a nested record with one of these; and
last the record class's own ``from_dict`` for what the fields alone do not show. The checks per
field are derived from the records' type hints (once per class), like ``schema.REQUIRED``, so
they follow the models without a second list to keep in sync.

The store opens a file only when this finds nothing (``load.check_documents``: the first
problem, one line), ``restore`` checks a backup with it before anything is replaced, and
``check`` lists what it finds. ``None`` is accepted in every field: ``from_dict`` reads it as the
field's default (a required field holding ``None`` then fails as the record). Costs about 5 µs
per document; a snapshot sealed by the journal skips it (see ``load``).
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from enum import Enum
from types import UnionType
from typing import Any

from cm_tui.core.i18n import t
from cm_tui.core.models import Record, parse_instant
from cm_tui.core.textsafe import cut
from cm_tui.core.value import Value, frozen
from cm_tui.store.schema import MODELS, PREFS_TABLE, REQUIRED, Data

#: A value quoted in a problem is cut to this many characters (a 10 MB text is not echoed).
QUOTE_CHARS = 40

#: Checks one field's value; returns the problem (translated) or ``None``. ``where`` is the
#: field's dotted name, for the problems of a nested record (``cadence.kind``).
FieldCheck = Callable[[Any, str], "tuple[str, str] | None"]


@frozen
class BadDocument(Value):
    """One document that does not read back as its record.

    ``field`` is the field at fault (``""``: the record as a whole; several names joined by
    ``", "`` when ``missing``), ``problem`` a translated phrase about its value.
    """

    table: str
    id: str
    field: str
    problem: str
    missing: bool = False

    def reason(self) -> str:
        """The one line a refused file gives: ``document queue #3, field status: …``."""
        if self.missing:
            return t("store.reason.missing_fields", table=self.table, id=self.id, fields=self.field)
        if self.field:
            return t(
                "store.reason.bad_field",
                table=self.table,
                id=self.id,
                field=self.field,
                problem=self.problem,
            )
        return t("store.reason.bad_record", table=self.table, id=self.id, problem=self.problem)

    def line(self) -> str:
        """The same problem as a line of ``cm-tui check``: ``queue #3, field status: …``."""
        if self.missing:
            detail = t("store.doc.lacks", fields=self.field)
            return t("store.check.doc_bad", table=self.table, id=self.id, detail=detail)
        if self.field:
            return t(
                "store.check.field_bad",
                table=self.table,
                id=self.id,
                field=self.field,
                problem=self.problem,
            )
        return t("store.check.doc_bad", table=self.table, id=self.id, detail=self.problem)


def bad_documents(
    data: Data, only: Mapping[str, Iterable[str]] | None = None
) -> Iterator[BadDocument]:
    """The documents of ``data`` that do not read back, table by table in name order.

    ``only``: check just these ids per table (the documents a journal replay touched); ids no
    longer in ``data`` are skipped.
    """
    for name in sorted(data if only is None else set(only) & set(data)):
        table = data[name]
        check = _table_check(name)
        if check is None:
            continue
        keys: Iterable[str] = table if only is None else [k for k in only[name] if k in table]
        for key in keys:
            found = check(table[key])
            if found is not None:
                field, problem, missing = found
                yield BadDocument(name, key, field, problem, missing)


def _table_check(name: str) -> Callable[[dict[str, Any]], tuple[str, str, bool] | None] | None:
    if name == PREFS_TABLE:
        return _check_pref
    model = MODELS.get(name)
    if model is None:
        return None
    required = REQUIRED[name]
    fields = _field_checks(model)

    def check(doc: dict[str, Any]) -> tuple[str, str, bool] | None:
        if not doc.keys() >= required:
            return ", ".join(sorted(required.difference(doc))), "", True
        found = _check_fields(fields, doc, "")
        if found is not None:
            return (*found, False)
        try:
            model.from_dict(doc)
        except Exception as exc:
            return "", _exception(exc), False
        return None

    return check


def _check_pref(doc: dict[str, Any]) -> tuple[str, str, bool] | None:
    if not doc.keys() >= REQUIRED[PREFS_TABLE]:
        return ", ".join(sorted(REQUIRED[PREFS_TABLE].difference(doc))), "", True
    if not isinstance(doc["name"], str):
        return "name", _problem("store.doc.not_text", doc["name"]), False
    return None


def _check_fields(
    fields: dict[str, FieldCheck], doc: Mapping[str, Any], prefix: str
) -> tuple[str, str] | None:
    for name, value in doc.items():
        check = fields.get(name)
        if check is not None and value is not None:
            found = check(value, prefix + name)
            if found is not None:
                return found
    return None


_CHECKS: dict[type, dict[str, FieldCheck]] = {}


def _field_checks(model: type[Record]) -> dict[str, FieldCheck]:
    """Field name -> its check, for the fields whose type says what JSON they hold."""
    checks = _CHECKS.get(model)
    if checks is None:
        hints = typing.get_type_hints(model)
        checks = {}
        for name in model.field_names():
            check = _check_for(hints[name])
            if check is not None:
                checks[name] = check
        _CHECKS[model] = checks
    return checks


def _check_for(hint: Any) -> FieldCheck | None:
    if isinstance(hint, UnionType):  # ``X | None``: None is accepted before any check
        kinds = [arg for arg in hint.__args__ if arg is not type(None)]
        return _check_for(kinds[0]) if len(kinds) == 1 else None
    if hint is bool:
        return _expect(lambda v: type(v) is bool, "store.doc.not_bool")
    if hint is int:  # a float is let through: a number, even if not whole, reads back
        return _expect(lambda v: type(v) in (int, float), "store.doc.not_number")
    if hint is float:
        return _expect(lambda v: type(v) in (int, float), "store.doc.not_number")
    if hint is str:
        return _expect(lambda v: type(v) is str, "store.doc.not_text")
    if hint is datetime:
        return _parses(parse_instant, "store.doc.not_instant")
    if hint is date:
        return _parses(date.fromisoformat, "store.doc.not_date")
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _one_of(hint)
    if isinstance(hint, type) and issubclass(hint, Record):
        return _nested(hint)
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        item = args[0] if len(args) == 2 and args[1] is Ellipsis else None
        return _list_of(_check_for(item) if item is not None else None)
    return None


def _expect(ok: Callable[[Any], bool], key: str) -> FieldCheck:
    def check(value: Any, where: str) -> tuple[str, str] | None:
        return None if ok(value) else (where, _problem(key, value))

    return check


def _parses(parse: Callable[[str], Any], key: str) -> FieldCheck:
    def check(value: Any, where: str) -> tuple[str, str] | None:
        if type(value) is str:
            try:
                parse(value)
                return None
            except (ValueError, OverflowError):
                pass
        return where, _problem(key, value)

    return check


def _one_of(enum: type[Enum]) -> FieldCheck:
    values = {member.value for member in enum}
    choices = ", ".join(str(member.value) for member in enum)

    def check(value: Any, where: str) -> tuple[str, str] | None:
        if type(value) is str and value in values:
            return None
        return where, _problem("store.doc.not_one_of", value, choices=choices)

    return check


def _nested(model: type[Record]) -> FieldCheck:
    def check(value: Any, where: str) -> tuple[str, str] | None:
        if type(value) is not dict:
            return where, _problem("store.doc.not_object", value)
        return _check_fields(_field_checks(model), value, where + ".")

    return check


def _list_of(item: FieldCheck | None) -> FieldCheck:
    def check(value: Any, where: str) -> tuple[str, str] | None:
        if type(value) is not list:
            return where, _problem("store.doc.not_list", value)
        if item is not None:
            for index, element in enumerate(value):
                if element is None:
                    continue
                found = item(element, f"{where}[{index}]")
                if found is not None:
                    return found
        return None

    return check


def _problem(key: str, value: Any, **extra: Any) -> str:
    return t(key, value=quote(value), **extra)


def quote(value: Any) -> str:
    """``value`` as JSON, ASCII only (nothing a terminal would obey), cut to ``QUOTE_CHARS``."""
    try:
        text = json.dumps(value, ensure_ascii=True)
    except (TypeError, ValueError):
        text = repr(type(value))
    return cut(text, QUOTE_CHARS)


def _exception(exc: BaseException) -> str:
    """``Kind: message`` on one line, escaped like ``quote`` (the message may quote a value)."""
    text = json.dumps(" ".join(str(exc).split()), ensure_ascii=True)[1:-1]
    return f"{type(exc).__name__}: {cut(text, 4 * QUOTE_CHARS)}"
