"""``cm-tui export ics``, ``export csv --table posts`` and ``import FILE --table posts``.

The store is the ``small`` demo generated once at the fixed instant (Thursday 2026-11-19 09:12,
Paris), copied per test; the settings file says Europe/Paris.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from cm_tui import cli
from cm_tui.core.models import Post
from cm_tui.core.timeutil import local_day_bounds
from cm_tui.io.csv_posts import neutralise, restore
from cm_tui.io.seeding import seed_if_needed
from cm_tui.store import Store

PARIS = ZoneInfo("Europe/Paris")
NOW = "2026-11-19T09:12:00+01:00"
WEEK = ["--from", "2026-11-16", "--to", "2026-11-22"]


@pytest.fixture(scope="module")
def _demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("posts-demo")
    home = folder / "home"
    home.mkdir()
    (home / "settings.toml").write_text('timezone = "Europe/Paris"\n', encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CM_TUI_HOME", str(home))
        db = folder / "store" / "store.json"
        assert cli.main(["demo", "--size", "small", "--db", str(db), "--now", NOW]) == 0
    return db.parent


@pytest.fixture
def db(_demo: Path, tmp_home: Path, tmp_path: Path) -> Path:
    (tmp_home / "settings.toml").write_text('timezone = "Europe/Paris"\n', encoding="utf-8")
    shutil.copytree(_demo, tmp_path / "store")
    return tmp_path / "store" / "store.json"


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    path = tmp_path / "empty" / "store.json"
    path.parent.mkdir()
    with Store.open(path) as store:
        seed_if_needed(store)
    return path


def posts_in(path: Path) -> list[Post]:
    with Store.open(path, readonly=True) as store:
        return sorted(store.repo.posts.all(), key=lambda p: (p.at, p.network, p.title))


def without_ids(posts: list[Post]) -> list[Post]:
    return [p.replace(id=0) for p in posts]


# --------------------------------------------------------------------------- iCalendar


def export_ics(db: Path, out: Path, *extra: str) -> Calendar:
    assert (
        cli.main(["export", "ics", "--db", str(db), "--now", NOW, "--out", str(out), *extra]) == 0
    )
    return Calendar.from_ical(out.read_bytes())


def test_ics_holds_the_posts_and_time_blocks_and_parses_back(db: Path, tmp_path: Path) -> None:
    cal = export_ics(db, tmp_path / "week.ics", *WEEK)
    events = list(cal.walk("VEVENT"))
    week_posts = [
        p for p in posts_in(db) if date(2026, 11, 16) <= p.at.date() <= date(2026, 11, 22)
    ]
    post_events = {str(e["UID"]): e for e in events if str(e["UID"]).startswith("post-")}
    blocks = [e for e in events if str(e["UID"]).startswith("block-")]
    assert len(post_events) == len(week_posts) > 20
    assert blocks, "the Today time blocks are exported too"
    assert len({str(e["UID"]) for e in events}) == len(events)  # unique
    for post in week_posts:
        event = post_events[f"post-{post.id}@cm-tui"]
        assert event.decoded("DTSTART") == post.at
        assert str(event["SUMMARY"]).endswith(post.title)
        if post.text:
            assert post.text in str(event["DESCRIPTION"])
    morning = next(e for e in blocks if "2026-11-19-morning" in str(e["UID"]))
    assert morning.decoded("DTSTART").astimezone(PARIS).hour == 9  # the workday's start
    assert "task" in str(morning["SUMMARY"])


def test_ics_uids_are_stable_and_text_is_escaped(db: Path, tmp_path: Path) -> None:
    first = (tmp_path / "a.ics", tmp_path / "b.ics")
    export_ics(db, first[0], *WEEK)
    export_ics(db, first[1], *WEEK)
    assert first[0].read_bytes() == first[1].read_bytes()  # same data, same file
    with Store.open(db) as store:
        post = store.repo.posts.between(*_week_bounds())[0]
        hostile = 'Line 1\nLine 2; a,b \\ "quoted" [/]'
        store.repo.posts.update(
            post.replace(title="T;1,2", text=hostile, at=post.at + timedelta(hours=1))
        )
    cal = export_ics(db, tmp_path / "c.ics", *WEEK)
    (event,) = [e for e in cal.walk("VEVENT") if str(e["UID"]) == f"post-{post.id}@cm-tui"]
    assert event.decoded("DTSTART") == post.at + timedelta(hours=1)  # updated, same UID
    assert str(event["SUMMARY"]).endswith("T;1,2")
    assert hostile in str(event["DESCRIPTION"])


def _week_bounds() -> tuple[datetime, datetime]:
    return local_day_bounds(date(2026, 11, 16), PARIS)[0], local_day_bounds(
        date(2026, 11, 22), PARIS
    )[1]


@pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse is not installed")
def test_calcurse_imports_every_event(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "cal.ics"
    cal = export_ics(db, out, *WEEK)
    count = len(list(cal.walk("VEVENT")))
    data = tmp_path / "calcurse"
    data.mkdir()
    proc = subprocess.run(
        ["calcurse", "-D", str(data), "-C", str(data), "-i", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"{count} apps / 0 events / 0 todos / 0 skipped" in proc.stdout + proc.stderr
    apts = (data / "apts").read_text(encoding="utf-8")
    assert apts.count("\n") == count


def test_bad_dates_are_one_line_usage_errors(db: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = cli.main(
        ["export", "ics", "--db", str(db), "--from", "19/11", "--out", str(tmp_path / "x")]
    )
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "--from '19/11' is not a date" in err


# --------------------------------------------------------------------------- CSV


def export_csv(db: Path, out: Path, *extra: str) -> bytes:
    args = ["export", "csv", "--table", "posts", "--db", str(db), "--out", str(out), *extra]
    assert cli.main(args) == 0
    return out.read_bytes()


def test_csv_round_trip_gives_identical_posts(db: Path, empty_db: Path, tmp_path: Path) -> None:
    data = export_csv(db, tmp_path / "posts.csv")
    assert data.startswith("\ufeff".encode())
    assert (
        cli.main(["import", str(tmp_path / "posts.csv"), "--table", "posts", "--db", str(empty_db)])
        == 0
    )
    original = posts_in(db)
    assert len(original) > 100
    assert without_ids(posts_in(empty_db)) == without_ids(original)
    # importing the same file into its own store updates: nothing is duplicated or changed
    assert (
        cli.main(["import", str(tmp_path / "posts.csv"), "--table", "posts", "--db", str(db)]) == 0
    )
    assert posts_in(db) == original


def test_csv_neutralises_formulas_and_keeps_hostile_text(
    db: Path, empty_db: Path, tmp_path: Path
) -> None:
    texts = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "'=already", "[/] [@click=app.quit]"]
    with Store.open(db) as store:
        first = store.repo.posts.all()[: len(texts)]
        for post, text in zip(first, texts, strict=True):
            store.repo.posts.update(post.replace(title=text, text=text, campaign=text))
    export_csv(db, tmp_path / "posts.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "posts.csv").read_text(encoding="utf-8-sig"))))
    for row in rows[1:]:
        for cell in row:
            assert not cell or cell[0] not in "=+-@", row
    assert (
        cli.main(["import", str(tmp_path / "posts.csv"), "--table", "posts", "--db", str(empty_db)])
        == 0
    )
    assert without_ids(posts_in(empty_db)) == without_ids(posts_in(db))


def test_a_bad_row_rejects_the_file_with_one_line_per_problem(
    db: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    before = posts_in(db)
    source = tmp_path / "plan.csv"
    source.write_text(
        "network,date,time,title,status,hashtags\n"
        "x,2026-12-01,09:00,Good one,draft,#ok\n"
        "myspace,2026-12-01,09:00,Bad network,draft,\n"
        "x,2026-02-30,25:00,,sent,bad-tag\n",
        encoding="utf-8",
    )
    assert cli.main(["import", str(source), "--table", "posts", "--db", str(db)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "rejected, nothing imported" in err[0]
    assert err[1].startswith("  line 3: network: 'myspace' is not an active network")
    assert [line.split(":")[0] for line in err[2:5]] == ["  line 4"] * 3
    assert posts_in(db) == before  # nothing written


def test_dry_run_reports_and_writes_nothing(db: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    before = posts_in(db)
    source = tmp_path / "plan.csv"
    source.write_text(
        "network,at,title,text\n"
        'x,2026-12-01 09:00,Spreadsheet post,"two\nlines"\n'
        "instagram,2026-12-01T10:00+01:00,Another,\n",
        encoding="utf-8",
    )
    assert cli.main(["import", str(source), "--table", "posts", "--db", str(db), "--dry-run"]) == 0
    assert "2 posts would be imported (2 new, 0 updated)" in capsys.readouterr().out
    assert posts_in(db) == before
    assert cli.main(["import", str(source), "--table", "posts", "--db", str(db)]) == 0
    (new,) = [p for p in posts_in(db) if p.title == "Spreadsheet post"]
    assert new.text == "two\nlines" and new.at.isoformat() == "2026-12-01T08:00:00+00:00"


def test_missing_columns_and_encodings(db: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Posts are read by the same pipeline as the queue: a Windows-1252 spreadsheet (Excel)
    is accepted, bytes that fit no encoding are refused with their offset."""
    source = tmp_path / "plan.csv"
    source.write_text("title,text\nA,B\n", encoding="utf-8")
    assert cli.main(["import", str(source), "--table", "posts", "--db", str(db)]) == 1
    assert "line 1: missing columns network, at" in capsys.readouterr().err
    source.write_bytes("network;at;title\nx;2026-12-01 09:00;Café crème\n".encode("cp1252"))
    assert cli.main(["import", str(source), "--table", "posts", "--db", str(db)]) == 0
    assert any(p.title == "Café crème" for p in posts_in(db))
    source.write_bytes(b"network,at,title\nx,2026-12-01 09:00,caf\x81\xe9\n")
    assert cli.main(["import", str(source), "--table", "posts", "--db", str(db)]) == 1
    assert "not UTF-8, UTF-16 or Windows-1252 text" in capsys.readouterr().err


@given(st.text(max_size=12))
def test_neutralise_round_trips(cell: str) -> None:
    written = neutralise(cell)
    assert written[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert restore(written) == cell
