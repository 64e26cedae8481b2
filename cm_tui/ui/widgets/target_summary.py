"""Posting targets as ``Content`` (plain text + theme styles): Today's side box (one line per
network: count, target range, state) and the marks of the Calendar grid's cells."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from cm_tui.core.i18n import t
from cm_tui.core.models import NetworkProfile, PostingPeriod
from cm_tui.core.targets import OVER, UNDER, TargetRow

#: target state -> (mark, style)
TARGET_STYLES: dict[str, tuple[str, str]] = {
    UNDER: ("▼", "bold $text-warning"),
    OVER: ("▲", "bold $text-error"),
}
WITHIN_STYLE = ("●", "bold $text-success")


def target_span(network: NetworkProfile) -> str:
    """``1–2`` (a single number when min == max)."""
    low, high = network.target_min, network.target_max
    return str(low) if low == high else f"{low}–{high}"


def target_range(network: NetworkProfile) -> str:
    """``1–2 /day`` or ``2–3 /week``."""
    unit = t("ui.per_week") if network.period is PostingPeriod.WEEK else t("ui.per_day")
    return f"{target_span(network)} {unit}"


def target_lines(rows: Sequence[TargetRow], *, words: bool = True) -> Content:
    """One line per network: name, count, target range, state (coloured). Without ``words``
    the state is its mark alone (▼ under, ● on target, ▲ over): the lines a narrow column
    shows whole (``BoxStack``'s ``narrow`` body) rather than cut the word to ``o…``."""
    if not rows:
        return Content.styled(t("ui.today.no_networks"), "$text-muted")
    name_width = max(len(row.network.name) for row in rows)
    range_width = max(len(target_range(row.network)) for row in rows)
    lines = []
    for row in rows:
        mark, style = TARGET_STYLES.get(row.state, WITHIN_STYLE)
        lines.append(
            Content.assemble(
                (mark, style),
                " ",
                row.network.name.ljust(name_width),
                "  ",
                (str(row.count).rjust(2), style),
                (
                    f" / {target_range(row.network).ljust(range_width if words else 0)}",
                    "$text-muted",
                ),
                *(("  ", (t(f"ui.target.{row.state}"), style)) if words else ()),
            )
        )
    return Content("\n").join(lines)
