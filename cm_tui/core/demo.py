"""Deterministic, realistic demo data: a fictional design-lamp maker, "Maison Lumen".

``generate_demo(size, now, seed, networks=..., templates=...)`` is pure: the same arguments give
the same data, byte for byte (one ``random.Random(seed)``, no set iteration, no clock). Every
instant is UTC; days and working hours are read in ``tz``. Nothing has an ``id`` yet (the store
assigns them); ``io`` writes the result through the Repository.

Sizes:

* ``small``: one month of history (posts, a few dozen queue items, two months of figures), the
  community manager three weeks into the onboarding checklist;
* ``year``: a year of posts on Facebook, X, Instagram and LinkedIn at plausible hours meeting
  their targets most days, the Friday blog post with its links on X and Facebook, scheduled /
  draft / idea posts for the next two weeks; 20-60 comments a working day (fewer at weekends),
  mostly replied or ignored with realistic response times, 15-40 still open around ``now``
  (overdue, due soon, later; ambassadors, keyword matches, French with accents and emoji, and a
  little spam; no markup-like test string: those live in the tests); monthly figures with
  growing followers and seasonal engagement; 3 competitors; 2 ad campaigns (one running) with
  daily checks; task completion history;
* ``stress``: the ``year`` data with exactly 5,000 posts, 10,000 open and 100,000 archived queue
  items.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core import i18n
from cm_tui.core.deadline import DeadlinePolicy, deadline_for
from cm_tui.core.models import (
    AdCampaign,
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
from cm_tui.core.queue import fold_text, match_keywords
from cm_tui.core.recurrence import (
    CHECKLIST_DAY,
    WorkHours,
    is_since_last_done,
    slots_for,
)
from cm_tui.core.timeutil import (
    FIRST_DAY,
    LAST_DAY,
    clamp_supported_day,
    in_supported_range,
    is_supported_day,
    local_to_utc,
    month_key,
    shift_month,
)

SIZES: tuple[str, ...] = ("small", "year", "stress")
#: The networks the demo organisation works (the articles: two or three done well, plus the blog).
DEMO_NETWORKS: tuple[str, ...] = ("facebook", "x", "instagram", "linkedin", "blog")
POSTING_NETWORKS: tuple[str, ...] = ("facebook", "x", "instagram", "linkedin")
DEFAULT_DEADLINE_OVERRIDES: Mapping[str, int] = {"review": 24 * 60}

STRESS_POSTS = 5_000
STRESS_OPEN = 10_000
STRESS_ARCHIVED = 100_000


@dataclass(slots=True)
class DemoData:
    """Everything a demo store holds. ``queue`` is what stays in the hot store (open items and
    items closed less than ``archive_after_days`` ago); ``archived`` goes to the archive."""

    size: str
    now: datetime
    timezone: str
    networks: list[NetworkProfile]
    templates: list[TaskTemplate]
    active_networks: tuple[str, ...]
    onboarding_start: date
    #: the language its titles are written in (the interface's when it was generated)
    language: str = "en"
    posts: list[Post] = field(default_factory=list)
    queue: list[QueueItem] = field(default_factory=list)
    archived: list[QueueItem] = field(default_factory=list)
    figures: list[MonthlyFigures] = field(default_factory=list)
    campaigns: list[AdCampaign] = field(default_factory=list)
    competitors: list[Competitor] = field(default_factory=list)
    influencers: list[Influencer] = field(default_factory=list)
    hashtags: list[Hashtag] = field(default_factory=list)
    keywords: list[WatchKeyword] = field(default_factory=list)
    documents: list[ReferenceDocument] = field(default_factory=list)
    occurrences: list[TaskOccurrence] = field(default_factory=list)

    @property
    def open_items(self) -> list[QueueItem]:
        return [item for item in self.queue if item.status.is_open]

    def counts(self) -> dict[str, int]:
        """Number of records per table (for the CLI's summary line)."""
        return {
            "networks": len(self.networks),
            "tasks": len(self.templates),
            "posts": len(self.posts),
            "queue_open": len(self.open_items),
            "queue_closed": len(self.queue) - len(self.open_items),
            "archived": len(self.archived),
            "figures": len(self.figures),
            "campaigns": len(self.campaigns),
            "competitors": len(self.competitors),
            "influencers": len(self.influencers),
            "hashtags": len(self.hashtags),
            "keywords": len(self.keywords),
            "documents": len(self.documents),
            "occurrences": len(self.occurrences),
        }


# --------------------------------------------------------------------------- vocabulary

_FIRST = (
    "Camille", "Léa", "Hugo", "Chloé", "Nathan", "Zoé", "Élodie", "Mathis", "Inès", "Théo",
    "Sarah", "Louis", "Maëlle", "Gabriel", "Anaïs", "Noah", "Jade", "Raphaël", "Emma", "Jules",
    "Olivia", "Liam", "Amélie", "Félix", "Priya", "Omar", "Mei", "Lucas", "Ava", "Benoît",
)  # fmt: skip
_LAST = (
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
    "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Girard",
    "Smith", "Nguyen", "Martin", "Dubois", "Lefèvre", "Müller", "Haddad",
)  # fmt: skip
_AMBASSADORS = 8
_INFLUENCERS = (
    ("Julie Design", "instagram", "@juliedesign"),
    ("Marc Déco", "instagram", "@marcdeco"),
    ("Atelier Nord", "facebook", "atelier.nord"),
    ("Sophie Interiors", "x", "@sophie_interiors"),
    ("Le Blog Lumière", "linkedin", "le-blog-lumiere"),
    ("Maison & Style", "instagram", "@maisonstyle"),
    ("Karim Makes", "x", "@karimmakes"),
    ("Design Québec", "facebook", "designquebec"),
)
_KEYWORDS = (
    ("Maison Lumen", KeywordKind.BRAND),
    ("Lumen", KeywordKind.BRAND),
    ("Aurore", KeywordKind.PRODUCT),
    ("Lumen Box", KeywordKind.PRODUCT),
    ("Nordik Lab", KeywordKind.COMPETITOR),
    ("Studio Érable", KeywordKind.COMPETITOR),
    ("livraison", KeywordKind.TOPIC),
)
_HASHTAGS = (
    ("#communitymanager", HashtagKind.GENERAL),
    ("#marketingdigital", HashtagKind.GENERAL),
    ("#design", HashtagKind.GENERAL),
    ("#décoration", HashtagKind.GENERAL),
    ("#fabriquéauquébec", HashtagKind.GENERAL),
    ("#interiordesign", HashtagKind.GENERAL),
    ("#MaisonLumen", HashtagKind.SPECIFIC),
    ("#LampeAurore", HashtagKind.SPECIFIC),
    ("#LumenBox", HashtagKind.SPECIFIC),
    ("#ÉclairageDesign", HashtagKind.SPECIFIC),
    ("#LumenAtelier", HashtagKind.SPECIFIC),
)
_TOPICS = (
    (
        "Behind the scenes: hand-finishing the Aurore lamp",
        "Dans l'atelier : la finition à la main de la lampe Aurore",
    ),
    ("5 ways to light a small living room", "5 façons d'éclairer un petit salon"),
    ("Meet the team: our glassblower", "Rencontre avec notre souffleuse de verre"),
    ("Warm or cold light? A short guide", "Lumière chaude ou froide ? Petit guide"),
    ("Customer corner: your photos", "Coin clients : vos photos"),
    ("The Lumen Box is back in stock", "La Lumen Box est de retour en stock"),
    ("How we recycle our packaging", "Comment nous recyclons nos emballages"),
    ("Winter evenings, softer light", "Soirées d'hiver, lumière douce"),
    ("Contest: win an Aurore lamp", "Concours : gagnez une lampe Aurore"),
    ("Live Q&A with our designer", "Questions-réponses en direct avec notre designer"),
    ("From sketch to shelf", "De l'esquisse à la boutique"),
    ("Lighting your home office", "Éclairer son bureau à la maison"),
)  # fmt: skip
_POST_LINES = (
    "New this week at Maison Lumen: {topic}.",
    "Nouveau cette semaine chez Maison Lumen : {topic_fr}.",
    "{topic_fr} — on vous dit tout sur le blogue.",
    "{topic}. Tell us what you think in the comments!",
    "{topic_fr} ✨ Dites-nous ce que vous en pensez !",
)
_COMMENTS_EN = (
    "Love the new Aurore lamp, when will it ship to Toronto?",
    "Is the Lumen Box available in black?",
    "Great post, thanks for sharing!",
    "My order hasn't arrived yet, can someone help?",
    "How does this compare with Nordik Lab's lamps?",
    "Beautiful work 👏",
    "Do you do custom sizes for restaurants?",
    "The dimmer stopped working after a week. Not happy.",
    "Any discount for students?",
    "Saw you at the design fair, amazing booth!",
)
_COMMENTS_FR = (
    "J'adore la lampe Aurore 😍 elle est livrée en région ?",
    "Quel délai de livraison pour Québec ?",
    "Superbe travail, bravo à l'équipe ! 👏🔥",
    "Ma commande n'est toujours pas arrivée… quelqu'un peut m'aider ?",
    "Est-ce que la Lumen Box existe en noir ?",
    "Merci pour l'info, très utile 🙏",
    "Vous êtes mieux que Studio Érable, franchement ❤️",
    "Où peut-on voir vos créations à Montréal ?",
    "Déçue : l'abat-jour est arrivé fêlé. Que faire ?",
    "Génial ce concours ! Je tente ma chance 🤞",
    "Une idée pour éclairer un coin lecture ? 👩‍💻",
    "Très belle lumière, ça donne envie de cocooner ☕",
)
_REVIEWS = (
    "★★★★★ Qualité exceptionnelle, service client au top.",
    "★★☆☆☆ Beautiful lamp but delivery took three weeks.",
    "★★★★☆ Très belle finition, un peu cher.",
)
#: The odd ones: spam, shouting and off-topic requests a community manager meets (kept plain:
#: the demo is what the README's screenshots show; the tests hold their hostile strings).
_ODD_TEXTS = (
    "FREE LAMPS click here!!!",
    "Great post really",
    "Win a prize, follow my page",
    "See my portfolio, link in bio",
    "URGENT call me back",
    "Prix spécial aujourd'hui seulement → clique",
)
_REPLIES = (
    "Thank you {author}! 🙏",
    "Merci {author} ! On vous répond en privé.",
    "Hi {author}, we've sent you a private message with the details.",
    "Bonjour {author}, la livraison prend 3 à 5 jours ouvrables.",
    "Merci beaucoup {author} ❤️",
)
_POST_WINDOWS: Mapping[str, tuple[tuple[int, int], ...]] = {
    # (first minute, last minute) of local posting windows
    "facebook": ((11 * 60, 14 * 60), (17 * 60 + 30, 20 * 60)),
    "x": ((8 * 60, 19 * 60),),
    "instagram": ((11 * 60, 13 * 60 + 30), (17 * 60, 21 * 60)),
    "linkedin": ((7 * 60 + 30, 10 * 60), (12 * 60, 13 * 60)),
}
_BASE_FOLLOWERS = {"facebook": 4200, "x": 2600, "instagram": 3100, "linkedin": 1500, "blog": 800}
_GROWTH = {"facebook": 0.012, "x": 0.018, "instagram": 0.035, "linkedin": 0.025, "blog": 0.02}


def _zone(tz: ZoneInfo | str) -> ZoneInfo:
    return tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)


