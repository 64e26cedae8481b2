"""``--db`` on a file that is not a store: refused, and the file is left exactly as it is
(it used to be renamed ``*.corrupt-…``, even through a symlink to a system file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cm_tui import cli
from cm_tui.store import NotAStore, Store
from tests.cli.lines import one_line_error


def test_someone_elses_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "thesis.md"
    notes.write_text("my thesis, chapter 1\n", encoding="utf-8")
    with pytest.raises(NotAStore):
        Store.open(notes)
    assert notes.read_text(encoding="utf-8") == "my thesis, chapter 1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.md"]


def test_a_symlink_to_a_foreign_file_is_refused_and_nothing_is_created_beside_it(
    tmp_path: Path,
) -> None:
    system = tmp_path / "etc"
    system.mkdir()
    (system / "passwd").write_text("root:x:0:0::/root:/bin/sh\n", encoding="utf-8")
    link = tmp_path / "x.csv"
    link.symlink_to(system / "passwd")
    with pytest.raises(NotAStore):
        Store.open(link)
    assert sorted(p.name for p in system.iterdir()) == ["passwd"]
    assert link.is_symlink()


def test_a_fifo_given_as_the_store_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(NotAStore):
        Store.open(fifo)


@pytest.mark.parametrize("content", [b"", b"\0\0\0", b'{\n"_meta":{"1":{"schema":2', b"garbage"])
def test_a_damaged_store_is_still_moved_aside(tmp_path: Path, content: bytes) -> None:
    """Empty, zeroed, truncated: a store's damage; garbage beside a journal: a store too."""
    db = tmp_path / "store.json"
    with Store.open(db):
        pass
    db.write_bytes(content)
    with pytest.raises(Exception) as caught:
        Store.open(db)
    if content:
        assert not isinstance(caught.value, NotAStore)
        assert any(p.name.startswith("store.json.corrupt-") for p in tmp_path.iterdir())


def test_the_command_says_it_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("private notes\n", encoding="utf-8")
    data = tmp_path / "in.csv"
    data.write_text("network,author,text,date\nx,@a,hi,2026-11-19 09:00\n", encoding="utf-8")
    assert cli.main(["import", str(data), "--db", str(notes)]) == 1
    line = one_line_error(capsys.readouterr().err)
    assert "is not a cm-tui store" in line and "left as it is" in line
    assert notes.read_text(encoding="utf-8") == "private notes\n"
