"""A reply to a live item names its author first, or the author is never notified."""

from __future__ import annotations

from dataclasses import dataclass

from cm_tui.core.net_rules import reply_text


@dataclass
class Item:
    author_handle: str


def test_a_reply_is_led_by_the_authors_handle() -> None:
    assert reply_text(Item("@fan"), "49 euros !") == "@fan 49 euros !"  # type: ignore[arg-type]


def test_a_reply_that_already_names_the_author_is_kept() -> None:
    assert reply_text(Item("@fan"), "Merci @fan !") == "Merci @fan !"  # type: ignore[arg-type]


def test_an_item_without_a_handle_leaves_the_text_alone() -> None:
    assert reply_text(Item(""), "ok") == "ok"  # type: ignore[arg-type]
