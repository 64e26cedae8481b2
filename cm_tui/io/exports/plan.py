"""A platform export checked against the store: the facts it adds or updates, the month
figures that follow, the Calendar posts it matches or creates (all or nothing: any problem
rejects the whole file, line-numbered). ``apply_plan`` writes a plan in the caller's
transaction; ``summary`` says what was taken for what, and which figures came from which file.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from cm_tui.core import locale as l10n
from cm_tui.core.export_facts import (
    POST,
    ExportFact,
    MonthFromExports,
    MonthsPlan,
    MonthSums,
    PartOfMonth,
    PostIndex,
    derive_months,
    fact_identity,
    identities,
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
from cm_tui.io.keyset import KeySet
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

Rows = Generator[tuple[int, ExportFact | Bad], None, None]


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
    #: Calendar posts to create (``--create-posts``), each with the key of its fact, and how
    #: many (a dry run counts them only)
    new_posts: list[tuple[Post, tuple[str, str]]] = field(default_factory=list)
    creating: int = 0
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
    dry_run: bool = False,
) -> ExportPlan:
    """The plan of the export ``path``; ``ImportRejected`` (every problem, line-numbered) if
    any row is bad, or if the file is no export cm-tui reads (naming what was expected).
    ``dry_run``: the plan is shown, never written, so it keeps no fact (``new_facts``,
    ``updated_facts``, ``replaced_facts`` and ``new_posts`` stay empty, ``creating`` counts the
    posts) and its memory does not grow with the file.

    Each fact is taken against the store as its row is read, its month summed, and only the
    64-bit keys of its identities kept (``identities``: a post's link and id), to know a fact
    the file names twice; a file that does (the platforms write a post once) is read again,
    its facts merged by identity before they are taken (``_Merged``)."""
    with file_problems(path):
        check_source(path)
        found = recognised or recognise(path)
        if found is None:
            from cm_tui.io.exports.recognise import expected

            raise Bad(t("exports.err.unknown", expected=expected()))
    stored = list(stored_facts)
    taken = (zone, networks, stored, list(figures), PostIndex(posts), replace, create_posts)
    try:
        return _read(path, found, taken, dry_run, exact=False)
    except _Repeated:
        return _read(path, found, taken, dry_run, exact=True)


class _Repeated(Exception):
    """The file names a fact twice: read it again, merging (``read_export``)."""


#: what a file is taken against: zone, networks, stored facts and figures, Calendar posts,
#: ``replace``, ``create_posts``
_Against = tuple[
    ZoneInfo, Sequence[str], list[ExportFact], list[MonthlyFigures], PostIndex, bool, bool
]


def _read(
    path: Path, found: Recognised, against: _Against, dry_run: bool, exact: bool
) -> ExportPlan:
    """The plan (``read_export``): posts taken as they are read, unless ``exact``; days, a few
    a day, merged first (a LinkedIn workbook gives each day once per sheet)."""
    zone, networks, stored, figures, index, replace, create_posts = against
    plan = ExportPlan(path, found, dates=DateOrder(found.french))
    taking = _Taking(plan, zone, stored, index, create_posts, keep=not dry_run, streamed=not exact)
    problems: list[Problem] = []
    seen = KeySet()
    merged = _Merged(taking.by_identity)
    with file_problems(path), closing(_rows(path, found, zone, plan.dates)) as rows:
        for line, item in rows:
            if isinstance(item, Bad):
                problems.append(item.problem(line))
                continue
            plan.rows += 1
            if exact or item.kind != POST:
                merged.add(item)
                continue
            names = identities(item)
            for name in names:
                if not seen.add(hash(name) & _BITS or 1):
                    raise _Repeated
            taking.take(item, names)
        for fact in merged.facts():
            taking.take(fact)
        unknown = sorted(taking.networks - set(networks))
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
    taking.finish(figures, replace)
    return plan


#: a key of ``io.keyset.KeySet`` from an identity's ``hash`` (this process's: the keys are
#: never stored); two identities sharing one only make the file read again, merging
_BITS = (1 << 64) - 1


class _Merged:
    """A file's facts merged by identity (``identities``) in the order they first appear: a
    later row's figures replace an earlier one's (``merge_facts``). A row that names two facts
    already apart (its link one's, its id another's) makes them one, and so does a stored fact
    that two rows name (one by its link, one by its id): ``stored`` (identity -> fact)."""

    def __init__(self, stored: dict[tuple[str, str], ExportFact]) -> None:
        self._stored = stored
        self._facts: dict[tuple[str, str], ExportFact] = {}
        #: identity -> the key in ``_facts`` of its fact; ``_moved``: a key merged into another
        self._keys: dict[tuple[str, str], tuple[str, str]] = {}
        self._moved: dict[tuple[str, str], tuple[str, str]] = {}

    def add(self, fact: ExportFact) -> None:
        names = identities(fact)
        for name in names if self._stored else ():
            old = self._stored.get(name)
            if old is not None:
                names = (*names, *identities(old))
                break
        keys: list[tuple[str, str]] = []
        for name in names:
            key = self._keys.get(name)
            while key in self._moved:
                key = self._moved[key]
            if key is not None and key not in keys:
                keys.append(key)
        if not keys:
            key = fact_identity(fact)
            while key in self._facts or key in self._moved:  # another fact's, told apart
                key = (key[0], key[1] + "\0")
            self._facts[key] = fact
        else:
            key = keys[0]
            for other in keys[1:]:
                self._facts[key] = merge_facts(self._facts[key], self._facts.pop(other))
                self._moved[other] = key
            self._facts[key] = merge_facts(self._facts[key], fact)
        for name in names:
            self._keys[name] = key

    def facts(self) -> Iterator[ExportFact]:
        return iter(self._facts.values())


class _Taking:
    """A file's facts taken against the store one at a time: the stored fact each replaces
    (by ``identities``), its Calendar post, the months it counts in (summed, ``MonthSums``);
    the facts themselves kept only for writing (``keep``). ``streamed``: the facts were not
    merged first, so a stored fact taken twice means the file names it twice (``_Repeated``)."""

    def __init__(
        self,
        plan: ExportPlan,
        zone: ZoneInfo,
        stored: list[ExportFact],
        index: PostIndex,
        create_posts: bool,
        keep: bool,
        streamed: bool,
    ) -> None:
        self.plan, self.zone, self.stored, self.index = plan, zone, stored, index
        self.create_posts, self.keep, self.streamed = create_posts, keep, streamed
        self.by_identity = {name: f for f in stored for name in identities(f)}
        #: ``id`` of the stored facts this file's replace
        self.matched: set[int] = set()
        self.sums = MonthSums(zone)
        #: the months this file's facts count in, and those its re-dated posts left
        self.touched: set[tuple[str, str]] = set()
        self.networks: set[str] = set()
        #: the file's daily facts (a few a day: ``partial_months``)
        self.days: list[ExportFact] = []

    def take(self, fact: ExportFact, names: tuple[tuple[str, str], ...] = ()) -> None:
        """Take ``fact`` (``names``: its ``identities``, when the caller has them)."""
        plan = self.plan
        old = None
        if self.by_identity:
            for name in names or identities(fact):
                old = self.by_identity.get(name)
                if old is not None:
                    if self.streamed and id(old) in self.matched:
                        raise _Repeated  # named by its link in one row, its id in another
                    self.matched.add(id(old))
                    break
        if fact.kind == POST and not (old and old.post):
            fact.post = self.index.match(fact.network, fact.permalink, fact.at)
        new = fact if old is None else merge_facts(old, fact)
        if new.kind == POST:
            if new.post:
                plan.matched += 1
            else:
                plan.unmatched += 1
                if self.create_posts and new.at is not None:
                    plan.creating += 1
                    if self.keep:
                        plan.new_posts.append((_published(new), fact_identity(new)))
        else:
            self.days.append(new)
        if old is None:
            if self.keep:
                plan.new_facts.append(new)
        elif new != old:
            # a post the platform re-dated leaves its old month: that month changes too
            self.touched.add((old.network, old.month(self.zone)))
            if self.keep:
                plan.updated_facts.append(new)
                plan.replaced_facts.append(old)
        month = new.month(self.zone)
        self.touched.add((new.network, month))
        self.networks.add(new.network)
        self.sums.add(new, month)

    def finish(self, figures: list[MonthlyFigures], replace: bool) -> None:
        """The months the file changes and the month figures to write."""
        plan, stored = self.plan, self.stored
        before = derive_months(stored, self.zone)
        after = MonthSums(self.zone)
        for fact in stored:
            if id(fact) not in self.matched:
                after.add(fact)
        after.add_sums(self.sums)
        plan.touched = months_changed(before, after.months(), self.touched, plan.path.name)
        plan.parts = partial_months(self.days, stored)
        plan.months = plan_months(before, plan.touched, figures, replace)
        by_id = {record.id: record for record in figures}
        plan.replaced_months = [by_id[record.id] for record in plan.months.updates]


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
        names = [name for name, _index in columns]
        # a row's cells by field at C speed (one more index: a tuple even for one field)
        cells = itemgetter(*(index for _name, index in columns), 0)
        ctx = RowContext(zone, order, file, headers)
        to_fact = spec.to_fact
        for line, row in table.rows():
            if isinstance(row, Bad):
                yield line, row
                continue
            try:
                fact = to_fact(dict(zip(names, cells(row), strict=False)), ctx)
            except Exception as exc:
                bad = row_problem(exc)
                if bad is None:
                    raise
                yield line, bad
                continue
            if fact is not None:
                yield line, fact


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
                created=l10n.number(plan.creating),
            )
        )
    changed = len(plan.months.new) + len(plan.months.updates)
    lines.append(t("exports.dry_run" if dry_run else "exports.done", count=changed))
    return lines
