"""The settings file: TOML, in the platform's config folder (``cm-tui where`` shows it).

``load_settings(path)`` is the only reader. Contract:

* missing file: the defaults, and a fully commented template is written there so the user can
  discover every setting (an existing file is never overwritten, and failing to write the
  template is not an error: the app must start on a read-only home);
* TOML syntax error, non-UTF-8 text, unreadable file, bad value, tables or lists nested deeper
  than any setting needs: ``SettingsError`` with one line naming the file (and the line or the
  key), a long value quoted cut short.
* valid settings are remembered as parsed (``PARSED_CACHE``, JSON in the cache folder, with
  the text they were read from): a file whose text is the same at the next start is not parsed
  again, so start-up does not import the TOML parser (8M instructions); any change is read.

``save_settings(path, changes)`` is the only writer (the settings form): it sets some keys
and keeps everything else of the file as the user wrote it (comments, other keys, their order
and layout), through a style-preserving TOML library (tomlkit). A missing file starts from the
template. The result is checked as ``load_settings`` would read it before anything is written,
then written whole by the one atomic writer (``store.atomic.write_atomic``: private, 0600). A
settings file that is a symlink (a dotfiles folder) is followed: the file it points to changes.

The first start (``needs_first_run``) is when the settings file is missing or still exactly
the template cm-tui writes (any command writes it when missing, ``cm-tui where`` included):
settings belong to the person, not to a store, so a new ``--db`` store does not ask again, and
a person who never chose anything is asked whatever ran first. Saving the form (or keeping its
defaults) writes the file, so it is asked once.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cm_tui.core.i18n import t
from cm_tui.core.settings import (
    DEFAULT_ACTIVE_NETWORKS,
    KNOWN_NETWORKS,
    MAX_DEPTH,
    Settings,
    SettingsError,
)

TEMPLATE = """\
# cm-tui settings. Every line starting with "#" is a comment; remove the "# " in front of a
# setting to change it. A bad value stops cm-tui with one line naming the setting.
# Where this file lives: `cm-tui where`.

# Time zone (IANA name). Default: the system's.
# timezone = "Europe/Paris"

# Language of the interface: "en" or "fr". Default: from the locale.
# language = "fr"

# Ring the terminal bell with queue alerts.
# bell = false

# First day of the onboarding checklist (the "first weeks" tasks).
# onboarding_start = 2026-11-02

# Folder watched for files to import (CSV / JSON). Default: see `cm-tui where`.
# inbox = "~/cm-inbox"

[workday]
# Working hours and days (ISO: 1 = Monday ... 7 = Sunday; the week starts on Monday).
# start = "09:00"
# end = "18:00"
# days = [1, 2, 3, 4, 5]

[queue]
# Minutes to answer a comment, message, mention or review (counted from its arrival).
# reply_deadline_minutes = 60
# Answered or ignored items older than this many days move to the monthly archive files.
# archive_after_days = 7

[queue.deadlines]
# Per kind (comment, message, mention, review), per network, or per "kind@network"
# (the most specific wins: "kind@network", then kind, then network).
# review = 1440
# "review@instagram" = 2880

[backups]
# Daily backups of the store to keep.
# keep = 7

[networks]
# Networks you use, in the order they are shown. Known: {networks}.
# active = [{active}]
# The second article advises Facebook 2-3 times a WEEK instead of 1-2 times a day:
# facebook_per_week = false

# Posting targets per organisation (posts per "day" or per "week"), e.g.:
# [networks.linkedin]
# target_min = 2
# target_max = 5
# period = "week"

[calendar]
# Two posts on the same network closer than this many minutes are flagged in the Calendar.
# min_gap_minutes = 60

[stats]
# The currency of the ad campaigns' amounts (an ISO 4217 code: "EUR", "USD", "CAD", "CHF"...),
# named by the report and the campaign chart.
# currency = "EUR"

[net]
# Live accounts (`cm-tui account add`): when the instance offers no streaming, its inbox is
# polled every this many seconds (and checked that often anyway while streaming).
# poll_seconds = 60
# A reply waits this many seconds in the outbox before it is sent: `u` takes it back meanwhile.
# undo_seconds = 10

[keys]
# Remap a key by its binding id (shown in the help screen, `?`), e.g.:
# "queue.reply" = "R"

[import]
# Inbox folder (`cm-tui where`): a file is read once it has not changed for this many seconds
# (write elsewhere, then rename into the inbox: then it is read at once), and refused above
# this size (import it with `cm-tui import FILE`).
# inbox_settle_seconds = 5
# inbox_max_mb = 50

[import.columns]
# CSV columns of the queue import whose names cm-tui does not recognise (common English and
# French names need nothing here): field = "the column's header in your files". Fields:
# kind, network, author, author_name, text, received_at, link, external_id, ambassador,
# influencer, follower. `cm-tui import FILE --column "text=Message body"` overrides one field
# for one file.
# author = "Nom du fan"
# text = "Contenu"
"""


def template_text() -> str:
    """The commented template written on first run (valid TOML that gives the defaults)."""
    quoted = ", ".join(f'"{n}"' for n in DEFAULT_ACTIVE_NETWORKS)
    return TEMPLATE.format(networks=", ".join(KNOWN_NETWORKS), active=quoted)


def load_settings(path: Path, *, write_template: bool = True) -> Settings:
    """Read and validate the settings file at ``path`` (see the module docstring)."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if write_template:
            _write_template(path)
            template = template_text()  # remembered: the next start reads it
            _remember(template, _parsed(template, source))
        return Settings()
    except OSError as exc:
        raise SettingsError(
            t("cli.settings.unreadable", source=source, reason=exc.strerror or exc),
            source=source,
        ) from None
    try:
        # a BOM is dropped by hand: the "utf-8-sig" codec is one import more at start-up
        text = raw.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError:
        raise SettingsError(t("cli.settings.encoding", source=source), source=source) from None
    mapping = _remembered(text)
    if mapping is not None:
        return Settings.from_mapping(mapping, source)
    mapping = _parsed(text, source)
    settings = Settings.from_mapping(mapping, source)
    _remember(text, mapping)  # valid settings only: a file with an error is about to change
    return settings