def generate_demo(
    size: str,
    now: datetime,
    seed: int = 2026,
    *,
    networks: Sequence[NetworkProfile],
    templates: Sequence[TaskTemplate] = (),
    tz: ZoneInfo | str = "Europe/Paris",
    hours: WorkHours | None = None,
    archive_after_days: int = 7,
    default_deadline_minutes: int = 60,
    deadline_overrides: Mapping[str, int] | None = None,
) -> DemoData:
    """Build the demo data set ``size`` around ``now`` (aware; see module doc).

    ``networks`` and ``templates`` are the shipped profiles and catalog (``io.shipped``), passed
    in because ``core`` does not read files.
    """
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}; use one of {', '.join(SIZES)}")
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    gen = _Generator(
        size,
        now.astimezone(UTC),
        seed,
        list(networks),
        list(templates),
        _zone(tz),
        hours or WorkHours(),
        archive_after_days,
        DeadlinePolicy(
            default_deadline_minutes,
            DEFAULT_DEADLINE_OVERRIDES if deadline_overrides is None else deadline_overrides,
        ),
    )
    return gen.run()


def _dated_inside(record: Any) -> bool:
    """Every date and instant of ``record`` (its own fields) lies in the supported days."""
    for value in (getattr(record, f.name) for f in fields(record)):
        if isinstance(value, datetime):
            if not in_supported_range(value):
                return False
        elif isinstance(value, date) and value != CHECKLIST_DAY and not is_supported_day(value):
            return False
    return True


