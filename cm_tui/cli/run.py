"""``cm-tui`` without a command: open the app on the user's store, or on the demo (``--demo``)."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path
from typing import TYPE_CHECKING

from cm_tui.cli.context import _check_keymap, _context, open_user_store
from cm_tui.cli.output import EXIT_OK, CliError, _print_warning
from cm_tui.core.i18n import t

if TYPE_CHECKING:
    from cm_tui.core.settings import Settings


def cmd_run(args: argparse.Namespace) -> int:
    """Open the app on the user's store (created and seeded on first run) or the demo store.

    The cyclic collector is off until the app's first frame (``ui.app._collect_from_now_on``):
    start-up allocates long-lived objects only, and collections would traverse them again and
    again while the store loads and Textual builds its widgets.
    """
    gc.disable()
    try:
        return _run_app(args)
    finally:
        gc.enable()


def _run_app(args: argparse.Namespace) -> int:
    from cm_tui.io.demo_writer import demo_settings

    ctx = _context(args)
    if ctx.settings.keys:
        _check_keymap(ctx.settings.keys)
    if ctx.is_demo and args.db is None:
        from cm_tui.cli.demo import open_demo_store

        store = open_demo_store(ctx.db, ctx.clock.now(), ctx.settings)
        store_name = "demo"
    else:
        store = open_user_store(ctx.db, ctx.settings, ctx.clock.now())
        store_name = _display_path(ctx.db)
    try:
        settings = demo_settings(store, ctx.settings)
        _make_inbox(settings)
        try:
            from cm_tui.ui.app import run_app
        except ImportError as exc:
            raise CliError(t("cli.error.ui_missing", reason=exc)) from None
        # the language is already set (set_language in _context)
        code = run_app(store, settings, ctx.clock, store_name)
        if code:  # Textual showed the traceback of what stopped the app
            raise CliError(t("cli.error.app_died"))
        # Done on the way out, so that the next start-up reads less and never pays for it.
        for problem in store.put_away_old(ctx.clock.now(), ctx.settings.archive_after_days):
            _print_warning(problem)
    finally:
        store.close()
    return EXIT_OK


def _make_inbox(settings: Settings) -> None:
    """Create the inbox folder (``cm-tui where``) the app watches, so a user finds it; one
    that cannot be made is said once, and the app runs without it."""
    from cm_tui.io.locations import inbox_path
    from cm_tui.store.atomic import make_private_dir

    folder = inbox_path(settings.inbox)
    try:
        make_private_dir(folder)
    except OSError as exc:
        reason = t("cli.error.os", path=folder, reason=exc.strerror or str(exc))
        _print_warning(reason)


def _display_path(path: Path) -> str:
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)
