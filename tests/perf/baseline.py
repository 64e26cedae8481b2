"""The bare apps the figures are compared with, measured in the same run: what Textual (or the
standard library) alone costs for the same action on this machine right now. A figure's ratio to
its baseline stays put when the machine slows down; its milliseconds do not.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

from bench import child
from hooks import hook_first_frame

#: the tabs of the bare start-up app (cm-tui's four tabs, empty)
TABS = ("Today", "Calendar", "Queue", "Stats")


@child("bare")
def child_bare(t0: float, _args: list[str]) -> None:
    """The baseline: a bare Textual app, four empty tabs in a TabbedContent."""
    hook_first_frame(t0, lambda app: True)
    from textual.app import App, ComposeResult
    from textual.widgets import TabbedContent, TabPane

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            with TabbedContent():
                for title in TABS:
                    yield TabPane(title)

    Bare().run()
