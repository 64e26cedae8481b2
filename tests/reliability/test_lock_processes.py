"""The lock across real processes: a second instance is refused, a killed holder blocks nobody."""

from __future__ import annotations

import os
import signal
import socket
import textwrap
from pathlib import Path

import pytest

from cm_tui.store import Store, StoreLocked
from tests.reliability.helpers import read_line, run, spawn
from tests.store.samples import post

TRY_OPEN = textwrap.dedent(
    """
    import sys
    from cm_tui.store import Store, StoreLocked
    try:
        Store.open(sys.argv[1]).close()
    except StoreLocked as exc:
        print(exc)
        sys.exit(3)
    print("opened")
    """
)

HOLD = textwrap.dedent(
    """
    import sys, time
    from cm_tui.store import Store
    store = Store.open(sys.argv[1])
    print("ready", flush=True)
    time.sleep(60)
    """
)


def test_a_second_instance_is_refused_and_the_first_is_untouched(tmp_path: Path) -> None:
    db = tmp_path / "store.json"
    with Store.open(db) as store:
        store.repo.posts.add(post(1))
        before = (db.read_bytes(), store.paths.journal.read_bytes())
        result = run("-c", TRY_OPEN, str(db))
        assert result.returncode == 3, result.stderr
        line = result.stdout.strip()
        assert line == (
            f"store.json is open in the cm-tui app (pid {os.getpid()} on "
            f"{socket.gethostname()}); close it first, or use a read-only command."
        )
        assert (db.read_bytes(), store.paths.journal.read_bytes()) == before
        store.repo.posts.add(post(2))  # the first instance goes on writing
    with Store.open(db) as store:
        assert store.repo.posts.count() == 2


def test_the_lock_of_a_killed_holder_does_not_block(tmp_path: Path) -> None:
    db = tmp_path / "store.json"
    holder = spawn("-c", HOLD, str(db))
    try:
        assert read_line(holder, timeout=30) == b"ready\n"
        with pytest.raises(StoreLocked) as info:
            Store.open(db)
        assert info.value.pid == holder.pid
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    with Store.open(db) as store:  # no stale lock: flock died with the process
        store.repo.posts.add(post(1))
    result = run("-c", TRY_OPEN, str(db))
    assert result.stdout.strip() == "opened", result.stderr
