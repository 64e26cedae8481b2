"""What the Stats tab's forms accept (a month's figures, a campaign, a daily check, a
competitor and one of its months, the KPI targets): pure functions from the typed texts
(field name -> text) to a record, raising ``FieldError`` for the first bad field.

Every message names its field with the label the form shows (``LABELS`` gives its message
key), so the line under the field reads on its own: "Budget: an amount from 0 to 1,000,000,000".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TypeVar

from cm_tui.core import locale as l10n
from cm_tui.core.form_errors import FieldError
from cm_tui.core.i18n import t
from cm_tui.core.models import (
    AdCampaign,
    CampaignCheck,
    Competitor,
    CompetitorMonth,
    MonthlyFigures,
    NetworkProfile,
)
from cm_tui.core.stats import KPI_FIELDS, parse_percent
from cm_tui.core.timeutil import FIRST_DAY, LAST_DAY, is_supported_month, month_key, parse_month
from cm_tui.core.value import Value, frozen

#: larger than any account's figures: a typo (a key held down), not a figure
MAX_COUNT = 10**12
#: larger than any campaign's budget
MAX_AMOUNT = 10**9

#: the figures typed in the figures form, in order (posts published come from the Calendar)
FIGURE_FIELDS: tuple[str, ...] = tuple(f for f in MonthlyFigures.FIGURES if f != "posts")
#: a competitor's figures of one month
MONTH_FIGURES: tuple[str, ...] = ("followers", "posts", "engagements")

#: field name -> message key of its label, for the forms that are not figures
LABELS: dict[str, str] = {
    "name": "stats.campaign.name",
    "network": "stats.campaign.network",
    "start": "stats.campaign.start",
    "end": "stats.campaign.end",
    "budget": "stats.campaign.budget",
    "day": "stats.check.day",
    "spend": "stats.check.spend",
    "results": "stats.check.results",
    "note": "stats.check.note",
    "handle": "stats.competitor.handle",
    "month": "stats.competitor.month",
    "baseline": "stats.kpi_form.baseline",
}

Values = Mapping[str, str]
N = TypeVar("N", int, float)


def label(name: str) -> str:
    """The label of field ``name``: ``LABELS``, else the metric's name (figures)."""
    return t(LABELS.get(name, f"core.metric.{name}"))


# --------------------------------------------------------------------------- one value


def parse_count(text: str) -> int | None:
    """``"1 234"`` / ``"1,234"`` / ``""`` (0) -> int; ``None`` unless a whole number from 0 to
    ``MAX_COUNT``."""
    cleaned = text.strip().replace(" ", "").replace("\u202f", "").replace(",", "")
    if not cleaned:
        return 0
    if not cleaned.isdigit() or not cleaned.isascii():
        return None
    value = int(cleaned)
    return value if value <= MAX_COUNT else None


def parse_amount(text: str) -> float | None:
    """``"1 234.50"`` / ``"1234,5"`` / ``""`` (0) -> float rounded to cents; ``None`` unless an
    amount from 0 to ``MAX_AMOUNT``."""
    cleaned = text.strip().replace(" ", "").replace("\u202f", "").replace(",", ".")
    if not cleaned:
        return 0.0
    if cleaned.count(".") > 1 or not cleaned.replace(".", "").isdigit():
        return None
    if not cleaned.isascii():
        return None
    value = float(cleaned)
    return round(value, 2) if value <= MAX_AMOUNT else None


def count(values: Values, name: str) -> int:
    """The whole number typed in ``name`` (``parse_count``)."""
    return _within(values, name, parse_count, "stats.form.bad_number", MAX_COUNT)


def amount(values: Values, name: str) -> float:
    """The amount typed in ``name`` (``parse_amount``)."""
    return _within(values, name, parse_amount, "stats.form.bad_amount", MAX_AMOUNT)


def _within(values: Values, name: str, parse: Callable[[str], N | None], key: str, most: int) -> N:
    value = parse(values[name])
    if value is None:
        raise FieldError(name, key, {"field": label(name), "max": l10n.number(most)})
    return value


def day(values: Values, name: str) -> date:
    try:
        return date.fromisoformat(values[name].strip())
    except ValueError:
        raise FieldError(name, "stats.form.bad_day", {"field": label(name)}) from None


def required(values: Values, name: str) -> str:
    value = values[name].strip()
    if not value:
        raise FieldError(name, "stats.form.required", {"field": label(name)})
    return value


def network(values: Values, name: str, networks: Sequence[NetworkProfile]) -> str:
    """The network key typed (a key or a name, any case)."""
    typed = values[name].strip().lower()
    for profile in networks:
        if typed in (profile.key.lower(), profile.name.lower()):
            return profile.key
    known = ", ".join(n.key for n in networks)
    raise FieldError(name, "stats.form.bad_network", {"field": label(name), "known": known})


# --------------------------------------------------------------------------- records


def figures_month(values: Values, current_month: str) -> str:
    """The month typed in ``month``: ``YYYY-MM``, any month up to ``current_month`` (figures
    of a month that has not begun are a typo)."""
    typed = values["month"].strip()
    try:
        year, number = parse_month(typed)
    except ValueError:
        raise FieldError("month", "stats.form.bad_month", {"field": label("month")}) from None
    month = f"{year:04d}-{number:02d}"
    if month > current_month:
        raise FieldError(
            "month",
            "stats.form.future_month",
            {"field": label("month"), "month": month, "current": current_month},
        )
    return supported_month("month", month, last=current_month)


