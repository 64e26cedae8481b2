"""One realistic record of every stored class, with non-default values in every kind of field
(instants, dates, enums, tuples, nested records, accents and emoji), to prove round trips."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from cm_tui.core.export_facts import ExportFact
from cm_tui.core.models import (
    AdCampaign,
    Cadence,
    CadenceKind,
    CampaignCheck,
    Competitor,
    CompetitorMonth,
    DocumentKind,
    Hashtag,
    HashtagKind,
    Influencer,
    KeywordKind,
    MonthlyFigures,
    NetworkProfile,
    OccurrenceStatus,
    Post,
    PostingPeriod,
    PostStatus,
    QueueItem,
    QueueKind,
    QueueStatus,
    ReferenceDocument,
    TaskGroup,
    TaskOccurrence,
    TaskTemplate,
    WatchKeyword,
    occurrence_key,
)
from cm_tui.core.net_records import (
    Account,
    AccountState,
    OutboxEntry,
    OutboxState,
    Publication,
    PublicationState,
)

T0 = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # the night Europe/Paris springs forward


def queue_item(n: int = 0, **changes: Any) -> QueueItem:
    received = T0 + timedelta(minutes=n)
    item = QueueItem(
        kind=QueueKind.MESSAGE,
        network="instagram",
        author_handle=f"@léa_{n}",
        text=f"Bonjour ! Où est ma commande n°{n} ? 😟 [/]",
        received_at=received,
        deadline=received + timedelta(hours=1),
        author_name="Léa",
        ambassador=True,
        keywords=("commande", "livraison"),
    )
    return item.replace(**changes) if changes else item


def post(n: int = 0, **changes: Any) -> Post:
    value = Post(
        network="facebook",
        at=T0 + timedelta(hours=n),
        title=f"Vendredi du blog #{n}",
        text="Nouvel article « Les coulisses » 🎬",
        status=PostStatus.SCHEDULED,
        tags=("blog",),
        hashtags=("#coulisses", "#équipe"),
    )
    return value.replace(**changes) if changes else value


def samples() -> dict[str, Any]:
    """Table name -> one record of the class that table stores."""
    template = TaskTemplate(
        key="weekly.blog",
        label_en="Publish the blog post",
        label_fr="Publier l'article du blog",
        group=TaskGroup.WEEKLY,
        cadence=Cadence(
            kind=CadenceKind.MONTHLY,
            nth_weekday=(5, -1),
            at="09:30",
            anchor=date(2026, 1, 2),
        ),
        network="blog",
        minutes=45,
    )
    return {
        "networks": NetworkProfile(
            key="facebook",
            name="Facebook",
            char_limit=63206,
            target_min=2,
            target_max=3,
            period=PostingPeriod.WEEK,
        ),
        "tasks": template,
        "occurrences": TaskOccurrence(
            key=occurrence_key("weekly.blog", date(2026, 3, 27), 1),
            template_key="weekly.blog",
            day=date(2026, 3, 27),
            slot=1,
            status=OccurrenceStatus.SNOOZED,
            at=T0,
            snoozed_until=T0 + timedelta(hours=2),
            reason="attente du visuel",
        ),
        "posts": post(),
        "queue": queue_item(status=QueueStatus.REPLIED, replied_at=T0, closed_at=T0),
        "figures": MonthlyFigures(network="facebook", month="2026-02", followers=1234, reach=99),
        "campaigns": AdCampaign(
            name="Printemps",
            network="facebook",
            start=date(2026, 3, 1),
            end=date(2026, 3, 31),
            budget=500.5,
            spend=120.25,
            checks=(CampaignCheck(day=date(2026, 3, 8), spend=60.0, results=12, note="ok"),),
        ),
        "competitors": Competitor(
            name="Concurrent",
            network="instagram",
            handle="@rival",
            months=(CompetitorMonth(month="2026-02", followers=5000, posts=20),),
        ),
        "influencers": Influencer(
            name="Zoé", network="instagram", handle="@zoe", last_contacted=date(2026, 2, 14)
        ),
        "hashtags": Hashtag(tag="#équipe", kind=HashtagKind.SPECIFIC, note="interne"),
        "keywords": WatchKeyword(term="livraison", kind=KeywordKind.TOPIC),
        "documents": ReferenceDocument(
            kind=DocumentKind.NETIQUETTE,
            title="Charte de modération",
            location="~/docs/netiquette.pdf",
            last_reviewed=date(2025, 12, 1),
        ),
        "accounts": Account(
            key="mastodon:léa@mastodon.example",
            network="mastodon",
            instance="https://mastodon.example",
            handle="léa",
            brand_handle="@marque",
            secret_ref="mastodon:léa@mastodon.example",
            state=AccountState.RATE_LIMITED,
            state_since=T0,
            state_until=T0 + timedelta(minutes=5),
            cursor="1099",
        ),
        "outbox": OutboxEntry(
            account="mastodon:léa@mastodon.example",
            text="Merci ! 🎉 On regarde ça.",
            created_at=T0,
            send_after=T0 + timedelta(seconds=10),
            idempotency_key="cm-tui-0123456789abcdef0123456789abcdef",
            queue_item=3,
            in_reply_to="1099",
            visibility="direct",
            state=OutboxState.FAILED,
            attempts=2,
            last_error="Validation failed",
        ),
        "publications": Publication(
            post=4,
            account="mastodon:léa@mastodon.example",
            state=PublicationState.SCHEDULED,
            remote_id="77",
            fingerprint="abc",
            at=T0 + timedelta(days=1),
        ),
        "export_facts": ExportFact(
            network="facebook",
            key="https://www.facebook.com/123/posts/9",
            kind="post",
            file="Publications.csv",
            at=T0,
            permalink="https://www.facebook.com/123/posts/9",
            title="Été",
            figures=("reach", "reactions"),
            reach=120,
            reactions=7,
            post=4,
        ),
    }
