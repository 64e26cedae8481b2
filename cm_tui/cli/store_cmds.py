"""``cm-tui where``, ``check`` and ``restore``: where the store and its files are, whether it is
sound, and bringing back a backup."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from cm_tui.cli.context import (
    _check_keymap,
    _context,
    _refuse_if_locked,
    _require_file,
    _require_store,
    _restore_command,
)
from cm_tui.cli.output import EXIT_ERROR, EXIT_OK, EXIT_USAGE, CliError, _one_line, _print_lines
from cm_tui.core.i18n import t


def restore_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backup", type=Path, default=None, help=t("cli.help.backup"))
    p.add_argument("--yes", action="store_true", help=t("cli.help.restore_yes"))


def cmd_where(args: argparse.Namespace) -> int:
    """Print the paths (works with a bad settings file: it shows where that file is)."""
    from cm_tui.core.textsafe import one_line
    from cm_tui.io.locations import config_path, demo_db_path, demo_inbox_path, inbox_path
    from cm_tui.store import StorePaths

    ctx = _context(args, lenient_settings=True)
    paths = StorePaths.for_db(ctx.db)
    demo = ctx.is_demo and args.db is None
    inbox = demo_inbox_path(ctx.db) if demo else inbox_path(ctx.settings.inbox)
    rows = [
        (t("cli.where.store"), ctx.db),
        (t("cli.where.config"), config_path()),
        (t("cli.where.backups"), paths.backups),
        (t("cli.where.archive"), paths.archive),
        (t("cli.where.inbox"), inbox),
        (t("cli.where.demo"), demo_db_path()),
    ]
    width = max(len(label) for label, _ in rows)
    _print_lines(f"{label:<{width}}  {one_line(path)}" for label, path in rows)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Integrity report; exit status 1 if anything is wrong. Read-only: works while locked.

    Besides the store, it reports what in the settings would stop the app (a ``[keys]`` entry
    naming no binding, as ``_check_keymap`` refuses it at start)."""
    from cm_tui.core.settings import SettingsError
    from cm_tui.store import check

    ctx = _context(args)
    _require_store(ctx.db)
    settings_problems: list[str] = []
    if ctx.settings.keys:
        try:
            _check_keymap(ctx.settings.keys)
        except SettingsError as exc:
            settings_problems.append(_one_line(str(exc)))
    report = check(ctx.db, settings_problems, now=ctx.clock.now(), restore=_restore_command(args))
    _print_lines(report.lines)  # the status stays the report's, even if the reader stops early
    return EXIT_OK if report.ok else EXIT_ERROR


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the store with a backup (the newest by default); refused while the app runs.

    What it replaces (the store's path and when it last changed, the backup's name and when it
    was written) is said first; in a terminal it then asks, ``--yes`` answers for a script, and
    with neither it refuses in one line. A store that is not there (moved aside as damaged)
    replaces nothing, so nothing is asked."""
    from cm_tui.store import StorePaths, restore

    ctx = _context(args)
    backup = args.backup.expanduser() if args.backup is not None else None
    if backup is not None:
        _require_file(backup)
    paths = StorePaths.for_db(ctx.db)

    def confirm(chosen: Path) -> bool:
        changed = [f.stat().st_mtime for f in (paths.db, paths.journal) if f.exists()]
        if not changed:
            return True
        about = t(
            "cli.restore.about",
            db=ctx.db,
            changed=_local_time(max(changed), ctx.settings.zone),
            backup=chosen.name,
            written=_local_time(chosen.stat().st_mtime, ctx.settings.zone),
        )
        if args.yes:
            print(about)
            return True
        if not sys.stdin.isatty():
            raise CliError(t("cli.restore.needs_yes", about=about), EXIT_USAGE)
        print(about)
        if _answered_yes(t("cli.restore.question")):
            return True
        print(t("cli.restore.cancelled"))
        return False

    used = _refuse_if_locked(
        "restore", lambda: restore(ctx.db, backup, now=ctx.clock.now(), confirm=confirm)
    )
    if used is None:
        return EXIT_ERROR
    print(t("cli.restore.done", backup=used))
    return EXIT_OK


def _local_time(timestamp: float, zone: Any) -> str:
    """A file's modification time as the user reads it: ``2026-11-20 14:30`` in ``zone``."""
    return datetime.fromtimestamp(timestamp, zone).strftime("%Y-%m-%d %H:%M")


#: the answers that mean yes to a question asked in the terminal, in every language
_YES = ("y", "yes", "o", "oui")


def _answered_yes(question: str) -> bool:
    """Ask ``question`` on the terminal; only an explicit yes (``_YES``) is yes."""
    print(question, end=" ", flush=True)
    try:
        answer = sys.stdin.readline()
    except (OSError, KeyboardInterrupt):
        print()
        return False
    return answer.strip().casefold() in _YES
