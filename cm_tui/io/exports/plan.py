"""A platform export checked against the store: the facts it adds or updates, the month
figures that follow, the Calendar posts it matches or creates (all or nothing: any problem
rejects the whole file, line-numbered). ``apply_plan`` writes a plan in the caller's
transaction; ``summary`` says what was taken for what, and which figures came from which file.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core import locale as l10n
from cm_tui.core.export_facts import (
    POST,
    ExportFact,
    MonthFromExports,
    MonthsPlan,
    PartOfMonth,
    PostIndex,
    derive_months,
    fact_identity,
    matching_identity,
    merge_facts,
    months_changed,
    partial_months,
    plan_months,
)
from cm_tui.core.i18n import t
from cm_tui.core.models import MonthlyFigures, Post, PostStatus
from cm_tui.io.exports import linkedin, meta_daily
from cm_tui.io.exports.recognise import Recognised, recognise
from cm_tui.io.exports.spec import RowContext
from cm_tui.io.exports.values import DateOrder
from cm_tui.io.headers import match_columns
from cm_tui.io.tabular import (
    Bad,
    CsvFile,
    ImportRejected,
    Problem,
    check_source,
    file_problems,
    row_problem,
    short,
    text_stream,
)

Rows = Iterator[tuple[int, ExportFact | Bad]]


@dataclass
class ExportPlan:
    """What importing ``path`` would change (module doc). ``months`` holds the month figures
    to write; ``touched`` the months this file gives figures to, as the facts make them."""

    path: Path
    recognised: Recognised
    new_facts: list[ExportFact] = field(default_factory=list)
    updated_facts: list[ExportFact] = field(default_factory=list)
    #: the stored facts ``updated_facts`` replace, and the month figures ``months.updates``
    #: replace, as they are (to take an import back or undo it: ``io.exports.writing``)
    replaced_facts: list[ExportFact] = field(default_factory=list)
    replaced_months: list[MonthlyFigures] = field(default_factory=list)
    months: MonthsPlan = field(default_factory=lambda: MonthsPlan([], [], []))
    touched: dict[tuple[str, str], MonthFromExports] = field(default_factory=dict)
    #: Calendar posts to create (``--create-posts``), each with the key of its fact
    new_posts: list[tuple[Post, tuple[str, str]]] = field(default_factory=list)
    rows: int = 0
    matched: int = 0
    unmatched: int = 0
    #: how the file's slashed dates were read (the summary names the order if one date could
    #: have been read both ways)
    dates: DateOrder = field(default_factory=lambda: DateOrder(False))
    #: the months the file's daily figures cover only part of (the summary says so)
    parts: dict[tuple[str, str], PartOfMonth] = field(default_factory=dict)


def read_export(
    path: Path,
    *,
    zone: ZoneInfo,
    networks: Sequence[str],
    stored_facts: Iterable[ExportFact],
    figures: Iterable[MonthlyFigures],
    posts: Iterable[Post],
    replace: bool = False,
    create_posts: bool = False,
    recognised: Recognised | None = None,
) -> ExportPlan:
    """The plan of the export ``path``; ``ImportRejected`` (every problem, line-numbered) if
    any row is bad, or if the file is no export cm-tui reads (naming what was expected)."""
    with file_problems(path):
        check_source(path)
        found = recognised or recognise(path)
        if found is None:
            from cm_tui.io.exports.recognise import expected

            raise Bad(t("exports.err.unknown", expected=expected()))
        problems: list[Problem] = []
        facts: dict[tuple[str, str], ExportFact] = {}
        plan = ExportPlan(path, found, dates=DateOrder(found.french))
        for line, item in _rows(path, found, zone, plan.dates):
            if isinstance(item, Bad):
                problems.append(item.problem(line))
                continue
            plan.rows += 1
            key = fact_identity(item)
            facts[key] = merge_facts(facts.get(key), item)
        unknown = sorted({f.network for f in facts.values()} - set(networks))
        if unknown:
            problems.insert(
                0,
                Problem(
                    0,
                    t(
                        "exports.err.network",
                        networks=", ".join(unknown),
                        known=", ".join(networks),
                    ),
                ),
            )
        if problems:
            raise ImportRejected(str(path), problems)
    _plan(plan, facts, zone, stored_facts, figures, posts, replace, create_posts)
    return plan


def _rows(path: Path, found: Recognised, zone: ZoneInfo, order: DateOrder) -> Rows:
    file = path.name
    if found.kind == "linkedin":
        with linkedin.opened_book(path) as book:
            yield from linkedin.facts(book, file, order)
    elif found.kind == "meta_daily":
        yield from _daily_rows(path, found, file, order)
    else:
        yield from _csv_rows(path, found, zone, file, order)


def _daily_rows(path: Path, found: Recognised, file: str, order: DateOrder) -> Rows:
    network, figure = meta_daily.metric(found.detail)
    with text_stream(path, found.encoding) as stream:
        for _ in range(3):
            stream.readline()
        reader = csv.reader(stream, strict=True)

        def rows() -> Iterator[tuple[int, list[str] | Bad]]:
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    yield reader.line_num + 3, Bad(t("imports.err.csv", reason=str(exc)[:80]))
                    return
                if not row or not any(c.strip() for c in row):
                    continue
                if len(row) != 2:
                    yield (
                        reader.line_num + 3,
                        Bad(t("imports.err.ragged", count=len(row), expected=2)),
                    )
                    continue
                yield reader.line_num + 3, row

        yield from meta_daily.facts(rows(), network, figure, file, order)


def _csv_rows(path: Path, found: Recognised, zone: ZoneInfo, file: str, order: DateOrder) -> Rows:
    spec = found.spec
    assert spec is not None
    with CsvFile(path, found.encoding) as table:
        fields = match_columns(table.header, spec.aliases).fields
        columns = sorted(fields.items(), key=lambda c: c[1])
        headers = {name: short(table.header[index].strip(), 30) for name, index in columns}
        ctx = RowContext(zone, order, file, headers)
        to_fact = spec.to_fact
        for line, row in table.rows():
            if isinstance(row, Bad):
                yield line, row
                continue
            try:
                fact = to_fact({name: row[index] for name, index in columns}, ctx)
            except Exception as exc:
                bad = row_problem(exc)
                if bad is None:
                    raise
                yield line, bad
                continue
            if fact is not None:
                yield line, fact


def _plan(
    plan: ExportPlan,
    facts: dict[tuple[str, str], ExportFact],
    zone: ZoneInfo,
    stored_facts: Iterable[ExportFact],
    figures: Iterable[MonthlyFigures],
    posts: Iterable[Post],
    replace: bool,
    create_posts: bool,
) -> None:
    stored = {matching_identity(f): f for f in stored_facts}
    #: the stored facts this file's replace (by ``matching_identity``)
    matched: set[tuple[str, str]] = set()
    index = PostIndex(posts)
    # ``facts`` becomes the merged facts in place, and the facts after the import are a chain,
    # not copies: two dicts of 100,000 entries less at the peak of a large file
    for key, fact in facts.items():
        old = None
        if stored:
            identity = matching_identity(fact)
            old = stored.get(identity)
            if old is not None:
                matched.add(identity)
        if fact.kind == POST and not (old and old.post):
            fact.post = index.match(fact.network, fact.permalink, fact.at)
        new = merge_facts(old, fact)
        facts[key] = new
        if new.kind == POST:
            if new.post:
                plan.matched += 1
            else:
                plan.unmatched += 1
                if create_posts and new.at is not None:
                    plan.new_posts.append((_published(new), fact_identity(new)))
        if old is None:
            plan.new_facts.append(new)
        elif new != old:
            plan.updated_facts.append(new)
            plan.replaced_facts.append(old)
    before = derive_months(stored.values(), zone)
    kept = (f for identity, f in stored.items() if identity not in matched)
    after = derive_months(chain(kept, facts.values()), zone)
    touched = {(f.network, f.month(zone)) for f in facts.values()}
    # a post the platform re-dated leaves its old month: that month changes too
    touched.update((f.network, f.month(zone)) for f in plan.replaced_facts)
    plan.touched = months_changed(before, after, touched, plan.path.name)
    plan.parts = partial_months(facts.values(), stored.values())
    stored_months = list(figures)
    plan.months = plan_months(before, plan.touched, stored_months, replace)
    by_id = {record.id: record for record in stored_months}
    plan.replaced_months = [by_id[record.id] for record in plan.months.updates]


def _published(fact: ExportFact) -> Post:
    assert fact.at is not None
    title = fact.title or fact.permalink or fact.key
    return Post(
        fact.network, fact.at, title[:120], status=PostStatus.PUBLISHED, link=fact.permalink
    )


def _part_line(month: str, part: PartOfMonth) -> str:
    """``this file covers only part of Nov 2026 (1–3 Nov): ...``: the days a daily file gives
    replace the same days, the others already imported are kept (``core.export_facts``)."""
    days = f"{part.first.day}–{part.last.day} {l10n.month_name(part.last.month)}"
    if part.first == part.last:
        days = f"{part.first.day} {l10n.month_name(part.last.month)}"
    name = l10n.month(month)
    if part.kept:
        return t("exports.part_merged", month=name, days=days, count=part.kept)
    return t("exports.part_only", month=name, days=days)


def apply_plan(repo: Any, plan: ExportPlan) -> None:
    """Write ``plan`` through ``repo`` (a ``store.Repository``), inside the caller's
    transaction: created posts first, so their facts name them (``io.exports.writing``, whose
    steps the app runs one transaction each)."""
    from contextlib import nullcontext

    from cm_tui.io.exports.writing import ExportWrite

    ExportWrite(repo, plan, nullcontext).run_all()


def summary(plan: ExportPlan, dry_run: bool, kept: Callable[[str], str] | None = None) -> list[str]:
    """The lines a user reads: what the file was taken for, each month it changes with its
    figures and files, the figures kept as typed, the posts matched or created. ``kept(names)``
    says the figures kept as typed and how to replace them: the command line names
    ``--replace`` (the default), the app its own way (``ui.queue_import_flow``)."""
    lines = [t("exports.taken", path=str(plan.path), kind=plan.recognised.describe())]
    if plan.dates.ambiguous:
        lines.append(
            "  " + t("exports.dates_read", value=plan.dates.ambiguous, format=plan.dates.format())
        )
    kept_line = kept or (lambda figures: t("exports.kept", figures=figures))
    kept_names: dict[tuple[str, str], list[str]] = {}
    for n, m, name in plan.months.kept:
        kept_names.setdefault((n, m), []).append(t("core.metric." + name))
    for (network, month), derived in plan.touched.items():
        shown = ", ".join(
            f"{t('core.metric.' + name)} {l10n.number(value)}"
            for name, value in derived.values.items()
        )
        lines.append(
            t(
                "exports.month",
                network=network,
                month=month,
                figures=shown,
                files=", ".join(derived.files),
            )
        )
        part = plan.parts.get((network, month))
        if part is not None:
            lines.append("  " + _part_line(month, part))
        if (network, month) in kept_names:
            lines.append("  " + kept_line(", ".join(kept_names[(network, month)])))
    if plan.matched or plan.unmatched:
        lines.append(
            t(
                "exports.posts_dry" if dry_run else "exports.posts",
                count=plan.matched,
                unmatched=l10n.number(plan.unmatched),
                created=l10n.number(len(plan.new_posts)),
            )
        )
    changed = len(plan.months.new) + len(plan.months.updates)
    lines.append(t("exports.dry_run" if dry_run else "exports.done", count=changed))
    return lines
