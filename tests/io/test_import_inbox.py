"""The inbox folder: imported files go to processed/, rejected ones to failed/ with a reason."""

from __future__ import annotations

import os
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from cm_tui.io.queue_import import ImportOptions, import_queue
from cm_tui.io.queue_inbox import FAILED, PROCESSED, pending_files, process_inbox
from cm_tui.store import Store

GOOD = "network,author,text,date\nx,@a,hello,2026-11-19 09:00\n"
BAD = "network,author,text,date\nx,@a,hello,tomorrow\n"


def _old(path: Path) -> None:
    past = time.time() - 60
    os.utime(path, (past, past))


def test_inbox_imports_moves_and_explains(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in (("a.csv", GOOD), ("b.csv", BAD), (".hidden.csv", GOOD), ("c.pdf", GOOD)):
        (inbox / name).write_text(text, encoding="utf-8")
        _old(inbox / name)
    (inbox / "fresh.csv").write_text(GOOD, encoding="utf-8")  # still being written?
    db = tmp_path / "s" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:

        def importer(path: Path):  # type: ignore[no-untyped-def]
            return import_queue(
                path,
                ImportOptions(tz=ZoneInfo("Europe/Paris")),
                existing=store.repo.queue.all,
                write=store.repo.queue.add_many,
                transaction=store.transaction,
            )

        outcomes = process_inbox(inbox, importer)
        assert [(o.name, o.ok) for o in outcomes] == [("a.csv", True), ("b.csv", False)]
        assert store.repo.queue.count() == 1
        assert (inbox / PROCESSED / "a.csv").exists()
        assert (inbox / FAILED / "b.csv").exists()
        reason = (inbox / FAILED / "b.csv.reason.txt").read_text(encoding="utf-8")
        assert "line 2: “tomorrow” is not a date" in reason
        left = sorted(p.name for p in inbox.iterdir() if p.is_file())
        assert left == [".hidden.csv", "c.pdf", "fresh.csv"]
        # the same file dropped again: imported (nothing new), and moved without overwriting
        (inbox / "a.csv").write_text(GOOD, encoding="utf-8")
        _old(inbox / "a.csv")
        (outcome,) = process_inbox(inbox, importer)
        assert outcome.ok and outcome.result.added == 0 and outcome.result.skipped == 1
        assert (inbox / PROCESSED / "a.1.csv").exists()
    assert pending_files(tmp_path / "missing") == []
