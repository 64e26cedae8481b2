"""X (Twitter) analytics' tweets export: one row per post with its totals; ``time`` carries
its offset (``2026-08-15 13:12:39 +0000``)."""

from __future__ import annotations

from collections.abc import Mapping

from cm_tui.core.export_facts import ExportFact
from cm_tui.io.exports.spec import ExportSpec, RowContext, post_fact

ALIASES = {
    "post_id": ("tweetid", "identifiantdutweet", "iddutweet", "postid"),
    "permalink": ("tweetpermalink", "permaliendutweet", "liendutweet", "postpermalink"),
    "text": ("tweettext", "textedutweet", "posttext"),
    "published": ("time", "heure", "date"),
    "impressions": ("impressions",),
    "likes": ("likes", "jaime"),
    "replies": ("replies", "reponses"),
    "retweets": ("retweets", "reposts", "retweetes"),
    "profile": ("userprofileclicks", "clicssurleprofilutilisateur", "clicssurleprofil"),
    "url": ("urlclicks", "clicssurlurl", "clicssurlelien"),
}
FRENCH = frozenset(
    {
        "identifiantdutweet",
        "iddutweet",
        "permaliendutweet",
        "liendutweet",
        "textedutweet",
        "heure",
        "jaime",
        "reponses",
        "clicssurleprofilutilisateur",
        "clicssurleprofil",
        "clicssurlurl",
        "clicssurlelien",
    }
)
_FIGURES = {
    "impressions": "impressions",
    "likes": "reactions",
    "replies": "comments",
    "retweets": "shares",
    "url": "clicks",
    "profile": "profile_visits",
}


def to_fact(cells: Mapping[str, str], ctx: RowContext) -> ExportFact:
    permalink = cells.get("permalink", "").strip()
    ident = ("post_id", cells["post_id"])
    return post_fact("x", cells, ctx, ident, permalink, cells.get("text", ""), _FIGURES)


SPEC = ExportSpec(
    "x_analytics",
    ALIASES,
    FRENCH,
    ("post_id", "published", "impressions"),
    to_fact,
    {"post_id": "Tweet id", "published": "time", "impressions": "impressions"},
)
