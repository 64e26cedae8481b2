"""``cm-tui report [YYYY-MM]``: the monthly report, Markdown, CSV or HTML."""

from __future__ import annotations

import argparse
import sys

from cm_tui.cli.context import _context, _require_store
from cm_tui.cli.output import EXIT_OK, EXIT_USAGE, CliError, write_output
from cm_tui.core.i18n import t


def report_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("month", metavar="YYYY-MM", nargs="?", default=None, help=t("stats.help.month"))
    p.add_argument(
        "--format", choices=("md", "csv", "html"), default="md", help=t("stats.help.report_format")
    )
    p.add_argument("--out", default="-", metavar="FILE", help=t("stats.help.report_out"))


def cmd_report(args: argparse.Namespace) -> int:
    """The monthly report of ``YYYY-MM`` (Markdown, CSV or HTML) to a file or stdout; without a
    month, of the last complete month (the one before today's, in the user's time zone).

    Read-only: opens the store without the lock, so it works while the app is open.
    """
    from cm_tui.core.timeutil import (
        FIRST_DAY,
        LAST_DAY,
        is_supported_month,
        month_key,
        parse_month,
        shift_month,
    )

    if args.month is not None:
        try:
            parse_month(args.month)
        except ValueError:
            raise CliError(t("stats.error.bad_month", value=args.month), EXIT_USAGE) from None
        if not is_supported_month(args.month):
            first, last = month_key(FIRST_DAY), month_key(LAST_DAY)
            message = t("stats.error.unsupported_month", value=args.month, first=first, last=last)
            raise CliError(message, EXIT_USAGE)
    from cm_tui.io.report import gather, render
    from cm_tui.store import Store

    ctx = _context(args)
    _require_store(ctx.db)
    today = ctx.clock.now().astimezone(ctx.settings.zone).date()
    month = args.month or shift_month(f"{today.year:04d}-{today.month:02d}", -1)
    with Store.open(ctx.db, readonly=True) as store:
        networks = ctx.settings.network_profiles(store.repo.networks.all())
        report = gather(
            store.repo,
            month,
            networks=networks,
            tz=ctx.settings.zone,
            today=today,
            charts=args.format == "html",
            currency=ctx.settings.currency,
        )
    payload = render(report, args.format).encode("utf-8")
    out = write_output(args.out, payload)
    if out is not None:
        print(t("stats.report.written", path=out), file=sys.stderr)
    return EXIT_OK
