"""``cm-tui import FILE [--table queue|posts|stats|competitors]``: every table through the one
import pipeline (``io.tabular``), with one report.

The file is checked first (a regular file, not a symlink, FIFO or folder: ``check_source``),
then read in full against the store; any problem rejects it whole and prints the pipeline's
report, one line per problem naming the line or element (exit status 1), and nothing is
written. ``--dry-run`` opens the store read-only (it works while the app runs); a real import
holds the store's lock like the app, and is refused while the app has it. Without ``--table``,
a platform's own export (Meta, LinkedIn, X, YouTube) is recognised by its content and goes to
the month figures (``cli.import_exports``); any other file to the queue.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cm_tui.cli.context import (
    Context,
    _context,
    _refuse_if_locked,
    _require_store,
    open_user_store,
)
from cm_tui.cli.output import EXIT_ERROR, EXIT_OK, EXIT_USAGE, CliError
from cm_tui.core import locale as l10n
from cm_tui.core.i18n import t

if TYPE_CHECKING:
    from cm_tui.io.queue_import import ImportResult
    from cm_tui.io.tabular import ImportPlan
    from cm_tui.store import Store

#: ``cm-tui import FILE --table T``: what the file holds
IMPORT_TABLES = ("queue", "posts", "stats", "competitors")
IMPORT_FORMATS = ("auto", "csv", "json", "jsonl", "mastodon")


def import_arguments(p: argparse.ArgumentParser) -> None:
    """``cm-tui import``'s arguments."""
    p.add_argument("file", type=Path, metavar="FILE", help=t("queue.import.help.file"))
    p.add_argument(
        "--table", choices=IMPORT_TABLES, default=None, help=t("queue.import.help.table")
    )
    p.add_argument(
        "--format", choices=IMPORT_FORMATS, default="auto", help=t("queue.import.help.format")
    )
    p.add_argument("--network", default=None, help=t("queue.import.help.network"))
    p.add_argument("--tz", default=None, metavar="ZONE", help=t("queue.import.help.tz"))
    p.add_argument("--dry-run", action="store_true", help=t("queue.import.help.dry_run"))
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help=t("queue.import.help.column"),
    )
    # the platforms' exports (``cli.import_exports``)
    p.add_argument("--replace", action="store_true", help=t("exports.help.replace"))
    p.add_argument("--create-posts", action="store_true", help=t("exports.help.create_posts"))


def cmd_import(args: argparse.Namespace) -> int:
    """The ``import`` command: check the file, import it into ``--table``, print the result
    on stdout or the rejection report on stderr."""
    from cm_tui.io.tabular import ImportRejected, source_problem

    if args.column and args.table not in (None, "queue"):
        raise CliError(t("queue.import.err.column_table"), EXIT_USAGE)
    ctx = _context(args)
    path: Path = args.file.expanduser()
    problem = source_problem(path)
    if problem is not None:
        raise CliError(problem)
    if args.dry_run:  # a real import creates a missing store, as the first start does
        _require_store(ctx.db)
    try:
        if args.table is None:  # a platform's export, recognised by its content, else the queue
            from cm_tui.cli.import_exports import import_export, recognised_export

            found = None if args.column or args.format != "auto" else recognised_export(path)
            if found is not None:
                return import_export(args, ctx, path, found)
            args.table = "queue"
        if args.table == "queue":
            return _import_queue(args, ctx, path)
        return _import_records(args, ctx, path)
    except ImportRejected as rejected:
        for line in rejected.report().splitlines():
            print(line, file=sys.stderr)
        return EXIT_ERROR


# --------------------------------------------------------------------------- queue


def _import_queue(args: argparse.Namespace, ctx: Context, path: Path) -> int:
    """Queue items from CSV / JSON / JSON Lines / Mastodon notifications, streamed in one
    transaction (``io.queue_import``)."""
    from cm_tui.io.queue_import import import_queue

    options = _queue_options(args, ctx)

    def run(store: Store, dry_run: bool) -> ImportResult:
        repo = store.repo

        return import_queue(
            path,
            options(store),
            existing=repo.queue.all,
            known=repo.queue.archived_keys,
            write=None if dry_run else repo.queue.add_many,
            transaction=store.transaction,
        )

    result: ImportResult = _with_store(ctx, args.dry_run, run)
    key = "queue.import.dry_run" if args.dry_run else "queue.import.done"
    print(t(key, count=result.added, skipped=l10n.number(result.skipped), path=path))
    if result.reused_ids:
        reused = "imports.reused_dry" if args.dry_run else "imports.reused"
        print(t(reused, count=result.reused_ids))
    return EXIT_OK


