"""``o`` on a machine where no browser can be opened (headless: ``webbrowser`` finds none,
or the one it finds fails) says so in one line and copies the link instead, in English and
in French; with a browser, it opens the link and says so."""

from __future__ import annotations

from typing import Any

import pytest

from cm_tui.core import i18n
from tests.ui.conftest import SIZE, FakeBrowsers, settle
from tests.ui.test_shared_verbs import _queue_db

LINK = "https://example.org/ann"


def notes(app: Any) -> list[str]:
    return [note.message for note in app._notifications]


async def test_o_opens_the_link_when_a_browser_opens(
    make_app, tmp_path, browsers: FakeBrowsers
) -> None:
    browsers.add(works=True)
    app = make_app(db=_queue_db(tmp_path), initial_tab="queue")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert browsers.opened == [LINK]
        assert notes(app)[-1] == f"Opening {LINK} in the browser"


@pytest.mark.parametrize(
    ("setup", "language", "said"),
    [
        ("none", "en", f"No browser could be opened: the link was copied instead ({LINK})"),
        ("refuses", "en", f"No browser could be opened: the link was copied instead ({LINK})"),
        ("raises", "en", f"No browser could be opened: the link was copied instead ({LINK})"),
        ("none", "fr", f"Aucun navigateur n'a pu être ouvert : le lien a été copié ({LINK})"),
    ],
)
async def test_o_without_a_browser_copies_the_link_and_says_so(
    make_app, tmp_path, browsers: FakeBrowsers, setup: str, language: str, said: str
) -> None:
    if setup == "refuses":
        browsers.add(works=False)
    elif setup == "raises":
        browsers.add(works="raise")
    i18n.set_language(language)
    app = make_app(db=_queue_db(tmp_path), initial_tab="queue")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert app.clipboard == LINK
        assert notes(app)[-1] == said
        assert "\\n" not in said
        assert not any(note.startswith(("Opening", "Ouverture")) for note in notes(app))


async def test_o_never_starts_a_console_browser_in_the_app_s_terminal(
    make_app, tmp_path, browsers: FakeBrowsers, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``webbrowser`` falls back to lynx or w3m (a ``GenericBrowser``, run in the foreground
    until it exits) on a machine with a terminal and no display: started from the app, it would
    fight it for the terminal. ``o`` copies the link instead and never runs it."""
    import webbrowser

    started: list[list[str]] = []

    class Console(webbrowser.GenericBrowser):
        def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
            started.append([*self.args, url])
            return True

    webbrowser.register("lynx", None, Console("lynx"), preferred=True)
    app = make_app(db=_queue_db(tmp_path), initial_tab="queue")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert started == []
        assert app.clipboard == LINK
        assert notes(app)[-1].startswith("No browser could be opened")
