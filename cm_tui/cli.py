"""``cm-tui``: opens the dashboard, or runs one sub-command.

Contract:

* ``main(argv) -> int`` never raises for a user error: it prints ONE line on stderr
  (``cm-tui: error: ...``) and returns non-zero (1: store or file problem, 2: bad command line or
  settings). ``CM_TUI_DEBUG=1`` re-raises unexpected exceptions (with their traceback).
* Start-up is benchmarked: this module imports neither textual, tinydb nor arrow at import time.
  ``--help`` and argument errors never load them; the UI is imported only when the app runs.
* Commands that only read (``where``, ``check``, ``export``) work while the app holds the store's
  lock (the store is opened read-only); commands that write (``demo``, ``restore``) are refused
  with a line that says to close the app first.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from cm_tui.core.i18n import LANGUAGES, default_language, set_language, t
from cm_tui.core.textsafe import for_terminal
from cm_tui.core.value import Value, frozen, mutable

#: Textual draws batched updates on a 1/TEXTUAL_FPS timer (60 by default), so a key waits up to
#: 16.7 ms for its frame before any work is done: most of a 16 ms key budget. At 240 the wait is
#: at most 4 ms (measured: queue triage p95 21 ms at 120, 11 ms at 240); an idle screen draws
#: nothing either way. Set before Textual is imported (it reads the variable once); the user's
#: own TEXTUAL_FPS wins.
os.environ.setdefault("TEXTUAL_FPS", "240")
from cm_tui.io.demo_writer import PREF_DEMO_DAY, PREF_DEMO_SIZE  # light: no heavy imports

__all__ = ["PREF_DEMO_DAY", "PREF_DEMO_SIZE", "main"]

if TYPE_CHECKING:
    from cm_tui.core.clock import Clock
    from cm_tui.core.settings import Settings
    from cm_tui.store import Store

PROG = "cm-tui"
DEMO_SIZES = ("small", "year", "stress")
EXPORT_FORMATS = ("json", "ics", "csv")  # ics, csv: issue 4 (Calendar)
#: the instant of ``cm-tui screenshots`` (and of the README's pictures): a Thursday morning
SCREENSHOT_NOW = "2026-11-19T09:12:00+01:00"
SCREENSHOT_ZONE = "Europe/Paris"
#: the demo that ``cm-tui --demo`` opens (tests make it ``small``)
DEMO_RUN_SIZE = "year"

#: the root's options (``cm-tui --db X``); sub-commands accept the ones that apply to them
ALL_COMMON = ("db", "demo", "lang", "now")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A user error already phrased for the user (one line); ``code`` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


# --------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is ONE line (no usage block) and exits with status 2;
    ``before_help`` runs before the help is written (the root fills its list of commands)."""

    before_help: Callable[[], None] | None = None

    def format_help(self) -> str:
        if self.before_help is not None:
            self.before_help()
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        hint = f" (`{self.prog} --help`)"
        _print_error(message.replace("\n", " ") + hint)
        raise SystemExit(EXIT_USAGE)


@frozen(slots=False)
class _Command(Value):
    """A sub-command: its name, help message key, handler, which of the root's options it
    accepts, and the function that adds its own arguments."""

    name: str
    help_key: str
    handler: Callable[[argparse.Namespace], int]
    common: tuple[str, ...] = ("db", "demo", "lang")
    arguments: Callable[[argparse.ArgumentParser], None] | None = None


class _LazyParsers(dict):  # type: ignore[type-arg]
    """argparse's ``{name: parser}`` of the sub-commands, each parser built the first time
    argparse asks for it: ``cm-tui`` alone (the dashboard) builds none of them (about 5 ms and
    three message areas less before the first frame). The names are there from the start, so
    ``invalid choice`` errors and the usage line are argparse's own."""

    def __init__(self, build: Callable[[str], argparse.ArgumentParser], names: list[str]) -> None:
        super().__init__(dict.fromkeys(names))
        self._build = build

    def __getitem__(self, name: str) -> argparse.ArgumentParser:
        parser = super().__getitem__(name)
        if parser is None:
            parser = self._build(name)
            super().__setitem__(name, parser)
        return parser  # type: ignore[no-any-return]


