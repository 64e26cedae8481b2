"""The one translation function: every user-visible string goes through ``t()``.

Messages live in ``cm_tui/core/messages/<area>.py`` as ``MESSAGES = {key: (english, french)}``,
so a message can never exist in one language only (a test checks the placeholders match).

A message that holds a count gives, in each language, its texts by CLDR plural category
(``{"one": "{count} task", "other": "{count} tasks"}``): ``t()`` picks the form of the ``count``
placeholder with the language's plural rules (French 0 and 1 are singular, English 1 only; a
missing category falls back to ``other``) and writes an ``int`` count with the language's digit
grouping (``core.locale``). Any other number placeholder is formatted by the caller with
``core.locale``: ``t()`` cannot tell a quantity from an identifier (a pid, a line number).

A placeholder that names a file (``FILE_PLACEHOLDERS``: ``{path}``, ``{file}``, ``{db}``...) is
shown on one visible line (``textsafe.one_line``): every message that quotes a file name gets
it, CLI and TUI alike (docs/architecture.md, "Untrusted text and the terminal").

A key's first segment names its area (``"queue.alert.due15"`` lives in ``messages/queue.py``);
keys whose first segment is no area (``"save"``, ``"app.title"``) live in ``messages/common.py``.
``t()`` imports an area the first time one of its keys is asked for: start-up pays for the
areas it shows (about 7 ms for all of them), and a key can only be defined in one place (a test
checks every area's keys against this rule).
"""

from __future__ import annotations

import importlib
import locale
import os
from collections.abc import Mapping
from typing import Any

from cm_tui.core import locale as l10n
from cm_tui.core.textsafe import one_line

LANGUAGES = ("en", "fr")
_language = "en"


#: a message in one language: its text, or its texts by CLDR plural category
Text = str | Mapping[str, str]
#: an area's messages: key -> (English, French)
Messages = dict[str, tuple[Text, Text]]

#: placeholders that name a file, a folder or a path (``{name}`` is an inbox file's name, or a
#: name typed on one line already): ``t()`` shows their value on one visible line
#: (``textsafe.one_line``, newline as U+240A), so a file name with a newline or an escape
#: sequence can never split a message nor act on the terminal, whoever builds the message
FILE_PLACEHOLDERS = frozenset(
    ("path", "paths", "file", "name", "db", "journal", "folder", "backup", "backups", "moved",
     "source", "link")
)  # fmt: skip

COMMON_AREA = "common"
_areas: dict[str, Messages] = {}


def _area_module(name: str) -> Any:
    if name.isidentifier():  # not a text (Textual's own "Scroll Left"): no import to try
        try:
            return importlib.import_module(f"cm_tui.core.messages.{name}")
        except ModuleNotFoundError:
            pass
    return importlib.import_module(f"cm_tui.core.messages.{COMMON_AREA}")


def area_of(key: str) -> Messages:
    """The messages of ``key``'s area (imported on first use)."""
    name = key.partition(".")[0]
    found = _areas.get(name)
    if found is None:
        found = _areas[name] = _area_module(name).MESSAGES
    return found


def area_names() -> list[str]:
    """Every message area (module of ``cm_tui/core/messages``), ``common`` included."""
    import pkgutil  # only checks and tools list the areas: start-up does not pay for it

    from cm_tui.core import messages

    return sorted(info.name for info in pkgutil.iter_modules(messages.__path__))


def catalog() -> Messages:
    """Every message of every area (for checks and tools; ``t()`` reads one area at a time)."""
    merged: Messages = {}
    for name in area_names():
        merged.update(_area_module(name).MESSAGES)
    return merged


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    global _language
    _language = lang


def language() -> str:
    return _language


def default_language() -> str:
    """French when the user's locale is French, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    code = locale.getlocale()[0] or ""
    return "fr" if code.lower().startswith("fr") else "en"


def t(key: str, /, **params: Any) -> str:
    """Translate ``key`` into the current language and fill ``{placeholders}`` from ``params``.

    An unknown key is returned as is (visible in the UI and caught by tests), never raised:
    a missing translation must not crash a dashboard that stays open all day.
    """
    pair = area_of(key).get(key)
    if pair is None:
        return key
    text = pair[1] if _language == "fr" else pair[0]
    count = params.get("count")
    if isinstance(count, int | float) and not isinstance(count, bool):
        if not isinstance(text, str):
            text = plural_form(text, count)
        if isinstance(count, int):
            params["count"] = l10n.number(count)
    elif not isinstance(text, str):
        text = text["other"]
    if not params:
        return text
    for name in FILE_PLACEHOLDERS.intersection(params):
        value = params[name]
        if isinstance(value, str | os.PathLike):
            params[name] = one_line(value)
    try:
        return text.format_map(_Shown(params))
    except (ValueError, IndexError, KeyError):
        return text


class _Shown(dict[str, Any]):
    """Placeholders a caller did not give stay visible (``{total}``) instead of raising in
    the middle of a redraw."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def plural_form(forms: Mapping[str, str], count: float) -> str:
    """The form of ``forms`` (texts by CLDR plural category) for ``count`` in the current
    language; ``other`` when the language's category for ``count`` is not given."""
    return forms.get(l10n.plural_category(count)) or forms["other"]


def variants(text: Text) -> list[str]:
    """Every text of a message in one language (one, or one per plural category)."""
    return [text] if isinstance(text, str) else list(text.values())
