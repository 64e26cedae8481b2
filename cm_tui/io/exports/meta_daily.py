"""Meta's page-level daily series: UTF-16 LE, a first line ``sep=,``, the metric's name on the
second (``Facebook Page reach``, ``Instagram profile visits``, ``Portée``...), ``"Date",
"Primary"`` on the third, then one row per day. The metric's name says the figure and the
network (Instagram if it names it, else Facebook)."""

from __future__ import annotations

from collections.abc import Iterator

from cm_tui.core.export_facts import DAY, ExportFact
from cm_tui.core.i18n import t
from cm_tui.io.exports import values as v
from cm_tui.io.headers import fold_name
from cm_tui.io.tabular import Bad, short

HEADER = (("date",), ("primary", "principal", "primaire", "valeur", "value"))
#: words of a metric's folded name -> the figure it gives (first match wins)
METRICS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("visit", "visite"), "profile_visits"),
    (("reach", "portee", "couverture"), "reach"),
    (("impression", "view", "vues", "affichage"), "impressions"),
    (("click", "clic"), "clicks"),
    (("follower", "abonne", "fans"), "followers"),
)


def is_preamble(line: str) -> bool:
    """The first line of a Meta daily series: ``sep=,`` (or ``;``, tab)."""
    return line.strip().strip('"').lower().replace(" ", "") in ("sep=,", "sep=;", "sep=\t")


def is_header(cells: list[str]) -> bool:
    folded = [fold_name(c) for c in cells]
    return len(folded) == 2 and folded[0] in HEADER[0] and folded[1] in HEADER[1]


def metric(name: str) -> tuple[str, str]:
    """(network, figure) the metric ``name`` (line 2) gives; ``Bad`` for one cm-tui keeps no
    figure of."""
    folded = fold_name(name)
    network = "instagram" if "instagram" in folded else "facebook"
    for words, figure in METRICS:
        if any(word in folded for word in words):
            return network, figure
    raise Bad(t("exports.err.metric", value=short(name, 40)), 2)


def facts(
    rows: Iterator[tuple[int, list[str] | Bad]],
    network: str,
    figure: str,
    file: str,
    order: v.DateOrder,
) -> Iterator[tuple[int, ExportFact | Bad]]:
    """One day fact per row (``Date``, value; a slashed date read in ``order``)."""
    for line, row in rows:
        if isinstance(row, Bad):
            yield line, row
            continue
        try:
            day = v.day_of(row[0], "Date", order)
            value = v.count(row[1], "Primary")
        except Bad as bad:
            yield line, bad
            continue
        fact = ExportFact(network, day.isoformat(), DAY, file, day=day, figures=(figure,))
        setattr(fact, figure, value)
        yield line, fact