def build_parser() -> argparse.ArgumentParser:
    """The whole command line. Help texts are translated into the current language; a
    sub-command's parser is built when it is used (``_LazyParsers``), the list of commands
    in the root's help when it is shown."""
    parser = _Parser(prog=PROG, description=t("cli.help.description"), epilog=t("cli.help.epilog"))
    _add_common(parser, None, ALL_COMMON)
    parser.set_defaults(handler=cmd_run)
    sub = parser.add_subparsers(title=t("cli.help.commands"), dest="command", metavar="COMMAND")
    commands = {command.name: command for command in _commands()}

    def build(name: str) -> argparse.ArgumentParser:
        command = commands[name]
        description = t(command.help_key)
        p = _Parser(prog=f"{PROG} {name}", description=description)
        # The root's options are accepted after the command too (``cm-tui check --db X``); there
        # they default to SUPPRESS so that they never reset a value given before the command.
        _add_common(p, argparse.SUPPRESS, command.common)
        if command.arguments is not None:
            command.arguments(p)
        p.set_defaults(handler=command.handler)
        return p

    def list_commands() -> None:
        sub._choices_actions[:] = [
            sub._ChoicesPseudoAction(name, (), t(command.help_key))  # type: ignore[attr-defined]
            for name, command in commands.items()
        ]

    sub._name_parser_map = sub.choices = _LazyParsers(build, list(commands))  # type: ignore[attr-defined]
    parser.before_help = list_commands
    return parser


def _commands() -> list[_Command]:
    """Every sub-command, in the order of ``cm-tui --help``."""
    return [
        _Command("where", "cli.help.where", cmd_where),
        _Command("demo", "cli.help.demo_cmd", cmd_demo, ("db", "lang", "now"), _demo_arguments),
        _Command("check", "cli.help.check", cmd_check),
        _Command("restore", "cli.help.restore", cmd_restore, arguments=_restore_arguments),
        _Command(
            "export",
            "cli.help.export",
            cmd_export,
            ("db", "demo", "lang", "now"),
            _export_arguments,
        ),
        _Command(
            "report",
            "stats.help.report",
            cmd_report,
            ("db", "demo", "lang", "now"),
            _report_arguments,
        ),
        _Command(
            "import",
            "queue.import.help",
            cmd_import,
            ("db", "demo", "lang", "now"),
            _import_arguments,
        ),
        _Command(
            "screenshots",
            "cli.help.screenshots",
            cmd_screenshots,
            ("lang", "now"),
            _shots_arguments,
        ),
    ]


def _demo_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--size", choices=DEMO_SIZES, default="year", help=t("cli.help.size"))
    p.add_argument("--force", action="store_true", help=t("cli.help.force"))
    p.add_argument("--seed", type=int, default=None, help=t("cli.help.seed"))


def _restore_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backup", type=Path, default=None, help=t("cli.help.backup"))
    p.add_argument("--yes", action="store_true", help=t("cli.help.restore_yes"))


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("format", choices=EXPORT_FORMATS, help=t("cli.help.format"))
    p.add_argument("--out", required=True, metavar="FILE", help=t("cli.help.out"))
    p.add_argument("--table", action="append", default=None, help=t("cli.help.table"))
    # --- export ics / csv (issue 4, Calendar) ---
    p.add_argument("--from", dest="first", metavar="DATE", help=t("calendar.cli.help.from"))
    p.add_argument("--to", dest="last", metavar="DATE", help=t("calendar.cli.help.to"))


def _report_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("month", metavar="YYYY-MM", nargs="?", default=None, help=t("stats.help.month"))
    p.add_argument(
        "--format", choices=("md", "csv", "html"), default="md", help=t("stats.help.report_format")
    )
    p.add_argument("--out", default="-", metavar="FILE", help=t("stats.help.report_out"))


#: ``cm-tui import FILE --table T``: what the file holds (``cli_import``)
IMPORT_TABLES = ("queue", "posts", "stats", "competitors")
IMPORT_FORMATS = ("auto", "csv", "json", "jsonl", "mastodon")


def _import_arguments(p: argparse.ArgumentParser) -> None:
    """``cm-tui import``'s arguments (run by ``cli_import``)."""
    p.add_argument("file", type=Path, metavar="FILE", help=t("queue.import.help.file"))
    p.add_argument(
        "--table", choices=IMPORT_TABLES, default="queue", help=t("queue.import.help.table")
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


def _shots_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, default=Path("screenshots"), help=t("cli.help.out_dir"))


def _add_common(parser: argparse.ArgumentParser, default: Any, which: tuple[str, ...]) -> None:
    """The options of the root command, for the root (real defaults) or a sub-command."""
    if "db" in which:
        parser.add_argument(
            "--db", type=Path, default=default, metavar="PATH", help=t("cli.help.db")
        )
    if "demo" in which:
        parser.add_argument(
            "--demo",
            action="store_true",
            default=False if default is None else default,
            help=t("cli.help.demo"),
        )
    if "lang" in which:
        parser.add_argument("--lang", choices=LANGUAGES, default=default, help=t("cli.help.lang"))
    if "now" in which:
        parser.add_argument("--now", default=default, metavar="ISO-8601", help=t("cli.help.now"))