def supported_month(name: str, month: str, *, last: str = month_key(LAST_DAY)) -> str:
    """``month``, refused (``FieldError`` on field ``name``) outside the supported days'
    months (``core.timeutil.FIRST_DAY`` .. ``LAST_DAY``; docs/architecture.md, "Layers")."""
    if is_supported_month(month):
        return month
    raise FieldError(
        name,
        "stats.form.unsupported_month",
        {"field": label(name), "month": month, "first": month_key(FIRST_DAY), "last": last},
    )


def figures_from_form(
    network: str, values: Values, stored: Mapping[str, MonthlyFigures], current_month: str
) -> MonthlyFigures:
    """The figures of ``network`` for the typed month (``figures_month``) with the typed counts
    of ``FIGURE_FIELDS``: the month's stored record (``stored``: month -> that network's
    figures) with its id and its other fields kept, so that saving replaces it and a month is
    never stored twice; else a new record. Followers left empty stay unknown (``None``, shown
    "–"), as a month made from exports without a follower count has them."""
    month = figures_month(values, current_month)
    counts: dict[str, int | None] = {name: count(values, name) for name in FIGURE_FIELDS}
    if not values["followers"].strip():
        counts["followers"] = None
    base = stored.get(month) or MonthlyFigures(network, month)
    return base.replace(**counts)


def campaign_from_form(
    campaign: AdCampaign, values: Values, networks: Sequence[NetworkProfile]
) -> AdCampaign:
    """``campaign`` with the typed name, network, dates and budget (its checks kept)."""
    name = required(values, "name")
    key = network(values, "network", networks)
    start = day(values, "start")
    end = day(values, "end")
    if end < start:
        raise FieldError("end", "stats.form.end_before_start", {"field": label("end")})
    budget = amount(values, "budget")
    return campaign.replace(name=name, network=key, start=start, end=end, budget=budget)


def check_from_form(campaign: AdCampaign, values: Values) -> CampaignCheck:
    """One day's spend, results and note of ``campaign`` (the day inside the campaign)."""
    when = day(values, "day")
    if not campaign.start <= when <= campaign.end:
        raise FieldError(
            "day",
            "stats.form.outside_campaign",
            {
                "field": label("day"),
                "start": campaign.start.isoformat(),
                "end": campaign.end.isoformat(),
            },
        )
    spend = amount(values, "spend")
    results = count(values, "results")
    return CampaignCheck(when, spend, results, values["note"].strip())


def competitor_from_form(
    competitor: Competitor, values: Values, networks: Sequence[NetworkProfile]
) -> Competitor:
    """``competitor`` with the typed name, network and handle (its months kept)."""
    name = required(values, "name")
    key = network(values, "network", networks)
    return competitor.replace(name=name, network=key, handle=values["handle"].strip())


def competitor_month_from_form(values: Values) -> CompetitorMonth:
    """One month (``YYYY-MM``) of a competitor's followers, posts and engagements."""
    try:
        year, number = parse_month(values["month"].strip())
    except ValueError:
        raise FieldError("month", "stats.form.bad_month", {"field": label("month")}) from None
    month = supported_month("month", f"{year:04d}-{number:02d}")
    counts = {name: count(values, name) for name in MONTH_FIGURES}
    return CompetitorMonth(month, **counts)


# --------------------------------------------------------------------------- KPI targets


@frozen
class KpiChoice(Value):
    """What the KPI form gives back: network key -> ``KpiTargets`` field -> percent as typed
    (``None``: no target), and the baseline month (``None``: the default)."""

    targets: dict[str, dict[str, float | None]]
    baseline: str | None


def kpi_cell(index: int, field_name: str) -> str:
    """The field name of network ``index``'s KPI ``field_name`` (``n0-on_time_share``)."""
    return f"n{index}-{field_name}"


def kpi_from_form(
    values: Values, networks: Sequence[NetworkProfile], current_month: str
) -> KpiChoice:
    """The targets typed per network (cells named by ``kpi_cell``, in percent, empty: no
    target) and the baseline month (``YYYY-MM`` not after ``current_month``, empty: the
    default)."""
    baseline = _baseline(values["baseline"], current_month)
    targets: dict[str, dict[str, float | None]] = {}
    for i, profile in enumerate(networks):
        typed: dict[str, float | None] = {}
        for name, _kpi, _scale, low, high in KPI_FIELDS:
            cell = kpi_cell(i, name)
            try:
                typed[name] = parse_percent(values[cell], low, high)
            except ValueError:
                raise FieldError(
                    cell,
                    "stats.kpi_form.bad_percent",
                    {
                        "network": profile.name,
                        "field": t(f"stats.kpi_form.{name}"),
                        "low": f"{low:g}",
                        "high": f"{high:g}",
                    },
                ) from None
        targets[profile.key] = typed
    return KpiChoice(targets, baseline)


def _baseline(text: str, current_month: str) -> str | None:
    month = text.strip()
    if not month:
        return None
    try:
        parse_month(month)
    except ValueError:
        raise FieldError("baseline", "stats.kpi_form.bad_baseline") from None
    if month > current_month:
        raise FieldError("baseline", "stats.kpi_form.future_baseline", {"month": month})
    return supported_month("baseline", month, last=current_month)
