"""Add, list and remove accounts: a store record (``core.net_records.Account``, no secret) and
its token in the secret store (``net/secrets.py``).

``add`` checks the token first (``Connector.verify``), so an account that is stored works;
the handle it acts as comes from the instance, never from what the user typed. The OAuth
out-of-band flow with PKCE (``oauth_start`` / ``oauth_finish``) gives a token the same way a
pasted one does. See docs/architecture.md, "Connectors".
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from cm_tui.core.net_records import Account
from cm_tui.core.net_rules import account_connected

if TYPE_CHECKING:
    from cm_tui.core.models import QueueItem
    from cm_tui.net.connector import Connector
    from cm_tui.net.secrets import SecretStore
    from cm_tui.store.store import Store


class BadInstance(ValueError):
    """The instance URL is not ``https://host`` (or ``http://127.0.0.1:port`` for tests)."""


def normalise_instance(url: str) -> str:
    """``mastodon.social`` / ``https://mastodon.social/`` -> ``https://mastodon.social``.
    Plain http is accepted only for loopback addresses (a local test server)."""
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or not host or parts.path not in ("", "/"):
        raise BadInstance(url)
    if parts.scheme == "http" and host not in ("127.0.0.1", "localhost", "::1"):
        raise BadInstance(url)
    return f"{parts.scheme}://{parts.netloc}"


def account_key(network: str, handle: str, instance: str) -> str:
    host = urlsplit(instance).netloc
    return f"{network}:{handle.lstrip('@')}@{host}"


def add(
    store: Store,
    secrets: SecretStore,
    network: str,
    instance: str,
    token: str,
    now: datetime,
    *,
    brand_handle: str = "",
    connector: Connector | None = None,
) -> Account:
    """Verify ``token`` on ``instance``, store the account (or refresh its token and state if
    it exists) and its secret. Raises ``NetError`` (nothing stored) or ``BadInstance``."""
    from cm_tui.net.registry import FACTORIES

    instance = normalise_instance(instance)
    if connector is None:
        if network not in FACTORIES:
            from cm_tui.net.registry import UnknownNetwork

            raise UnknownNetwork(network)
        import importlib

        module, name = FACTORIES[network].split(":")
        connector = getattr(importlib.import_module(module), name)(instance, token)
    profile = connector.verify()
    key = account_key(network, profile.handle, instance)
    secrets.set(key, token)
    existing = find(store, key)
    base = existing or Account(
        key=key, network=network, instance=instance, handle=profile.handle, profile=network
    )
    account = account_connected(base.replace(secret_ref=key), now)
    if brand_handle:
        account = account.replace(brand_handle=brand_handle)
    with store.transaction():
        if existing is None:
            return store.repo.accounts.add(account)
        return store.repo.accounts.update(account)


def all_accounts(store: Store) -> list[Account]:
    return store.repo.accounts.all()  # type: ignore[no-any-return]


def find(store: Store, key: str) -> Account | None:
    """The account whose key, or handle (``@me`` / ``me@host``), is ``key``."""
    wanted = key.lstrip("@")
    for account in all_accounts(store):
        host = urlsplit(account.instance).netloc
        if wanted in (account.key, account.handle, f"{account.handle}@{host}"):
            return account
    return None


def for_item(store: Store, item: QueueItem) -> Account | None:
    """The account a reply to ``item`` posts as: the one it came from (``QueueItem.account``),
    else (an item stored before items named their account, or typed by hand) the first account,
    by key, bound to the item's network profile; ``None`` when there is none."""
    found = all_accounts(store)
    if item.account:
        for account in found:
            if account.key == item.account:
                return account
    bound = sorted((a for a in found if a.profile == item.network), key=lambda a: a.key)
    return bound[0] if bound else None


def remove(store: Store, secrets: SecretStore, key: str) -> Account | None:
    """Forget the account and its secret; its queue items and sent replies stay. Unsent
    outbox entries of the account stay too (the header keeps counting them)."""
    account = find(store, key)
    if account is None:
        return None
    secrets.delete(account.secret_ref or account.key)
    with store.transaction():
        store.repo.accounts.delete(account.id)
    return account


def save_state(store: Store, account: Account) -> Account:
    """Write an account's state/cursor change (re-read first: another step may have moved
    its cursor; only the state fields are taken from ``account``)."""
    with store.transaction():
        current = store.repo.accounts.get(account.id)
        if current is None:
            return account
        merged = current.replace(
            state=account.state,
            state_since=account.state_since,
            state_until=account.state_until,
            state_detail=account.state_detail,
        )
        if merged != current:
            store.repo.accounts.update(merged)
        return merged  # type: ignore[no-any-return]
