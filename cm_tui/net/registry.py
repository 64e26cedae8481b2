"""Network name -> connector factory. A new network (Bluesky next) adds one line here and one
module beside ``mastodon.py``; nothing else in the engine names a network.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cm_tui.core.net_records import Account
    from cm_tui.net.connector import Connector
    from cm_tui.net.secrets import SecretStore

#: network -> "module:factory"; the factory takes ``(instance_url, token)``.
FACTORIES: dict[str, str] = {"mastodon": "cm_tui.net.mastodon:MastodonConnector"}


class UnknownNetwork(Exception):
    pass


class NoSecret(Exception):
    """The account's token is not in the secret store (removed by hand, other machine)."""


def networks() -> list[str]:
    return sorted(FACTORIES)


def connector_for(account: Account, secrets: SecretStore) -> Connector:
    """The connector of ``account`` (its token read from ``secrets``)."""
    spec = FACTORIES.get(account.network)
    if spec is None:
        raise UnknownNetwork(account.network)
    token = secrets.get(account.secret_ref or account.key)
    if not token:
        raise NoSecret(account.key)
    module, name = spec.split(":")
    factory = getattr(importlib.import_module(module), name)
    return factory(account.instance, token)  # type: ignore[no-any-return]
