"""Where cm-tui keeps its files.

By default the platform's folders (platformdirs, app name ``cm-tui``): on Linux
``~/.local/share/cm-tui`` for data and ``~/.config/cm-tui`` for the settings file.

``CM_TUI_HOME`` overrides everything: when it is set, the store, the settings file, the demo store
and the inbox all live under that one folder (tests, demos and portable installs use it)::

    $CM_TUI_HOME/store.json        the store (+ store.journal, .lock, .backups/, .archive/)
    $CM_TUI_HOME/settings.toml
    $CM_TUI_HOME/demo/store.json   the demo store, kept apart from the user's own data
    $CM_TUI_HOME/inbox/            files dropped here are imported by the running app
    $CM_TUI_HOME/cache/            files rebuilt when missing (the language data of io.cldr_cache,
                                   the parsed settings of io.settings_file)

Nothing here creates folders: the callers that write (store, settings template) do.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "cm-tui"
HOME_ENV = "CM_TUI_HOME"
STORE_FILE = "store.json"
SETTINGS_FILE = "settings.toml"


def cm_home() -> Path | None:
    """The ``CM_TUI_HOME`` folder, or ``None`` when unset (or empty)."""
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser().absolute() if value else None


def data_dir() -> Path:
    home = cm_home()
    if home is not None:
        return home
    import platformdirs  # lazy: only the paths' first use pays for it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    home = cm_home()
    if home is not None:
        return home
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Files cm-tui can always rebuild (``io.cldr_cache``, ``io.settings_file.PARSED_CACHE``):
    ``cache/`` under ``CM_TUI_HOME``, else the platform's cache folder."""
    home = cm_home()
    if home is not None:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The user's own store."""
    return data_dir() / STORE_FILE


def demo_db_path() -> Path:
    """The store that ``cm-tui --demo`` opens (regenerated each day)."""
    return data_dir() / "demo" / STORE_FILE


def config_path() -> Path:
    """The settings file (TOML)."""
    return config_dir() / SETTINGS_FILE


def inbox_path(setting: str | None = None) -> Path:
    """The folder watched for import files: the ``inbox`` setting if given (``~`` expanded,
    relative paths taken from the config folder), else ``inbox/`` in the data folder."""
    if setting:
        path = Path(setting).expanduser()
        return path if path.is_absolute() else config_dir() / path
    return data_dir() / "inbox"


def demo_inbox_path(db: Path) -> Path:
    """The inbox of a demo store at ``db``: beside it, never the user's (``demo_settings``)."""
    return db.parent / "inbox"
