"""The one translation function: every user-visible string goes through ``t()``.

Messages live in ``cm_tui/core/messages/<area>.py`` as ``MESSAGES = {key: (english, french)}``,
so a message can never exist in one language only (a test checks the placeholders match).

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
from typing import Any

LANGUAGES = ("en", "fr")
_language = "en"


COMMON_AREA = "common"
_areas: dict[str, dict[str, tuple[str, str]]] = {}


def _area_module(name: str) -> Any:
    try:
        return importlib.import_module(f"cm_tui.core.messages.{name}")
    except ModuleNotFoundError:
        return importlib.import_module(f"cm_tui.core.messages.{COMMON_AREA}")


def area_of(key: str) -> dict[str, tuple[str, str]]:
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


def catalog() -> dict[str, tuple[str, str]]:
    """Every message of every area (for checks and tools; ``t()`` reads one area at a time)."""
    merged: dict[str, tuple[str, str]] = {}
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
    return text.format(**params) if params else text
