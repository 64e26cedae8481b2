"""Which links ``o`` may open in the browser, and the link a free text carries.

Links come from imports and from what a user typed: only ``http://`` and ``https://`` addresses
are opened (a ``file:`` or ``javascript:`` link from a hostile export must not reach the
browser); anything else is reported, never opened.
"""

from __future__ import annotations

import re

_WEB = r"(?i)https?://[^\s<>\"'`]+"
#: what usually ends a sentence around a link rather than belongs to it
_TRAILING = ".,;:!?)]}»"


def web_link(link: str) -> str | None:
    """``link`` itself (trimmed) if it is one web address (http or https), else ``None``."""
    link = link.strip()
    match = re.fullmatch(_WEB, link)
    return link if match and len(link) > len("https://") else None


def first_web_link(text: str) -> str | None:
    """The first web address written in ``text`` (punctuation after it left out), or ``None``."""
    for match in re.finditer(_WEB, text):
        found = match.group().rstrip(_TRAILING)
        if web_link(found):
            return found
    return None