def _queue_options(args: argparse.Namespace, ctx: Context) -> Callable[[Store], Any]:
    """The import options the command line and the settings give (``--column`` over
    ``[import.columns]``, ``--tz`` over the settings' zone), completed from the store."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from cm_tui.io.queue_import import ImportOptions, parse_column_option

    columns = dict(ctx.settings.import_columns)
    try:
        given = dict(parse_column_option(value) for value in args.column)
    except ValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    columns.update(given)
    try:
        zone = ZoneInfo(args.tz) if args.tz else ctx.settings.zone
    except (ZoneInfoNotFoundError, ValueError):
        raise CliError(t("queue.import.err.tz", value=args.tz), EXIT_USAGE) from None
    network = _network_option(args.network)

    def options(store: Store) -> ImportOptions:
        return ImportOptions(
            format=args.format,
            network=network,
            tz=zone,
            deadline_policy=ctx.settings.deadline_policy,
            keywords=tuple(k.term for k in store.repo.keywords.all()),
            columns=columns,
            strict_columns=frozenset(given),
        )

    return options


def _network_option(value: str | None) -> str | None:
    """``--network``, checked now: a typo is the command line's fault (exit 2), not the
    file's line 2."""
    from cm_tui.io.queue_import import parse_network
    from cm_tui.io.tabular import Bad

    if value is None:
        return None
    try:
        return parse_network(value, None)
    except Bad as bad:
        raise CliError(f"--network: {bad}", EXIT_USAGE) from None


# --------------------------------------------------------------------------- posts, stats


def _import_records(args: argparse.Namespace, ctx: Context, path: Path) -> int:
    """Posts (``io.csv_posts``), monthly figures or competitors (``io.stats_import``): the
    whole file is checked into a plan, then applied in one transaction."""
    table = args.table
    read = _PLAN_READERS[table]

    def run(store: Store, dry_run: bool) -> ImportPlan[Any]:
        plan = read(store, path, ctx)
        if not dry_run:
            repo = getattr(store.repo, _REPOS[table])
            with store.transaction():
                repo.add_many(plan.new)
                for record in plan.updates:
                    repo.update(record)
        return plan

    plan = _with_store(ctx, args.dry_run, run)
    new, updated = len(plan.new), len(plan.updates)
    key = _DONE[table] + ("dry_run" if args.dry_run else "done")
    shown = {"new": l10n.number(new), "updated": l10n.number(updated)}
    print(t(key, path=path, count=new + updated, **shown))
    return EXIT_OK


def _read_posts(store: Store, path: Path, ctx: Context) -> ImportPlan[Any]:
    from cm_tui.io.csv_posts import read_posts_csv

    repo = store.repo
    ids = [p.id for p in repo.posts.all()]
    return read_posts_csv(path, ctx.settings.zone, _network_keys(store), ids)


def _read_figures(store: Store, path: Path, _ctx: Context) -> ImportPlan[Any]:
    from cm_tui.io.stats_import import read_figures_csv

    return read_figures_csv(path, _network_keys(store), store.repo.figures.all())


def _read_competitors(store: Store, path: Path, _ctx: Context) -> ImportPlan[Any]:
    from cm_tui.io.stats_import import read_competitors_csv

    return read_competitors_csv(path, _network_keys(store), store.repo.competitors.all())


def _network_keys(store: Store) -> list[str]:
    return [n.key for n in store.repo.networks.all()]


_PLAN_READERS: dict[str, Callable[[Any, Path, Context], ImportPlan[Any]]] = {
    "posts": _read_posts,
    "stats": _read_figures,
    "competitors": _read_competitors,
}
_REPOS = {"posts": "posts", "stats": "figures", "competitors": "competitors"}
_DONE = {
    "posts": "calendar.csv.",
    "stats": "stats.import.",
    "competitors": "stats.import.competitors_",
}


def _with_store(ctx: Context, dry_run: bool, run: Callable[[Any, bool], Any]) -> Any:
    """``run(store, dry_run)`` on the store at ``ctx.db``: read-only for a dry run, else under
    the store's lock (refused while the app holds it), a missing store created and seeded as
    the app's first start would (``open_user_store``)."""
    from cm_tui.store import Store

    def write() -> Any:
        with open_user_store(ctx.db, ctx.settings, ctx.clock.now(), holder="import") as store:
            return run(store, False)

    if dry_run:
        with Store.open(ctx.db, readonly=True) as store:
            return run(store, True)
    return _refuse_if_locked("import", write)
