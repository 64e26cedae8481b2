"""Network connectors: accounts, the sync engine and the outbox (docs/architecture.md,
"Connectors").

Layering: ``net`` sits beside ``io`` (it may import ``store`` and ``core``; ``ui`` and ``cli``
use it). Network libraries (Mastodon.py, keyring) are imported lazily inside the network
modules, never at ``import cm_tui.net``, so the app's start-up does not pay for them.

* ``connector.py``: the one interface every network implements (``Connector``), the errors it
  raises (``NetError`` and its kinds) and the plain values it returns.
* ``mastodon.py``: the Mastodon connector (Mastodon.py).
* ``registry.py``: network name -> connector factory; ``connector_for(account, secrets)``.
* ``secrets.py``: where tokens live (keyring, else a 0600 file in the config folder).
* ``accounts.py``: add, list, remove accounts (store record + secret).
* ``outbox.py``: put a reply in the outbox, take it back, edit it, send what is due.
* ``inbox.py``: notifications -> queue items, cursor moved in the same transaction.
* ``publish.py``: Calendar posts -> scheduled statuses / published statuses.
* ``sync.py``: ``SyncEngine``: one pass (``run_once``) and the live loop (stream or poll).
"""
