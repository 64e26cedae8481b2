"""The user's settings, validated once, then read everywhere.

``Settings`` is a frozen dataclass: the app reads it, never changes it. It is built from the raw
TOML mapping by ``Settings.from_mapping``, which validates every value and raises
``SettingsError`` whose ``str()`` is ONE translated line naming the file and the key, e.g.::

    settings.toml: "timezone" = "Mars/Olympus" is not a known time zone; use an IANA name
    such as "Europe/Paris"          (wrapped here; one line in the message)

The file layout (dotted names in messages follow it)::

    timezone = "Europe/Paris"          # default: the system's
    language = "fr"                    # default: from the locale
    bell = false
    onboarding_start = 2026-11-02      # first day of the onboarding checklist
    inbox = "~/cm-inbox"               # folder watched for import files (see `cm-tui where`)

    [workday]   start = "09:00"  end = "18:00"  days = [1, 2, 3, 4, 5]   (ISO: 1 = Monday)
    [queue]     reply_deadline_minutes = 60   archive_after_days = 7
    [queue.deadlines]   review = 1440   instagram = 120   "review@instagram" = 2880
    [backups]   keep = 7
    [networks]  active = ["facebook", ...]   facebook_per_week = false
    [networks.facebook]  target_min = 2  target_max = 3  period = "week"
    [keys]      "queue.reply" = "R"        (binding id -> key)
    [import.columns]    author = "Nom du fan"   text = "Contenu"   (field -> CSV header)
    [stats]     currency = "EUR"       (ISO 4217: the campaigns' amounts)
    [net]       poll_seconds = 60   undo_seconds = 10   (live accounts: poll, outbox undo window)

Pure: stdlib only. ``system_timezone()`` reads the environment (``TZ``, ``/etc/localtime``) the
same way ``i18n.default_language()`` reads the locale; it never reads the clock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import field
from datetime import date
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cm_tui.core.deadline import DeadlinePolicy
from cm_tui.core.i18n import LANGUAGES, default_language, t
from cm_tui.core.models import NetworkProfile, PostingPeriod, QueueKind
from cm_tui.core.net_rules import NetSettings
from cm_tui.core.textsafe import cut, has_terminal_controls
from cm_tui.core.timeutil import FIRST_DAY, LAST_DAY, is_supported_day
from cm_tui.core.value import Value, frozen

#: Network keys the app knows (the shipped profiles in ``data/networks.json``).
KNOWN_NETWORKS: tuple[str, ...] = (
    "facebook",
    "x",
    "instagram",
    "pinterest",
    "linkedin",
    "snapchat",
    "blog",
    "mastodon",
    "bluesky",
    "youtube",
)
#: The networks a new settings file activates: Facebook, X (Twitter) and the blog. The first
#: seed article advises putting the effort into "two or three" networks rather than all of them
#: (its full list, Snapchat at six posts a day included, makes a first day of 35 tasks); these
#: three are the ones both articles name, and the second builds its whole week on them (X every
#: day, Facebook a few times a week, the blog on Friday morning, its link then posted on X and
#: Facebook). The first start's form, and the ``settings`` screen, change them.
DEFAULT_ACTIVE_NETWORKS: tuple[str, ...] = ("facebook", "x", "blog")

#: The second seed article's Facebook rhythm ("two or three times a week"), used when
#: ``facebook_per_week = true``; the first article's 1-2 a day is the shipped default.
FACEBOOK_PER_WEEK = (2, 3, PostingPeriod.WEEK)

#: Fields a CSV column can be mapped to with ``[import.columns]`` or ``cm-tui import --column``
#: (``io.queue_import`` reads them; ``author`` is the author's handle).
IMPORT_FIELDS: tuple[str, ...] = (
    "kind",
    "network",
    "author",
    "author_name",
    "text",
    "received_at",
    "link",
    "external_id",
    "ambassador",
    "influencer",
    "follower",
)


def _number_ranges() -> dict[str, tuple[int, int]]:
    """Every number a settings file can set, by dotted key, with its accepted range.

    Wide enough for any real use, narrow enough that no computation built on it can overflow
    or stall (a deadline of 1e17 minutes is past ``datetime``'s year 9999, so every import
    failed): deadlines up to 30 days, the archive up to 10 years, a year of daily backups,
    gaps up to a day, up to 100 posts a day or a week.
    """
    deadline = (1, 30 * 24 * 60)
    kinds = [kind.value for kind in QueueKind]
    rules = [*kinds, *KNOWN_NETWORKS, *(f"{k}@{n}" for k in kinds for n in KNOWN_NETWORKS)]
    ranges = {
        "queue.reply_deadline_minutes": deadline,
        "queue.archive_after_days": (1, 3650),
        "backups.keep": (1, 365),
        "calendar.min_gap_minutes": (1, 24 * 60),
        "import.inbox_settle_seconds": (0, 3600),
        "import.inbox_max_mb": (1, 100_000),
        "net.poll_seconds": (5, 24 * 3600),
        "net.undo_seconds": (0, 600),
    }
    ranges.update({f"queue.deadlines.{rule}": deadline for rule in rules})
    for network in KNOWN_NETWORKS:
        ranges[f"networks.{network}.target_min"] = (0, 100)
        ranges[f"networks.{network}.target_max"] = (1, 100)
    return ranges


#: dotted key -> (lowest, highest) accepted value; a new number setting must join this table
NUMBER_RANGES: Mapping[str, tuple[int, int]] = MappingProxyType(_number_ranges())

#: Longest text a setting may hold (a path: PATH_MAX), and longest key name or CSV header.
MAX_PATH_CHARS = 4096
MAX_NAME_CHARS = 200
#: Tables and lists inside each other: the deepest real setting (``[keys]`` with a dotted
#: binding id) is 5 levels down; a file nested thousands deep is refused in one line.
MAX_DEPTH = 10
#: How much of a value or key an error message quotes before cutting it with "…"
SHOWN_CHARS = 40

#: patterns, compiled by ``re``'s own cache when first used: start-up meets few of them
_TIME_RE = r"^([01]\d|2[0-3]):([0-5]\d)$"
_CURRENCY_RE = r"[A-Z]{3}"
_BINDING_ID_RE = r"[A-Za-z0-9_.-]+"
#: A key name: no whitespace (``fullmatch``, so not even a trailing newline); controls and
#: bidi overrides are refused too (``has_terminal_controls``): the footer would send them to
#: the terminal, and no key could ever match them.
_KEY_RE = r"\S+"
#: What ``_show`` writes as a TOML ``\uXXXX`` escape: what a terminal would interpret or that
#: would break the one line (controls, bidi overrides, line separators, lone surrogates).
_ESCAPED = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


class SettingsError(ValueError):
    """A bad settings file. ``str()`` is one translated line naming the file and the key."""

    def __init__(self, message: str, *, source: str = "", key: str = "") -> None:
        super().__init__(message)
        self.source = source
        self.key = key


def system_timezone() -> str:
    """The IANA name of the system's time zone: ``TZ``, then ``/etc/localtime``, then UTC.

    Only names that ``zoneinfo`` can load are returned, so the default is always valid.
    """
    candidates: list[str] = []
    tz_env = os.environ.get("TZ", "").lstrip(":").strip()
    if tz_env:
        if tz_env.startswith("/"):
            candidates.append(_zone_name_from_path(tz_env))
        else:
            candidates.append(tz_env)
    with contextlib.suppress(OSError):
        candidates.append(_zone_name_from_path(os.path.realpath("/etc/localtime")))
    with contextlib.suppress(OSError, UnicodeDecodeError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        if name and _zone_exists(name):
            return name
    return "UTC"


def _zone_name_from_path(path: str) -> str:
    marker = "zoneinfo/"
    index = path.rfind(marker)
    return path[index + len(marker) :] if index >= 0 else ""


def _zone_exists(name: str) -> bool:
    if not name or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


@frozen
class NetworkOverride(Value):
    """Per-organisation posting target for one network (``[networks.<key>]``); ``None`` keeps
    the shipped value."""

    target_min: int | None = None
    target_max: int | None = None
    period: PostingPeriod | None = None


def _empty() -> Mapping[Any, Any]:
    return MappingProxyType({})


@frozen(slots=False)
class Settings(Value):
    """Validated settings. Build from a file with ``Settings.from_mapping`` (or
    ``io.settings_file.load_settings``); ``Settings()`` gives the defaults."""

    timezone: str = field(default_factory=system_timezone)
    language: str = field(default_factory=default_language)
    active_networks: tuple[str, ...] = DEFAULT_ACTIVE_NETWORKS
    workday_start: str = "09:00"
    workday_end: str = "18:00"
    workdays: tuple[int, ...] = (1, 2, 3, 4, 5)
    reply_deadline_minutes: int = 60
    #: minutes per ``kind``, per ``network`` or per ``"kind@network"`` (see ``deadline_policy``)
    deadline_overrides: Mapping[str, int] = field(default_factory=_empty)
    archive_after_days: int = 7
    backups_keep: int = 7
    #: binding id -> key (Textual key names, comma-separated for several)
    keys: Mapping[str, str] = field(default_factory=_empty)
    onboarding_start: date | None = None
    bell: bool = False
    #: True: Facebook target is 2-3 posts a week (second article) instead of 1-2 a day
    facebook_per_week: bool = False
    network_overrides: Mapping[str, NetworkOverride] = field(default_factory=_empty)
    #: folder watched for files to import; ``None``: ``io.locations.inbox_path()``'s default
    inbox: str | None = None
    #: ``[calendar] min_gap_minutes``: two posts of one network closer than this are flagged
    post_min_gap_minutes: int = 60
    #: ``[import.columns]``: import field (``IMPORT_FIELDS``) -> CSV header, beside the known names
    import_columns: Mapping[str, str] = field(default_factory=_empty)
    #: ``[import] inbox_settle_seconds``: an inbox file is read once unchanged this long
    inbox_settle_seconds: int = 5
    #: ``[import] inbox_max_mb``: a larger inbox file is refused (``cm-tui import`` takes it)
    inbox_max_mb: int = 50
    #: ``[stats] currency``: the ISO 4217 code of the campaigns' amounts (report, charts)
    currency: str = "EUR"
    #: ``[net]``: the live accounts' poll interval and the outbox's undo window
    net: NetSettings = field(default_factory=NetSettings)

    def __post_init__(self) -> None:
        # Freeze containers given as lists/dicts so a Settings can be shared without copies.
        for name in ("deadline_overrides", "keys", "network_overrides", "import_columns"):
            value = getattr(self, name)
            if not isinstance(value, MappingProxyType):
                object.__setattr__(self, name, MappingProxyType(dict(value)))
        for name in ("active_networks", "workdays"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    # ----------------------------------------------------------------- derived values

    @cached_property
    def zone(self) -> ZoneInfo:
        """The user's time zone, for "which day is today" and display."""
        return ZoneInfo(self.timezone)

    @property
    def workday_start_minutes(self) -> int:
        return _minutes(self.workday_start)

    @property
    def workday_end_minutes(self) -> int:
        return _minutes(self.workday_end)

    @cached_property
    def deadline_policy(self) -> DeadlinePolicy:
        """``[queue] reply_deadline_minutes`` and ``[queue.deadlines]`` as the one deadline
        rule (``core.deadline``)."""
        return DeadlinePolicy(self.reply_deadline_minutes, self.deadline_overrides)

    def network_profiles(self, profiles: Iterable[NetworkProfile]) -> list[NetworkProfile]:
        """The stored profiles as this organisation uses them: active ones only, in
        ``active_networks`` order, with the Facebook variant and ``[networks.<key>]`` targets
        applied. Settings are applied on read so that changing the file needs no migration."""
        by_key = {p.key: p for p in profiles}
        out: list[NetworkProfile] = []
        for key in self.active_networks:
            profile = by_key.get(key)
            if profile is None:
                continue
            if key == "facebook" and self.facebook_per_week:
                low, high, period = FACEBOOK_PER_WEEK
                profile = profile.replace(target_min=low, target_max=high, period=period)
            override = self.network_overrides.get(key)
            if override is not None:
                changes: dict[str, Any] = {
                    name: getattr(override, name)
                    for name in ("target_min", "target_max", "period")
                    if getattr(override, name) is not None
                }
                profile = profile.replace(**changes)
            out.append(profile)
        return out

    def to_mapping(self) -> dict[str, Any]:
        """The settings in the file's layout (what ``from_mapping`` reads back)."""
        out: dict[str, Any] = {
            "timezone": self.timezone,
            "language": self.language,
            "bell": self.bell,
            "workday": {
                "start": self.workday_start,
                "end": self.workday_end,
                "days": list(self.workdays),
            },
            "queue": {
                "reply_deadline_minutes": self.reply_deadline_minutes,
                "archive_after_days": self.archive_after_days,
                "deadlines": dict(self.deadline_overrides),
            },
            "backups": {"keep": self.backups_keep},
            "networks": {
                "active": list(self.active_networks),
                "facebook_per_week": self.facebook_per_week,
                **{
                    key: {
                        k: (v.value if isinstance(v, PostingPeriod) else v)
                        for k, v in dataclasses.asdict(o).items()
                        if v is not None
                    }
                    for key, o in self.network_overrides.items()
                },
            },
            "keys": dict(self.keys),
            "calendar": {"min_gap_minutes": self.post_min_gap_minutes},
            "import": {
                "inbox_settle_seconds": self.inbox_settle_seconds,
                "inbox_max_mb": self.inbox_max_mb,
                "columns": dict(self.import_columns),
            },
            "stats": {"currency": self.currency},
            "net": {
                "poll_seconds": self.net.poll_seconds,
                "undo_seconds": self.net.undo_seconds,
            },
        }
        if self.onboarding_start is not None:
            out["onboarding_start"] = self.onboarding_start
        if self.inbox is not None:
            out["inbox"] = self.inbox
        return out

    # ----------------------------------------------------------------- parsing

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any], source: str) -> Settings:
        """Validate the raw mapping of a settings file (``source`` names it in errors).

        Missing keys take their defaults; unknown keys are errors (a typo must not be silently
        ignored); every bad value raises ``SettingsError`` naming ``source`` and the dotted key.
        """
        return _Parser(source).parse(mapping)


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _show(value: Any) -> str:
    """A value as it would be written in TOML, for error messages: a long text, or a list of
    many items, is cut after ``SHOWN_CHARS`` characters with "…" (a 10 MB value is quoted in
    one short line); a table or a list inside the list is shown as ``{…}`` / ``[…]``; a control
    character in a text is shown as its TOML escape (``\\u001b``), as the file may spell it."""
    if isinstance(value, list | tuple):
        shown: list[str] = []
        length = 0
        for item in value:
            if length > SHOWN_CHARS:
                shown.append("…")
                break
            text = "[…]" if isinstance(item, list | tuple) else _show(item)
            shown.append(text)
            length += len(text) + 2
        return "[" + ", ".join(shown) + "]"
    if isinstance(value, str):
        text = _cut(value).replace("\\", "\\\\").replace('"', '\\"')
        return '"' + re.sub(_ESCAPED, lambda m: f"\\u{ord(m[0]):04x}", text) + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return "{…}"
    return _cut(str(value).replace("\n", " "))


