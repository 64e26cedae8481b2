"""kill -9 a sending process at random moments around sending, 100 times: every reply the
outbox acknowledged exists exactly once on the server, and no queue item is doubled."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cm_tui.core.net_records import OutboxState
from cm_tui.net import outbox
from cm_tui.store.store import Store

from .conftest import client

CHILD = Path(__file__).with_name("outbox_child.py")
REPO = Path(__file__).resolve().parents[2]
ROUNDS = 100


def _spawn(db: Path, folder: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(db), str(folder), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=REPO,
    )


def _wait_for(proc: subprocess.Popen[str], word: str, limit: float = 20.0) -> bool:
    """Read the child's lines until ``word`` (True) or its end (False); bounded."""
    assert proc.stdout is not None
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            return False
        if line.strip() == word:
            return True
    return False


@pytest.mark.slow
def test_kill_9_around_sending_never_loses_or_doubles_a_reply(
    net_store: Store, engine, secrets, mention, mock_server, fixed_clock
) -> None:
    rng = random.Random(18)
    db = net_store.paths.db
    # the first sync done (it reads the newest page only): a child killed in the outbox, which
    # a pass sends first, may leave more than a page of mentions to the next one
    mention(text="before the loop")
    engine.run_once()
    (account,) = net_store.repo.accounts.all()
    net_store.close()
    acknowledged: list[str] = []
    started = time.monotonic()
    for n in range(ROUNDS):
        mention(text=f"question {n}")
        with Store.open(db, clock=fixed_clock) as store:
            entry = outbox.put(
                store, account.key, f"answer-{n}-ok", fixed_clock.now(), undo_seconds=0
            )
        acknowledged.append(entry.text)
        proc = _spawn(db, secrets.folder)
        try:
            moment = rng.random()
            if moment < 0.15:  # while it starts or reads the inbox
                _wait_for(proc, "ready")
                time.sleep(rng.random() * 0.05)
            elif moment < 0.55:  # the request is on the wire
                _wait_for(proc, "send")
                time.sleep(rng.random() * 0.01)
            else:  # the server answered, the store write is under way
                _wait_for(proc, "sent")
                time.sleep(rng.random() * 0.005)
        finally:
            proc.kill()
            proc.wait(timeout=30)
    final = _spawn(db, secrets.folder, "once")
    assert final.wait(timeout=120) == 0
    elapsed = time.monotonic() - started

    api = client(mock_server, "brand")
    me = api.account_verify_credentials()
    statuses = api.fetch_remaining(api.account_statuses(me["id"], limit=40))
    texts = [s["content"] for s in statuses]
    for text in acknowledged:
        assert sum(text in t for t in texts) == 1, text
    with Store.open(db, clock=fixed_clock) as store:
        assert {e.state for e in store.repo.outbox.all()} == {OutboxState.SENT}
        ids = [i.external_id for i in store.repo.queue.all()]
        assert len(ids) == len(set(ids)) == ROUNDS + 1
    assert elapsed < 120
