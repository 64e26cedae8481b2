"""clean_text removes whole terminal escape sequences, not only their ESC byte: a display name
``ESC[31mEvil ESC]0;pwned BEL`` is stored as ``Evil``, never as ``[31mEvil]0;pwned``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cm_tui.core.textsafe import clean_line, clean_text, one_line

#: C0 but tab and newline, DEL, C1, bidi embeddings/overrides/isolates, lone surrogates
CONTROLS = {
    *range(0x00, 0x09),
    *range(0x0B, 0x20),
    *range(0x7F, 0xA0),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    *range(0xD800, 0xE000),
}


def test_the_troll_display_name_keeps_only_its_text() -> None:
    assert clean_text("\x1b[31mEvil\x1b]0;pwned\x07") == "Evil"
    assert clean_line("\x1b[31mEvil\x1b]0;pwned\x07") == "Evil"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("a\x1b[2Jb", "ab"),  # CSI
        ("a\x1b[?1049;2$pb", "ab"),  # CSI with private parameters and an intermediate
        ("a\x1b[38;2;255;0;0mb\x1b[0m", "ab"),
        ("a\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),  # OSC 8, ST
        ("a\x1b]52;c;aWQ=\x07b", "ab"),  # OSC 52 (clipboard), BEL
        ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),  # DCS (sixel)
        ("a\x1bXsos\x1b\\b", "ab"),  # SOS
        ("a\x1b^pm\x1b\\b", "ab"),  # PM
        ("a\x1b_apc\x1b\\b", "ab"),  # APC
        ("a\x1bcb", "ab"),  # RIS, two bytes
        ("a\x1b7b\x1b8", "ab"),  # save / restore cursor
        ("a\x1b(Bb", "ab"),  # charset designation: intermediate then final
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("a\x9d0;pwned\x9cb", "ab"),  # 8-bit OSC, 8-bit ST
        ("a\x9d0;pwned\x07b", "ab"),
        ("a\x90q#0\x9cb", "ab"),  # 8-bit DCS
        ("a\x9f apc \x1b\\b", "ab"),  # 8-bit APC
        ("a\x1b[31", "a"),  # cut short: what was there is gone, nothing else
        ("a\x1b]0;title\nnext line", "a\nnext line"),  # unterminated: ends at the line's end
        ("a\x1b", "a"),
        ("\x1b\x1b[1mx", "x"),
        ("tab\tnew\nline", "tab\tnew\nline"),
        ("é [b]not markup[/b] 👍🏽 مرحبا\u200f", "é [b]not markup[/b] 👍🏽 مرحبا\u200f"),
        ("\u202eevil\u2066", "evil"),
        ("a\x00b\x7fc\x85d", "abcd"),
    ],
)
def test_whole_sequences_are_removed(text: str, kept: str) -> None:
    assert clean_text(text) == kept


#: text rich in what starts, fills and ends escape sequences
_PIECES = st.sampled_from(
    [*"\x1b[]PX^_\\\x07\x9b\x9d\x90\x9c\x98\x9e\x9f0;m?(B\n\r\ta\u00e9\u202e", "\ud800"]
)
ESCAPY = st.lists(_PIECES | st.text(max_size=3)).map("".join)


@given(st.text() | ESCAPY)
def test_clean_text_leaves_no_control_and_is_idempotent(text: str) -> None:
    cleaned = clean_text(text)
    assert not CONTROLS.intersection(map(ord, cleaned))
    assert "\r" not in cleaned
    assert clean_text(cleaned) == cleaned
    line = clean_line(text)
    assert clean_line(line) == line and "\n" not in line


@given(st.text() | ESCAPY)
def test_one_line_is_one_visible_line(text: str) -> None:
    shown = one_line(text)
    assert len(shown.splitlines()) <= 1
    assert not CONTROLS.intersection(map(ord, shown))
    assert "\n" not in shown and "\t" not in shown
    assert one_line(shown) == shown


def test_one_line_shows_a_file_name_as_it_is_on_one_line() -> None:
    assert one_line("a\nb.csv") == "a\u240ab.csv"  # ␊
    assert one_line("a\tb\rc") == "a\u2409b\u240dc"
    assert one_line("\x1b[2J.csv") == "\u241b[2J.csv"
    assert one_line("a\u2028b") == "a\u2424b"
    name = "clean name.csv"
    assert one_line(name) is name


def test_printable_text_skips_the_patterns_and_the_answers_stay_the_same() -> None:
    """``has_terminal_controls``, ``for_terminal`` and ``one_line`` answer for every character
    as their patterns do (printable text never reaches them, see ``has_terminal_controls``),
    and printable text comes back as the same object."""
    import re

    from cm_tui.core import textsafe

    controls = re.compile(textsafe._TERMINAL_CONTROL)
    breaks = re.compile(textsafe._BREAKS_OR_CONTROLS)
    for code in range(0x110000):
        char = "a" + chr(code)
        assert textsafe.has_terminal_controls(char) is (controls.search(char) is not None)
        if breaks.search(char) is None:
            assert textsafe.one_line(char) is char
        else:
            assert textsafe.one_line(char) != char
    text = "Today · 19 Nov: 3 posts, «reply» — ok ✓"
    assert textsafe.for_terminal(text) is text and textsafe.one_line(text) is text
