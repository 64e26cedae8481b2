"""YouTube Studio's ``Table data.csv``: one row per video, after a leading ``Total`` row (the
channel's sum, skipped: the videos are counted instead). A video's permalink is built from its
id (the ``Content`` column); its views count as reach, its impressions as impressions."""

from __future__ import annotations

from collections.abc import Mapping

from cm_tui.core.export_facts import POST, ExportFact
from cm_tui.core.textsafe import clean_line
from cm_tui.io.exports import values as v
from cm_tui.io.exports.spec import ExportSpec, RowContext, counts, given, post_key

ALIASES = {
    "content": ("content", "contenu"),
    "title": ("videotitle", "titredelavideo"),
    "published": ("videopublishtime", "heuredepublicationdelavideo", "datedepublicationdelavideo"),
    "views": ("views", "vues"),
    "impressions": ("impressions",),
}
FRENCH = frozenset(
    {
        "contenu",
        "titredelavideo",
        "heuredepublicationdelavideo",
        "datedepublicationdelavideo",
        "vues",
    }
)
TOTAL = frozenset({"total", "totaux"})
_FIGURES = {"views": "reach", "impressions": "impressions"}


def to_fact(cells: Mapping[str, str], ctx: RowContext) -> ExportFact | None:
    video = cells["content"].strip()
    if video.lower() in TOTAL:
        return None
    permalink = f"https://www.youtube.com/watch?v={video}" if video else ""
    key = post_key(permalink, video, ctx.name("content"))
    at = v.instant(cells["published"], ctx.name("published"), ctx.zone, ctx.day_first)
    title = clean_line(cells.get("title", "")).strip()[:120]
    numbers = counts(cells, _FIGURES, ctx)
    fact = ExportFact("youtube", key, POST, ctx.file, at=at, permalink=permalink, title=title)
    return given(fact, numbers)


SPEC = ExportSpec(
    "youtube",
    ALIASES,
    FRENCH,
    ("content", "published", "views"),
    to_fact,
    {"content": "Content", "published": "Video publish time", "views": "Views"},
)
