"""Settings: defaults, validation of every value (one line naming key and file), template file."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from cm_tui.core import i18n
from cm_tui.core.models import NetworkProfile, PostingPeriod
from cm_tui.core.settings import (
    DEFAULT_ACTIVE_NETWORKS,
    KNOWN_NETWORKS,
    NetworkOverride,
    Settings,
    SettingsError,
    system_timezone,
)
from cm_tui.io.settings_file import load_settings, template_text

SOURCE = "/home/me/.config/cm-tui/settings.toml"


def load_text(tmp_path: Path, text: str) -> Settings:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def error_of(mapping: dict) -> SettingsError:
    with pytest.raises(SettingsError) as info:
        Settings.from_mapping(mapping, SOURCE)
    return info.value


# ----------------------------------------------------------------------------- defaults


def test_defaults_match_the_documented_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/Montreal")
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    s = Settings.from_mapping({}, SOURCE)
    assert s.timezone == "America/Montreal"
    assert s.language == "fr"
    assert s.active_networks == DEFAULT_ACTIVE_NETWORKS
    assert {"mastodon", "bluesky"} <= set(KNOWN_NETWORKS) - set(s.active_networks)
    assert (s.inbox_settle_seconds, s.inbox_max_mb) == (5, 50)
    assert (s.workday_start, s.workday_end, s.workdays) == ("09:00", "18:00", (1, 2, 3, 4, 5))
    assert s.reply_deadline_minutes == 60
    assert s.archive_after_days == 7
    assert s.backups_keep == 7
    assert dict(s.deadline_overrides) == {} and dict(s.keys) == {}
    assert s.onboarding_start is None and s.bell is False and s.facebook_per_week is False
    assert str(s.zone) == "America/Montreal"


@pytest.mark.parametrize(
    ("tz", "expected"),
    [("Asia/Tokyo", "Asia/Tokyo"), (":Europe/Paris", "Europe/Paris"), ("Mars/Olympus", None)],
)
def test_system_timezone_prefers_a_valid_tz_variable(
    monkeypatch: pytest.MonkeyPatch, tz: str, expected: str | None
) -> None:
    monkeypatch.setenv("TZ", tz)
    result = system_timezone()
    if expected is None:  # an invalid TZ falls back to /etc/localtime or UTC, never to itself
        assert result != tz
        Settings.from_mapping({"timezone": result}, SOURCE)  # and is always loadable
    else:
        assert result == expected


def test_system_timezone_reads_a_zoneinfo_path_in_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "/usr/share/zoneinfo/Europe/Paris")
    assert system_timezone() == "Europe/Paris"


def test_a_full_file_is_read_into_every_field(tmp_path: Path) -> None:
    s = load_text(
        tmp_path,
        """
timezone = "Europe/Paris"
language = "fr"
bell = true
onboarding_start = 2026-11-02
inbox = "~/cm-inbox"

[workday]
start = "08:30"
end = "17:00"
days = [5, 1, 2]

[queue]
reply_deadline_minutes = 45
archive_after_days = 14
[queue.deadlines]
review = 1440
instagram = 120
"review@instagram" = 2880

[backups]
keep = 3

[networks]
active = ["instagram", "facebook", "instagram"]
facebook_per_week = true
[networks.instagram]
target_min = 0
target_max = 2
period = "week"

