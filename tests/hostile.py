"""Texts that look like markup, links or actions: the UI and the exports must show them exactly
and never act on them. They live here, with the tests, and never in the demo data that the
README's screenshots show (``core.demo``)."""

from __future__ import annotations

import re

#: Rich/Textual markup, an action, a file link: each must be shown literally
HOSTILE_TEXTS: tuple[str, ...] = (
    "[bold]FREE LAMPS[/bold] click here!!!",
    "Great post [/] really",
    "[@click=app.quit]Win a prize[/]",
    "[link=file:///etc/passwd]see my portfolio[/link]",
    "[red]URGENT[/red] call me back [/]",
    "Prix spécial [i]aujourd'hui seulement[/i] → [b]clique[/b]",
)

#: what gives a text away as one of these: a markup tag, a closing tag, a file or script link
LOOKS_HOSTILE = re.compile(r"\[/?[@a-z]*[=\]]|file://|javascript:", re.IGNORECASE)
