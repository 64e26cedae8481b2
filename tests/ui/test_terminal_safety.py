"""No control sequence reaches the terminal from the app: a file name in a notification, texts
of a store restored from an edited backup, whatever widget shows them.

What is checked is what the app would write to the terminal: the full screen update rendered
into the escape sequences the driver receives (``terminal_output``). cm-tui's own drawing uses
escape sequences too (colours, cursor moves), so the test looks for the hostile ones.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.models import Post, PostStatus, QueueItem, QueueKind
from cm_tui.core.settings import Settings
from cm_tui.store import Store
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, dropped, screen_text, settle

TITLE = "\x1b]2;TITLE\x1b\\"  # sets the terminal's title
CLIPBOARD = "\x1b]52;c;aWQ=\x1b\\"  # writes the clipboard (OSC 52)
CLEAR = "\x1b[2J"  # clears the screen
HOSTILE = ("\x1b]2;", "\x1b]52;", "\x1b[2J", "\x9b", "\u202e")


def terminal_output(app: Any) -> str:
    """What the app would write to the terminal to draw the whole screen (modals included)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return str(update.render_segments(app.console))


def assert_nothing_hostile(app: Any) -> None:
    output = terminal_output(app)
    for sequence in HOSTILE:
        assert sequence not in output, (sequence, output[:2000])


def notifications(app: Any) -> list[str]:
    return [note.message for note in app._notifications]


async def test_a_notification_shows_escape_sequences_as_placeholders(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.notify(f"Imported {TITLE}.csv", markup=False)
        app.notify(f"{CLIPBOARD}a.csv", title=f"x{CLEAR}", severity="warning")
        app.query_one("TabbedContent").notify(f"\u202eevil {CLEAR}", markup=False)
        await settle(pilot)
        assert_nothing_hostile(app)
        assert notifications(app)[-3:] == [
            "Imported \u241b]2;TITLE\u241b\\.csv",
            "\u241b]52;c;aWQ=\u241b\\a.csv",
            "\ufffdevil \u241b[2J",
        ]
        assert "\ufffdevil \u241b[2J" in screen_text(app)  # the alert line: the newest
        await pilot.press("ctrl+n")  # the history: all of them
        await settle(pilot)
        assert_nothing_hostile(app)
        assert "Imported \u241b]2;TITLE\u241b\\.csv" in screen_text(app)


async def test_an_inbox_file_with_a_hostile_name_never_reaches_the_terminal(
    make_app, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n, name in enumerate((f"{TITLE}.csv", f"{CLIPBOARD}a.csv", f"b{CLEAR}.csv")):
        dropped(inbox, name, f"network,author,text,date\nx,@n{n},hello {n},2026-11-19 09:0{n}\n")
    settings = Settings(timezone="Europe/Paris", language="en", inbox=str(inbox))
    app = make_app(settings=settings)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.check_inbox()
        await settle(pilot)
        shown = "\n".join(notifications(app))
        assert "\u241b]2;TITLE\u241b\\.csv" in shown
        assert "\x1b" not in shown
        assert_nothing_hostile(app)


@pytest.fixture
def tainted_db(tmp_path: Path) -> Path:
    """A store whose texts carry escape sequences, as restored from an edited backup."""
    db = tmp_path / "tainted" / "store.json"
    with Store.open(db) as store:
        store.repo.queue.add_many(
            [
                QueueItem(
                    kind=QueueKind.COMMENT,
                    network="x",
                    author_handle=f"@eve{TITLE}",
                    author_name=f"Eve {CLIPBOARD}",
                    text=f"hello {CLEAR} \u202eevil \x9b2J",
                    received_at=FIXED_NOW - timedelta(minutes=20),
                    deadline=FIXED_NOW + timedelta(minutes=40),
                )
            ]
        )
        store.repo.posts.add(
            Post(
                network="x",
                at=FIXED_NOW + timedelta(hours=2),
                title=f"Launch {TITLE}",
                text=f"wipe {CLEAR}",
                status=PostStatus.SCHEDULED,
            )
        )
    return db


async def test_stored_texts_with_escape_sequences_never_reach_the_terminal(
    make_app, tainted_db: Path
) -> None:
    app = make_app(db=tainted_db)
    app.sub_title = f"tainted{TITLE}"  # the store's name, shown in the header
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert_nothing_hostile(app)  # Today, and the header
        for key in ("3", "enter", "escape", "2", "4"):  # Queue, its detail, Calendar, Stats
            await pilot.press(key)
            await settle(pilot)
            assert_nothing_hostile(app)