def _clamp_day(day: date | None) -> date | None:
    return None if day is None else clamp_supported_day(day)


def _inside_supported_days(data: DemoData) -> DemoData:
    """The demo kept to the days cm-tui accepts (``core.timeutil.FIRST_DAY`` .. ``LAST_DAY``):
    around ``--now 2000-01-01`` or ``2199-12-31`` its year of history or its two weeks ahead
    would cross them. Dated rows outside are left out; dates that only describe a record (a
    document's last review, an influencer's last contact, a campaign's bounds) are clamped."""
    first_month, last_month = month_key(FIRST_DAY), month_key(LAST_DAY)

    def month_inside(month: str) -> bool:
        return first_month <= month <= last_month

    data.posts = [p for p in data.posts if _dated_inside(p)]
    data.queue = [q for q in data.queue if _dated_inside(q)]
    data.archived = [q for q in data.archived if _dated_inside(q)]
    data.occurrences = [o for o in data.occurrences if _dated_inside(o)]
    data.figures = [f for f in data.figures if month_inside(f.month)]
    data.competitors = [
        c.replace(months=tuple(m for m in c.months if month_inside(m.month)))
        for c in data.competitors
    ]
    data.documents = [d.replace(last_reviewed=_clamp_day(d.last_reviewed)) for d in data.documents]
    data.influencers = [
        i.replace(last_contacted=_clamp_day(i.last_contacted)) for i in data.influencers
    ]
    data.campaigns = [_campaign_inside(c) for c in data.campaigns]
    data.onboarding_start = _clamp_day(data.onboarding_start) or FIRST_DAY
    return data


