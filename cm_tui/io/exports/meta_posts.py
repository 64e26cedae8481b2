"""Meta Business Suite's posts export (Facebook and Instagram): one row per post, lifetime
totals, UTF-8 with a BOM, 32 to 34 columns depending on the month, headers in the interface's
language. Publish times carry no zone: they are read in the user's (``values.instant``), month
first in English exports, day first in French ones."""

from __future__ import annotations

from collections.abc import Mapping

from cm_tui.core.export_facts import ExportFact
from cm_tui.io.exports.spec import ExportSpec, RowContext, post_fact

ALIASES = {
    "post_id": ("postid", "identifiantdelapublication", "iddelapublication"),
    "permalink": ("permalink", "lienpermanent", "permalien"),
    "published": ("publishtime", "heuredepublication", "dateetheuredepublication"),
    "page_id": ("pageid", "identifiantdelapage", "iddelapage"),
    "account": ("accountusername", "nomdutilisateurducompte"),
    "title": ("title", "titre"),
    "description": ("description",),
    "reach": ("reach", "couverture", "portee"),
    "views": ("views", "vues", "impressions"),
    "reactions": ("reactions", "likes", "jaime"),
    "comments": ("comments", "commentaires"),
    "shares": ("shares", "partages"),
    "clicks": ("totalclicks", "totaldesclics"),
}
FRENCH = frozenset(
    {
        "identifiantdelapublication",
        "iddelapublication",
        "lienpermanent",
        "permalien",
        "heuredepublication",
        "dateetheuredepublication",
        "identifiantdelapage",
        "titre",
        "couverture",
        "portee",
        "vues",
        "jaime",
        "commentaires",
        "partages",
        "totaldesclics",
    }
)
_FIGURES = {
    "reach": "reach",
    "views": "impressions",
    "reactions": "reactions",
    "comments": "comments",
    "shares": "shares",
    "clicks": "clicks",
}


def to_fact(cells: Mapping[str, str], ctx: RowContext) -> ExportFact:
    permalink = cells.get("permalink", "").strip()
    network = "instagram" if "instagram.com" in permalink.lower() else "facebook"
    if "page_id" not in cells and "account" in cells and not permalink:
        network = "instagram"
    title = cells.get("title", "") or cells.get("description", "")
    return post_fact(network, cells, ctx, ("post_id", cells["post_id"]), permalink, title, _FIGURES)


SPEC = ExportSpec(
    "meta_posts",
    ALIASES,
    FRENCH,
    ("post_id", "permalink", "published"),
    to_fact,
    {"post_id": "Post ID", "permalink": "Permalink", "published": "Publish time"},
)
