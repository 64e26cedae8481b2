"""The command palette (Ctrl+P): every action that has a key, searchable by its description.

The entries come from ``CmTuiApp.command_entries()``, which derives them from the real bindings
(app and panes), so a new key binding appears in the palette without touching this module.
Beside them, entries with no key: the settings form (``settings_entry``) and the live
accounts (``accounts_entry``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from cm_tui.core.i18n import t
from cm_tui.core.value import Value, frozen

if TYPE_CHECKING:
    from cm_tui.ui.app import CmTuiApp


@frozen(slots=False)
class CommandEntry(Value):
    """One palette line: ``title`` is searched, ``help`` names the key(s)."""

    title: str
    help: str
    run: Callable[[], Awaitable[None] | None]


def settings_entry(app: CmTuiApp) -> CommandEntry:
    """The settings form (networks, time zone, language, working days and hours), which has
    no key: the palette is its door."""

    def run() -> None:
        from cm_tui.ui.screens.settings_form import open_settings

        open_settings(app)

    return CommandEntry(t("setup.command"), t("setup.command.help"), run)


def accounts_entry(app: CmTuiApp) -> CommandEntry:
    """The Accounts screen (live networks: list, add, remove), which has no key."""

    def run() -> None:
        from cm_tui.ui.screens.accounts import open_accounts

        open_accounts(app)

    return CommandEntry(t("netui.accounts.command"), t("netui.accounts.command_help"), run)


class CmTuiCommands(Provider):
    """Palette provider listing ``CmTuiApp.command_entries()``."""

    def _entries(self) -> list[CommandEntry]:
        app = cast("CmTuiApp", self.app)
        return [*app.command_entries(), settings_entry(app), accounts_entry(app)]

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(Content(entry.title), entry.run, text=entry.title, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            score = matcher.match(entry.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(entry.title),
                    entry.run,
                    text=entry.title,
                    help=entry.help,
                )
