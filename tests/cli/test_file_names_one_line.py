"""A file name with a newline, a tab or an escape sequence is quoted on one visible line
(``textsafe.one_line``: newline as ``\u240a``): it can never split a message in two, nor
pass for a line of cm-tui's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui import cli

NOW = "2026-11-19T09:12:00+01:00"
CSV = "network,author,text,received_at\ninstagram,@ann,hello,2026-11-19T08:00:00+01:00\n"
#: a name whose second "line" reads like a message of cm-tui's own
NAME = "in\ncm-tui: 500 items imported\t\x1b[2J.csv"
SHOWN = "in\u240acm-tui: 500 items imported\u2409\u241b[2J.csv"


def _lines(text: str) -> list[str]:
    return text.splitlines()


@pytest.mark.parametrize("dry_run", [False, True])
def test_import_names_the_file_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dry_run: bool
) -> None:
    db = tmp_path / "store.json"
    source = tmp_path / NAME
    source.write_text(CSV, encoding="utf-8")
    if dry_run:  # a dry run needs a store
        assert cli.main(["import", str(tmp_path / "seed.csv"), "--db", str(db)]) == 1
        (tmp_path / "seed.csv").write_text(CSV, encoding="utf-8")
        assert cli.main(["import", str(tmp_path / "seed.csv"), "--db", str(db), "--now", NOW]) == 0
        capsys.readouterr()
    args = ["import", str(source), "--db", str(db), "--now", NOW]
    assert cli.main(args + (["--dry-run"] if dry_run else [])) == 0
    out = capsys.readouterr().out
    (line,) = _lines(out)
    assert SHOWN in line


def test_a_rejected_file_is_named_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / NAME
    source.write_text("network,author,text,received_at\nnowhere,@a,hi,not a date\n", "utf-8")
    assert cli.main(["import", str(source), "--db", str(tmp_path / "s.json"), "--now", NOW]) == 1
    err = _lines(capsys.readouterr().err)
    assert SHOWN in err[0]
    assert all(line.startswith("  ") for line in err[1:])  # then one line per problem


@pytest.mark.parametrize("table", ["queue", "posts", "stats"])
def test_a_file_that_cannot_be_read_is_named_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str
) -> None:
    folder = tmp_path / NAME
    folder.mkdir()  # not a regular file
    args = ["import", str(folder), "--table", table, "--db", str(tmp_path / "s.json")]
    assert cli.main(args) != 0
    captured = capsys.readouterr()
    (line,) = _lines(captured.out + captured.err)
    assert SHOWN in line


def test_posts_and_figures_imports_name_the_file_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.json"
    figures = tmp_path / NAME
    figures.write_text("network,month,followers\ninstagram,2026-10,120\n", encoding="utf-8")
    assert cli.main(["import", str(figures), "--table", "stats", "--db", str(db)]) == 0, (
        capsys.readouterr().err
    )
    (line,) = _lines(capsys.readouterr().out)
    assert SHOWN in line


def test_where_shows_each_path_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / NAME
    folder.mkdir()
    assert cli.main(["where", "--db", str(folder / "store.json")]) == 0
    lines = _lines(capsys.readouterr().out)
    assert len(lines) == 6 and SHOWN in lines[0]
