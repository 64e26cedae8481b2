"""``--out`` never replaces what it should not: ``-`` is standard output for every export and
report; a FIFO, a device or a socket already there is written in place; a symlink is followed so
its target receives the data (``store/atomic.py``, ``write_out``)."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from cm_tui import cli

TIMEOUT = 30


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s" / "store.json"
    argv = ["demo", "--size", "small", "--db", str(path), "--now", "2026-11-19T09:12"]
    assert cli.main(argv) == 0
    return path


def commands(db: Path, out: str) -> dict[str, list[str]]:
    when = ["--now", "2026-11-19T09:12"]
    return {
        "export json": ["export", "json", "--db", str(db), "--out", out, *when],
        "export ics": ["export", "ics", "--db", str(db), "--out", out, *when],
        "export csv": ["export", "csv", "--table", "posts", "--db", str(db), "--out", out, *when],
        "report": ["report", "2026-10", "--db", str(db), "--out", out, *when],
    }


KINDS = ["export json", "export ics", "export csv", "report"]
#: the first bytes of each kind's payload
STARTS = {
    "export json": b"{",
    "export ics": b"BEGIN:VCALENDAR",
    "export csv": b"",
    "report": b"# Monthly report",
}


@pytest.mark.parametrize("kind", KINDS)
def test_dash_is_standard_output(
    kind: str,
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    monkeypatch.chdir(tmp_path)
    capsysbinary.readouterr()
    assert cli.main(commands(db, "-")[kind]) == 0
    out = capsysbinary.readouterr().out
    assert len(out) > 20 and out.startswith(STARTS[kind])
    assert not (tmp_path / "-").exists()


def read_fifo(path: Path, got: list[bytes], opened: threading.Event) -> None:
    with open(path, "rb") as handle:
        opened.set()
        got.append(handle.read())


@pytest.mark.parametrize("kind", KINDS)
def test_a_fifo_is_written_in_place_and_its_reader_gets_the_data(
    kind: str, db: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    opened = threading.Event()
    reader = threading.Thread(target=read_fifo, args=(fifo, got, opened), daemon=True)
    reader.start()
    assert cli.main(commands(db, str(fifo))[kind]) == 0
    reader.join(TIMEOUT)
    assert not reader.is_alive()
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still the FIFO, not a file
    assert len(got[0]) > 20 and got[0].startswith(STARTS[kind])
    capsysbinary.readouterr()
    assert cli.main(commands(db, "-")[kind]) == 0
    assert got[0] == capsysbinary.readouterr().out  # the same bytes as on standard output


@pytest.mark.parametrize("kind", KINDS)
def test_a_symlink_is_followed_and_its_target_receives_the_data(
    kind: str, db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "real" / "export.out"
    target.parent.mkdir()
    target.write_bytes(b"old content")
    link = tmp_path / "link.out"
    link.symlink_to(target)
    assert cli.main(commands(db, str(link))[kind]) == 0
    assert link.is_symlink() and link.resolve() == target
    data = target.read_bytes()
    assert data != b"old content" and data.startswith(STARTS[kind]) and len(data) > 20
    assert sorted(p.name for p in target.parent.iterdir()) == ["export.out"]  # no temp left


def test_a_dangling_symlink_creates_its_target(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert cli.main(commands(db, str(link))["export json"]) == 0
    assert link.is_symlink() and target.read_bytes().startswith(b"{")


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
@pytest.mark.parametrize("kind", KINDS)
def test_a_device_node_is_written_in_place_not_replaced(
    kind: str, db: Path, tmp_path: Path
) -> None:
    """A private copy of ``/dev/null`` (same major/minor): the command must not replace it by a
    regular file (the real ``/dev/null`` as root was)."""
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.stat("/dev/null").st_rdev)
    assert cli.main(commands(db, str(null))[kind]) == 0
    st = null.lstat()
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.stat("/dev/null").st_rdev
    assert null.read_bytes() == b""


def test_write_out_sends_to_a_unix_socket_in_place(tmp_path: Path) -> None:
    from cm_tui.store.atomic import write_out

    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    server.settimeout(TIMEOUT)
    got: list[bytes] = []

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            chunks = []
            while chunk := conn.recv(65536):
                chunks.append(chunk)
            got.append(b"".join(chunks))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        write_out(path, b"payload " * 10_000)
        thread.join(TIMEOUT)
    finally:
        server.close()
    assert got == [b"payload " * 10_000]
    assert stat.S_ISSOCK(path.lstat().st_mode)


def test_a_regular_file_is_still_replaced_atomically_and_private(tmp_path: Path) -> None:
    from cm_tui.store.atomic import write_out

    out = tmp_path / "x.json"
    out.write_bytes(b"old")
    os.chmod(out, 0o644)
    write_out(out, b"new")
    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", KINDS)
def test_a_symlinks_target_keeps_its_mode(kind: str, db: Path, tmp_path: Path) -> None:
    """The link is the user's way of saying where the data goes: its target is theirs, written
    as it is (a file shared 0644 stays so), the link stays a link."""
    target = tmp_path / "shared" / "export.out"
    target.parent.mkdir()
    target.write_bytes(b"old content")
    os.chmod(target, 0o644)
    link = tmp_path / "link.out"
    link.symlink_to(target)
    assert cli.main(commands(db, str(link))[kind]) == 0
    assert link.is_symlink() and link.resolve() == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_bytes().startswith(STARTS[kind]) and target.stat().st_size > 20
