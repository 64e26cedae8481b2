"""Make outside text safe to store and to show in a terminal.

``clean_text`` is applied at import (and by the demo generator): it removes what can corrupt a
terminal or disguise text, and keeps everything a person wrote:

* terminal escape sequences are removed WHOLE, not only their ESC byte (else
  ``ESC[31mEvil`` would be stored as ``[31mEvil``): CSI (``ESC [`` or U+009B, parameters,
  intermediates, final byte 0x40-0x7E), OSC (``ESC ]`` or U+009D), DCS, SOS, PM and APC
  (``ESC P``/``X``/``^``/``_`` or U+0090/U+0098/U+009E/U+009F) up to their terminator (BEL,
  ``ESC \\`` or U+009C; one left unterminated ends at the end of its line, so a stray
  introducer cannot swallow a whole comment), and the other ESC sequences (``ESC c``,
  ``ESC 7``, ``ESC ( B``: intermediates 0x20-0x2F then a final byte 0x30-0x7E);
* then the remaining C0 controls (U+0000-U+001F) except tab and newline, DEL (U+007F) and C1
  controls (U+0080-U+009F) are removed: a lone ESC, NUL (truncates), BEL...;
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

import os
import re
from functools import cache

_REMOVED = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]
_BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_TABLE: dict[int, str | None] = dict.fromkeys(_REMOVED + _BIDI_CONTROLS)
_TABLE[0x2028] = "\n"
_TABLE[0x2029] = "\n"
#: compiled on first use (``_lazy``), as are ``_ESCAPE_SEQUENCE`` and ``_BREAKS_OR_CONTROLS``
_SURROGATE = "[\ud800-\udfff]"
#: Kept on purpose (see module doc).
KEPT_BIDI_MARKS = ("\u200e", "\u200f", "\u061c")


#: a whole escape sequence (see module doc): string controls first, then CSI, then the rest
_ESCAPE_SEQUENCE = (
    "(?:\x1b[]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\\\|\x9c)?"
    "|(?:\x1b\\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    "|\x1b[\x20-\x2f]*[\x30-\x7e]"
)


@cache
def _lazy(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled once, on first use: compiling these classes of wide characters
    costs 0.1 to 0.3 ms each, which start-up need not pay for patterns clean text never meets."""
    return re.compile(pattern)


def clean_text(text: str) -> str:
    """``text`` without escape sequences, control characters (but ``\\n`` and ``\\t``) and
    bidi overrides (module doc). Idempotent.

    Cheap on clean text, as it runs on every imported row: one ``translate``, and the
    sequences are looked for only when it removed something (every sequence starts with ESC
    or a C1 control, both of which it removes)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = text.translate(_TABLE)
    if len(cleaned) != len(text):
        cleaned = _lazy(_ESCAPE_SEQUENCE).sub("", text).translate(_TABLE)
    text = cleaned
    if _lazy(_SURROGATE).search(text):
        text = _lazy(_SURROGATE).sub("\ufffd", text)
    return text


@cache
def _translations() -> tuple[dict[int, str], dict[int, str | None], dict[int, str]]:
    """``for_terminal``'s tables (placeholders, same width) and ``one_line``'s, built on the
    first text that needs one: with the surrogates they hold some 8,000 entries, which every
    start-up paid for at import while clean text never reads them."""
    #: Visible placeholders of what a terminal could interpret (see module doc).
    shown: dict[int, str] = {
        code: chr(0x2400 + code) for code in range(0x20) if code not in (9, 10)
    }
    shown[0x7F] = "\u2421"
    shown.update(dict.fromkeys([*range(0x80, 0xA0), *_BIDI_CONTROLS], "\ufffd"))
    shown.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))
    same_width: dict[int, str | None] = {code: None for code in shown}
    same_width.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))
    #: ``one_line``: ``for_terminal``'s placeholders, and what breaks a line shown too
    one_line: dict[int, str] = {**shown, 0x09: "\u2409", 0x0A: "\u240a"}
    one_line.update(dict.fromkeys((0x2028, 0x2029), "\u2424"))
    return shown, same_width, one_line


_TERMINAL_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def has_terminal_controls(text: str) -> bool:
    """Whether ``text`` holds a character ``for_terminal`` would replace.

    Printable text (``str.isprintable``: no control, format, surrogate or separator character
    but the space) holds none, and most text is: the pattern, whose lone surrogates alone cost
    2M instructions to compile, is compiled only for the first text that is not."""
    return not text.isprintable() and _lazy(_TERMINAL_CONTROL).search(text) is not None


def for_terminal(text: str, *, placeholders: bool = True) -> str:
    """``text`` with every character a terminal could interpret shown as a placeholder.

    Newline and tab are kept; see the module doc for the placeholders. Cheap on clean text (one
    regex scan, no copy), so it can guard every string on its way out.

    ``placeholders=False`` keeps the width instead: for text already laid out on a screen (a
    line of cells), the controls, counted zero cells wide, are removed, and lone surrogates,
    counted one cell wide, become U+FFFD.
    """
    if not has_terminal_controls(text):
        return text
    shown, same_width, _one_line = _translations()
    return text.translate(shown if placeholders else same_width)


_BREAKS_OR_CONTROLS = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def one_line(text: str | os.PathLike[str]) -> str:
    """A file name or path (or any outside value a message quotes) as one visible line.

    The one way a message shows a name (``i18n.t`` applies it to the placeholders that name
    files, see ``FILE_PLACEHOLDERS`` there): ``for_terminal``'s placeholders, and newline and
    tab shown as their control pictures ``\u240a`` (\u240a) and ``\u2409`` (\u2409), the
    line and paragraph separators as ``\u2424`` (\u2424). Nothing is removed, so the user
    can still tell which file it is; a name that breaks no line comes back as the same object.
    """
    if not isinstance(text, str):
        text = os.fspath(text)
    if text.isprintable() or _lazy(_BREAKS_OR_CONTROLS).search(text) is None:
        return text  # printable: see ``has_terminal_controls``
    return text.translate(_translations()[2])


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
