"""Months and days given on the command line outside the days cm-tui handles
(``core.timeutil.FIRST_DAY`` .. ``LAST_DAY``) are refused in one line saying what to give,
never an "unexpected error — please report it"; so is a ``--now`` instant outside them, in a
line that gives the bounds in UTC (what is checked) and the zone a value without an offset is
read in."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui import cli
from cm_tui.store import Store


@pytest.fixture
def db(tmp_path: Path, tmp_home: Path) -> Path:
    (tmp_home / "settings.toml").write_text('timezone = "Europe/Paris"\n', encoding="utf-8")
    path = tmp_path / "store.json"
    Store.open(path).close()
    return path


def one_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    assert err.startswith("cm-tui: error: "), err
    assert "please report it" not in err
    return err


@pytest.mark.parametrize("month", ["0001-01", "9999-12", "1999-12", "2200-01"])
def test_report_refuses_a_month_outside_the_supported_days(
    db: Path, capsys: pytest.CaptureFixture[str], month: str
) -> None:
    assert cli.main(["report", month, "--db", str(db)]) == 2
    assert one_error(capsys) == (
        f"cm-tui: error: {month} is outside the months cm-tui handles; "
        "give a month from 2000-01 to 2199-12"
    )


@pytest.mark.parametrize(
    ("option", "day"),
    [("--from", "0001-01-01"), ("--from", "9999-12-31"), ("--to", "1999-12-31")],
)
@pytest.mark.parametrize("fmt", ["ics", "csv"])
def test_export_refuses_a_day_outside_the_supported_days(
    db: Path, capsys: pytest.CaptureFixture[str], fmt: str, option: str, day: str
) -> None:
    args = ["export", fmt, "--out", "-", option, day, "--db", str(db)]
    assert cli.main(args) == 2
    assert one_error(capsys) == (
        f"cm-tui: error: {option} {day} is outside the days cm-tui handles; "
        "give a day from 2000-01-01 to 2199-12-31"
    )


def test_export_refuses_from_after_to(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["export", "ics", "--out", "-", "--from", "2026-12-10", "--to", "2026-12-01"]
    assert cli.main([*args, "--db", str(db)]) == 2
    assert one_error(capsys) == (
        "cm-tui: error: --from 2026-12-10 is after --to 2026-12-01; swap them"
    )


@pytest.mark.parametrize("month", ["0001-01", "2300-01"])
def test_figures_import_refuses_a_month_outside_the_supported_days(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], month: str
) -> None:
    """Seen: ``0001-01`` imported, then the Stats tab stopped on ``year 0 is out of range``."""
    figures = tmp_path / "figures.csv"
    figures.write_text(f"network,month,followers\nfacebook,{month},5\n", encoding="utf-8")
    assert cli.main(["import", str(figures), "--table", "stats", "--db", str(db)]) == 1
    out = capsys.readouterr()
    assert (
        f"line 2: {month} is outside the days cm-tui handles (2000-01-01 to 2199-12-31); "
        "correct the month"
    ) in out.out + out.err
    with Store.open(db, readonly=True) as store:
        assert store.repo.figures.all() == []


def test_now_before_the_first_instant_names_the_bounds_in_the_settings_zone(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen: ``--now 2000-01-01T00:00`` (Paris) refused with "give an instant from 2000-01-01":
    it is on that day in Paris, but 1999-12-31 in UTC, which the check reads."""
    assert cli.main(["--now", "2000-01-01T00:00", "report", "--db", str(db)]) == 2
    assert one_error(capsys) == (
        'cm-tui: error: --now: "2000-01-01T00:00" is outside the instants cm-tui supports; '
        "give one from 2000-01-01T00:00 to 2199-12-31T23:59 UTC (without an offset, --now is "
        "read in Europe/Paris)"
    )


def test_import_tz_unknown_says_what_to_give(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen: ``--tz Mars/Olympus`` answered "unknown time zone", not what to give."""
    rows = tmp_path / "rows.csv"
    rows.write_text("network,author,text,received\nx,@a,hi,2026-11-19T09:00\n", encoding="utf-8")
    assert cli.main(["import", str(rows), "--tz", "Mars/Olympus", "--db", str(db)]) == 2
    assert one_error(capsys) == (
        "cm-tui: error: --tz: unknown time zone “Mars/Olympus”; use an IANA name such as "
        "Europe/Paris"
    )
