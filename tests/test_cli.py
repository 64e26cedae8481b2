"""The ``cm-tui`` command line: in-process through ``cli.main`` and as real subprocesses.

Every user error must end in ONE line on stderr (``cm-tui: error: ...``) and a non-zero status,
never a traceback; read-only commands must work while another process holds the store.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cm_tui import cli
from cm_tui.cli import demo, store_cmds
from cm_tui.cli.context import _context
from cm_tui.cli.export import _tables_of
from cm_tui.core.demo import DEMO_NETWORKS
from cm_tui.io import locations
from tests.processes import hold_store, release

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-11-19T09:12:00+01:00"
COMMANDS = ("where", "demo", "check", "restore", "export", "screenshots")


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> Any:
    """``python -m cm_tui ARGS`` in a real subprocess (same CM_TUI_HOME as the test)."""
    return subprocess.run(
        [sys.executable, "-m", "cm_tui", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        check=False,
    )


def assert_one_line_error(stderr: str, *fragments: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("cm-tui: error: "), stderr
    for fragment in fragments:
        assert fragment in lines[0], stderr


def write_settings(home: Path, text: str) -> Path:
    path = home / "settings.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def small_demo(tmp_path: Path) -> Path:
    """A ``small`` demo store written through the real command."""
    db = tmp_path / "small" / "store.json"
    assert cli.main(["demo", "--size", "small", "--db", str(db), "--now", NOW]) == 0
    return db


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace the Textual app by a recorder: the tests check what the CLI hands to it."""
    calls: list[dict[str, Any]] = []

    def run_app(store: Any, settings: Any, clock: Any, store_name: str) -> None:
        calls.append(
            {
                "db": store.paths.db,
                "settings": settings,
                "now": clock.now(),
                "store_name": store_name,
                "tasks": store.repo.tasks.count(),
                "networks": store.repo.networks.count(),
                "posts": store.repo.posts.count(),
                "prefs_demo_day": store.repo.prefs.get(cli.PREF_DEMO_DAY),
            }
        )

    import cm_tui.ui.app

    monkeypatch.setattr(cm_tui.ui.app, "run_app", run_app)
    return calls


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[Any]:
    """Start a real second process holding a store's lock, as a running app would."""
    procs: list[subprocess.Popen[str]] = []

    def hold(db: Path) -> subprocess.Popen[str]:
        proc = hold_store(db)
        procs.append(proc)
        return proc

    yield hold
    for proc in procs:
        release(proc)


# ----------------------------------------------------------------------------- help


def test_help_lists_every_command_and_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: cm-tui")
    for word in (*COMMANDS, "--db", "--demo", "--lang", "--now"):
        assert word in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: cm-tui {command}")
    description = out.split("\n\n")[1]
    assert len(description.strip()) > 20


def test_help_subprocess_does_not_import_textual_tinydb_or_arrow() -> None:
    code = (
        "import sys\nfrom cm_tui.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('textual', 'tinydb', 'arrow', 'cm_tui.store') "
        "if m in sys.modules))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_help_as_a_real_command() -> None:
    proc = run_cli("--help")
    assert proc.returncode == 0
    for command in COMMANDS:
        assert command in proc.stdout


def test_help_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "fr", "--help"]) == 0
    assert "tableau de bord" in capsys.readouterr().out


# ----------------------------------------------------------------------------- usage errors


def test_unknown_option_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["demo", "--size", "huge"]) == 2
    assert_one_line_error(capsys.readouterr().err, "--size", "huge")


def test_bad_now_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], tmp_home: Path) -> None:
    assert cli.main(["--now", "yesterday-ish", "demo", "--db", str(tmp_home / "x.json")]) == 2
    assert_one_line_error(capsys.readouterr().err, "--now", "yesterday-ish", "ISO-8601")
    assert not (tmp_home / "x.json").exists()


def test_bad_now_subprocess_running_the_app() -> None:
    proc = run_cli("--now", "2026-02-30T10:00")
    assert proc.returncode == 2
    assert_one_line_error(proc.stderr, "--now")