# --------------------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``cm-tui`` with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    Every line it prints, on stdout or stderr (its own messages, argparse's, the reports of
    every command), passes ``for_terminal`` (``_terminal_safe_output``): a file name, a stored
    text or an argument never sends a control sequence to the terminal.
    """
    with _terminal_safe_output():
        return _main(list(sys.argv[1:] if argv is None else argv))


def _main(argv: list[str]) -> int:
    set_language(_early_language(argv))
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already printed on one line
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        code: int = args.handler(args)
        sys.stdout.flush()  # here, not at exit, where a closed pipe could not be handled
        return code
    except BrokenPipeError:  # `cm-tui check | head -2`: the reader had enough, not an error
        _stdout_gone()
        return EXIT_OK
    except KeyboardInterrupt:
        _print_error(t("cli.error.interrupted"))
        return 130
    except Exception as exc:
        _name_store_in_restore(exc, args)
        message, code = _describe(exc)
        _print_error(message)
        return code


def _name_store_in_restore(exc: BaseException, args: argparse.Namespace) -> None:
    """A corrupt store's message says which restore command to run; ``cm-tui restore`` alone
    restores the default store, so name the one this command used (``--db``, ``--demo``)."""
    corrupt = _loaded_store_class("StoreCorrupt")
    if corrupt is None or not isinstance(exc, corrupt):
        return
    if args.db is not None or args.demo:
        exc.restore_command = _restore_command(args)


def _restore_command(args: argparse.Namespace) -> str:
    """The command that restores the store this command used (``--db``, ``--demo``)."""
    if args.db is None and not args.demo:
        return "cm-tui restore"
    import shlex

    return f"cm-tui restore --db {shlex.quote(str(_db_path(args)))}"


def _loaded_store_class(name: str) -> type[Any] | None:
    """``cm_tui.store``'s class ``name`` if that module was imported (which an error of that
    class implies), without importing it for errors of other kinds."""
    return getattr(sys.modules.get("cm_tui.store"), name, None)


def _early_language(argv: Sequence[str]) -> str:
    """``--lang`` read before parsing, so that help and argument errors use it too."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return default_language()


