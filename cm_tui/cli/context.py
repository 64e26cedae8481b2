"""What every command resolves first (settings with the language applied, clock, store path:
``Context``), and the checks and store openings several commands share.

Light at import time: each helper imports the store, the settings file or the UI when called.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cm_tui.cli.output import EXIT_USAGE, CliError, _print_warning
from cm_tui.core.i18n import set_language, t
from cm_tui.core.value import Value, mutable

if TYPE_CHECKING:
    from cm_tui.core.clock import Clock
    from cm_tui.core.settings import Settings
    from cm_tui.store import Store


@mutable
class Context(Value):
    """What every command resolves first: settings (language applied), clock, store path."""

    settings: Settings
    clock: Clock
    db: Path
    is_demo: bool


def _context(args: argparse.Namespace, *, lenient_settings: bool = False) -> Context:
    from cm_tui.core.settings import Settings, SettingsError
    from cm_tui.io.locations import config_path
    from cm_tui.io.settings_file import load_settings

    try:
        settings = load_settings(config_path())
    except SettingsError as exc:
        if not lenient_settings:
            raise
        # the command goes on and succeeds: a warning, not an "error" line before exit 0
        _print_warning(str(exc))
        settings = Settings()
    if args.lang:
        settings = dataclasses.replace(settings, language=args.lang)
    set_language(settings.language)
    _read_language_data_from_cache()
    clock = _clock(args.now, settings)
    return Context(settings, clock, _db_path(args), bool(args.demo))


def _read_language_data_from_cache() -> None:
    """Numbers and dates read their CLDR data from cm-tui's cache folder (``io.cldr_cache``):
    the same data as Babel's, without its full load on the way to the app's first frame."""
    from functools import partial

    from cm_tui.core.locale import use_locale_data
    from cm_tui.io.cldr_cache import locale_data
    from cm_tui.io.locations import cache_dir

    use_locale_data(partial(locale_data, folder=cache_dir()))


def _db_path(args: argparse.Namespace) -> Path:
    """The store a command uses: ``--db``, else the demo store (``--demo``), else the default."""
    from cm_tui.io.locations import default_db_path, demo_db_path

    if args.db is not None:
        return Path(args.db).expanduser()
    return demo_db_path() if args.demo else default_db_path()


def parse_now(value: str, settings: Settings) -> datetime:
    """``--now``: an ISO-8601 instant; without an offset it is local time in the settings' zone.

    Its UTC day must be within ``core.timeutil.FIRST_DAY`` .. ``LAST_DAY``: an instant near the
    ends of ``datetime``'s range (year 1, year 9999) would overflow later, inside the app or a
    command, so it is refused here, before anything starts, in one line (exit status 2) that
    gives the bounds in UTC and the zone a value without an offset is read in: in Paris
    ``2000-01-01T00:00`` is still 1999 in UTC.
    """
    from cm_tui.core.models import to_utc
    from cm_tui.core.timeutil import FIRST_SUPPORTED, LAST_SUPPORTED, is_supported_day

    try:
        at = datetime.fromisoformat(value.strip())
    except ValueError:
        raise CliError(t("cli.error.bad_now", value=value), EXIT_USAGE) from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=settings.zone)
    try:
        at = to_utc(at)
    except OverflowError:  # 0001-01-01T00:00+01:00 is before year 1 in UTC
        at = datetime.min if at.year == 1 else datetime.max
    if not is_supported_day(at.date()):
        first, last = (
            bound.strftime("%Y-%m-%dT%H:%M") for bound in (FIRST_SUPPORTED, LAST_SUPPORTED)
        )
        message = t("cli.error.now_range", value=value, first=first, last=last, zone=settings.zone)
        raise CliError(message, EXIT_USAGE)
    return at


def _clock(now: str | None, settings: Settings) -> Clock:
    from cm_tui.core.clock import FixedClock, SystemClock

    return FixedClock(parse_now(now, settings)) if now is not None else SystemClock()


def _store_exists(db: Path) -> bool:
    from cm_tui.store import StorePaths

    paths = StorePaths.for_db(db)
    return paths.db.exists() or paths.journal.exists()


def _require_store(db: Path) -> None:
    if not _store_exists(db):
        raise CliError(t("cli.error.no_store", path=db, command=_create_command(db)))


def _create_command(db: Path) -> str:
    """The command whose first run creates the store at ``db``: the app on that very store
    (``--demo`` for the demo's), so following the advice shows what was asked for."""
    from cm_tui.io.locations import default_db_path, demo_db_path

    if db == demo_db_path():
        return "cm-tui --demo"
    if db == default_db_path():
        return "cm-tui"
    import shlex

    return f"cm-tui --db {shlex.quote(str(db))}"


def _require_file(path: Path) -> None:
    """A file a command reads: "file not found" when nothing is there, "not a regular file"
    for a folder, a FIFO (reading it could block for ever) or a device."""
    if not path.is_file():
        key = "cli.error.not_regular_file" if path.exists() else "cli.error.missing_file"
        raise CliError(t(key, path=path))


def _refuse_if_locked(command: str, action: Callable[[], Any]) -> Any:
    """Run a write ``action``; a lock held by the app becomes "close the app first", one held
    by another command (an import, a restore) "wait until it has finished"."""
    from cm_tui.store import StoreLocked

    try:
        return action()
    except StoreLocked as exc:
        raise CliError(
            t(
                "cli.error.locked_write_busy" if exc.busy() else "cli.error.locked_write",
                db=getattr(exc, "db", Path("store")).name,
                holder=exc.holder_name(),
                pid="?" if exc.pid is None else exc.pid,
                host=exc.host or "?",
                command=command,
            )
        ) from None


def _restore_command(args: argparse.Namespace) -> str:
    """The command that restores the store this command used (``--db``, ``--demo``)."""
    if args.db is None and not args.demo:
        return "cm-tui restore"
    import shlex

    return f"cm-tui restore --db {shlex.quote(str(_db_path(args)))}"


def _check_keymap(keys: Mapping[str, str]) -> None:
    """Refuse a ``[keys]`` entry that names no binding (a typo would silently remap nothing),
    or that gives a key to two bindings answering keys together (Textual would silently drop
    one of them): one line naming both binding ids."""
    from cm_tui.core.settings import SettingsError
    from cm_tui.io.locations import config_path
    from cm_tui.ui.bindings import binding_contexts, keymap_conflict, known_binding_ids

    unknown = sorted(set(keys) - known_binding_ids())
    source = str(config_path())
    if unknown:
        key = f"keys.{unknown[0]}"
        detail = t("cli.settings.unknown_binding")
        message = t("cli.settings.error_key", source=source, key=key, detail=detail)
        raise SettingsError(message, source=source, key=key)
    clash = keymap_conflict(binding_contexts(), keys)
    if clash is not None:
        pressed, remapped, other = clash
        key = f"keys.{remapped}"
        detail = t("cli.settings.key_conflict", pressed=pressed, first=remapped, second=other)
        message = t("cli.settings.error_key", source=source, key=key, detail=detail)
        raise SettingsError(message, source=source, key=key)


def open_user_store(db: Path, settings: Settings, now: datetime, holder: str = "app") -> Store:
    """Open (creating if needed) a store for the app, or for ``holder`` (``cm-tui import``
    creates a missing store as the first start would); a new store gets the shipped catalog and
    network profiles so that Today is useful at first launch, tracking tasks from today on."""
    from cm_tui.io.seeding import seed_if_needed
    from cm_tui.store import Store

    store = Store.open(db, backups_keep=settings.backups_keep, holder=holder)
    try:
        seed_if_needed(store, since=now.astimezone(settings.zone).date())
    except BaseException:
        store.close()
        raise
    return store
