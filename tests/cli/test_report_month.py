"""``cm-tui report`` without a month reports the last complete month (the month before today's,
in the user's time zone); a month given is reported as before."""

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


def first_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.parametrize(
    ("now", "month"),
    [
        ("2026-11-19T09:12", "Oct 2026"),
        ("2027-01-01T00:30", "Dec 2026"),  # just after midnight in Paris, still 2026 in UTC
        ("2026-11-30T23:59", "Oct 2026"),
    ],
)
def test_no_month_reports_the_last_complete_month(
    db: Path, tmp_path: Path, now: str, month: str
) -> None:
    out = tmp_path / "report.md"
    assert cli.main(["--now", now, "report", "--db", str(db), "--out", str(out)]) == 0
    assert first_line(out) == f"# Monthly report — {month}"


def test_a_month_given_is_reported(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    args = ["--now", "2026-11-19T09:12", "report", "2026-03", "--db", str(db), "--out", str(out)]
    assert cli.main(args) == 0
    assert first_line(out) == "# Monthly report — Mar 2026"


@pytest.mark.parametrize("demo", [True, False], ids=["demo", "db"])
def test_without_a_store_the_advice_names_the_command_that_creates_that_store(
    tmp_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: bool
) -> None:
    """Seen: ``cm-tui --demo report`` advised running ``cm-tui``, which creates the user's own
    store, not the demo: following the advice never showed the data asked for."""
    elsewhere = tmp_path / "elsewhere" / "store.json"
    where = ["--demo"] if demo else ["--db", str(elsewhere)]
    assert cli.main([*where, "report"]) == 1
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and error.startswith("cm-tui: error: ")
    expected = "`cm-tui --demo`" if demo else f"`cm-tui --db {elsewhere}`"
    assert expected in error, error
