"""The Accounts screen (from the command palette): the live accounts with their state; ``n``
adds one (a pasted access token), ``x`` removes the selected one after asking.

* Adding goes through the one form framework (``AccountForm``, a ``FormScreen``): the instance
  and the token, the token field masked. The token is checked on the instance in a thread
  worker (``Connector.verify``: the network never runs on the UI thread), then the account
  and its secret are stored on the UI thread by ``net.accounts.add`` (the secret in the
  keyring or the private file, never in the store); the token never reaches a notice or a log.
* Removing (``net.accounts.remove``) forgets the token; the items and sent replies stay.
* Once an account exists the app's live engine runs (``CmTuiApp.start_live_accounts``).

See docs/architecture.md, "Live accounts in the app".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from cm_tui.core.form_errors import FieldError
from cm_tui.core.i18n import t
from cm_tui.core.textsafe import clean_line
from cm_tui.ui.bindings import localize_bindings
from cm_tui.ui.screens.form import Field, FormScreen, form_bindings
from cm_tui.ui.widgets.pick_list import PickList

if TYPE_CHECKING:
    from cm_tui.core.net_records import Account
    from cm_tui.net.connector import Profile
    from cm_tui.ui.app import CmTuiApp


def account_label(account: Account) -> str:
    return clean_line(f"@{account.handle}@{urlsplit(account.instance).netloc}")


class AccountForm(FormScreen[tuple[str, str]]):
    """Instance and access token -> ``(instance URL, token)``."""

    PREFIX = "account"
    BINDINGS: ClassVar[list[BindingType]] = form_bindings("account")

    def form_title(self) -> str:
        return t("netui.form.title")

    def form_fields(self) -> list[Field]:
        return [
            Field("instance", t("netui.form.instance"), hint=t("netui.form.instance_hint")),
            Field("token", t("netui.form.token"), secret=True, hint=t("netui.form.token_hint")),
        ]

    def build(self, values: Mapping[str, str]) -> tuple[str, str]:
        from cm_tui.net.accounts import BadInstance, normalise_instance

        try:
            instance = normalise_instance(values["instance"])
        except BadInstance:
            raise FieldError("instance", "netui.form.bad_instance") from None
        token = values["token"].strip()
        if not token:
            raise FieldError("token", "netui.form.no_token")
        return instance, token


class _Checked:
    """A connector whose ``verify`` was already answered in the worker (``accounts.add``
    asks it again, on the UI thread, where no network call may run)."""

    network = "mastodon"

    def __init__(self, profile: Profile) -> None:
        self.profile = profile

    def verify(self) -> Profile:
        return self.profile


class AccountsScreen(ModalScreen[None]):
    CSS_PATH = "queue.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "netui.accounts.key.close", id="accounts.close"),
        Binding("n", "add", "netui.accounts.key.add", id="accounts.new"),
        Binding("x,delete", "remove", "netui.accounts.key.remove", id="accounts.delete"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="queue-modal")
        localize_bindings(self)

    @property
    def cm_app(self) -> CmTuiApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(classes="queue-modal-body", id="accounts-body"):
            yield Static(Content(t("netui.accounts.title")), classes="queue-modal-title")
            yield PickList(id="accounts-list")
            yield Static(id="accounts-empty")

    def on_mount(self) -> None:
        self.show_accounts()
        self.query_one(PickList).focus()

    def accounts(self) -> list[Account]:
        live = self.cm_app.net_live
        stored = self.cm_app.ctx.repo.accounts.all()
        if live is not None and live.accounts:
            states = {a.key: a for a in live.accounts}
            return [states.get(a.key, a) for a in stored]
        return list(stored)

    def show_accounts(self) -> None:
        from cm_tui.ui.net_live import account_state_text

        found = self.accounts()
        options = self.query_one(PickList)
        was = options.highlighted
        options.clear_options()
        zone = self.cm_app.ctx.zone
        for account in found:
            state = account_state_text(account, zone)
            line = Content.assemble(
                (f"{account.network:<10} ", "$text-secondary"),
                (account_label(account), "bold"),
                "  ",
                (state, "$text-muted"),
            )
            options.add_option(Option(line, id=account.key))
        empty = self.query_one("#accounts-empty", Static)
        empty.display = not found
        empty.update(Content(t("netui.accounts.empty")))
        options.display = bool(found)
        if found:
            options.highlighted = min(was or 0, len(found) - 1)

    def _selected(self) -> Account | None:
        options = self.query_one(PickList)
        index = options.highlighted
        found = self.accounts()
        if index is None or not (0 <= index < len(found)):
            return None
        return found[index]

    def action_close(self) -> None:
        self.dismiss(None)

    # ------------------------------------------------------------------ add

    def action_add(self) -> None:
        def done(result: tuple[str, str] | None) -> None:
            if result is not None:
                self._check(*result)

        self.app.push_screen(AccountForm(), done)

    def _check(self, instance: str, token: str) -> None:
        """The token checked on the instance in a thread worker, then stored here."""
        host = urlsplit(instance).netloc
        self.notify(t("netui.accounts.adding", instance=host), markup=False)

        def verify() -> None:
            from cm_tui.net.connector import NetError
            from cm_tui.net.registry import FACTORIES

            module, name = FACTORIES["mastodon"].split(":")
            import importlib

            try:
                connector = getattr(importlib.import_module(module), name)(instance, token)
                profile = connector.verify()
            except NetError as exc:
                self.app.call_from_thread(self._refused, exc.detail)
                return
            except Exception as exc:  # a library fault: one line, never a traceback
                self.app.call_from_thread(self._refused, clean_line(type(exc).__name__))
                return
            self.app.call_from_thread(self._store, instance, token, profile)

        self.run_worker(verify, thread=True, name="account check", exit_on_error=False)

    def _refused(self, detail: str) -> None:
        self.notify(
            t("netui.accounts.refused", detail=clean_line(detail) or "?"),
            severity="error",
            markup=False,
        )

    def _store(self, instance: str, token: str, profile: Profile) -> None:
        from cm_tui.net import accounts
        from cm_tui.ui.net_live import account_state_text, secret_store

        app = self.cm_app
        ctx = app.ctx
        added: list[Account] = []

        def write() -> None:
            added.append(
                accounts.add(
                    ctx.store,
                    secrets,
                    "mastodon",
                    instance,
                    token,
                    ctx.now(),
                    connector=_Checked(profile),  # type: ignore[arg-type]
                )
            )

        try:
            secrets = secret_store()
            landed = ctx.write(write)
        except Exception as exc:  # the secret store refused (no keyring, unreadable file)
            self._refused(str(exc))
            return
        if not landed or not added:
            return
        account = added[0]
        app.start_live_accounts()
        if app.net_live is not None:
            app.net_live.accounts = ctx.repo.accounts.all()
            app.net_live.show_state()
            app.net_live.wake()
        self.show_accounts()
        state = account_state_text(account, ctx.zone)
        self.notify(
            t("netui.accounts.added", account=account_label(account), state=state), markup=False
        )

    # ------------------------------------------------------------------ remove

    def action_remove(self) -> None:
        account = self._selected()
        if account is None:
            return
        from cm_tui.ui.screens.confirm import Confirm

        label = account_label(account)

        def done(yes: bool | None) -> None:
            if yes:
                self._remove(account, label)

        self.app.push_screen(Confirm(t("netui.accounts.remove_ask", account=label)), done)

    def _remove(self, account: Account, label: str) -> None:
        from cm_tui.net import accounts
        from cm_tui.ui.net_live import secret_store

        app = self.cm_app
        ctx = app.ctx
        live = app.net_live
        try:
            secrets = secret_store()
        except Exception as exc:  # no usable place for secrets: one line
            self._refused(str(exc))
            return
        if not ctx.write(lambda: accounts.remove(ctx.store, secrets, account.key)):
            return
        if live is not None:
            live.accounts = [a for a in live.accounts if a.key != account.key]
            live.show_state()
        self.show_accounts()
        self.notify(t("netui.accounts.removed", account=label), markup=False)


def open_accounts(app: Any) -> None:
    app.push_screen(AccountsScreen())