def _is_key_name(key: Any) -> bool:
    return (
        isinstance(key, str)
        and len(key) <= MAX_NAME_CHARS
        and re.fullmatch(_KEY_RE, key) is not None
        and not has_terminal_controls(key)
    )


def _cut(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text``, or its first ``limit`` characters and "…" (``textsafe.cut``)."""
    return cut(text, limit + 1)


_TOP_KEYS = (
    "timezone",
    "language",
    "bell",
    "onboarding_start",
    "inbox",
    "workday",
    "queue",
    "backups",
    "networks",
    "keys",
    "calendar",
    "import",
    "stats",
    "net",
)
_SECTION_KEYS: dict[str, tuple[str, ...]] = {
    "workday": ("start", "end", "days"),
    "queue": ("reply_deadline_minutes", "archive_after_days", "deadlines"),
    "backups": ("keep",),
    "calendar": ("min_gap_minutes",),
    "import": ("inbox_settle_seconds", "inbox_max_mb", "columns"),
    "networks": ("active", "facebook_per_week", *KNOWN_NETWORKS),
    "stats": ("currency",),
    "net": ("poll_seconds", "undo_seconds"),
}
_OVERRIDE_KEYS = ("target_min", "target_max", "period")


class _Parser:
    """One pass over the mapping; every check reports the dotted key and the source file."""

    def __init__(self, source: str) -> None:
        self.source = source

    # -- errors

    def fail(self, message_key: str, key: str, value: Any = None, **params: Any) -> SettingsError:
        key = _cut(key, 2 * SHOWN_CHARS)  # a dotted key is longer than a value
        detail = t(message_key, **params)
        if value is None:
            text = t("cli.settings.error_key", source=self.source, key=key, detail=detail)
        else:
            text = t(
                "cli.settings.error_value",
                source=self.source,
                key=key,
                value=_show(value),
                detail=detail,
            )
        return SettingsError(text, source=self.source, key=key)

    def check_keys(self, table: Mapping[str, Any], allowed: tuple[str, ...], prefix: str) -> None:
        for key in table:
            if key not in allowed:
                raise self.fail(
                    "cli.settings.unknown_key",
                    f"{prefix}{key}",
                    known=", ".join(allowed),
                )

    def table(self, mapping: Mapping[str, Any], key: str, dotted: str) -> Mapping[str, Any]:
        value = mapping.get(key, {})
        if not isinstance(value, Mapping):
            raise self.fail("cli.settings.not_table", dotted, value)
        return value

    # -- scalar checks

    def number(self, value: Any, key: str) -> int:
        """A whole number in the range ``NUMBER_RANGES`` gives the dotted ``key``."""
        low, high = NUMBER_RANGES[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail("cli.settings.number", key, value, low=low, high=high)
        return value

    def text(self, value: Any, key: str, message_key: str, limit: int = MAX_NAME_CHARS) -> str:
        """A non-blank string of at most ``limit`` characters (``message_key`` otherwise)."""
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            raise self.fail(message_key, key, value, count=limit)
        return value

    def boolean(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail("cli.settings.boolean", key, value)
        return value

    def hhmm(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not re.match(_TIME_RE, value):
            raise self.fail("cli.settings.time", key, value)
        return value

    def currency(self, value: Any, key: str) -> str:
        """An ISO 4217 code: three capital letters (``EUR``); the amounts are only labelled
        with it, so its form is what is checked, not a list that would need updating."""
        if not isinstance(value, str) or not re.fullmatch(_CURRENCY_RE, value):
            raise self.fail("cli.settings.currency", key, value)
        return value

    def network(self, value: Any, key: str) -> str:
        if value not in KNOWN_NETWORKS:
            raise self.fail("cli.settings.network", key, value, known=", ".join(KNOWN_NETWORKS))
        return value

    # -- the file

    def parse(self, mapping: Mapping[str, Any]) -> Settings:
        if not isinstance(mapping, Mapping):  # pragma: no cover - tomllib always gives a dict
            raise self.fail("cli.settings.not_table", "(root)", mapping)
        self.check_depth(mapping)
        self.check_keys(mapping, _TOP_KEYS, "")
        kw: dict[str, Any] = {}

        if "timezone" in mapping:
            value = mapping["timezone"]
            if not isinstance(value, str) or not _zone_exists(value):
                raise self.fail("cli.settings.timezone", "timezone", value)
            kw["timezone"] = value
        if "language" in mapping:
            value = mapping["language"]
            if value not in LANGUAGES:
                raise self.fail(
                    "cli.settings.language", "language", value, known=", ".join(LANGUAGES)
                )
            kw["language"] = value
        if "bell" in mapping:
            kw["bell"] = self.boolean(mapping["bell"], "bell")
        if "onboarding_start" in mapping:
            kw["onboarding_start"] = self.day(mapping["onboarding_start"], "onboarding_start")
        if "inbox" in mapping:
            kw["inbox"] = self.text(mapping["inbox"], "inbox", "cli.settings.path", MAX_PATH_CHARS)

        kw.update(self.workday(self.table(mapping, "workday", "workday")))
        kw.update(self.queue(self.table(mapping, "queue", "queue")))
        backups = self.table(mapping, "backups", "backups")
        self.check_keys(backups, _SECTION_KEYS["backups"], "backups.")
        if "keep" in backups:
            kw["backups_keep"] = self.number(backups["keep"], "backups.keep")
        kw.update(self.networks(self.table(mapping, "networks", "networks")))
        kw["keys"] = self.keys(self.table(mapping, "keys", "keys"))
        calendar = self.table(mapping, "calendar", "calendar")
        self.check_keys(calendar, _SECTION_KEYS["calendar"], "calendar.")
        if "min_gap_minutes" in calendar:
            kw["post_min_gap_minutes"] = self.number(
                calendar["min_gap_minutes"], "calendar.min_gap_minutes"
            )
        kw.update(self.import_section(self.table(mapping, "import", "import")))
        stats = self.table(mapping, "stats", "stats")
        self.check_keys(stats, _SECTION_KEYS["stats"], "stats.")
        if "currency" in stats:
            kw["currency"] = self.currency(stats["currency"], "stats.currency")
        net = self.table(mapping, "net", "net")
        self.check_keys(net, _SECTION_KEYS["net"], "net.")
        kw["net"] = NetSettings(
            **{
                name: self.number(net[name], f"net.{name}")
                for name in _SECTION_KEYS["net"]
                if name in net
            }
        )
        return Settings(**kw)

    def check_depth(self, mapping: Mapping[str, Any]) -> None:
        """Refuse tables and lists nested more than ``MAX_DEPTH`` deep, before anything walks
        them recursively. Iterative, so a file nested 10,000 deep costs one pass, no stack."""
        pending: list[tuple[Any, int]] = [(mapping, 0)]
        while pending:
            value, depth = pending.pop()
            if depth > MAX_DEPTH:
                raise SettingsError(
                    t("cli.settings.too_deep", source=self.source, count=MAX_DEPTH),
                    source=self.source,
                )
            if isinstance(value, Mapping):
                pending.extend((item, depth + 1) for item in value.values())
            elif isinstance(value, list | tuple):
                pending.extend((item, depth + 1) for item in value)

    def day(self, value: Any, key: str) -> date:
        """A day (TOML date or "YYYY-MM-DD") from ``FIRST_DAY`` to ``LAST_DAY``."""
        day: date | None = None
        if isinstance(value, date) and not hasattr(value, "hour"):
            day = value
        elif isinstance(value, str):
            with contextlib.suppress(ValueError):
                day = date.fromisoformat(value)
        if day is None:
            raise self.fail("cli.settings.date", key, value)
        if not is_supported_day(day):
            raise self.fail("cli.settings.date_range", key, value, first=FIRST_DAY, last=LAST_DAY)
        return day

    def workday(self, table: Mapping[str, Any]) -> dict[str, Any]:
        self.check_keys(table, _SECTION_KEYS["workday"], "workday.")
        kw: dict[str, Any] = {}
        start = self.hhmm(table.get("start", "09:00"), "workday.start")
        end = self.hhmm(table.get("end", "18:00"), "workday.end")
        if _minutes(start) >= _minutes(end):
            raise self.fail("cli.settings.start_before_end", "workday.end", end, start=start)
        if "start" in table:
            kw["workday_start"] = start
        if "end" in table:
            kw["workday_end"] = end
        if "days" in table:
            days = table["days"]
            if (
                not isinstance(days, list)
                or not days
                or any(
                    isinstance(d, bool) or not isinstance(d, int) or not 1 <= d <= 7 for d in days
                )
                or len(set(days)) != len(days)
            ):
                raise self.fail("cli.settings.workdays", "workday.days", days)
            kw["workdays"] = tuple(sorted(days))
        return kw

    def queue(self, table: Mapping[str, Any]) -> dict[str, Any]:
        self.check_keys(table, _SECTION_KEYS["queue"], "queue.")
        kw: dict[str, Any] = {}
        if "reply_deadline_minutes" in table:
            kw["reply_deadline_minutes"] = self.number(
                table["reply_deadline_minutes"], "queue.reply_deadline_minutes"
            )
        if "archive_after_days" in table:
            kw["archive_after_days"] = self.number(
                table["archive_after_days"], "queue.archive_after_days"
            )
        deadlines = self.table(table, "deadlines", "queue.deadlines")
        kinds = tuple(k.value for k in QueueKind)
        overrides: dict[str, int] = {}
        for rule, minutes in deadlines.items():
            dotted = f"queue.deadlines.{rule}"
            kind, at, network = rule.partition("@")
            valid = (
                (kind in kinds and network in KNOWN_NETWORKS)
                if at
                else (rule in kinds or rule in KNOWN_NETWORKS)
            )
            if not valid:
                raise self.fail(
                    "cli.settings.deadline_rule",
                    dotted,
                    kinds=", ".join(kinds),
                    networks=", ".join(KNOWN_NETWORKS),
                )
            overrides[rule] = self.number(minutes, dotted)
        kw["deadline_overrides"] = overrides
        return kw

    def networks(self, table: Mapping[str, Any]) -> dict[str, Any]:
        self.check_keys(table, _SECTION_KEYS["networks"], "networks.")
        kw: dict[str, Any] = {}
        if "active" in table:
            active = table["active"]
            if not isinstance(active, list):
                raise self.fail("cli.settings.list", "networks.active", active)
            seen: list[str] = []
            for value in active:
                network = self.network(value, "networks.active")
                if network not in seen:
                    seen.append(network)
            kw["active_networks"] = tuple(seen)
        if "facebook_per_week" in table:
            kw["facebook_per_week"] = self.boolean(
                table["facebook_per_week"], "networks.facebook_per_week"
            )
        overrides: dict[str, NetworkOverride] = {}
        for key in KNOWN_NETWORKS:
            if key in table:
                overrides[key] = self.override(self.table(table, key, f"networks.{key}"), key)
        kw["network_overrides"] = overrides
        return kw

    def override(self, table: Mapping[str, Any], network: str) -> NetworkOverride:
        prefix = f"networks.{network}."
        self.check_keys(table, _OVERRIDE_KEYS, prefix)
        low = high = None
        period = None
        if "target_min" in table:
            low = self.number(table["target_min"], prefix + "target_min")
        if "target_max" in table:
            high = self.number(table["target_max"], prefix + "target_max")
        if low is not None and high is not None and low > high:
            raise self.fail("cli.settings.min_above_max", prefix + "target_min", low, high=high)
        if "period" in table:
            value = table["period"]
            if value not in tuple(p.value for p in PostingPeriod):
                raise self.fail(
                    "cli.settings.period",
                    prefix + "period",
                    value,
                    known=", ".join(p.value for p in PostingPeriod),
                )
            period = PostingPeriod(value)
        return NetworkOverride(target_min=low, target_max=high, period=period)

    def import_section(self, table: Mapping[str, Any]) -> dict[str, Any]:
        """``[import]``: the inbox's numbers and ``[import.columns]``."""
        self.check_keys(table, _SECTION_KEYS["import"], "import.")
        kw: dict[str, Any] = {"import_columns": self.import_columns(table)}
        for name in ("inbox_settle_seconds", "inbox_max_mb"):
            if name in table:
                kw[name] = self.number(table[name], f"import.{name}")
        return kw

    def import_columns(self, table: Mapping[str, Any]) -> dict[str, str]:
        """``[import.columns]``: import field -> the CSV header that holds it."""
        out: dict[str, str] = {}
        for name, header in self.table(table, "columns", "import.columns").items():
            dotted = f"import.columns.{name}"
            if name not in IMPORT_FIELDS:
                raise self.fail("cli.settings.import_field", dotted, known=", ".join(IMPORT_FIELDS))
            out[name] = self.text(header, dotted, "cli.settings.import_column")
        return out

    def keys(self, table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
        """``[keys]``: binding id -> key. An unquoted dotted id (``queue.reply = "R"``) is a
        nested table in TOML; it is flattened back to the id ``"queue.reply"``."""
        out: dict[str, str] = {}
        for name, key in table.items():
            binding_id = prefix + name
            if isinstance(key, Mapping):
                out.update(self.keys(key, binding_id + "."))
                continue
            dotted = f"keys.{binding_id}"
            if len(binding_id) > MAX_NAME_CHARS or not re.fullmatch(_BINDING_ID_RE, binding_id):
                raise self.fail("cli.settings.binding_id", dotted)
            if not _is_key_name(key):
                raise self.fail("cli.settings.key", dotted, key)
            out[binding_id] = key
        return out