def test_now_without_offset_is_local_time_in_the_settings_zone(tmp_home: Path) -> None:
    write_settings(tmp_home, 'timezone = "America/Montreal"\n')
    settings = _context(cli.build_parser().parse_args(["--now", "2026-11-19T09:00"])).settings
    at = cli.parse_now("2026-11-19T09:00", settings)
    assert at.isoformat() == "2026-11-19T14:00:00+00:00"
    assert cli.parse_now("2026-11-19T09:00Z", settings).isoformat() == "2026-11-19T09:00:00+00:00"


# ----------------------------------------------------------------------------- settings errors


def test_bad_settings_one_line_exit_2_before_opening_anything(tmp_home: Path) -> None:
    settings = write_settings(tmp_home, 'timezone = "Mars/Olympus"\n')
    for args in ([], ["check"], ["export", "json", "--out", "-"], ["demo"]):
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert_one_line_error(proc.stderr, str(settings), '"timezone"', "Mars/Olympus")
    assert sorted(p.name for p in tmp_home.iterdir()) == ["settings.toml"]  # no store created


def test_a_keys_entry_naming_no_binding_is_refused_in_one_line(
    tmp_home: Path, small_demo: Path, fake_app: list[dict[str, Any]]
) -> None:
    settings = write_settings(tmp_home, '[keys]\n"today.filter" = "f"\n"today.flter" = "g"\n')
    proc = run_cli("--db", str(small_demo))
    assert proc.returncode == 2
    assert_one_line_error(proc.stderr, str(settings), '"keys.today.flter"', "binding id")
    write_settings(tmp_home, '[keys]\n"today.filter" = "f"\n"queue.reply" = "R"\n')
    assert cli.main(["--db", str(small_demo)]) == 0  # real ids, some of lazily loaded tabs
    assert dict(fake_app[-1]["settings"].keys) == {"today.filter": "f", "queue.reply": "R"}


def test_toml_syntax_error_names_the_line(tmp_home: Path) -> None:
    write_settings(tmp_home, 'language = "fr"\n[workday\n')
    proc = run_cli("check")
    assert proc.returncode == 2
    assert_one_line_error(proc.stderr, "settings.toml", "line 2")