def _describe(exc: BaseException) -> tuple[str, int]:
    """One line and an exit status for any exception that reaches ``main``."""
    from cm_tui.core.settings import SettingsError

    if isinstance(exc, CliError):
        return str(exc), exc.code
    if isinstance(exc, SettingsError):
        return str(exc), EXIT_USAGE
    store_error = _loaded_store_class("StoreError")
    if store_error is not None and isinstance(exc, store_error):
        return _one_line(str(exc)), EXIT_ERROR
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        if exc.filename is not None:
            return t("cli.error.os", path=exc.filename, reason=reason), EXIT_ERROR
        return t("cli.error.os_nopath", reason=reason), EXIT_ERROR
    if os.environ.get("CM_TUI_DEBUG"):
        raise exc
    return (
        t("cli.error.internal", kind=type(exc).__name__, reason=_one_line(str(exc))),
        EXIT_ERROR,
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _stdout_gone() -> None:
    """Standard output's reader went away (``| head``): point the descriptor at the null
    device, so that nothing else written, nor Python's flush at exit, fails a second time
    ("Exception ignored ... BrokenPipeError"), as the ``signal`` module's docs advise."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _print_lines(lines: Iterable[str]) -> None:
    """Print ``lines`` on stdout; a reader that stops early (``| head``) ends them quietly."""
    try:
        for line in lines:
            print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_gone()


def _write_stdout(payload: bytes) -> None:
    """Write ``payload`` on stdout; a reader that stops early (``| head``) is not an error."""
    try:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_gone()


def _print_error(message: str) -> None:
    print(t("cli.error.prefix", message=_one_line(message)), file=sys.stderr)


def _print_warning(message: str) -> None:
    """A problem the command goes on despite: one ``cm-tui: warning: …`` line on stderr."""
    print(t("cli.warning.prefix", message=_one_line(message)), file=sys.stderr)


class _TerminalText:
    """A text stream whose every write passes ``for_terminal`` (same length: one placeholder
    per character replaced); anything else (``buffer``, ``fileno``, ``flush``) is the stream's.

    ``buffer`` stays raw on purpose: payloads written there (a JSON export, a report) are made
    safe where they are built, and their bytes must be exact.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(for_terminal(text))  # type: ignore[no-any-return]

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _terminal_safe_output() -> Iterator[None]:
    """``sys.stdout`` and ``sys.stderr`` pass ``for_terminal`` for the duration of a command
    (the one choke point of the command line's text; the app draws on its own driver)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalText(sys.stdout), _TerminalText(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


# --------------------------------------------------------------------------- shared steps


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
    clock = _clock(args.now, settings)
    return Context(settings, clock, _db_path(args), bool(args.demo))


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
    command, so it is refused here, before anything starts, in one line (exit status 2).
    """
    from cm_tui.core.models import to_utc
    from cm_tui.core.timeutil import FIRST_DAY, LAST_DAY, is_supported_day

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
        raise CliError(
            t("cli.error.now_range", value=value, first=FIRST_DAY, last=LAST_DAY), EXIT_USAGE
        )
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
        raise CliError(t("cli.error.no_store", path=db))


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


def _display_path(path: Path) -> str:
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- commands


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


def open_demo_store(db: Path, now: datetime, settings: Settings) -> Store:
    """Open the demo store, generating the ``year`` demo first if it is missing or was generated
    for an earlier day than ``now`` (in the user's zone), so the demo always shows "today"."""
    from cm_tui.store import Store

    today = now.astimezone(settings.zone).date().isoformat()
    if _store_exists(db):
        store = Store.open(db, backups_keep=settings.backups_keep)
        if store.repo.prefs.get(PREF_DEMO_DAY) == today:
            return store
        store.close()
        _wipe_store(db)
    write_demo_store(db, DEMO_RUN_SIZE, now, settings, seed=None)
    return Store.open(db, backups_keep=settings.backups_keep)


def write_demo_store(
    db: Path, size: str, now: datetime, settings: Settings, seed: int | None
) -> None:
    """Generate the ``size`` demo at ``now`` (days and working hours in the settings' zone)
    and write it into a new store at ``db``."""
    from cm_tui.core.demo import generate_demo
    from cm_tui.core.recurrence import WorkHours
    from cm_tui.io.demo_writer import write_demo
    from cm_tui.io.shipped import load_catalog, load_networks
    from cm_tui.store import Store

    options: dict[str, Any] = {} if seed is None else {"seed": seed}
    data = generate_demo(
        size,
        now,
        **options,
        networks=load_networks(),
        templates=load_catalog(),
        tz=settings.timezone,
        hours=WorkHours.of(settings),
        archive_after_days=settings.archive_after_days,
        default_deadline_minutes=settings.reply_deadline_minutes,
        deadline_overrides=dict(settings.deadline_overrides) or None,
    )
    with Store.open(db, backups_keep=settings.backups_keep, holder="demo") as store:
        write_demo(store, data)


def _wipe_store(db: Path) -> None:
    """Delete a store's data (its backups stay, so ``cm-tui restore`` can bring it back).

    Opening it first proves no app holds it (``StoreLocked`` otherwise); a corrupt store is
    moved aside by ``Store.open`` itself, which is what we want before replacing it.
    """
    import shutil

    from cm_tui.store import Store, StoreCorrupt, StorePaths

    with contextlib.suppress(StoreCorrupt):
        Store.open(db, holder="demo").close()
    paths = StorePaths.for_db(db)
    paths.db.unlink(missing_ok=True)
    paths.journal.unlink(missing_ok=True)
    shutil.rmtree(paths.archive, ignore_errors=True)


def cmd_where(args: argparse.Namespace) -> int:
    """Print the paths (works with a bad settings file: it shows where that file is)."""
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
    _print_lines(f"{label:<{width}}  {path}" for label, path in rows)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Generate a demo store; an existing store is replaced only with ``--force``."""
    from cm_tui.io.locations import demo_db_path

    ctx = _context(args)
    db = args.db.expanduser() if args.db is not None else demo_db_path()
    if _store_exists(db):
        if not args.force:
            raise CliError(t("cli.error.demo_exists", path=db))
        _refuse_if_locked("demo", lambda: _wipe_store(db))
    _refuse_if_locked(
        "demo",
        lambda: write_demo_store(db, args.size, ctx.clock.now(), ctx.settings, args.seed),
    )
    print(t("cli.demo.written", size=args.size, path=db))
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
    if args.out == "-":
        _write_stdout(payload)
        return EXIT_OK
    out = Path(args.out).expanduser()
    _write_atomically(out, payload)
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


def _write_atomically(path: Path, payload: bytes) -> None:
    """Every ``--out FILE`` of the command line: the one atomic writer (a private file written
    beside, fsync'd, renamed), so a crash never leaves a half-written export."""
    from cm_tui.store.atomic import write_atomic

    write_atomic(path, payload)


def cmd_screenshots(args: argparse.Namespace) -> int:
    """An SVG per tab, rendered from the ``year`` demo at ``SCREENSHOT_NOW`` (or ``--now``).

    Reproducible: the user's settings file is not read (Europe/Paris, default settings; only
    ``--lang`` changes the language), so the README's pictures are the same on every machine.
    """
    import tempfile

    from cm_tui.core.clock import FixedClock
    from cm_tui.core.settings import Settings
    from cm_tui.io.demo_writer import demo_settings
    from cm_tui.store import Store

    settings = Settings(timezone=SCREENSHOT_ZONE, language=args.lang or "en")
    set_language(settings.language)
    clock = FixedClock(parse_now(args.now or SCREENSHOT_NOW, settings))
    out: Path = args.out.expanduser()
    try:
        from cm_tui.ui.screenshots import write_screenshots
    except ImportError as exc:
        raise CliError(t("cli.error.ui_missing", reason=exc)) from None
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cm-tui-shots-") as tmp:
        db = Path(tmp) / "store.json"
        write_demo_store(db, "year", clock.now(), settings, seed=None)
        with Store.open(db) as store:
            written = write_screenshots(store, demo_settings(store, settings), clock, out)
    print(t("cli.screenshots.done", count=len(written), path=out))
    return EXIT_OK


# --------------------------------------------------------------------------- report (issue 6)


def cmd_report(args: argparse.Namespace) -> int:
    """The monthly report of ``YYYY-MM`` (Markdown, CSV or HTML) to a file or stdout; without a
    month, of the last complete month (the one before today's, in the user's time zone).

    Read-only: opens the store without the lock, so it works while the app is open.
    """
    from cm_tui.core.timeutil import parse_month, shift_month

    if args.month is not None:
        try:
            parse_month(args.month)
        except ValueError:
            raise CliError(t("stats.error.bad_month", value=args.month), EXIT_USAGE) from None
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
    if args.out == "-":
        _write_stdout(payload)
        return EXIT_OK
    out = Path(args.out).expanduser()
    _write_atomically(out, payload)
    print(t("stats.report.written", path=out), file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """``cm-tui import``: see ``cli_import`` (imported only by this command)."""
    from cm_tui.cli_import import run_import

    return run_import(args)


def _date_option(value: str | None, option: str) -> Any:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(t("calendar.cli.bad_date", option=option, value=value), EXIT_USAGE) from None


def _calendar_posts(args: argparse.Namespace, ctx: Context, store: Store) -> list[Any]:
    """The posts of ``--from`` .. ``--to`` (local days, both optional), by time."""
    from datetime import UTC

    from cm_tui.core.timeutil import local_day_bounds

    first = _date_option(args.first, "--from")
    last = _date_option(args.last, "--to")
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
    from cm_tui.io.ics import build_ics
    from cm_tui.store import Store

    ctx = _context(args)
    _require_store(ctx.db)
    now = ctx.clock.now()
    today = now.astimezone(ctx.settings.zone).date()
    first = _date_option(args.first, "--from") or today
    last = _date_option(args.last, "--to") or first + timedelta(days=27)
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
    out = Path(args.out).expanduser()
    _write_atomically(out, payload)
    done = t(
        "calendar.ics.exported",
        posts=t("calendar.ics.posts", count=len(posts)),
        blocks=t("calendar.ics.blocks", count=len(blocks)),
        path=out,
    )
    print(done, file=sys.stderr)
    return EXIT_OK


def _export_csv(args: argparse.Namespace) -> int:
    """``cm-tui export csv --table posts --out FILE``: the posts as a spreadsheet. Read-only."""
    from cm_tui.io.csv_posts import export_posts_csv
    from cm_tui.store import Store

    if args.table != ["posts"]:
        given = ", ".join(args.table or []) or "-"
        raise CliError(t("cli.error.unknown_table", table=given, known="posts"), EXIT_USAGE)
    ctx = _context(args)
    _require_store(ctx.db)
    with Store.open(ctx.db, readonly=True) as store:
        posts = _calendar_posts(args, ctx, store)
    out = Path(args.out).expanduser()
    _write_atomically(out, export_posts_csv(posts, ctx.settings.zone))
    print(t("calendar.csv.exported", count=len(posts), path=out), file=sys.stderr)
    return EXIT_OK


#: ``cm-tui export <format>`` handlers of the Calendar (issue 4); json stays in ``cmd_export``
CALENDAR_EXPORTS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ics": _export_ics,
    "csv": _export_csv,
}


if __name__ == "__main__":  # pragma: no cover - ``python -m cm_tui`` goes through __main__.py
    sys.exit(main())
