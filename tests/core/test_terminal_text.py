"""for_terminal: no control sequence of any origin reaches a terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from cm_tui.core.textsafe import (
    KEPT_BIDI_MARKS,
    clean_text,
    for_terminal,
    has_terminal_controls,
)

#: What a terminal may interpret: C0 but tab and newline, DEL, C1, bidi overrides/isolates,
#: and lone surrogates (they cannot even be encoded for the terminal).
FORBIDDEN = {
    *range(0x00, 0x09),
    *range(0x0B, 0x20),
    *range(0x7F, 0xA0),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    *range(0xD800, 0xE000),
}


def test_escape_sequences_become_visible_placeholders() -> None:
    title = "\x1b]2;TITLE\x1b\\.csv"
    assert for_terminal(title) == "\u241b]2;TITLE\u241b\\.csv"
    assert for_terminal("\x1b]52;c;aWQ=\x07a.csv") == "\u241b]52;c;aWQ=\u2407a.csv"
    assert for_terminal("x\x1b[2Jy") == "x\u241b[2Jy"
    assert for_terminal("\x9b2J") == "\ufffd2J"  # C1 CSI: no control picture exists
    assert for_terminal("a\rb\x7f") == "a\u240db\u2421"
    assert for_terminal("\u202eevil\u2066") == "\ufffdevil\ufffd"
    assert for_terminal("\ud800") == "\ufffd"


def test_newline_tab_and_text_a_person_wrote_are_kept() -> None:
    text = "Bonjour\tà tous\nمرحبا\u200f 👍🏽 [b]not markup[/b] \u200d"
    assert for_terminal(text) == text
    for mark in KEPT_BIDI_MARKS:
        assert for_terminal(mark) == mark


def test_has_terminal_controls() -> None:
    assert has_terminal_controls("a\x1bb")
    assert has_terminal_controls("\u202e")
    assert not has_terminal_controls("line\nnext\tcell é")


@given(st.text())
def test_for_terminal_never_lets_a_control_through(text: str) -> None:
    shown = for_terminal(text)
    assert not FORBIDDEN.intersection(map(ord, shown))
    assert not has_terminal_controls(shown)
    assert for_terminal(shown) == shown  # idempotent
    shown.encode("utf-8")  # always printable


@given(st.text())
def test_for_terminal_is_identity_on_clean_text(text: str) -> None:
    clean = clean_text(text)
    assert for_terminal(clean) == clean


def test_without_placeholders_the_width_is_kept() -> None:
    removed = for_terminal("a\x1b]2;T\x1b\\b\u202e\x9b\ud800\n\t", placeholders=False)
    assert removed == "a]2;T\\b\ufffd\n\t"


@given(st.text())
def test_without_placeholders_nothing_forbidden_is_left_and_the_width_is_kept(text: str) -> None:
    removed = for_terminal(text, placeholders=False)
    assert not FORBIDDEN.intersection(map(ord, removed))
    assert cell_len(removed) == cell_len(text)  # what is laid out stays in place
