"""Plain text of a status's HTML (Mastodon sends ``content`` as HTML): paragraphs and ``<br>``
become newlines, entities are decoded, tags dropped. The one converter used by the Mastodon
export import (``io/mastodon_export.py``) and the live connector (``core/mastodon_map.py``).
What it returns is still untrusted: callers pass it through ``core.textsafe.clean_text``."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p" and self.parts:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)  # convert_charrefs: entities are already decoded
