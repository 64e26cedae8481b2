"""Month-over-month figures for the Stats tab.

Months are ``"YYYY-MM"`` strings. Series are aligned on an explicit list of months so that a
missing month shows as a gap (``None``), never as a shifted value.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from cm_tui.core.models import MonthlyFigures, QueueItem, QueueStatus
from cm_tui.core.timeutil import parse_month, shift_month

#: Metrics ``monthly_series`` understands besides the integer fields of ``MonthlyFigures``.
DERIVED_METRICS = ("engagements", "engagement_rate")
FIELD_METRICS = (
    "followers",
    "posts",
    "reach",
    "impressions",
    "reactions",
    "comments",
    "shares",
    "clicks",
    "profile_visits",
)


def months_range(last_month: str, n: int) -> list[str]:
    """The ``n`` months ending with ``last_month``, oldest first."""
    parse_month(last_month)
    return [shift_month(last_month, i) for i in range(1 - n, 1)]


def engagement_rate(figures: MonthlyFigures) -> float | None:
    """Engagements (reactions + comments + shares) per 100 people reached (``None``: no reach)."""
    if figures.reach <= 0:
        return None
    return 100.0 * figures.engagements / figures.reach


def metric_value(figures: MonthlyFigures, metric: str) -> float | int | None:
    if metric == "engagement_rate":
        return engagement_rate(figures)
    if metric == "engagements":
        return figures.engagements
    if metric in FIELD_METRICS:
        return getattr(figures, metric)
    raise ValueError(
        f"unknown metric {metric!r}; use one of {', '.join(FIELD_METRICS + DERIVED_METRICS)}"
    )


def monthly_series(
    figures: Iterable[MonthlyFigures],
    metric: str,
    networks: Sequence[str] | None = None,
    months: Sequence[str] | None = None,
) -> dict[str, list[tuple[str, float | int | None]]]:
    """network -> [(month, value)] for each month of ``months`` (default: every month present,
    sorted), ``None`` where a month has no figures. ``networks`` selects and orders the keys
    (default: every network present, sorted). A later record for the same network and month
    replaces an earlier one."""
    table: dict[tuple[str, str], MonthlyFigures] = {}
    for fig in figures:
        table[(fig.network, fig.month)] = fig
    if networks is None:
        networks = sorted({n for n, _ in table})
    if months is None:
        months = sorted({m for _, m in table})
    out: dict[str, list[tuple[str, float | int | None]]] = {}
    for network in networks:
        series = []
        for month in months:
            fig = table.get((network, month))
            series.append((month, None if fig is None else metric_value(fig, metric)))
        out[network] = series
    return out


def month_change(current: float | None, previous: float | None) -> float | None:
    """Percent change from ``previous`` to ``current``; ``None`` when either is missing or the
    previous value is 0 (no meaningful ratio)."""
    if current is None or previous is None or previous == 0:
        return None
    return 100.0 * (current - previous) / abs(previous)


# --------------------------------------------------------------------------- queue figures


@dataclass(slots=True)
class ResponseFigures:
    """Queue figures of one network and month (the month an item was received, local time)."""

    network: str
    month: str
    received: int = 0
    replied: int = 0
    on_time: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    response_minutes: list[float] = field(default_factory=list)

    @property
    def median_minutes(self) -> float | None:
        return statistics.median(self.response_minutes) if self.response_minutes else None

    @property
    def p90_minutes(self) -> float | None:
        return percentile(self.response_minutes, 90)

    @property
    def on_time_share(self) -> float | None:
        """Share (0-1) of replied items answered by their deadline."""
        return self.on_time / self.replied if self.replied else None


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile (``None`` for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def response_figures(
    items: Iterable[QueueItem], tz: ZoneInfo
) -> dict[tuple[str, str], ResponseFigures]:
    """(network, month) -> figures, in one pass over ``items`` (open, closed or archived: pass an
    iterator over the archive to keep memory flat)."""
    out: dict[tuple[str, str], ResponseFigures] = {}
    for item in items:
        local = item.received_at.astimezone(tz)
        month = f"{local.year:04d}-{local.month:02d}"
        key = (item.network, month)
        fig = out.get(key)
        if fig is None:
            fig = out[key] = ResponseFigures(item.network, month)
        fig.received += 1
        fig.by_kind[item.kind.value] = fig.by_kind.get(item.kind.value, 0) + 1
        fig.by_status[item.status.value] = fig.by_status.get(item.status.value, 0) + 1
        if item.status is QueueStatus.REPLIED and item.replied_at is not None:
            fig.replied += 1
            fig.response_minutes.append((item.replied_at - item.received_at).total_seconds() / 60)
            if item.replied_at <= item.deadline:
                fig.on_time += 1
    return out


def month_of(instant: datetime, tz: ZoneInfo) -> str:
    local = instant.astimezone(tz)
    return f"{local.year:04d}-{local.month:02d}"
