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
* One module per command group (``cli.store_cmds``, ``cli.export``, ...), imported only when
  its command is parsed: ``_commands()`` names each command's module, which defines
  ``cmd_<name>(args) -> int`` and, if the command takes arguments, ``<name>_arguments(parser)``.
  Adding a command group is a module and one line in ``_commands()``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from cm_tui.core.i18n import LANGUAGES, default_language, set_language, t
from cm_tui.core.value import Value, frozen

#: Textual draws batched updates on a 1/TEXTUAL_FPS timer (60 by default), so a key waits up to
#: 16.7 ms for its frame before any work is done: most of a 16 ms key budget. At 240 the wait is
#: at most 4 ms (measured: queue triage p95 21 ms at 120, 11 ms at 240); an idle screen draws
#: nothing either way. Set before Textual is imported (it reads the variable once); the user's
#: own TEXTUAL_FPS wins.
os.environ.setdefault("TEXTUAL_FPS", "240")
from cm_tui.cli.output import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    _describe,
    _loaded_store_class,
    _print_error,
    _stdout_gone,
    _terminal_safe_output,
)
from cm_tui.io.demo_writer import PREF_DEMO_DAY, PREF_DEMO_SIZE  # light: no heavy imports

__all__ = [
    "PREF_DEMO_DAY",
    "PREF_DEMO_SIZE",
    "CliError",
    "Context",
    "build_parser",
    "main",
    "open_demo_store",
    "open_user_store",
    "parse_now",
    "write_demo_store",
]

#: names of ``cm_tui.cli`` that live in a command's module, imported when first asked for
#: (``import cm_tui.cli`` stays as light as ``cm-tui --help``)
_REEXPORTS = {
    "Context": "context",
    "parse_now": "context",
    "open_user_store": "context",
    "open_demo_store": "demo",
    "write_demo_store": "demo",
}

if TYPE_CHECKING:
    from cm_tui.cli.context import Context as Context
    from cm_tui.cli.context import open_user_store as open_user_store
    from cm_tui.cli.context import parse_now as parse_now
    from cm_tui.cli.demo import open_demo_store as open_demo_store
    from cm_tui.cli.demo import write_demo_store as write_demo_store


def __getattr__(name: str) -> Any:
    module = _REEXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


PROG = "cm-tui"

#: the root's options (``cm-tui --db X``); sub-commands accept the ones that apply to them
ALL_COMMON = ("db", "demo", "lang", "now")


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
    """A sub-command: its name, help message key, the module of ``cm_tui.cli`` that runs it
    (``cmd_<name>``, and ``<name>_arguments`` adds its own arguments if it has any), and which
    of the root's options it accepts."""

    name: str
    help_key: str
    module: str
    common: tuple[str, ...] = ("db", "demo", "lang")


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
    sub-command's parser (and its module) is built when it is used (``_LazyParsers``), the
    list of commands in the root's help and the root's own help texts when it is shown (they
    are message keys until then: ``cm-tui`` alone reads no help message, one message area less
    before the first frame)."""
    parser = _Parser(prog=PROG, description="cli.help.description", epilog="cli.help.epilog")
    _add_common(parser, None, ALL_COMMON, text=str)
    parser.set_defaults(handler=_run)
    sub = parser.add_subparsers(title="cli.help.commands", dest="command", metavar="COMMAND")
    commands = {command.name: command for command in _commands()}

    def build(name: str) -> argparse.ArgumentParser:
        command = commands[name]
        module = importlib.import_module(f"{__name__}.{command.module}")
        description = t(command.help_key)
        p = _Parser(prog=f"{PROG} {name}", description=description)
        # The root's options are accepted after the command too (``cm-tui check --db X``); there
        # they default to SUPPRESS so that they never reset a value given before the command.
        _add_common(p, argparse.SUPPRESS, command.common)
        arguments = getattr(module, f"{name}_arguments", None)
        if arguments is not None:
            arguments(p)
        p.set_defaults(handler=getattr(module, f"cmd_{name}"))
        return p

    def list_commands() -> None:
        sub._choices_actions[:] = [
            sub._ChoicesPseudoAction(name, (), t(command.help_key))  # type: ignore[attr-defined]
            for name, command in commands.items()
        ]

    def before_help() -> None:
        list_commands()
        parser.description = t(str(parser.description))
        parser.epilog = t(str(parser.epilog))
        for group in parser._action_groups:
            group.title = group.title and t(group.title)
        for action in parser._actions:
            action.help = action.help and t(action.help)

    sub._name_parser_map = sub.choices = _LazyParsers(build, list(commands))  # type: ignore[attr-defined]
    parser.before_help = before_help
    return parser


def _commands() -> list[_Command]:
    """Every sub-command, in the order of ``cm-tui --help``."""
    return [
        _Command("where", "cli.help.where", "store_cmds"),
        _Command("demo", "cli.help.demo_cmd", "demo", ("db", "lang", "now")),
        _Command("check", "cli.help.check", "store_cmds"),
        _Command("restore", "cli.help.restore", "store_cmds"),
        _Command("export", "cli.help.export", "export", ("db", "demo", "lang", "now")),
        _Command("report", "stats.help.report", "report", ("db", "demo", "lang", "now")),
        _Command("import", "queue.import.help", "importing", ("db", "demo", "lang", "now")),
        _Command("screenshots", "cli.help.screenshots", "screenshots", ("lang", "now")),
        _Command("account", "net.cli.help.account", "account", ("db", "lang", "now")),
        _Command("sync", "net.cli.help.sync", "sync", ("db", "lang", "now")),
    ]


def _run(args: argparse.Namespace) -> int:
    """``cm-tui`` without a command: the app (``cli.run``, imported only then)."""
    from cm_tui.cli.run import cmd_run

    return cmd_run(args)


def _add_common(
    parser: argparse.ArgumentParser,
    default: Any,
    which: tuple[str, ...],
    text: Callable[[str], str] = t,
) -> None:
    """The options of the root command, for the root (real defaults) or a sub-command; their
    help is ``text(key)`` (``str``: the key, translated when the help is shown)."""
    if "db" in which:
        parser.add_argument(
            "--db", type=Path, default=default, metavar="PATH", help=text("cli.help.db")
        )
    if "demo" in which:
        parser.add_argument(
            "--demo",
            action="store_true",
            default=False if default is None else default,
            help=text("cli.help.demo"),
        )
    if "lang" in which:
        parser.add_argument(
            "--lang", choices=LANGUAGES, default=default, help=text("cli.help.lang")
        )
    if "now" in which:
        parser.add_argument("--now", default=default, metavar="ISO-8601", help=text("cli.help.now"))


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
        from cm_tui.cli.context import _restore_command

        exc.restore_command = _restore_command(args)


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
