"""Every file the command line writes from the store (exports, reports) and the settings
template are private (0600) whatever the umask, through the one atomic writer."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cm_tui import cli
from cm_tui.io.report import gather, write_report_files
from cm_tui.io.settings_file import load_settings
from cm_tui.store import Store
from tests.files import mode

NOW = "2026-11-19T09:12:00+01:00"
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "small" / "store.json"
    assert cli.main(["demo", "--size", "small", "--db", str(db), "--now", NOW]) == 0
    return db


@pytest.mark.usefixtures("open_umask")
def test_exports_and_reports_are_private(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    db = ["--db", str(demo_db), "--now", NOW]
    commands = {
        "all.json": ["export", "json"],
        "posts.csv": ["export", "csv", "--table", "posts"],
        "calendar.ics": ["export", "ics"],
        "report.md": ["report", "2026-10"],
        "report.html": ["report", "2026-10", "--format", "html"],
    }
    for name, command in commands.items():
        assert cli.main([*command, *db, "--out", str(out / name)]) == 0, capsys.readouterr()
    written = {p.name: oct(mode(p)) for p in out.iterdir()}
    assert written == {name: oct(0o600) for name in commands}


@pytest.mark.usefixtures("open_umask")
def test_report_files_written_from_the_stats_tab_are_private(demo_db: Path, tmp_path: Path) -> None:
    with Store.open(demo_db, readonly=True) as store:
        report = gather(store.repo, "2026-10", networks=(), tz=PARIS, today=date(2026, 11, 19))
    folder = tmp_path / "reports" / "2026"
    paths = write_report_files(report, folder)
    assert [oct(mode(p)) for p in paths] == [oct(0o600)] * 2
    assert oct(mode(folder)) == oct(0o700)
    assert oct(mode(folder.parent)) == oct(0o700)
    assert sorted(p.name for p in folder.iterdir()) == ["report-2026-10.html", "report-2026-10.md"]


@pytest.mark.usefixtures("open_umask")
def test_the_settings_template_is_private(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.toml"
    load_settings(path)
    assert oct(mode(path)) == oct(0o600)
    assert oct(mode(path.parent)) == oct(0o700)
