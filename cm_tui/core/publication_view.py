"""What the Calendar and Today say of posts a live account could not publish: pure.

A ``Publication`` (``core.net_records``) in state *failed* carries the reason; the post shows
as failed with that reason wherever it appears (the Calendar's mark and detail, Today's
"Not published" box), never silently. See docs/architecture.md, "Live accounts in the app".
"""

from __future__ import annotations

from collections.abc import Iterable

from cm_tui.core.net_records import Publication, PublicationState
from cm_tui.core.textsafe import clean_line

#: the mark of a failed post, and its style (the error colour)
FAILED_MARK = ("!", "bold $text-error")


def failure_reasons(publications: Iterable[Publication]) -> dict[int, str]:
    """Post id -> why it was not published (one line; ``?`` when the server gave none)."""
    return {
        p.post: clean_line(p.reason) or "?"
        for p in publications
        if p.post and p.state == PublicationState.FAILED
    }