def test_where_still_works_with_bad_settings(
    tmp_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_settings(tmp_home, "bell = 3\n")
    assert cli.main(["where"]) == 0
    captured = capsys.readouterr()
    assert str(tmp_home / "settings.toml") in captured.out  # where to fix it
    assert '"bell"' in captured.err


# ----------------------------------------------------------------------------- where


def test_where_prints_every_path_under_cm_tui_home(
    tmp_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["where"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {k: Path(v) for k, v in (re.split(r"\s{2,}", line, maxsplit=1) for line in lines)}
    assert rows["store"] == tmp_home / "store.json"
    assert rows["settings"] == tmp_home / "settings.toml"
    assert rows["backups"] == tmp_home / "store.backups"
    assert rows["archive"] == tmp_home / "store.archive"
    assert rows["inbox"] == tmp_home / "inbox"
    assert rows["demo store"] == tmp_home / "demo" / "store.json"
    assert len(rows) == 6


def test_where_follows_db_demo_and_the_inbox_setting(
    tmp_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_settings(tmp_home, 'inbox = "/srv/drop"\n')
    assert cli.main(["where", "--db", str(tmp_path / "work.json")]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "work.backups") in out and "/srv/drop" in out
    assert cli.main(["--demo", "where"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert str(locations.demo_db_path()) in lines[0]
    assert any(str(locations.demo_db_path().parent / "inbox") in line for line in lines)


# ----------------------------------------------------------------------------- first run


def test_first_run_creates_and_seeds_the_store(
    tmp_home: Path, fake_app: list[dict[str, Any]]
) -> None:
    from cm_tui.io.shipped import load_catalog, load_networks

    assert cli.main(["--now", NOW]) == 0
    assert cli.main([]) == 0
    first, second = fake_app
    assert first["db"] == tmp_home / "store.json"
    assert first["tasks"] == len(load_catalog()) > 0
    assert first["networks"] == len(load_networks()) == 10
    assert (second["tasks"], second["networks"]) == (first["tasks"], first["networks"])
    assert first["now"].isoformat() == "2026-11-19T08:12:00+00:00"  # --now freezes the clock
    assert (tmp_home / "settings.toml").is_file()  # template written for discovery
    assert (tmp_home / "inbox").is_dir()  # the folder `cm-tui where` names exists


def test_lang_overrides_the_settings_language(
    tmp_home: Path, fake_app: list[dict[str, Any]]
) -> None:
    write_settings(tmp_home, 'language = "en"\n')
    assert cli.main(["--lang", "fr"]) == 0
    assert fake_app[0]["settings"].language == "fr"


def test_demo_flag_generates_once_per_day(
    tmp_home: Path, fake_app: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "DEMO_RUN_SIZE", "small")
    generated: list[str] = []
    write = demo.write_demo_store

    def counting(db: Path, size: str, now: Any, *args: Any, **kwargs: Any) -> None:
        generated.append(f"{size} {now.isoformat()}")
        write(db, size, now, *args, **kwargs)

    monkeypatch.setattr(demo, "write_demo_store", counting)
    assert cli.main(["--demo", "--now", NOW]) == 0
    assert cli.main(["--demo", "--now", "2026-11-19T18:00:00+01:00"]) == 0  # same day: reused
    assert cli.main(["--demo", "--now", "2026-11-20T08:00:00+01:00"]) == 0  # next day: new
    assert generated == ["small 2026-11-19T08:12:00+00:00", "small 2026-11-20T07:00:00+00:00"]
    db = locations.demo_db_path()
    days = [call["prefs_demo_day"] for call in fake_app]
    assert days == ["2026-11-19", "2026-11-19", "2026-11-20"]
    assert all(call["db"] == db and call["store_name"] == "demo" for call in fake_app)
    # the demo watches an inbox of its own: the user's comments never land in the demo
    demo_inbox = db.parent / "inbox"
    assert {call["settings"].inbox for call in fake_app} == {str(demo_inbox)}
    assert demo_inbox.is_dir()
    assert all(call["posts"] > 0 for call in fake_app)
    # the app is shown the demo's own networks, whatever the user's settings say
    assert all(call["settings"].active_networks == DEMO_NETWORKS for call in fake_app)
    assert not (tmp_home / "store.json").exists()  # the user's own store is untouched


def test_closed_queue_items_are_archived_when_the_app_quits(
    small_demo: Path, fake_app: list[dict[str, Any]]
) -> None:
    from cm_tui.store import Store

    with Store.open(small_demo, readonly=True) as store:
        before = [i for i in store.repo.queue.all() if not i.status.is_open]
        archived_before = sum(1 for _ in store.repo.queue.iter_archived())
    later = "2027-01-15T10:00:00+01:00"  # every item of the demo is now weeks old
    assert cli.main(["--db", str(small_demo), "--now", later]) == 0
    with Store.open(small_demo, readonly=True) as store:
        assert [i for i in store.repo.queue.all() if not i.status.is_open] == []
        assert sum(1 for _ in store.repo.queue.iter_archived()) == archived_before + len(before)
    assert before, "the small demo has closed items in the hot table"


# ----------------------------------------------------------------------------- demo


def test_demo_writes_a_store_and_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "d" / "store.json"
    assert cli.main(["demo", "--size", "small", "--db", str(db), "--now", NOW]) == 0
    assert str(db) in capsys.readouterr().out
    before = db.read_bytes()

    assert cli.main(["demo", "--size", "small", "--db", str(db), "--now", NOW]) == 1
    assert_one_line_error(capsys.readouterr().err, str(db), "--force")
    assert db.read_bytes() == before

    later = "2026-12-01T10:00:00+01:00"
    assert cli.main(["demo", "--size", "small", "--db", str(db), "--now", later, "--force"]) == 0
    from cm_tui.store import Store

    with Store.open(db, readonly=True) as store:
        assert store.repo.prefs.get(cli.PREF_DEMO_DAY) == "2026-12-01"
        assert store.repo.prefs.get(cli.PREF_DEMO_SIZE) == "small"


def test_demo_refuses_a_store_held_by_a_running_app(
    small_demo: Path, holder: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    proc = holder(small_demo)
    before = small_demo.read_bytes()
    assert cli.main(["demo", "--size", "small", "--db", str(small_demo), "--force"]) == 1
    assert_one_line_error(
        capsys.readouterr().err, f"pid {proc.pid}", "`cm-tui demo`", "close that app first"
    )
    assert small_demo.read_bytes() == before


# ----------------------------------------------------------------------------- lock


def test_second_app_is_refused_with_one_line_naming_the_pid(small_demo: Path, holder: Any) -> None:
    proc = holder(small_demo)
    result = run_cli("--db", str(small_demo))
    assert result.returncode == 1
    assert_one_line_error(result.stderr, f"pid {proc.pid}")


def test_check_and_export_work_while_another_process_holds_the_lock(
    small_demo: Path, holder: Any, tmp_path: Path
) -> None:
    holder(small_demo)
    check = run_cli("check", "--db", str(small_demo))
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip()
    out = tmp_path / "export.json"
    export = run_cli("export", "json", "--db", str(small_demo), "--out", str(out))
    assert export.returncode == 0, export.stderr
    assert json.loads(out.read_bytes())


def test_restore_is_refused_while_the_app_runs(
    small_demo: Path, holder: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    holder(small_demo)
    assert cli.main(["restore", "--db", str(small_demo)]) == 1
    assert_one_line_error(capsys.readouterr().err, "`cm-tui restore`", "close that app first")


# ----------------------------------------------------------------------------- check / restore


def test_check_reports_ok_on_a_sound_store(
    small_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check", "--db", str(small_demo)]) == 0
    assert capsys.readouterr().out.strip()


def test_check_and_export_without_a_store_say_so(
    tmp_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check"]) == 1
    assert_one_line_error(capsys.readouterr().err, "no store at", str(tmp_home / "store.json"))
    assert cli.main(["export", "json", "--out", "-"]) == 1
    assert_one_line_error(capsys.readouterr().err, "no store at")
    assert not (tmp_home / "store.json").exists()  # read-only commands never create it


def test_restore_with_a_missing_backup_file(
    small_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.json"
    assert cli.main(["restore", "--db", str(small_demo), "--backup", str(missing)]) == 1
    assert_one_line_error(capsys.readouterr().err, "file not found", str(missing))


def test_corrupt_store_is_one_line_and_restore_brings_a_backup_back(
    small_demo: Path, capsys: pytest.CaptureFixture[str], fake_app: list[dict[str, Any]]
) -> None:
    from cm_tui.store import list_backups

    assert cli.main(["--db", str(small_demo)]) == 0  # an app session takes the daily backup
    assert list_backups(small_demo)
    small_demo.write_bytes(b"\x00" * 64)
    assert cli.main(["--db", str(small_demo)]) == 1
    # not the default store: `cm-tui restore` alone would restore another one
    assert_one_line_error(capsys.readouterr().err, f"`cm-tui restore --db {small_demo}`")
    assert cli.main(["restore", "--db", str(small_demo)]) == 0
    assert "restored" in capsys.readouterr().out
    assert cli.main(["--db", str(small_demo)]) == 0
    assert fake_app[-1]["posts"] > 0


def test_corrupt_store_without_backup_says_restore_has_nothing_yet(
    small_demo: Path, capsys: pytest.CaptureFixture[str], fake_app: list[dict[str, Any]]
) -> None:
    from cm_tui.store import list_backups

    assert not list_backups(small_demo)  # `demo` writes no backup
    small_demo.write_bytes(b"{")
    assert cli.main(["--db", str(small_demo)]) == 1
    err = capsys.readouterr().err
    assert_one_line_error(err, "no backup to bring back yet", ".corrupt-")
    assert "to restore the newest one" not in err
    assert cli.main(["--db", str(small_demo)]) == 0  # as the message says: it goes on


# ----------------------------------------------------------------------------- export


def test_export_json_is_complete_and_stable(
    small_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cm_tui.store import Store

    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert cli.main(["export", "json", "--db", str(small_demo), "--out", str(first)]) == 0
    assert cli.main(["export", "json", "--db", str(small_demo), "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_bytes())
    tables = _tables_of(data)
    with Store.open(small_demo, readonly=True) as store:
        repo = store.repo
        expected = {
            "networks": repo.networks.count(),
            "tasks": repo.tasks.count(),
            "posts": repo.posts.count(),
            "figures": repo.figures.count(),
            "campaigns": repo.campaigns.count(),
            "competitors": repo.competitors.count(),
        }
        open_and_archived = repo.queue.count() + sum(1 for _ in repo.queue.iter_archived())
    for name, count in expected.items():
        assert len(tables[name]) == count > 0, name
    queue_rows = sum(len(rows) for name, rows in tables.items() if name.startswith("queue"))
    assert queue_rows == open_and_archived
    for rows in tables.values():
        if isinstance(rows, list) and rows and "id" in rows[0]:
            ids = [row["id"] for row in rows]
            assert ids == sorted(ids)
    assert list(tables) == sorted(tables)


def test_export_to_stdout_and_one_table(
    small_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["export", "json", "--db", str(small_demo), "--out", "-"]) == 0
    whole = json.loads(capsys.readouterr().out)
    assert (
        cli.main(["export", "json", "--db", str(small_demo), "--out", "-", "--table", "posts"]) == 0
    )
    only = json.loads(capsys.readouterr().out)
    assert list(_tables_of(only)) == ["posts"]
    assert _tables_of(only)["posts"] == _tables_of(whole)["posts"]


def test_export_unknown_table_is_one_line(
    small_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", "json", "--db", str(small_demo), "--out", "-", "--table", "tweets"]
    assert cli.main(args) == 2
    assert_one_line_error(capsys.readouterr().err, 'unknown table "tweets"', "posts")


def test_export_to_a_missing_folder_is_one_line(
    small_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no" / "such" / "dir" / "x.json"
    assert cli.main(["export", "json", "--db", str(small_demo), "--out", str(out)]) == 1
    assert_one_line_error(capsys.readouterr().err, "No such file or directory")


# ----------------------------------------------------------------------------- screenshots


@pytest.mark.slow
def test_screenshots_writes_one_svg_per_tab_reproducibly(
    tmp_path: Path, tmp_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_settings(tmp_home, 'timezone = "Asia/Tokyo"\nlanguage = "fr"\n')  # not used: fixed
    first, second = tmp_path / "a", tmp_path / "b"
    assert cli.main(["screenshots", "--out", str(first)]) == 0
    assert "4 screenshots" in capsys.readouterr().out
    names = sorted(p.name for p in first.iterdir())
    assert names == ["calendar.svg", "queue.svg", "stats.svg", "today.svg"]
    assert cli.main(["screenshots", "--out", str(second)]) == 0
    for name in names:
        svg = (first / name).read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<svg") and "Today" in svg  # English, tab bar shown
        assert (second / name).read_text(encoding="utf-8") == svg
    assert not (tmp_home / "store.json").exists()  # built in a temporary store


# ----------------------------------------------------------------------------- misc


def test_unexpected_errors_are_one_line_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(_args: Any) -> int:
        raise RuntimeError("kaboom\nsecond line")

    monkeypatch.setattr(store_cmds, "cmd_where", boom)
    assert cli.main(["where"]) == 1
    assert_one_line_error(capsys.readouterr().err, "RuntimeError", "kaboom second line")


def test_french_errors(tmp_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "fr", "check"]) == 1
    assert "aucune donnée" in capsys.readouterr().err


def test_demo_day_pref_uses_the_settings_zone(tmp_home: Path, tmp_path: Path) -> None:
    write_settings(tmp_home, 'timezone = "Pacific/Auckland"\n')
    db = tmp_path / "nz.json"
    # 2026-11-19 20:00 UTC is already 2026-11-20 in Auckland
    assert cli.main(["demo", "--size", "small", "--db", str(db), "--now", "2026-11-19T20:00Z"]) == 0
    from cm_tui.store import Store

    with Store.open(db, readonly=True) as store:
        assert store.repo.prefs.get(cli.PREF_DEMO_DAY) == date(2026, 11, 20).isoformat()


def test_the_entry_point_raises_textuals_frame_rate_unless_the_user_set_one() -> None:
    code = "import os, cm_tui.cli; print(os.environ['TEXTUAL_FPS'])"
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "240"
    env["TEXTUAL_FPS"] = "30"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "30"
