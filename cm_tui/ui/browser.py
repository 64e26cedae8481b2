"""Opening a link in the user's browser, and knowing whether it opened.

Textual's ``App.open_url`` calls ``webbrowser.open`` and drops its answer, so on a headless
machine (no browser registered, or the one found fails) ``o`` said "Opening..." and nothing
happened; and with a terminal but no display it may pick a console browser that would take
the app's terminal. ``open_in_browser`` returns whether a browser took the link; the caller
copies it instead when none did (``VerbsPane.action_open_link``). Served over the web
(textual-serve), the page's browser opens it. See docs/architecture.md, "Keys".
"""

from __future__ import annotations

from typing import Any


def open_in_browser(app: Any, url: str) -> bool:
    """Ask a browser to open ``url``; ``False`` when none could (none found, it refused or it
    failed): never raises, never blocks on a missing display."""
    driver = getattr(app, "_driver", None)
    if driver is not None and getattr(driver, "is_web", False):
        app.open_url(url)
        return True
    import webbrowser  # only when a link is opened: start-up does not pay for it

    try:
        browser = webbrowser.get()
        if _runs_in_the_terminal(browser):
            return False
        return bool(browser.open(url))
    except (webbrowser.Error, OSError):
        return False


def _runs_in_the_terminal(browser: Any) -> bool:
    """A console browser (lynx, w3m, links, elinks: what ``webbrowser`` falls back to with a
    terminal and no display) runs in the foreground until it exits: it would take the app's
    terminal, so the link is copied instead."""
    import webbrowser

    if isinstance(browser, webbrowser.GenericBrowser):
        return not isinstance(browser, webbrowser.BackgroundBrowser)
    return isinstance(browser, webbrowser.UnixBrowser) and not browser.background