def _campaign_inside(campaign: AdCampaign) -> AdCampaign:
    """``campaign`` with its bounds clamped and only its checks of supported days (its totals,
    the sums of its checks, follow)."""
    checks = tuple(k for k in campaign.checks if is_supported_day(k.day))
    bounds = (campaign.start, campaign.end)
    if checks == campaign.checks and all(is_supported_day(day) for day in bounds):
        return campaign
    clicks = sum(k.results for k in checks)
    return campaign.replace(
        start=_clamp_day(campaign.start),
        end=_clamp_day(campaign.end),
        checks=checks,
        spend=round(sum(k.spend for k in checks), 2),
        clicks=clicks,
        conversions=round(clicks * 0.031),
    )


class _Generator:
    def __init__(
        self,
        size: str,
        now: datetime,
        seed: int,
        networks: list[NetworkProfile],
        templates: list[TaskTemplate],
        tz: ZoneInfo,
        hours: WorkHours,
        archive_after_days: int,
        deadlines: DeadlinePolicy,
    ) -> None:
        self.size = size
        self.now = now
        self.rng = random.Random(seed)
        self.networks = networks
        self.templates = templates
        self.tz = tz
        self.hours = hours
        self.archive_cutoff = now - timedelta(days=archive_after_days)
        self.deadlines = deadlines
        self.today = now.astimezone(tz).date()
        self.history_days = 30 if size == "small" else 365
        # history never reaches before the first supported day (``--now 2000-01-01``)
        self.start = max(self.today - timedelta(days=self.history_days), FIRST_DAY)
        self.profiles = {n.key: n for n in networks}
        self.keyword_terms = tuple(term for term, _ in _KEYWORDS)
        self._kw_cache: dict[str, tuple[str, ...]] = {}
        self._seq = 0

    # ----------------------------------------------------------------- helpers

    def local(self, day: date, minute: int) -> datetime:
        return local_to_utc(day, time(minute // 60, minute % 60), self.tz)

    def keywords_of(self, text: str) -> tuple[str, ...]:
        found = self._kw_cache.get(text)
        if found is None:
            found = self._kw_cache[text] = match_keywords(text, self.keyword_terms)
        return found

    def days(self, first: date, last: date) -> Iterable[date]:
        day = first
        while day <= last:
            yield day
            day += timedelta(days=1)

    # ----------------------------------------------------------------- run

    def run(self) -> DemoData:
        onboarding_start = self.today - timedelta(days=20) if self.size == "small" else self.start
        data = DemoData(
            size=self.size,
            now=self.now,
            timezone=self.tz.key,
            networks=self.networks,
            templates=self.templates,
            active_networks=tuple(k for k in DEMO_NETWORKS if k in self.profiles) or DEMO_NETWORKS,
            onboarding_start=onboarding_start,
            language=i18n.language(),
        )
        data.hashtags = [Hashtag(tag, kind) for tag, kind in _HASHTAGS]
        data.keywords = [WatchKeyword(term, kind) for term, kind in _KEYWORDS]
        data.influencers = self.influencers()
        data.documents = self.documents()
        data.posts = self.posts()
        if self.size == "stress":
            data.posts = self.fit_posts(data.posts, STRESS_POSTS)
        self.authors = self.author_pool()
        if self.size == "stress":
            data.queue = self.stress_open(STRESS_OPEN)
            data.archived = self.stress_archived(STRESS_ARCHIVED)
        else:
            data.queue, data.archived = self.queue_history()
            data.queue.extend(self.open_items())
        data.figures = self.figures(data.posts)
        data.competitors = self.competitors()
        data.campaigns = self.campaigns()
        data.occurrences = self.occurrences(data.active_networks, onboarding_start)
        return _inside_supported_days(data)

    # ----------------------------------------------------------------- reference lists

    def influencers(self) -> list[Influencer]:
        out = []
        # one contacted each Wednesday, rotating; the last one never contacted yet
        wednesday = self.today - timedelta(days=(self.today.isoweekday() - 3) % 7 or 7)
        for index, (name, network, handle) in enumerate(_INFLUENCERS):
            last = None
            if index < len(_INFLUENCERS) - 1:
                last = wednesday - timedelta(weeks=index)
            out.append(Influencer(name, network, handle, last))
        return out

    def documents(self) -> list[ReferenceDocument]:
        today = self.today
        # titles in the interface's language: a French demo shows French titles only
        specs: list[tuple[DocumentKind, str, str | None, int, int]] = [
            (DocumentKind.GRAPHIC_CHARTER, i18n.t("core.demo.doc.charter"), None, 400, 365),
            (
                DocumentKind.EDITORIAL_LINE,
                i18n.t("core.demo.doc.editorial_line", year=today.year),
                None,
                120,
                180,
            ),
            (DocumentKind.NETIQUETTE, i18n.t("core.demo.doc.netiquette"), None, 60, 365),
            (DocumentKind.HEADER_IMAGES, i18n.t("core.demo.doc.header_images"), None, 100, 90),
            (DocumentKind.HASHTAG_LIST, i18n.t("core.demo.doc.hashtags"), None, 20, 90),
            (DocumentKind.WATCH_PLAN, i18n.t("core.demo.doc.watch_plan"), None, 200, 180),
        ]
        for network, age in (("facebook", 35), ("x", 10), ("instagram", 12), ("linkedin", 25)):
            name = self.profiles[network].name if network in self.profiles else network
            title = i18n.t("core.demo.doc.about", network=name)
            specs.append((DocumentKind.ABOUT, title, network, age, 30))
        return [
            ReferenceDocument(
                kind=kind,
                title=title,
                network=network,
                location=f"~/Documents/Lumen/{kind.value}.md",
                last_reviewed=today - timedelta(days=age),
                review_every_days=every,
            )
            for kind, title, network, age, every in specs
        ]

    # ----------------------------------------------------------------- posts

    def post_text(self, network: str, topic: tuple[str, str]) -> tuple[str, tuple[str, ...]]:
        rng = self.rng
        line = rng.choice(_POST_LINES).format(topic=topic[0], topic_fr=topic[1].lower())
        profile = self.profiles.get(network)
        limit = profile.max_hashtags if profile else 3
        tags = tuple(tag for tag, _ in rng.sample(_HASHTAGS, k=min(limit, rng.randint(0, 3))))
        text = line if not tags else f"{line} {' '.join(tags)}"
        if profile is not None and len(text) > profile.char_limit:
            text = text[: profile.char_limit]
        return text, tags

    def post_times(self, network: str, count: int) -> list[int]:
        """``count`` distinct local minutes in the network's windows, 5-minute steps, sorted."""
        slots = [m for lo, hi in _POST_WINDOWS[network] for m in range(lo, hi, 5)]
        picked = self.rng.sample(slots, k=min(count, len(slots)))
        return sorted(picked)

    def posts(self) -> list[Post]:
        rng = self.rng
        out: list[Post] = []
        last = min(self.today + timedelta(days=14), LAST_DAY)
        for day in self.days(self.start, last):
            future_day = day > self.today
            is_friday = day.isoweekday() == 5
            for network in POSTING_NETWORKS:
                profile = self.profiles.get(network)
                if profile is None:
                    continue
                low, high = profile.target_min, profile.target_max
                if profile.period is PostingPeriod.WEEK:
                    low, high = 0, 1
                roll = rng.random()
                if future_day:
                    # the further ahead, the emptier: holes left to fill
                    ahead = (day - self.today).days
                    count = low if rng.random() > ahead / 20 else max(0, low - 1)
                elif roll < 0.86:
                    count = rng.randint(low, high)
                elif roll < 0.95:
                    count = max(0, low - 1)
                else:
                    count = high + 1
                if is_friday and network in ("x", "facebook") and count > low:
                    count -= 1  # the blog link post is added below
                for minute in self.post_times(network, count):
                    out.append(self.make_post(network, day, minute))
            if is_friday and "blog" in self.profiles:
                topic = _TOPICS[(day.toordinal() // 7) % len(_TOPICS)]
                out.append(self.make_post("blog", day, 9 * 60 + 30, topic=topic, long=True))
                for network, minute in (("x", 11 * 60 + 45), ("facebook", 11 * 60 + 50)):
                    if network in self.profiles:
                        post = self.make_post(network, day, minute, topic=topic)
                        out.append(post.replace(title=f"Blog: {topic[0]}", link=post.link))
        # a draft too long for X and one with too many hashtags: the Calendar's checks show them
        tomorrow = self.today + timedelta(days=1)
        if "x" in self.profiles:
            long_text = (
                "Thread: everything about our new Aurore lamp, from sketch to shelf. " * 6
            ).strip()
            out.append(
                Post("x", self.local(tomorrow, 16 * 60 + 10), "Aurore thread (too long)", long_text,
                     PostStatus.DRAFT, tags=("launch",))
            )  # fmt: skip
        if "instagram" in self.profiles:
            tags = tuple(f"#lumen{i}" for i in range(35))
            out.append(
                Post("instagram", self.local(tomorrow, 18 * 60), "Hashtag overload",
                     "Nouvelle collection ✨ " + " ".join(tags), PostStatus.DRAFT, hashtags=tags)
            )  # fmt: skip
        out.sort(key=lambda p: (p.at, p.network, p.title))
        return out

    def make_post(
        self,
        network: str,
        day: date,
        minute: int,
        topic: tuple[str, str] | None = None,
        long: bool = False,
    ) -> Post:
        """One post; past ones published (2 % cancelled, never the blog post or its links)."""
        rng = self.rng
        at = self.local(day, minute)
        self._seq += 1
        if at <= self.now:
            cancelled = topic is None and rng.random() < 0.02
            status = PostStatus.CANCELLED if cancelled else PostStatus.PUBLISHED
        else:
            ahead = (at - self.now).total_seconds() / 86400
            roll = rng.random()
            if ahead < 2:
                status = PostStatus.SCHEDULED if roll < 0.85 else PostStatus.DRAFT
            elif ahead < 7:
                status = (
                    PostStatus.SCHEDULED
                    if roll < 0.4
                    else PostStatus.DRAFT
                    if roll < 0.8
                    else PostStatus.IDEA
                )
            else:
                status = PostStatus.DRAFT if roll < 0.3 else PostStatus.IDEA
        topic = topic or rng.choice(_TOPICS)
        if long:
            text = (
                f"{topic[1]}\n\n"
                + "Chez Maison Lumen, chaque lampe est pensée pour durer. " * 8
                + "\n\nEn savoir plus : https://maisonlumen.example/blogue"
            )
            tags: tuple[str, ...] = ("#MaisonLumen",)
        elif status is PostStatus.IDEA:
            text, tags = "", ()
        else:
            text, tags = self.post_text(network, topic)
        return Post(
            network=network,
            at=at,
            title=topic[1] if rng.random() < 0.6 else topic[0],
            text=text,
            status=status,
            campaign="Aurore" if "Aurore" in topic[0] else "",
            tags=("blog",) if network == "blog" else (),
            hashtags=tags,
            link=f"https://maisonlumen.example/p/{self._seq}",
        )

    def fit_posts(self, posts: list[Post], n: int) -> list[Post]:
        """Exactly ``n`` posts: extra published X posts spread over the year, or the oldest
        dropped."""
        if len(posts) > n:
            return posts[len(posts) - n :]
        extra = []
        for _ in range(n - len(posts)):
            day = self.start + timedelta(days=self.rng.randrange(self.history_days))
            extra.append(self.make_post("x", day, self.rng.choice(self.post_times("x", 1))))
        return sorted(posts + extra, key=lambda p: (p.at, p.network, p.title))

    # ----------------------------------------------------------------- queue

    def author_pool(self) -> list[tuple[str, str, bool, bool]]:
        """(handle, display name, ambassador, influencer)."""
        rng = self.rng
        pool = []
        for i in range(60):
            first = _FIRST[i % len(_FIRST)]
            last = _LAST[(i * 7) % len(_LAST)]
            handle = "@" + fold_text(first + last[:3])
            pool.append((f"{handle}{i}", f"{first} {last}", i < _AMBASSADORS, False))
        for name, _, handle in _INFLUENCERS:
            pool.append((handle, name, False, True))
        rng.shuffle(pool)
        return pool

    def item_text(self) -> tuple[QueueKind, str]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.015:
            text = rng.choice(_ODD_TEXTS)
        elif roll < 0.55:
            text = rng.choice(_COMMENTS_FR)
        else:
            text = rng.choice(_COMMENTS_EN)
        kind_roll = rng.random()
        if kind_roll < 0.05:
            return QueueKind.REVIEW, rng.choice(_REVIEWS)
        if kind_roll < 0.62:
            return QueueKind.COMMENT, text
        if kind_roll < 0.82:
            return QueueKind.MESSAGE, text
        return QueueKind.MENTION, text

    def make_item(self, received: datetime, network: str | None = None) -> QueueItem:
        rng = self.rng
        kind, text = self.item_text()
        network = network or rng.choice(POSTING_NETWORKS)
        handle, name, ambassador, influencer = rng.choice(self.authors)
        self._seq += 1
        return QueueItem(
            kind=kind,
            network=network,
            author_handle=handle,
            author_name=name,
            text=text,
            received_at=received,
            deadline=deadline_for(kind, network, received, self.deadlines),
            ambassador=ambassador,
            influencer=influencer,
            follower=rng.random() < 0.85,
            link=f"https://{network}.example/c/{self._seq}",
            external_id=f"{network}-{self._seq}",
            keywords=self.keywords_of(text),
        )

    def close(self, item: QueueItem) -> QueueItem:
        """A realistic outcome for an item received well before ``now``."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.8:
            # log-normal response time: median ~25 min, about one in six after the hour
            minutes = min(rng.lognormvariate(math.log(25), 0.85), 60 * 20)
            replied = min(item.received_at + timedelta(minutes=minutes), self.now)
            author = item.author_name.split()[0] if item.author_name else item.author_handle
            return item.replace(
                status=QueueStatus.REPLIED,
                reply_text=rng.choice(_REPLIES).format(author=author),
                replied_at=replied,
                closed_at=replied,
            )
        closed = min(item.received_at + timedelta(minutes=rng.uniform(2, 120)), self.now)
        return item.replace(status=QueueStatus.IGNORED, closed_at=closed)

    def arrivals(self, day: date) -> list[datetime]:
        rng = self.rng
        workday = day.isoweekday() in self.hours.workdays
        if self.size == "small":
            count = rng.randint(1, 3) if workday else rng.randint(0, 1)
        else:
            count = rng.randint(20, 60) if workday else rng.randint(4, 12)
        start = self.hours.start.hour * 60 + self.hours.start.minute
        end = self.hours.end.hour * 60 + self.hours.end.minute
        seconds = sorted(rng.randrange(start * 60, end * 60) for _ in range(count))
        tz = self.tz
        return [local_to_utc(day, time(s // 3600, s // 60 % 60, s % 60), tz) for s in seconds]

    def queue_history(self) -> tuple[list[QueueItem], list[QueueItem]]:
        hot: list[QueueItem] = []
        archived: list[QueueItem] = []
        horizon = self.now - timedelta(hours=2)  # the open set covers the last two hours
        for day in self.days(self.start, self.today):
            for received in self.arrivals(day):
                if received >= horizon:
                    break
                item = self.close(self.make_item(received))
                if item.closed_at is not None and item.closed_at < self.archive_cutoff:
                    archived.append(item)
                else:
                    hot.append(item)
        return hot, archived

    def open_items(self) -> list[QueueItem]:
        """15-40 open items around ``now`` (small: 6-10): overdue, due within 15/30 min, later."""
        rng = self.rng
        count = rng.randint(6, 10) if self.size == "small" else rng.randint(15, 40)
        # received this many minutes ago -> band for a 60-minute deadline
        spans = ((62, 115), (46, 59), (31, 44), (1, 29))
        out = []
        for i in range(count):
            lo, hi = spans[i % len(spans)]
            received = self.now - timedelta(minutes=rng.randint(lo, hi), seconds=rng.randint(0, 59))
            item = self.make_item(received)
            if item.kind is QueueKind.REVIEW:
                received = self.now - timedelta(hours=rng.randint(2, 20))
                item = item.replace(
                    received_at=received,
                    deadline=deadline_for(item.kind, item.network, received, self.deadlines),
                )
            out.append(item)
        # a snoozed one and an escalated one
        out[0] = out[0].replace(
            status=QueueStatus.SNOOZED, snoozed_until=self.now + timedelta(minutes=15)
        )
        out[1] = out[1].replace(status=QueueStatus.ESCALATED, notes="Forwarded to customer service")
        # make sure the open set shows an ambassador and a keyword match
        out[2] = out[2].replace(ambassador=True)
        text = "Est-ce que Maison Lumen livre à Sherbrooke ? 🚚"
        out[3] = out[3].replace(text=text, keywords=self.keywords_of(text))
        out.sort(key=lambda q: q.received_at)
        return out

    def stress_open(self, n: int) -> list[QueueItem]:
        rng = self.rng
        out = []
        for _ in range(n):
            received = self.now - timedelta(seconds=rng.randrange(3 * 86400))
            out.append(self.make_item(received))
        out.sort(key=lambda q: q.received_at)
        return out

    def stress_archived(self, n: int) -> list[QueueItem]:
        rng = self.rng
        span = int(
            (
                self.archive_cutoff - timedelta(days=1) - (self.now - timedelta(days=365))
            ).total_seconds()
        )
        first = self.now - timedelta(days=365)
        out = []
        for _ in range(n):
            received = first + timedelta(seconds=rng.randrange(span))
            item = self.close(self.make_item(received))
            if item.closed_at is None or item.closed_at >= self.archive_cutoff:
                item = item.replace(closed_at=self.archive_cutoff - timedelta(hours=1))
            out.append(item)
        out.sort(key=lambda q: q.received_at)
        return out

    # ----------------------------------------------------------------- figures

    def months(self) -> list[str]:
        last = shift_month(month_key(self.today), -1)
        n = 2 if self.size == "small" else 12
        return [shift_month(last, i) for i in range(1 - n, 1)]

    def figures(self, posts: list[Post]) -> list[MonthlyFigures]:
        rng = self.rng
        published: dict[tuple[str, str], int] = {}
        for post in posts:
            if post.status is PostStatus.PUBLISHED:
                key = (post.network, month_key(post.at.astimezone(self.tz).date()))
                published[key] = published.get(key, 0) + 1
        out = []
        months = self.months()
        for network in DEMO_NETWORKS:
            if network not in self.profiles:
                continue
            followers = float(_BASE_FOLLOWERS[network])
            for month in months:
                mon = int(month[5:])
                followers *= 1 + _GROWTH[network] + rng.uniform(-0.006, 0.006)
                # engagement peaks before the holidays and dips in summer
                season = 1 + 0.25 * math.cos(2 * math.pi * (mon - 12) / 12)
                reach = followers * rng.uniform(1.6, 2.4) * season
                reactions = reach * rng.uniform(0.03, 0.045) * season
                out.append(
                    MonthlyFigures(
                        network=network,
                        month=month,
                        followers=round(followers),
                        posts=published.get((network, month), 0),
                        reach=round(reach),
                        impressions=round(reach * rng.uniform(1.4, 1.9)),
                        reactions=round(reactions),
                        comments=round(reactions * rng.uniform(0.08, 0.15)),
                        shares=round(reactions * rng.uniform(0.05, 0.1)),
                        clicks=round(reach * rng.uniform(0.01, 0.02)),
                        profile_visits=round(reach * rng.uniform(0.015, 0.03)),
                    )
                )
        return out

    def competitors(self) -> list[Competitor]:
        rng = self.rng
        specs = (
            ("Nordik Lab", "instagram", "@nordiklab", 5200, 0.02),
            ("Studio Érable", "facebook", "studio.erable", 3900, 0.008),
            ("Atelier Cardinal", "x", "@ateliercardinal", 2100, 0.03),
        )
        out = []
        for name, network, handle, base, growth in specs:
            followers = float(base)
            months = []
            for month in self.months():
                followers *= 1 + growth + rng.uniform(-0.01, 0.01)
                posts = rng.randint(20, 60)
                months.append(
                    CompetitorMonth(
                        month, round(followers), posts, round(posts * rng.uniform(15, 60))
                    )
                )
            out.append(
                Competitor(name, network, handle, tuple(months), notes="Veille concurrentielle")
            )
        return out

    def campaigns(self) -> list[AdCampaign]:
        rng = self.rng
        specs: tuple[tuple[str, str, int, int, float], ...] = (
            ("Fête des mères — Aurore", "facebook", -120, -92, 1500.0),
            ("Lumen Box — lancement", "instagram", -12, 16, 2400.0),
        )
        if self.size == "small":
            specs = specs[1:]
        notes = (
            "",
            "",
            "",
            "Audience narrowed to 25-44",
            "Paused the weakest visual",
            "Budget moved to stories",
        )
        out = []
        for name, network, start_off, end_off, budget in specs:
            start = self.today + timedelta(days=start_off)
            end = self.today + timedelta(days=end_off)
            per_day = budget / ((end - start).days + 1)
            checks = []
            for day in self.days(start, min(end, self.today - timedelta(days=1))):
                spend = round(per_day * rng.uniform(0.8, 1.15), 2)
                checks.append(
                    CampaignCheck(
                        day, spend, round(spend * rng.uniform(1.2, 2.6)), rng.choice(notes)
                    )
                )
            clicks = sum(c.results for c in checks)
            out.append(
                AdCampaign(
                    name=name,
                    network=network,
                    start=start,
                    end=end,
                    budget=budget,
                    spend=round(sum(c.spend for c in checks), 2),
                    clicks=clicks,
                    conversions=round(clicks * 0.031),
                    checks=tuple(checks),
                )
            )
        return out

    # ----------------------------------------------------------------- task history

    def occurrences(self, active: tuple[str, ...], onboarding_start: date) -> list[TaskOccurrence]:
        rng = self.rng
        out: list[TaskOccurrence] = []
        checklist = [
            t
            for t in self.templates
            if t.cadence.kind is CadenceKind.ONCE
            and t.cadence.anchor is None
            and t.group in (TaskGroup.ONBOARDING, TaskGroup.FIRST_MONTHS)
        ]
        n_done = len(checklist) if self.size != "small" else (len(checklist) * 3) // 5
        for index, template in enumerate(checklist[:n_done]):
            done_day = min(onboarding_start + timedelta(days=2 + 3 * index), self.today)
            out.append(
                TaskOccurrence(
                    key=occurrence_key(template.key, CHECKLIST_DAY, 0),
                    template_key=template.key,
                    day=CHECKLIST_DAY,
                    slot=0,
                    status=OccurrenceStatus.DONE,
                    at=self.local(done_day, 15 * 60),
                )
            )
        recurring = [
            t
            for t in self.templates
            if t.active
            and t.cadence.kind is not CadenceKind.ONCE
            and (t.network is None or t.network in active)
        ]
        # the most recent influencer contact is left undone: the Overdue section has an example
        keep_pending = self._last_weekly("weekly.influencer_contact")
        last_done: dict[str, date] = {
            t.key: self.start - timedelta(days=rng.randint(0, 60))
            for t in recurring
            if is_since_last_done(t.cadence)
        }
        for day in self.days(self.start, self.today):
            for template in recurring:
                since = is_since_last_done(template.cadence)
                slots = slots_for(
                    template.cadence, day, self.tz, self.hours, last_done.get(template.key)
                )
                for slot in slots:
                    if slot.at_utc > self.now:
                        continue
                    if (template.key, day) == keep_pending:
                        continue
                    roll = rng.random()
                    if since:
                        if roll > 0.35:
                            continue  # surfaced, not done yet today
                        status = OccurrenceStatus.DONE
                        last_done[template.key] = day
                    elif roll < 0.9:
                        status = OccurrenceStatus.DONE
                    elif roll < 0.94:
                        status = OccurrenceStatus.SKIPPED
                    else:
                        continue  # missed
                    at = min(slot.at_utc + timedelta(minutes=rng.randint(0, 40)), self.now)
                    out.append(
                        TaskOccurrence(
                            key=occurrence_key(template.key, day, slot.index),
                            template_key=template.key,
                            day=day,
                            slot=slot.index,
                            status=status,
                            at=at,
                            reason="Pas le temps" if status is OccurrenceStatus.SKIPPED else "",
                        )
                    )
        return out

    def _last_weekly(self, key: str) -> tuple[str, date] | None:
        for template in self.templates:
            if template.key == key and template.cadence.weekdays:
                wd = template.cadence.weekdays[0]
                back = (self.today.isoweekday() - wd) % 7 or 7
                return key, self.today - timedelta(days=back)
        return None
