"""Stored texts that would act on a terminal: a finding of ``cm-tui check``.

Import removes control characters and bidi overrides (``textsafe.clean_text``), so a store whose
texts hold some was restored from an edited backup or edited by hand. The app and the command
line never send them to the terminal (``textsafe.for_terminal``), but ``check`` must not call
such a store sound: ``control_text_problems`` names each field that holds one, without quoting
it (the line itself goes to a terminal).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cm_tui.core.i18n import t
from cm_tui.core.textsafe import has_terminal_controls


def control_text_problems(data: Mapping[str, Mapping[str, Any]]) -> Iterator[str]:
    """One translated line per (table, document, field) whose text holds a character
    ``for_terminal`` would replace; tables and documents in order, nested fields dotted."""
    for table in sorted(data):
        documents = data[table]
        for key in sorted(documents, key=_id_order):
            doc = documents[key]
            if not isinstance(doc, Mapping):
                continue
            for field in sorted(doc):
                if _holds_controls(doc[field]):
                    yield from _lines(table, key, field, doc[field])


def _lines(table: str, key: str, field: str, value: Any) -> Iterator[str]:
    if isinstance(value, Mapping):
        for name in sorted(value):
            if _holds_controls(value[name]):
                yield from _lines(table, key, f"{field}.{name}", value[name])
        return
    yield t("store.check.text_controls", table=table, id=key, field=field)


def _holds_controls(value: Any) -> bool:
    if isinstance(value, str):
        return has_terminal_controls(value)
    if isinstance(value, Mapping):
        return any(_holds_controls(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_holds_controls(v) for v in value)
    return False


def _id_order(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)
