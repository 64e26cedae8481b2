"""kill -9 at random moments: every write the child reported done is there, the store opens.

One store is reused across all the kills, so later kills land on a store that was itself
recovered many times. Kill moments are drawn from a seeded generator: a failure is reproducible
with the printed seed and round.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from cm_tui.store import Store
from tests.reliability.helpers import read_line, spawn
from tests.reliability.writer_child import expected_state

KILLS = 120
SEED = 20261119


def kill_once(db: Path, rng: random.Random) -> int:
    """Start a writer, kill it at a random moment after its first done write; return the last
    write it reported done."""
    child = spawn("-m", "tests.reliability.writer_child", str(db))
    first = read_line(child, timeout=30)
    time.sleep(rng.uniform(0, 0.06))
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL
    lines = (first + out).split(b"\n")[:-1]  # a last line without newline was not finished
    done = [int(line.split()[1]) for line in lines]
    assert done == list(range(done[0], done[0] + len(done)))
    return done[-1]


def assert_state(store: Store, last_done: int) -> int:
    counter = store.repo.prefs.get("counter")
    assert counter is not None and counter >= last_done, (counter, last_done)
    assert counter <= last_done + 1  # at most the one write that was in flight
    texts, notes, bulk = expected_state(counter)
    queue = store.repo.queue.all()
    assert {i.text for i in queue} == texts
    for item in queue:
        assert item.notes == notes.get(item.text, item.notes)
    tags = [h.tag for h in store.repo.hashtags.all()]
    if bulk is None:
        assert tags == []
    else:
        assert len(tags) > 1000 and all(tag.startswith(bulk) for tag in tags)
    return counter


@pytest.mark.slow
def test_kill_9_loop_loses_no_reported_write(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    db = tmp_path / "store.json"
    started = time.monotonic()
    previous = 0
    for round_ in range(KILLS):
        last_done = kill_once(db, rng)
        assert last_done > previous, (SEED, round_)
        with Store.open(db) as store:  # strict open, as the app would
            previous = assert_state(store, last_done)
    elapsed = time.monotonic() - started
    print(f"{KILLS} kills, {previous} writes, {elapsed:.1f}s")
    assert previous > KILLS
