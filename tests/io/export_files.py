"""Platform exports built from the documented column sets (no real data), for the tests and the
bench: Meta posts (English and French, 32-34 columns), Meta's UTF-16 daily series, a LinkedIn
workbook of several sheets, X analytics, YouTube Studio's Table data."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

META_EN = [
    "Post ID",
    "Page ID",
    "Page name",
    "Title",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Caption type",
    "Permalink",
    "Is crosspost",
    "Is share",
    "Post type",
    "Languages",
    "Custom labels",
    "Funded content status",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Reactions, Comments and Shares",
    "Reactions",
    "Comments",
    "Shares",
    "Total clicks",
    "Link clicks",
    "Other clicks",
    "Matched audience targeting consumption (Photo click)",
    "Negative feedback from users: Hide all",
    "Seconds viewed",
    "Average seconds viewed",
    "Estimated earnings (USD)",
    "Ad impressions",
]
META_FR = [
    "Identifiant de la publication",
    "Identifiant de la Page",
    "Nom de la Page",
    "Titre",
    "Description",
    "Durée (s)",
    "Heure de publication",
    "Type de légende",
    "Lien permanent",
    "Est une publication croisée",
    "Est un partage",
    "Type de publication",
    "Langues",
    "Libellés personnalisés",
    "Statut du contenu financé",
    "Commentaire sur les données",
    "Date",
    "Vues",
    "Couverture",
    "Réactions, commentaires et partages",
    "Réactions",
    "Commentaires",
    "Partages",
    "Total des clics",
    "Clics sur un lien",
    "Autres clics",
    "Consommation du ciblage",
    "Retours négatifs",
    "Secondes vues",
    "Secondes vues en moyenne",
    "Revenus estimés (USD)",
    "Impressions publicitaires",
]
IG_EN = [
    "Post ID",
    "Account ID",
    "Account username",
    "Account name",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Permalink",
    "Post type",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Likes",
    "Shares",
    "Follows",
    "Comments",
    "Saves",
]
X_EN = [
    "Tweet id",
    "Tweet permalink",
    "Tweet text",
    "time",
    "impressions",
    "engagements",
    "engagement rate",
    "retweets",
    "replies",
    "likes",
    "user profile clicks",
    "url clicks",
    "hashtag clicks",
    "detail expands",
    "permalink clicks",
    "app opens",
    "app installs",
    "follows",
    "email tweet",
    "dial phone",
    "media views",
    "media engagements",
]
YT_EN = [
    "Content",
    "Video title",
    "Video publish time",
    "Duration",
    "Views",
    "Watch time (hours)",
    "Subscribers",
    "Impressions",
    "Impressions click-through rate (%)",
]
YT_FR = [
    "Contenu",
    "Titre de la vidéo",
    "Heure de publication de la vidéo",
    "Durée",
    "Vues",
    "Durée de visionnage (heures)",
    "Abonnés",
    "Impressions",
    "Taux de clics des impressions (%)",
]


def meta_row(
    header: Sequence[str],
    n: int,
    *,
    when: str,
    reach: int,
    reactions: int = 0,
    post_id: str | None = None,
    network: str = "facebook",
) -> list[str]:
    """A row of a Meta posts export with ``header``'s width (a post ``n``)."""
    host = "www.instagram.com/p" if network == "instagram" else "www.facebook.com/123/posts"
    values = {
        0: post_id or f"1221580000000{n:05d}",
        6: when,
        8: f"https://{host}/{n}",
    }
    row = [values.get(i, "") for i in range(len(header))]
    by_name = {name: i for i, name in enumerate(header)}
    for names, value in (
        (("Title", "Titre"), f"Post {n}"),
        (("Reach", "Couverture"), str(reach)),
        (("Views", "Vues"), str(reach * 2)),
        (("Reactions", "Réactions"), str(reactions)),
        (("Comments", "Commentaires"), "1"),
        (("Shares", "Partages"), "0"),
        (("Total clicks", "Total des clics"), "3"),
        (("Publish time", "Heure de publication"), when),
        (("Permalink", "Lien permanent"), f"https://{host}/{n}"),
    ):
        for name in names:
            if name in by_name:
                row[by_name[name]] = value
    return row


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[str]], encoding: str = "utf-8-sig"
) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def meta_daily(
    path: Path, metric: str, days: Iterable[tuple[str, int]], primary: str = "Primary"
) -> Path:
    """Meta's daily series: UTF-16 LE with a BOM, ``sep=,``, the metric, ``Date, Primary``."""
    lines = ["sep=,", metric, f'"Date","{primary}"']
    lines += [f'"{day}T00:00:00","{value}"' for day, value in days]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    return path


def linkedin_book(path: Path, days: Sequence[tuple[object, int, int]]) -> Path:
    """A LinkedIn workbook: content (a line of explanation, then the header), visitors and
    followers sheets; ``days`` = (date, impressions, page views)."""
    from openpyxl import Workbook

    book = Workbook()
    content = book.active
    content.title = "Metrics"
    content.append(["Aggregated metrics for the page; all dates in UTC"])
    content.append(
        [
            "Date",
            "Impressions (organic)",
            "Impressions (sponsored)",
            "Impressions (total)",
            "Clicks (organic)",
            "Clicks (sponsored)",
            "Clicks (total)",
            "Reactions (organic)",
            "Reactions (sponsored)",
            "Reactions (total)",
            "Comments (organic)",
            "Comments (sponsored)",
            "Comments (total)",
            "Reposts (organic)",
            "Reposts (sponsored)",
            "Reposts (total)",
            "Engagement rate (organic)",
            "Engagement rate (sponsored)",
            "Engagement rate (total)",
        ]
    )
    for day, impressions, _views in days:
        content.append(
            [day, impressions, 0, impressions, 2, 0, 2, 3, 0, 3, 1, 0, 1, 0, 0, 0, 0.01, 0, 0.01]
        )
    visitors = book.create_sheet("Visitor metrics")
    visitors.append(
        [
            "Date",
            "Overview page views (desktop)",
            "Overview page views (mobile)",
            "Total page views (desktop)",
            "Total page views (mobile)",
            "Total page views (total)",
            "Total unique visitors (total)",
        ]
    )
    for day, _impressions, views in days:
        visitors.append([day, 0, 0, 0, 0, views, 1])
    followers = book.create_sheet("New followers")
    followers.append(
        [
            "Date",
            "Sponsored followers",
            "Organic followers",
            "Auto-invited followers",
            "Total followers",
        ]
    )
    for day, _i, _v in days:
        followers.append([day, 0, 4, 0, 4])
    book.save(path)
    return path
