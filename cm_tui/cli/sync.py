"""``cm-tui sync [--once]``: inbox, outbox and publishing without the TUI (cron, a systemd
user timer). It writes, so it follows the store lock rules of the other writing commands: while
the app runs it is refused in one line (the app syncs by itself)."""

from __future__ import annotations

import argparse
import threading

from cm_tui.cli.context import _context, _refuse_if_locked, open_user_store
from cm_tui.cli.output import EXIT_OK
from cm_tui.core.i18n import t


def sync_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--once", action="store_true", help=t("net.cli.help.once"))


def cmd_sync(args: argparse.Namespace) -> int:
    from cm_tui.core.textsafe import for_terminal
    from cm_tui.io.locations import config_dir
    from cm_tui.net.access import direct
    from cm_tui.net.secrets import SecretStore
    from cm_tui.net.sync import PassReport, SyncEngine

    ctx = _context(args)
    holder = "sync" if args.once else "sync_loop"
    store = _refuse_if_locked(
        "sync", lambda: open_user_store(ctx.db, ctx.settings, ctx.clock.now(), holder)
    )
    with store:
        engine = SyncEngine(
            direct(store),
            SecretStore(config_dir()),
            ctx.clock,
            ctx.settings.net,
            deadline_policy=ctx.settings.deadline_policy,
            tz=ctx.settings.zone,
        )

        def say(report: PassReport) -> None:
            for notice in report.notices:
                print(for_terminal(notice))
            print(
                t(
                    "net.cli.pass",
                    new=len(report.new_items),
                    sent=len(report.sent),
                    unsent=report.unsent,
                )
            )

        if args.once:
            say(engine.run_once())
            return EXIT_OK
        stop = threading.Event()
        try:
            engine.run_forever(stop, say)
        except KeyboardInterrupt:
            stop.set()
    return EXIT_OK
