"""Human descriptions of core values, through ``i18n.t`` (so they follow the chosen language)."""

from __future__ import annotations

from cm_tui.core import locale as l10n
from cm_tui.core.i18n import t
from cm_tui.core.models import Cadence, CadenceKind


def weekday_name(iso_weekday: int, short: bool = False) -> str:
    """``Friday`` / ``vendredi`` (``short``: ``Fri`` / ``ven.``)."""
    return l10n.weekday_name(iso_weekday, "abbreviated" if short else "wide")


def describe_cadence(cadence: Cadence) -> str:
    """E.g. "Every week on Friday at 09:00" / "Chaque semaine : vendredi à 09:00"; without a
    time, its block if it has one ("Every week on Friday · Morning")."""
    kind = cadence.kind
    every = cadence.every
    if kind is CadenceKind.ONCE:
        text = (
            t("core.cadence.once_on", day=l10n.date(cadence.anchor, "long"))
            if cadence.anchor
            else t("core.cadence.once")
        )
    elif kind is CadenceKind.TIMES_PER_DAY:
        text = (
            t("core.cadence.once_a_day")
            if cadence.times == 1
            else t("core.cadence.times_per_day", count=cadence.times)
        )
    elif kind is CadenceKind.OCCASIONAL:
        text = t("core.cadence.occasional", count=every)
    elif cadence.after_completion:
        unit = {
            CadenceKind.WEEKLY: "weeks",
            CadenceKind.MONTHLY: "months",
            CadenceKind.QUARTERLY: "months",
        }.get(kind, "days")
        n = every * 3 if kind is CadenceKind.QUARTERLY else every
        text = t(f"core.cadence.after_{unit}", count=n)
    elif kind is CadenceKind.DAILY:
        text = (
            t("core.cadence.daily") if every == 1 else t("core.cadence.every_n_days", count=every)
        )
    elif kind is CadenceKind.WORKDAYS:
        text = t("core.cadence.workdays")
    elif kind is CadenceKind.WEEKLY:
        days = ", ".join(weekday_name(d) for d in (cadence.weekdays or (1,)))
        text = (
            t("core.cadence.weekly", days=days)
            if every == 1
            else t("core.cadence.every_n_weeks", count=every, days=days)
        )
    elif kind is CadenceKind.QUARTERLY:
        text = t("core.cadence.quarterly")
    else:  # MONTHLY
        if cadence.nth_weekday is not None:
            wd, n = cadence.nth_weekday
            text = t("core.cadence.monthly_nth", nth=t(f"core.nth.{n}"), weekday=weekday_name(wd))
        elif cadence.day_of_month == -1:
            text = t("core.cadence.monthly_last_day")
        else:
            text = t("core.cadence.monthly_day", day=cadence.day_of_month or 1)
        if every > 1:
            text = f"{text} · {t('core.cadence.every_n_months', count=every)}"
    if cadence.at and kind is not CadenceKind.TIMES_PER_DAY:
        text = t("core.cadence.at", cadence=text, time=cadence.at)
    elif cadence.block and kind is not CadenceKind.TIMES_PER_DAY:
        text = f"{text} · {t(f'core.block.{cadence.block}')}"  # it starts when its block does
    return text
