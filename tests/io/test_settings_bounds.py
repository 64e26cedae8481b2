"""Settings a hostile or careless file cannot get past: every number has a sane range, a file
nested thousands of levels deep and a huge value each end in one short line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cm_tui.core.settings import NUMBER_RANGES, Settings, SettingsError
from cm_tui.io.settings_file import load_settings

SOURCE = "/home/me/.config/cm-tui/settings.toml"


def mapping_with(dotted: str, value: object) -> dict:
    """``{"a": {"b": value}}`` for ``"a.b"``; a ``target_*`` also gets its pair in range, so
    that only ``value`` can be wrong."""
    head, _, rest = dotted.rpartition(".")
    table: dict = {rest: value}
    if head.startswith("networks.") and rest == "target_min":
        table["target_max"] = NUMBER_RANGES[f"{head}.target_max"][1]
    if head.startswith("networks.") and rest == "target_max":
        table["target_min"] = 0
    mapping: dict = table
    for part in reversed(head.split(".")):
        mapping = {part: mapping}
    return mapping


def error_of(mapping: dict) -> str:
    with pytest.raises(SettingsError) as info:
        Settings.from_mapping(mapping, SOURCE)
    return str(info.value)


def load_text(tmp_path: Path, text: str) -> Settings:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def test_every_number_of_the_settings_has_a_range() -> None:
    """The numbers a file can set, one by one (a new number setting must join the table)."""
    assert set(NUMBER_RANGES) >= {
        "queue.reply_deadline_minutes",
        "queue.archive_after_days",
        "queue.deadlines.review",
        "queue.deadlines.x",
        "queue.deadlines.review@instagram",
        "backups.keep",
        "calendar.min_gap_minutes",
        "networks.facebook.target_min",
        "networks.facebook.target_max",
        "networks.blog.target_max",
    }


@pytest.mark.parametrize("dotted", sorted(NUMBER_RANGES))
def test_each_number_is_accepted_at_its_bounds_and_refused_beyond(dotted: str) -> None:
    low, high = NUMBER_RANGES[dotted]
    for value in (low, high):
        Settings.from_mapping(mapping_with(dotted, value), SOURCE)
    for value in (low - 1, high + 1, 10**17, 1e17):
        message = error_of(mapping_with(dotted, value))
        assert message.startswith(f'{SOURCE}: "{dotted}" = ')
        assert f"from {low} to {high}" in message, message
        assert "\n" not in message


def test_a_deadline_of_1e17_minutes_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r'"queue.reply_deadline_minutes" = 100000000000000000'):
        load_text(tmp_path, "[queue]\nreply_deadline_minutes = 100000000000000000\n")


def test_the_onboarding_start_is_a_day_in_the_supported_years() -> None:
    assert error_of({"onboarding_start": date(1, 1, 1)}).startswith(
        f'{SOURCE}: "onboarding_start" = 0001-01-01 is not a date from 2000-01-01 to 2199-12-31'
    )
    assert "from 2000-01-01" in error_of({"onboarding_start": "9999-12-31"})
    assert Settings.from_mapping({"onboarding_start": date(2026, 11, 2)}, SOURCE).onboarding_start


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 10_000 + "]" * 10_000 + "\n",
        "a = " + "{b = " * 3_000 + "1" + "}" * 3_000 + "\n",
        "[keys." + ".".join(["a"] * 10_000) + ']\nb = "r"\n',
        "[queue.deadlines." + ".".join(["a"] * 10_000) + "]\nb = 5\n",
    ],
    ids=["arrays", "inline-tables", "keys-headers", "deadline-headers"],
)
def test_a_file_nested_thousands_deep_is_one_line(tmp_path: Path, text: str) -> None:
    with pytest.raises(SettingsError) as info:
        load_text(tmp_path, text)
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'settings.toml'}: ")
    assert "nested more than" in message
    assert "\n" not in message and len(message) < 300


def test_normal_nesting_still_loads(tmp_path: Path) -> None:
    settings = load_text(tmp_path, '[keys.queue]\nreply = "R"\n[networks.x]\ntarget_max = 3\n')
    assert settings.keys["queue.reply"] == "R"


HUGE = "x" * 10_000_000


@pytest.mark.parametrize(
    ("mapping", "key"),
    [
        ({"timezone": HUGE}, "timezone"),
        ({"language": HUGE}, "language"),
        ({"inbox": HUGE}, "inbox"),
        ({"workday": {"start": HUGE}}, "workday.start"),
        ({"networks": {"active": ["x", HUGE]}}, "networks.active"),
        ({"keys": {"queue.reply": "ctrl+" + HUGE}}, "keys.queue.reply"),
        ({"import": {"columns": {"text": HUGE}}}, "import.columns.text"),
        ({"workday": {"days": [1] * 1_000_000}}, "workday.days"),
    ],
)
def test_a_huge_value_is_quoted_cut_short(mapping: dict, key: str) -> None:
    message = error_of(mapping)
    assert message.startswith(f'{SOURCE}: "{key}" = ')
    assert "…" in message
    assert len(message) < 400, message[:400]


@pytest.mark.parametrize(
    "mapping",
    [
        {HUGE: 1},
        {"queue": {"deadlines": {HUGE: 5}}},
        {"keys": {HUGE + " x": "r"}},
        {"import": {"columns": {HUGE: "Text"}}},
    ],
)
def test_a_huge_key_is_quoted_cut_short(mapping: dict) -> None:
    message = error_of(mapping)
    assert message.startswith(f'{SOURCE}: "') and "…" in message
    assert len(message) < 700, message[:700]


def test_a_huge_value_in_a_file_is_cut_short_too(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as info:
        load_text(tmp_path, f'timezone = "{HUGE}"\n')
    message = str(info.value)
    assert f'"timezone" = "{"x" * 40}…"' in message
    assert len(message) < 400


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("\u001b]2;KEYTITLE\u0007", r"\u001b]2;KEYTITLE\u0007"),  # sets the terminal's title
        ("ctrl+\u009b", r"ctrl+\u009b"),  # the one-byte CSI
        ("\u202er", r"\u202er"),  # a bidi override: shows as another key
        ("r\n", r"r\u000a"),
        ("r\u00a0", "r\u00a0"),  # a no-break space
        ("r\u3000", "r\u3000"),
    ],
)
def test_a_key_with_a_control_bidi_or_space_character_is_refused(key: str, shown: str) -> None:
    message = error_of({"keys": {"queue.reply": key}})
    assert message == (
        f'{SOURCE}: "keys.queue.reply" = "{shown}" is not a key name; '
        'write e.g. "r", "ctrl+r" or "f5"'
    )


def test_a_key_with_an_escape_sequence_in_a_file_is_one_line_quoting_it_as_written(
    tmp_path: Path,
) -> None:
    with pytest.raises(SettingsError) as info:
        load_text(tmp_path, '[keys]\n"queue.reply" = "\\u001b]2;KEYTITLE\\u0007"\n')
    message = str(info.value)
    assert "\x1b" not in message and "\x07" not in message
    assert '"keys.queue.reply" = "\\u001b]2;KEYTITLE\\u0007" is not a key name' in message
    assert len(message.splitlines()) == 1


def test_printable_keys_are_still_accepted() -> None:
    keys = {"queue.reply": "é", "queue.next": "ctrl+shift+f5", "app.help": "?"}
    assert dict(Settings.from_mapping({"keys": keys}, SOURCE).keys) == keys


def test_a_binding_id_with_a_trailing_newline_is_refused() -> None:
    with pytest.raises(SettingsError):
        Settings.from_mapping({"keys": {"queue.reply\n": "r"}}, SOURCE)
