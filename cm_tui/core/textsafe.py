"""Make outside text safe to store and to show in a terminal.

``clean_text`` is applied at import (and by the demo generator): it removes what can corrupt a
terminal or disguise text, and keeps everything a person wrote:

* C0 controls (U+0000-U+001F) except tab and newline, DEL (U+007F) and C1 controls
  (U+0080-U+009F) are removed: ESC would start terminal escape sequences, NUL truncates;
* ``\\r\\n`` and a lone ``\\r`` become ``\\n``; U+2028/U+2029 (line/paragraph separators)
  become ``\\n``;
* bidirectional *embeddings, overrides and isolates* (U+202A-U+202E, U+2066-U+2069) are removed:
  they reorder how a whole run of text is displayed ("Trojan Source"), so what is shown would
  differ from what is stored;
* the bidi *marks* LRM, RLM and ALM (U+200E, U+200F, U+061C) are KEPT: they are invisible,
  cannot reorder a run of text (they only set the direction of neighbouring neutral characters)
  and genuine right-to-left comments (Arabic, Hebrew) use them;
* zero-width joiners and variation selectors are kept (emoji sequences need them);
* lone surrogates (from broken decoding) become U+FFFD, so the text can always be encoded.

Markup characters (``[``, ``]``) are NOT touched: text is data, rendered literally by the UI.

``for_terminal`` is the one sanitiser for every string cm-tui sends to a terminal (widgets,
notifications, the header, CLI messages, reason files), whatever its origin: a file's content,
a file's name, the settings or the store (a store restored from a backup may hold anything).
It removes nothing and hides nothing: each character a terminal could interpret becomes a
visible placeholder, so a hostile file name shows as odd rather than acting on the terminal:

* C0 controls but tab and newline become their control picture (U+2400 + code: ESC is
  ``\u241b`` ␛, CR ``\u240d`` ␍, BEL ``\u2407`` ␇), DEL becomes ``\u2421`` ␡;
* C1 controls (U+0080-U+009F, e.g. the one-byte CSI U+009B), bidi embeddings, overrides and
  isolates, and lone surrogates become U+FFFD (Unicode has no pictures for them);
* clean text (what ``clean_text`` returns) comes back unchanged, as the same object.

The app's screen is the one exception: its lines are laid out before they are drawn, so the
last guard there (``ui.terminal_text``) uses ``placeholders=False``, which removes the controls
(zero cells wide) instead of widening the line; notifications get the placeholders before.
"""

from __future__ import annotations

import re

_REMOVED = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]
_BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_TABLE: dict[int, str | None] = dict.fromkeys(_REMOVED + _BIDI_CONTROLS)
_TABLE[0x2028] = "\n"
_TABLE[0x2029] = "\n"
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Kept on purpose (see module doc).
KEPT_BIDI_MARKS = ("\u200e", "\u200f", "\u061c")


def clean_text(text: str) -> str:
    """``text`` without control characters (but ``\\n`` and ``\\t``) and bidi overrides."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TABLE)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text


#: Visible placeholders of what a terminal could interpret (see module doc).
_SHOWN: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if code not in (9, 10)}
_SHOWN[0x7F] = "\u2421"
_SHOWN.update(dict.fromkeys([*range(0x80, 0xA0), *_BIDI_CONTROLS], "\ufffd"))
_SHOWN.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))
_SAME_WIDTH: dict[int, str | None] = {code: None for code in _SHOWN}
_SAME_WIDTH.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))
_TERMINAL_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def has_terminal_controls(text: str) -> bool:
    """Whether ``text`` holds a character ``for_terminal`` would replace."""
    return _TERMINAL_CONTROL.search(text) is not None


def for_terminal(text: str, *, placeholders: bool = True) -> str:
    """``text`` with every character a terminal could interpret shown as a placeholder.

    Newline and tab are kept; see the module doc for the placeholders. Cheap on clean text (one
    regex scan, no copy), so it can guard every string on its way out.

    ``placeholders=False`` keeps the width instead: for text already laid out on a screen (a
    line of cells), the controls, counted zero cells wide, are removed, and lone surrogates,
    counted one cell wide, become U+FFFD.
    """
    if _TERMINAL_CONTROL.search(text) is None:
        return text
    return text.translate(_SHOWN if placeholders else _SAME_WIDTH)


def clean_line(text: str) -> str:
    """``clean_text`` for one-line fields (names, handles, titles): newlines and tabs become
    single spaces and the ends are stripped."""
    return " ".join(clean_text(text).split()) if text else text


def cut(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, the last one "…" when it was longer: an error
    message quotes what it is about, never a 10 MB value whole."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_clean(text: str) -> bool:
    return clean_text(text) == text
