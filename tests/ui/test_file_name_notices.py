"""A file dropped in the inbox whose name holds a newline (or a tab, an escape sequence) is
named on one visible line in the notices and in the notification history (``ctrl+n``): it can
never split an alert in two, nor pass for an alert of its own."""

from __future__ import annotations

from pathlib import Path

from cm_tui.core.settings import Settings
from tests.ui.conftest import SIZE, dropped, screen_text, settle

#: a name whose second "line" reads like an alert of cm-tui's own
NAME = "export\nAll replies sent\t\x1b[2J.csv"
SHOWN = "export\u240aAll replies sent\u2409\u241b[2J.csv"


async def test_an_inbox_file_name_is_one_line_in_the_notices_and_the_history(
    make_app, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    dropped(inbox, NAME, "network,author,text,date\nx,@n,hello,2026-11-19 09:00\n")
    settings = Settings(timezone="Europe/Paris", language="en", inbox=str(inbox))
    app = make_app(settings=settings)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.check_inbox()
        await settle(pilot)
        history = app.alerts.history
        named = [alert.text for alert in history if "All replies sent" in alert.text]
        assert named, [alert.text for alert in history]
        for text in named:
            assert "\n" not in text and SHOWN in text, text
        await pilot.press("ctrl+n")
        await settle(pilot)
        screen = screen_text(app)
        rows = [line for line in screen.splitlines() if "All replies sent" in line]
        assert rows and all("export\u240aAll" in line for line in rows), screen
