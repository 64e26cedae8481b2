"""``check`` flags stored texts that carry control characters: import removes them, so a store
holding some was restored from an edited backup or edited by hand, and must not pass silently."""

from __future__ import annotations

from pathlib import Path

from cm_tui.store import Store, check
from cm_tui.store.text_check import control_text_problems
from tests.store.samples import post, queue_item


def test_a_store_whose_texts_carry_escape_sequences_fails_check(db: Path) -> None:
    with Store.open(db) as store:
        store.repo.queue.add_many(
            [
                queue_item(1),
                queue_item(2, text="hello \x1b]2;TITLE\x1b\\", keywords=("ok", "\x1b[2J")),
            ]
        )
        store.repo.posts.add(post(0, title="Launch \u202eevil"))
    report = check(db)
    assert not report.ok
    problems = [line for line in report.lines if "control characters" in line]
    assert problems == [
        "posts #1, field title: holds control characters (terminal escape sequences) that an "
        "import would have removed; edit it",
        "queue #2, field keywords: holds control characters (terminal escape sequences) that an "
        "import would have removed; edit it",
        "queue #2, field text: holds control characters (terminal escape sequences) that an "
        "import would have removed; edit it",
    ]
    assert all("\x1b" not in line for line in report.lines)


def test_clean_texts_pass() -> None:
    data = {"queue": {"1": {"text": "Bonjour\n\tà tous 👍", "keywords": ["a"], "n": 3}}}
    assert list(control_text_problems(data)) == []
    nested = {"tasks": {"4": {"cadence": {"note": "x\x07"}}}}
    assert [line.split(":")[0] for line in control_text_problems(nested)] == [
        "tasks #4, field cadence.note"
    ]
