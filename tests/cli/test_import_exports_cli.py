"""``cm-tui import FILE`` with a platform's export: no ``--table``, recognised by content; the
dry run says what it took the file for and what it would change; the report shows the figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui import cli
from cm_tui.store import Store
from tests.io.export_files import META_EN, meta_daily, meta_row, write_csv


@pytest.fixture
def db(tmp_path: Path, tmp_home: Path) -> Path:
    (tmp_home / "settings.toml").write_text('timezone = "Europe/Paris"\n', encoding="utf-8")
    path = tmp_path / "store.json"
    assert (
        cli.main(
            [
                "--now",
                "2026-04-10T09:00",
                "import",
                str(_csv(tmp_path)),
                "--db",
                str(path),
                "--table",
                "stats",
            ]
        )
        == 0
    )
    return path


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "typed.csv"
    path.write_text("network,month,followers\nfacebook,2026-03,4000\n", encoding="utf-8")
    return path


def test_import_dry_run_then_report(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        meta_row(META_EN, 1, when="03/10/2026 21:00", reach=1200, reactions=40),
        meta_row(META_EN, 2, when="03/31/2026 23:30", reach=300, reactions=2),
    ]
    posts = write_csv(tmp_path / "Posts Mar.csv", META_EN, rows)
    capsys.readouterr()
    assert cli.main(["import", str(posts), "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "taken for a Meta Business Suite posts export" in out
    assert "facebook 2026-03: Posts 2, Reach 1,500" in out and "(from Posts Mar.csv)" in out
    assert "nothing written" in out
    with Store.open(db, readonly=True) as store:
        assert store.repo.export_facts.all() == []
    assert cli.main(["import", str(posts), "--db", str(db), "--create-posts"]) == 0
    capsys.readouterr()
    # the same posts again, and a daily series: nothing counted twice
    daily = meta_daily(tmp_path / "reach.csv", "Facebook Page reach", [("2026-03-01", 9)])
    assert cli.main(["import", str(posts), "--db", str(db)]) == 0
    assert cli.main(["import", str(daily), "--db", str(db)]) == 0
    with Store.open(db, readonly=True) as store:
        [march] = [f for f in store.repo.figures.all() if f.month == "2026-03"]
        published = [p for p in store.repo.posts.all() if p.link.endswith(("/1", "/2"))]
    assert (march.posts, march.reach, march.reactions, march.followers) == (2, 9, 42, 4000)
    assert len(published) == 2
    out_file = tmp_path / "report.md"
    assert cli.main(["report", "2026-03", "--db", str(db), "--out", str(out_file)]) == 0
    report = out_file.read_text(encoding="utf-8")
    assert "Post 1" in report  # the month's top posts
    assert "Posts Mar.csv" in report and "reach.csv" in report


def test_refused_look_alike_and_old_xls(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alike = write_csv(tmp_path / "posts.csv", ["Post ID", "Permalink", "Reach"], [["1", "u", "3"]])
    assert cli.main(["import", str(alike), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "looks like a Meta Business Suite posts export" in err and "Publish time" in err
    xls = tmp_path / "page.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    assert cli.main(["import", str(xls), "--db", str(db)]) == 1
    assert "save it as XLSX" in capsys.readouterr().err


def test_typed_figures_are_kept_unless_replace(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    series = meta_daily(tmp_path / "f.csv", "Facebook Page followers", [("2026-03-31", 4100)])
    assert cli.main(["import", str(series), "--db", str(db)]) == 0
    assert "kept as typed: Followers (--replace takes the export's)" in capsys.readouterr().out
    with Store.open(db, readonly=True) as store:
        assert store.repo.figures.all()[0].followers == 4000
    assert cli.main(["import", str(series), "--db", str(db), "--replace"]) == 0
    with Store.open(db, readonly=True) as store:
        assert store.repo.figures.all()[0].followers == 4100


def test_a_youtube_studio_export_imports_end_to_end(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.io.export_files import YT_EN

    rows = [
        ["Total", "", "", "", "1000", "10", "3", "5000", "2.1"],
        ["abc123", "My video", "Mar 5, 2026", "60", "400", "4", "1", "2000", "2.0"],
        ["def456", "Other", "2026-03-06", "60", "600", "6", "2", "3000", "2.2"],
    ]
    table = write_csv(tmp_path / "Table data.csv", YT_EN, rows, encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["import", str(table), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "taken for a YouTube Studio Table data.csv" in out
    with Store.open(db, readonly=True) as store:
        [march] = [f for f in store.repo.figures.all() if f.network == "youtube"]
        assert "youtube" in {n.key for n in store.repo.networks.all()}
    assert (march.posts, march.reach, march.impressions, march.followers) == (2, 1000, 5000, None)
    report = tmp_path / "report.md"
    assert cli.main(["report", "2026-03", "--db", str(db), "--out", str(report)]) == 0
    assert "Table data.csv" in report.read_text(encoding="utf-8")


def test_random_bytes_xlsx_and_a_linkedin_csv_say_what_to_download(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import random

    noise = tmp_path / "page.xlsx"
    noise.write_bytes(random.Random(3).randbytes(2000))
    assert cli.main(["import", str(noise), "--db", str(db)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "not a readable spreadsheet" in err[1] and "LinkedIn" in err[1]
    sheet = write_csv(tmp_path / "li.csv", ["Date", "Impressions (total)"], [["2026-03-01", "4"]])
    assert cli.main(["import", str(sheet), "--db", str(db)]) == 1
    assert "LinkedIn page analytics sheet saved as CSV" in capsys.readouterr().err