def _parsed(text: str, source: str) -> dict[str, Any]:
    """``text`` read as TOML (``SettingsError`` naming the line if it is not)."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, reason = _syntax_position(str(exc))
        raise SettingsError(
            t("cli.settings.syntax", source=source, line=line, reason=reason), source=source
        ) from None
    except RecursionError:  # tomllib reads nested arrays and inline tables recursively
        raise SettingsError(
            t("cli.settings.too_deep", source=source, count=MAX_DEPTH), source=source
        ) from None


#: the last settings text read and what TOML makes of it, as JSON in the cache folder
PARSED_CACHE = "settings-parsed.json"


def _remembered(text: str) -> dict[str, Any] | None:
    """What ``tomllib.loads(text)`` gave when this very text was last read, if the cache holds
    it: importing tomllib costs 8M instructions (2 ms) of every start-up, for a file that rarely
    changes. Compared whole, so an edited file is always read again; an unreadable or foreign
    cache file is a miss. The mapping is then checked like a freshly parsed one."""
    from cm_tui.io.locations import cache_dir

    try:
        cached = json.loads((cache_dir() / PARSED_CACHE).read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(cached, dict) or cached.get("text") != text:
        return None
    mapping = cached.get("mapping")
    return mapping if isinstance(mapping, dict) else None


def _remember(text: str, mapping: dict[str, Any]) -> None:
    """Keep ``mapping`` for ``_remembered``, only if JSON gives it back exactly (a TOML date or
    time, a NaN, nesting too deep for it would not: such a file is parsed at every start). A
    cache that cannot be written (read-only home) costs speed only."""
    from cm_tui.io.locations import cache_dir
    from cm_tui.store.atomic import make_private_dir, write_atomic

    try:
        data = json.dumps({"text": text, "mapping": mapping}, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return
    if json.loads(data)["mapping"] != mapping:
        return
    with contextlib.suppress(OSError):
        make_private_dir(cache_dir())
        write_atomic(cache_dir() / PARSED_CACHE, data.encode("utf-8"))


_POSITION_RE = r"\s*\(at line (\d+), column \d+\)\s*$|\s*\(at end of document\)\s*$"


def _syntax_position(message: str) -> tuple[str, str]:
    """Split tomllib's "reason (at line N, column C)" into ("N", "reason"), one line."""
    match = re.search(_POSITION_RE, message)
    reason = message[: match.start()] if match else message
    line = match.group(1) if match and match.group(1) else "?"
    if match and not match.group(1):
        line = t("cli.settings.end_of_file")
    return line, " ".join(reason.split())


def _write_template(path: Path) -> None:
    """Create the commented template if no file exists, through the one atomic writer (a
    private file written beside, then hard-linked into place: it never replaces a file created
    meanwhile). Any OSError (read-only home, a file system without hard links) just leaves the
    defaults in force."""
    from cm_tui.store.atomic import make_private_dir, write_atomic

    with contextlib.suppress(OSError):
        make_private_dir(path.parent)
        write_atomic(path, template_text().encode("utf-8"), replace=False)


def needs_first_run(path: Path) -> bool:
    """Whether the settings file at ``path`` is missing or still the untouched template (the
    first start: see the module docstring). An unreadable file is not a first start."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return raw == template_text().encode("utf-8")


def save_settings(path: Path, changes: Mapping[str, Any]) -> Settings:
    """Set the dotted keys of ``changes`` (``"workday.start"`` -> ``"08:30"``) in the settings
    file at ``path``, keep the rest as it is, and give the settings the file now holds (see the
    module docstring). A key the file did not set is added at the end of its table.

    Raises ``SettingsError`` (one line naming the file, nothing written) when the file cannot
    be read or written, is not TOML, or would not load afterwards."""
    import tomllib

    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    from cm_tui.store.atomic import make_private_dir, write_atomic

    target = Path(os.path.realpath(path))
    source = str(path)
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        raw = template_text().encode("utf-8")
    except OSError as exc:
        raise _os_error(source, exc) from None
    try:
        text = raw.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError:
        raise SettingsError(t("cli.settings.encoding", source=source), source=source) from None
    try:
        document = tomlkit.parse(text)
        for dotted, value in changes.items():
            *tables, key = dotted.split(".")
            table: Any = document
            for name in tables:
                if name not in table:
                    table[name] = tomlkit.table()
                table = table[name]
            table[key] = value
        updated = tomlkit.dumps(document)
        mapping = tomllib.loads(updated)  # what load_settings will read
    except (TOMLKitError, tomllib.TOMLDecodeError, TypeError, ValueError, RecursionError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise SettingsError(
            t("setup.file.syntax", path=source, reason=reason), source=source
        ) from None
    settings = Settings.from_mapping(mapping, source)
    try:
        make_private_dir(target.parent)
        write_atomic(target, updated.encode("utf-8"))
    except OSError as exc:
        raise _os_error(source, exc) from None
    return settings


def _os_error(source: str, exc: OSError) -> SettingsError:
    reason = exc.strerror or str(exc)
    return SettingsError(t("setup.file.os", path=source, reason=reason), source=source)
