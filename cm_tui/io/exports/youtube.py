"""YouTube Studio's ``Table data.csv``: one row per video, after a leading ``Total`` row (the
channel's sum, skipped: the videos are counted instead). A video's permalink is built from its
id (the ``Content`` column); its views count as reach, its impressions as impressions."""

from __future__ import annotations

from collections.abc import Mapping

from cm_tui.core.export_facts import ExportFact
from cm_tui.io.exports.spec import ExportSpec, RowContext, post_fact

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
    ident = ("content", video)
    return post_fact("youtube", cells, ctx, ident, permalink, cells.get("title", ""), _FIGURES)


SPEC = ExportSpec(
    "youtube",
    ALIASES,
    FRENCH,
    ("content", "published", "views"),
    to_fact,
    {"content": "Content", "published": "Video publish time", "views": "Views"},
)