[keys]
"queue.reply" = "R"
app.help = "f1"
""",
    )
    assert s.timezone == "Europe/Paris" and s.language == "fr" and s.bell is True
    assert s.onboarding_start == date(2026, 11, 2)
    assert s.inbox == "~/cm-inbox"
    assert (s.workday_start, s.workday_end, s.workdays) == ("08:30", "17:00", (1, 2, 5))
    assert s.workday_start_minutes == 510 and s.workday_end_minutes == 1020
    assert (s.reply_deadline_minutes, s.archive_after_days, s.backups_keep) == (45, 14, 3)
    assert s.active_networks == ("instagram", "facebook")  # order kept, duplicate dropped
    assert s.facebook_per_week is True
    assert s.network_overrides["instagram"] == NetworkOverride(0, 2, PostingPeriod.WEEK)
    # a dotted binding id written without quotes is a nested TOML table: flattened back
    assert dict(s.keys) == {"queue.reply": "R", "app.help": "f1"}


def test_to_mapping_round_trips() -> None:
    s = Settings.from_mapping(
        {
            "timezone": "Asia/Tokyo",
            "language": "en",
            "onboarding_start": date(2026, 1, 5),
            "queue": {"deadlines": {"review": 1440}},
            "networks": {"active": ["x"], "x": {"target_max": 9}},
            "keys": {"a.b": "c"},
        },
        SOURCE,
    )
    assert Settings.from_mapping(s.to_mapping(), SOURCE) == s


def test_settings_are_immutable() -> None:
    s = Settings(timezone="UTC", language="en", keys={"a": "b"})
    with pytest.raises(AttributeError):
        s.timezone = "Europe/Paris"  # type: ignore[misc]
    with pytest.raises(TypeError):
        s.keys["a"] = "c"  # type: ignore[index]


# ----------------------------------------------------------------------------- derived values


def test_deadline_minutes_most_specific_rule_wins() -> None:
    s = Settings.from_mapping(
        {
            "queue": {
                "reply_deadline_minutes": 60,
                "deadlines": {"review": 1440, "instagram": 120, "review@instagram": 2880},
            }
        },
        SOURCE,
    )
    assert s.deadline_policy.minutes("review", "instagram") == 2880
    assert s.deadline_policy.minutes("review", "facebook") == 1440
    assert s.deadline_policy.minutes("comment", "instagram") == 120
    assert s.deadline_policy.minutes("comment", "x") == 60


def _profile(key: str, low: int, high: int, period: str = "day") -> NetworkProfile:
    return NetworkProfile(
        key=key,
        name=key.title(),
        char_limit=100,
        target_min=low,
        target_max=high,
        period=PostingPeriod(period),
    )


def test_network_profiles_apply_active_order_facebook_variant_and_overrides() -> None:
    stored = [_profile("facebook", 1, 2), _profile("x", 3, 5), _profile("blog", 1, 1, "week")]
    plain = Settings(timezone="UTC", language="en", active_networks=("x", "facebook"))
    assert [
        (p.key, p.target_min, p.target_max, p.period) for p in plain.network_profiles(stored)
    ] == [
        ("x", 3, 5, PostingPeriod.DAY),
        ("facebook", 1, 2, PostingPeriod.DAY),
    ]
    weekly = Settings.from_mapping(
        {
            "timezone": "UTC",
            "networks": {
                "active": ["facebook", "blog", "snapchat"],
                "facebook_per_week": True,
                "blog": {"target_max": 2},
            },
        },
        SOURCE,
    )
    rows = [(p.key, p.target_min, p.target_max, p.period) for p in weekly.network_profiles(stored)]
    # snapchat is active but has no stored profile: skipped, not invented
    assert rows == [("facebook", 2, 3, PostingPeriod.WEEK), ("blog", 1, 2, PostingPeriod.WEEK)]
    assert stored[0].target_min == 1  # the stored profiles are not modified


# ----------------------------------------------------------------------------- validation


BAD_VALUES = [
    ({"timezone": "Mars/Olympus"}, "timezone", "is not a known time zone"),
    ({"timezone": "../../etc/passwd"}, "timezone", "is not a known time zone"),
    ({"timezone": 3}, "timezone", "is not a known time zone"),
    ({"language": "de"}, "language", "is not a supported language"),
    ({"bell": "yes"}, "bell", "is not a boolean"),
    ({"onboarding_start": "2026-13-01"}, "onboarding_start", "is not a date"),
    ({"inbox": ""}, "inbox", "is not a folder path"),
    ({"workday": {"start": "9:00"}}, "workday.start", "is not a time"),
    ({"workday": {"end": "24:00"}}, "workday.end", "is not a time"),
    ({"workday": {"start": "18:00", "end": "09:00"}}, "workday.end", "must be later"),
    ({"workday": {"start": "09:00", "end": "09:00"}}, "workday.end", "must be later"),
    ({"workday": {"days": [0, 1]}}, "workday.days", "ISO weekdays"),
    ({"workday": {"days": [1, 8]}}, "workday.days", "ISO weekdays"),
    ({"workday": {"days": [1, 1]}}, "workday.days", "ISO weekdays"),
    ({"workday": {"days": []}}, "workday.days", "ISO weekdays"),
    ({"workday": {"days": [True]}}, "workday.days", "ISO weekdays"),
    ({"workday": "09:00"}, "workday", "must be a table"),
    (
        {"queue": {"reply_deadline_minutes": 0}},
        "queue.reply_deadline_minutes",
        "whole number from 1 to",
    ),
    (
        {"queue": {"reply_deadline_minutes": -5}},
        "queue.reply_deadline_minutes",
        "whole number from 1 to",
    ),
    (
        {"queue": {"reply_deadline_minutes": 1.5}},
        "queue.reply_deadline_minutes",
        "whole number from 1 to",
    ),
    (
        {"queue": {"reply_deadline_minutes": True}},
        "queue.reply_deadline_minutes",
        "whole number from 1 to",
    ),
    ({"queue": {"archive_after_days": "7"}}, "queue.archive_after_days", "whole number from 1 to"),
    ({"queue": {"deadlines": {"tweet": 5}}}, "queue.deadlines.tweet", "kind@network"),
    (
        {"queue": {"deadlines": {"review@myspace": 5}}},
        "queue.deadlines.review@myspace",
        "kind@network",
    ),
    ({"queue": {"deadlines": {"review": 0}}}, "queue.deadlines.review", "whole number from 1 to"),
    ({"backups": {"keep": 0}}, "backups.keep", "whole number from 1 to"),
    ({"networks": {"active": ["facebook", "myspace"]}}, "networks.active", "not a known network"),
    ({"networks": {"active": "facebook"}}, "networks.active", "is not a list"),
    ({"networks": {"facebook_per_week": 1}}, "networks.facebook_per_week", "is not a boolean"),
    ({"networks": {"x": {"target_min": -1}}}, "networks.x.target_min", "whole number from 0 to"),
    ({"networks": {"x": {"target_max": 0}}}, "networks.x.target_max", "whole number from 1 to"),
    (
        {"networks": {"x": {"target_min": 5, "target_max": 2}}},
        "networks.x.target_min",
        "above target_max",
    ),
    ({"networks": {"x": {"period": "month"}}}, "networks.x.period", "is not a period"),
    ({"networks": {"x": {"colour": "red"}}}, "networks.x.colour", "not a known setting"),
    ({"networks": {"myspace": {}}}, "networks.myspace", "not a known setting"),
    ({"keys": {"queue.reply": ""}}, "keys.queue.reply", "is not a key name"),
    ({"keys": {"queue.reply": "ctrl r"}}, "keys.queue.reply", "is not a key name"),
    ({"keys": {"queue.reply": 5}}, "keys.queue.reply", "is not a key name"),
    ({"keys": {"bad id": "r"}}, "keys.bad id", "is not a binding id"),
    ({"timezon": "Europe/Paris"}, "timezon", "is not a known setting"),
    ({"workday": {"begin": "09:00"}}, "workday.begin", "is not a known setting"),
]


@pytest.mark.parametrize(("mapping", "key", "phrase"), BAD_VALUES)
def test_each_bad_value_is_one_line_naming_file_and_key(
    mapping: dict, key: str, phrase: str
) -> None:
    error = error_of(mapping)
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f'{SOURCE}: "{key}"')
    assert phrase in message
    assert (error.source, error.key) == (SOURCE, key)


def test_timezone_message_is_the_documented_one() -> None:
    assert str(error_of({"timezone": "Mars/Olympus"})) == (
        f'{SOURCE}: "timezone" = "Mars/Olympus" is not a known time zone; '
        'use an IANA name such as "Europe/Paris"'
    )


def test_messages_are_translated() -> None:
    i18n.set_language("fr")
    message = str(error_of({"timezone": "Mars/Olympus"}))
    assert "n'est pas un fuseau horaire connu" in message
    assert '"timezone"' in message and SOURCE in message


# ----------------------------------------------------------------------------- the file


def test_missing_file_gives_defaults_and_writes_the_template_once(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "config" / "settings.toml"
    settings = load_settings(path)
    assert settings == Settings()
    assert path.read_text(encoding="utf-8") == template_text()
    # the user edits it; loading again never overwrites it
    path.write_text('language = "fr"\n', encoding="utf-8")
    assert load_settings(path).language == "fr"
    assert path.read_text(encoding="utf-8") == 'language = "fr"\n'
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]  # no temp file left


def test_template_is_valid_and_every_commented_setting_is_valid_too() -> None:
    text = template_text()
    assert Settings.from_mapping(tomllib.loads(text), "template") == Settings()
    # uncomment every "# key = value" and "# [table]" line: the example values are valid
    uncommented = re.sub(r"(?m)^# ((?:\S+ = .*)|(?:\[.+\]))$", r"\1", text)
    assert uncommented != text
    example = Settings.from_mapping(tomllib.loads(uncommented), "template")
    assert example.timezone == "Europe/Paris"
    assert example.deadline_policy.minutes("review", "instagram") == 2880
    assert example.network_overrides["linkedin"].period is PostingPeriod.WEEK
    assert dict(example.keys) == {"queue.reply": "R"}


def test_template_not_written_when_asked_not_to(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    assert load_settings(path, write_template=False) == Settings()
    assert not path.exists()


def test_failing_template_write_still_gives_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("cm_tui.store.atomic.os.link", refuse)
    path = tmp_path / "settings.toml"
    assert load_settings(path) == Settings()
    assert list(tmp_path.iterdir()) == []  # neither the file nor a temp file


def test_unreadable_path_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(SettingsError, match="cannot read the settings file"):
        load_settings(blocker / "settings.toml")


def test_toml_syntax_error_is_one_line_with_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as info:
        load_text(tmp_path, 'language = "fr"\n\ntimezone = Europe/Paris\n')
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{tmp_path / 'settings.toml'}: line 3: not valid TOML")


def test_unterminated_string_reports_a_line(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r": line 1: not valid TOML"):
        load_text(tmp_path, 'language = "fr\n')


def test_non_utf8_file_is_a_settings_error(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes('language = "fr" # é\n'.encode("cp1252"))
    with pytest.raises(SettingsError, match="not UTF-8"):
        load_settings(path)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes('\ufefflanguage = "fr"\n'.encode())
    assert load_settings(path).language == "fr"


def test_bad_value_in_a_file_names_that_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as info:
        load_text(tmp_path, "[workday]\ndays = [1, 9]\n")
    assert str(info.value).startswith(f'{tmp_path / "settings.toml"}: "workday.days" = [1, 9]')
