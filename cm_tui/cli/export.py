"""``cm-tui export json|ics|csv``: the store, the calendar or the posts to a file (``json`` also
to stdout). Read-only: the store is opened without the lock, so it works while the app is open."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cm_tui.cli.context import Context, _context, _require_store
from cm_tui.cli.output import EXIT_OK, EXIT_USAGE, CliError, write_output
from cm_tui.core.i18n import t

if TYPE_CHECKING:
    from cm_tui.store import Store

EXPORT_FORMATS = ("json", "ics", "csv")  # ics, csv: issue 4 (Calendar)


def export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("format", choices=EXPORT_FORMATS, help=t("cli.help.format"))
    p.add_argument("--out", required=True, metavar="FILE", help=t("cli.help.out"))
    p.add_argument("--table", action="append", default=None, help=t("cli.help.table"))
    # --- export ics / csv (issue 4, Calendar) ---
    p.add_argument("--from", dest="first", metavar="DATE", help=t("calendar.cli.help.from"))
    p.add_argument("--to", dest="last", metavar="DATE", help=t("calendar.cli.help.to"))


def cmd_export(args: argparse.Namespace) -> int:
    """The whole store as JSON (all tables, stable order), to a file or ``-`` (stdout).

    Read-only: opens the store without the lock, so it works while the app is open.
    """
    if args.format in CALENDAR_EXPORTS:  # issue 4: ics and csv
        return CALENDAR_EXPORTS[args.format](args)
    import orjson

    from cm_tui.store import Store, export_all

    ctx = _context(args)
    _require_store(ctx.db)
    with Store.open(ctx.db, readonly=True) as store:
        data = export_all(store)
    if args.table:
        tables = _table_names(data)
        for name in args.table:
            if name not in tables:
                raise CliError(
                    t("cli.error.unknown_table", table=name, known=", ".join(tables)), EXIT_USAGE
                )
        data = _select_tables(data, args.table)
    payload = orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"
    out = write_output(args.out, payload)
    if out is not None:
        print(t("cli.export.done", count=_record_count(data), path=out), file=sys.stderr)
    return EXIT_OK


def _tables_of(data: dict[str, Any]) -> dict[str, Any]:
    """The mapping of table name -> records in ``export_all``'s output (top level, or under
    ``"tables"`` when the export carries metadata beside them)."""
    tables = data.get("tables")
    return tables if isinstance(tables, dict) else data


def _table_names(data: dict[str, Any]) -> list[str]:
    return [name for name, rows in _tables_of(data).items() if isinstance(rows, list | dict)]


def _select_tables(data: dict[str, Any], names: list[str]) -> dict[str, Any]:
    tables = _tables_of(data)
    chosen = {name: rows for name, rows in tables.items() if name in names}
    if tables is data:
        return chosen
    return {**data, "tables": chosen}


def _record_count(data: dict[str, Any]) -> int:
    return sum(len(rows) for rows in _tables_of(data).values() if isinstance(rows, list | dict))


def _date_option(value: str | None, option: str) -> Any:
    """The day of ``--from`` / ``--to``, or ``None``; a day outside the supported days
    (``core.timeutil.FIRST_DAY`` .. ``LAST_DAY``) is refused in one line, as nothing can be
    dated there (and ``9999-12-31`` overflowed computing its end)."""
    from datetime import date

    from cm_tui.core.timeutil import is_supported_day, supported_days

    if value is None:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(t("calendar.cli.bad_date", option=option, value=value), EXIT_USAGE) from None
    if not is_supported_day(day):
        message = t("calendar.cli.unsupported_day", option=option, value=day, **supported_days())
        raise CliError(message, EXIT_USAGE)
    return day


def _day_options(args: argparse.Namespace) -> tuple[Any, Any]:
    """``--from`` and ``--to`` (each optional), checked, the first not after the last."""
    first = _date_option(args.first, "--from")
    last = _date_option(args.last, "--to")
    if first is not None and last is not None and first > last:
        raise CliError(t("calendar.cli.reversed_days", first=first, last=last), EXIT_USAGE)
    return first, last


def _calendar_posts(args: argparse.Namespace, ctx: Context, store: Store) -> list[Any]:
    """The posts of ``--from`` .. ``--to`` (local days, both optional), by time."""
    from datetime import UTC

    from cm_tui.core.timeutil import local_day_bounds

    first, last = _day_options(args)
    zone = ctx.settings.zone
    start = local_day_bounds(first, zone)[0] if first else datetime(1, 1, 2, tzinfo=UTC)
    end = local_day_bounds(last, zone)[1] if last else datetime(9999, 12, 30, tzinfo=UTC)
    if end <= start:
        return []
    return store.repo.posts.between(start, end)


def _export_ics(args: argparse.Namespace) -> int:
    """``cm-tui export ics [--from DATE] [--to DATE] --out FILE``: posts and the Today time blocks.

    Posts: all of them, or those of the days given. Time blocks (recurring tasks never end):
    ``--from`` (default today) to ``--to`` (default four weeks later). Read-only.
    """
    from datetime import timedelta

    from cm_tui.core.calendar import time_blocks
    from cm_tui.core.i18n import language
    from cm_tui.core.models import network_names
    from cm_tui.core.timeutil import LAST_DAY
    from cm_tui.io.ics import build_ics
    from cm_tui.store import Store

    ctx = _context(args)
    _require_store(ctx.db)
    now = ctx.clock.now()
    today = now.astimezone(ctx.settings.zone).date()
    first, last = _day_options(args)
    first = first or today
    last = last or min(first + timedelta(days=27), LAST_DAY)
    with Store.open(ctx.db, readonly=True) as store:
        posts = _calendar_posts(args, ctx, store)
        names = network_names(store.repo.networks.all())
        blocks = time_blocks(
            store.repo.tasks.all(),
            first,
            last,
            ctx.settings.zone,
            ctx.settings,
            language(),
            last_done=store.repo.occurrences.last_handled_days(first),
        )
    payload = build_ics(posts, blocks, names, now)
    out = write_output(args.out, payload)
    if out is None:
        return EXIT_OK
    done = t(
        "calendar.ics.exported",
        posts=t("calendar.ics.posts", count=len(posts)),
        blocks=t("calendar.ics.blocks", count=len(blocks)),
        path=out,
    )
    print(done, file=sys.stderr)
    return EXIT_OK


def _export_csv(args: argparse.Namespace) -> int:
    """``cm-tui export csv [--table posts] --out FILE``: the posts as a spreadsheet (the one
    table it writes, hence the default). Read-only."""
    from cm_tui.io.csv_posts import export_posts_csv
    from cm_tui.store import Store

    for name in args.table or []:
        if name != "posts":
            raise CliError(t("cli.error.unknown_table", table=name, known="posts"), EXIT_USAGE)
    ctx = _context(args)
    _require_store(ctx.db)
    with Store.open(ctx.db, readonly=True) as store:
        posts = _calendar_posts(args, ctx, store)
    out = write_output(args.out, export_posts_csv(posts, ctx.settings.zone))
    if out is not None:
        print(t("calendar.csv.exported", count=len(posts), path=out), file=sys.stderr)
    return EXIT_OK


#: ``cm-tui export <format>`` handlers of the Calendar (issue 4); json stays in ``cmd_export``
CALENDAR_EXPORTS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ics": _export_ics,
    "csv": _export_csv,
}
