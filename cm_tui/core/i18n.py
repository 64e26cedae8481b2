"""The one translation function: every user-visible string goes through ``t()``.

Messages live in ``cm_tui/core/messages/<area>.py`` as ``MESSAGES = {key: (english, french)}``,
so a message can never exist in one language only (a test checks the placeholders match).
Areas are merged lazily on first use; a duplicate key across areas is an error.
"""

from __future__ import annotations

import importlib
import locale
import os
import pkgutil
from typing import Any

LANGUAGES = ("en", "fr")
_language = "en"
_catalog: dict[str, tuple[str, str]] | None = None


def _load_catalog() -> dict[str, tuple[str, str]]:
    from cm_tui.core import messages

    merged: dict[str, tuple[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(messages.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{messages.__name__}.{module_info.name}")
        for key, pair in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice ({module_info.name})")
            merged[key] = pair
    return merged


def catalog() -> dict[str, tuple[str, str]]:
    global _catalog
    if _catalog is None:
        _catalog = _load_catalog()
    return _catalog


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
    pair = catalog().get(key)
    if pair is None:
        return key
    text = pair[1] if _language == "fr" else pair[0]
    return text.format(**params) if params else text
