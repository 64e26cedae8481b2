"""``cm-tui account add|list|remove``: the accounts cm-tui reads and posts as (docs/
architecture.md, "Connectors"). ``add`` checks the token on the instance before storing
anything; the token is read from the terminal without echo (or from stdin in a script), never
from the command line (it would land in the shell history and in ``ps``). No token (an empty
line): the OAuth out-of-band sign-in with PKCE (``net/oauth.py``): the authorize URL is
printed and the code the instance shows is read the same way."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from cm_tui.cli.context import _context, _refuse_if_locked, open_user_store
from cm_tui.cli.output import EXIT_OK, EXIT_USAGE, CliError
from cm_tui.core.i18n import t

if TYPE_CHECKING:
    from cm_tui.net.secrets import SecretStore


def account_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = sub.add_parser("add", help=t("net.cli.help.add"))
    add.add_argument("network", choices=["mastodon"])
    add.add_argument("--instance", required=True, help=t("net.cli.help.instance"))
    add.add_argument("--brand", default="", help=t("net.cli.help.brand"))
    sub.add_parser("list", help=t("net.cli.help.list"))
    remove = sub.add_parser("remove", help=t("net.cli.help.remove"))
    remove.add_argument("account")


def _secrets() -> SecretStore:
    from cm_tui.io.locations import config_dir
    from cm_tui.net.secrets import SecretStore, SecretsUnavailable

    try:
        return SecretStore(config_dir())
    except SecretsUnavailable as exc:
        raise CliError(str(exc), EXIT_USAGE) from None


def _read_token() -> str:
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(t("net.cli.token_prompt")).strip()
    return sys.stdin.readline().strip()


def _read_code() -> str:
    if sys.stdin.isatty():
        return input(t("net.cli.code_prompt")).strip()
    return sys.stdin.readline().strip()


def _oauth_token(instance: str) -> str:
    """No token pasted: the OAuth out-of-band sign-in (``net/oauth.py``): the authorize URL
    printed, the code the instance shows read back, exchanged for a token."""
    from cm_tui.net import accounts, oauth

    flow = oauth.start(accounts.normalise_instance(instance))
    print(t("net.cli.oauth_open", url=flow.authorize_url), flush=True)
    code = _read_code()
    if not code:
        raise CliError(t("net.cli.no_token"), EXIT_USAGE)
    return oauth.finish(flow, code)


def cmd_account(args: argparse.Namespace) -> int:
    from cm_tui.core.textsafe import clean_line
    from cm_tui.net import accounts
    from cm_tui.net.connector import NetError

    ctx = _context(args)
    secrets = _secrets()
    now = ctx.clock.now()
    if args.action == "list":
        from cm_tui.net.sync import SyncEngine
        from cm_tui.net.sync_pass import state_text
        from cm_tui.store import Store

        with Store.open(ctx.db, readonly=True) as store:
            found = accounts.all_accounts(store)
        engine = SyncEngine(lambda fn: None, secrets, ctx.clock, tz=ctx.settings.zone)  # type: ignore[arg-type]
        for account in found:
            print(clean_line(f"{account.key}\t{state_text(engine, account)}"))
        if not found:
            print(t("net.cli.none"))
        return EXIT_OK
    store = _refuse_if_locked(
        f"account {args.action}", lambda: open_user_store(ctx.db, ctx.settings, now)
    )
    with store:
        if args.action == "remove":
            gone = accounts.remove(store, secrets, args.account)  # type: ignore[arg-type]
            if gone is None:
                raise CliError(t("net.cli.unknown", account=clean_line(args.account)))
            print(t("net.cli.removed", account=gone.key))
            return EXIT_OK
        token = _read_token()
        try:
            if not token:
                token = _oauth_token(args.instance)
            added = accounts.add(
                store,
                secrets,
                args.network,
                args.instance,
                token,
                now,
                brand_handle=args.brand,  # type: ignore[arg-type]
            )
        except accounts.BadInstance:
            raise CliError(
                t("net.cli.bad_instance", url=clean_line(args.instance)), EXIT_USAGE
            ) from None
        except NetError as exc:
            raise CliError(t("net.cli.add_failed", detail=clean_line(exc.detail))) from None
    print(t("net.cli.added", account=added.key))
    return EXIT_OK
