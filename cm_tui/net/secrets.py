"""Where account tokens live: the system keyring when one is usable, else a 0600 file.

Contract:

* A secret is named by its account key (``Account.secret_ref``); the store only ever holds
  that name. Nothing here logs, prints or raises with a secret in the message.
* ``keyring`` (the ``keyring`` library) is used when its active backend is a real one
  (priority > 0, not the ``fail``/``null`` backends: a headless Linux box usually has none).
  Otherwise the secrets go to ``secrets.json`` in the config folder, written by the one atomic
  writer (file 0600, folder 0700) and never next to the store, so a backup, an export or a
  copied store folder never carries a token.
* ``CM_TUI_SECRETS=file`` forces the file (tests, portable installs); ``=keyring`` forces the
  keyring (and fails in one line when none is usable).

See docs/architecture.md, "Connectors".
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import orjson

SERVICE = "cm-tui"
FILE_NAME = "secrets.json"
ENV = "CM_TUI_SECRETS"


class SecretsUnavailable(Exception):
    """No place can hold the secret; the message says what to do (one line)."""


def _usable_keyring() -> Any | None:
    """The active keyring backend if it can really store secrets, else ``None``."""
    try:
        import keyring  # lazy: costs ~30 ms and probes D-Bus
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or type(backend).__module__.endswith("null"):
        return None
    try:
        priority = float(backend.priority)
    except Exception:
        return None
    return backend if priority > 0 else None


class SecretStore:
    """Get, set and delete secrets by name. ``where`` says which place is used."""

    def __init__(self, folder: Path, mode: str | None = None) -> None:
        self.folder = folder
        mode = (mode or os.environ.get(ENV, "auto")).strip().lower() or "auto"
        self._backend: Any | None = None
        if mode in ("auto", "keyring"):
            self._backend = _usable_keyring()
            if self._backend is None and mode == "keyring":
                raise SecretsUnavailable(
                    "No system keyring is usable here; unset CM_TUI_SECRETS to use a private file."
                )
        self.where = "keyring" if self._backend is not None else "file"

    @property
    def path(self) -> Path:
        return self.folder / FILE_NAME

    # ------------------------------------------------------------------ file backend

    def _read_file(self) -> dict[str, str]:
        try:
            data = orjson.loads(self.path.read_bytes())
        except FileNotFoundError:
            return {}
        except (OSError, orjson.JSONDecodeError) as exc:
            raise SecretsUnavailable(
                f"The secrets file {self.path} cannot be read ({type(exc).__name__}); "
                "remove it and add the accounts again."
            ) from None
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write_file(self, data: dict[str, str]) -> None:
        from cm_tui.store.atomic import make_private_dir, write_atomic

        make_private_dir(self.folder)
        write_atomic(self.path, orjson.dumps(data, option=orjson.OPT_SORT_KEYS))
        os.chmod(self.path, 0o600)

    # ------------------------------------------------------------------ API

    def get(self, name: str) -> str | None:
        if self._backend is not None:
            return self._backend.get_password(SERVICE, name)  # type: ignore[no-any-return]
        return self._read_file().get(name)

    def set(self, name: str, secret: str) -> None:
        if self._backend is not None:
            self._backend.set_password(SERVICE, name, secret)
            return
        data = self._read_file()
        data[name] = secret
        self._write_file(data)

    def delete(self, name: str) -> None:
        """Forget ``name`` (absent is fine)."""
        if self._backend is not None:
            # keyring.errors.PasswordDeleteError: already gone
            with contextlib.suppress(Exception):
                self._backend.delete_password(SERVICE, name)
            return
        data = self._read_file()
        if data.pop(name, None) is not None:
            self._write_file(data)
