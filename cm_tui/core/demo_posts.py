"""The demo's posts (``core.demo``): a year of them on each network at plausible hours meeting
their targets most days, the Friday blog post with its links, and scheduled / draft / idea posts
for the next two weeks. Drawn from the run's one random source (``core.demo_run``).
"""

from __future__ import annotations

from datetime import date, timedelta

from cm_tui.core.demo_run import DemoRun
from cm_tui.core.demo_vocabulary import (
    HASHTAGS,
    POST_LINES,
    POST_WINDOWS,
    POSTING_NETWORKS,
    TOPICS,
)
from cm_tui.core.models import Post, PostingPeriod, PostStatus
from cm_tui.core.timeutil import LAST_DAY


def _post_text(run: DemoRun, network: str, topic: tuple[str, str]) -> tuple[str, tuple[str, ...]]:
    rng = run.rng
    line = rng.choice(POST_LINES).format(topic=topic[0], topic_fr=topic[1].lower())
    profile = run.profiles.get(network)
    limit = profile.max_hashtags if profile else 3
    tags = tuple(tag for tag, _ in rng.sample(HASHTAGS, k=min(limit, rng.randint(0, 3))))
    text = line if not tags else f"{line} {' '.join(tags)}"
    if profile is not None and len(text) > profile.char_limit:
        text = text[: profile.char_limit]
    return text, tags


def _post_times(run: DemoRun, network: str, count: int) -> list[int]:
    """``count`` distinct local minutes in the network's windows, 5-minute steps, sorted."""
    slots = [m for lo, hi in POST_WINDOWS[network] for m in range(lo, hi, 5)]
    picked = run.rng.sample(slots, k=min(count, len(slots)))
    return sorted(picked)


def post_history(run: DemoRun) -> list[Post]:
    """The posts from ``run.start`` to two weeks ahead, sorted: past ones published, the
    Friday blog post with its links on X and Facebook, and two drafts the Calendar flags."""
    rng = run.rng
    out: list[Post] = []
    last = min(run.today + timedelta(days=14), LAST_DAY)
    for day in run.days(run.start, last):
        future_day = day > run.today
        is_friday = day.isoweekday() == 5
        for network in POSTING_NETWORKS:
            profile = run.profiles.get(network)
            if profile is None:
                continue
            low, high = profile.target_min, profile.target_max
            if profile.period is PostingPeriod.WEEK:
                low, high = 0, 1
            roll = rng.random()
            if future_day:
                # the further ahead, the emptier: holes left to fill
                ahead = (day - run.today).days
                count = low if rng.random() > ahead / 20 else max(0, low - 1)
            elif roll < 0.86:
                count = rng.randint(low, high)
            elif roll < 0.95:
                count = max(0, low - 1)
            else:
                count = high + 1
            if is_friday and network in ("x", "facebook") and count > low:
                count -= 1  # the blog link post is added below
            for minute in _post_times(run, network, count):
                out.append(_make_post(run, network, day, minute))
        if is_friday and "blog" in run.profiles:
            topic = TOPICS[(day.toordinal() // 7) % len(TOPICS)]
            out.append(_make_post(run, "blog", day, 9 * 60 + 30, topic=topic, long=True))
            for network, minute in (("x", 11 * 60 + 45), ("facebook", 11 * 60 + 50)):
                if network in run.profiles:
                    post = _make_post(run, network, day, minute, topic=topic)
                    out.append(post.replace(title=f"Blog: {topic[0]}", link=post.link))
    # a draft too long for X and one with too many hashtags: the Calendar's checks show them
    tomorrow = run.today + timedelta(days=1)
    if "x" in run.profiles:
        long_text = (
            "Thread: everything about our new Aurore lamp, from sketch to shelf. " * 6
        ).strip()
        out.append(
            Post("x", run.local(tomorrow, 16 * 60 + 10), "Aurore thread (too long)", long_text,
                 PostStatus.DRAFT, tags=("launch",))
        )  # fmt: skip
    if "instagram" in run.profiles:
        tags = tuple(f"#lumen{i}" for i in range(35))
        out.append(
            Post("instagram", run.local(tomorrow, 18 * 60), "Hashtag overload",
                 "Nouvelle collection ✨ " + " ".join(tags), PostStatus.DRAFT, hashtags=tags)
        )  # fmt: skip
    out.sort(key=lambda p: (p.at, p.network, p.title))
    return out


def _make_post(
    run: DemoRun,
    network: str,
    day: date,
    minute: int,
    topic: tuple[str, str] | None = None,
    long: bool = False,
) -> Post:
    """One post; past ones published (2 % cancelled, never the blog post or its links)."""
    rng = run.rng
    at = run.local(day, minute)
    seq = run.next_seq()
    if at <= run.now:
        cancelled = topic is None and rng.random() < 0.02
        status = PostStatus.CANCELLED if cancelled else PostStatus.PUBLISHED
    else:
        ahead = (at - run.now).total_seconds() / 86400
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
    topic = topic or rng.choice(TOPICS)
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
        text, tags = _post_text(run, network, topic)
    return Post(
        network=network,
        at=at,
        title=topic[1] if rng.random() < 0.6 else topic[0],
        text=text,
        status=status,
        campaign="Aurore" if "Aurore" in topic[0] else "",
        tags=("blog",) if network == "blog" else (),
        hashtags=tags,
        link=f"https://maisonlumen.example/p/{seq}",
    )


def fit_posts(run: DemoRun, posts: list[Post], n: int) -> list[Post]:
    """Exactly ``n`` posts: extra published X posts spread over the year, or the oldest
    dropped."""
    if len(posts) > n:
        return posts[len(posts) - n :]
    extra = []
    for _ in range(n - len(posts)):
        day = run.start + timedelta(days=run.rng.randrange(run.history_days))
        extra.append(_make_post(run, "x", day, run.rng.choice(_post_times(run, "x", 1))))
    return sorted(posts + extra, key=lambda p: (p.at, p.network, p.title))
