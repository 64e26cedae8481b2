"""The footer: the keys of the current context in priority order, whole labels only, and
always ``? help`` at its end, at any width from 80 columns."""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len

from cm_tui.core.i18n import set_language, t
from cm_tui.ui.widgets.key_footer import FooterItem, fit_items
from tests.ui.conftest import screen_text, settle


def item(key: str, description: str) -> FooterItem:
    return FooterItem(key=key, key_display=key, description=description, enabled=True)


def test_lower_priority_keys_are_dropped_whole_and_help_stays() -> None:
    items = [item("a", "Alpha"), item("b", "Bravo bravo"), item("c", "C")]
    last = item("?", "Help")
    assert fit_items(items, last, 80) == items
    # " a Alpha  b Bravo bravo  c C  ? Help " needs 35 columns; at 30, c is dropped too, not
    # skipped for a smaller one (the order is a priority)
    assert fit_items(items, last, 28) == items[:1]
    assert fit_items(items, last, 10) == []


def expected_items(app: Any) -> list[str]:
    """What the footer may show before help, in priority order (focused widget, its
    ancestors, the app; each in declared order; one entry per action: its first key)."""
    seen: set[tuple[int, str]] = set()
    shown: list[str] = []
    for namespace, binding, _enabled, _tooltip in app.screen.active_bindings.values():
        label = f"{app.get_key_display(binding)} {binding.description}"
        group = (id(namespace), binding.id or binding.action)
        if binding.id == "app.help" or not binding.show or group in seen:
            continue
        seen.add(group)
        shown.append(label)
    return shown


def footer_line(app: Any) -> str:
    """The bottom line of the screen, as drawn."""
    return screen_text(app).splitlines()[-1]


def check_footer(app: Any, width: int) -> int:
    """The footer is a prefix of the shown keys in priority order, each label whole, then the
    help item at its end; returns how many keys it shows."""
    line = footer_line(app)
    assert cell_len(line) <= width
    shown = expected_items(app)
    help_item = f"? {t('ui.key.help')}"
    assert line.rstrip().endswith(help_item), line
    body = line.rstrip()[: -len(help_item)].strip()
    count = 0
    for label in shown:
        if not body.startswith(label):
            break
        body = body[len(label) :].lstrip()
        count += 1
    assert body == "", line
    return count


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("width", [80, 101])
async def test_the_footer_ends_with_help_and_cuts_no_label(
    make_app: Any, language: str, width: int
) -> None:
    """Reproduced: the Calendar footer ended "v Li▏" in English; the French Today footer lost
    "/ Filtrer ? Aide"."""
    set_language(language)
    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        for key in ("1", "2", "3", "4"):
            await pilot.press(key)
            await settle(pilot)
            assert check_footer(app, width) >= 3, key


async def test_the_footer_follows_the_focus(make_app: Any) -> None:
    """The focused widget's keys come first: on Today with the search field open, the keys
    the field types are not offered; ``?`` types into the field, so help is shown (dimmed)
    but still last."""
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        before = footer_line(app)
        await pilot.press("slash")
        await settle(pilot)
        check_footer(app, 80)
        assert footer_line(app) != before


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_a_dialog_shows_its_own_keys_not_the_tabs(make_app: Any, language: str) -> None:
    """Reproduced: in the reply dialog the footer still offered the Queue's ``r reply``,
    ``d done``... keys that type into the reply instead."""
    set_language(language)
    app = make_app(initial_tab="queue")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tab_footer = footer_line(app)
        await pilot.press("r")
        await settle(pilot)
        line = footer_line(app)
        assert line != tab_footer
        assert "ctrl+s" in line or "^s" in line, line
        assert f"r {t('queue.key.reply')}" not in line
        assert line.rstrip().endswith(f"? {t('ui.key.help')}")
        assert line.index(t("queue.key.send")) < line.index(t("queue.key.cancel"))
        await pilot.press("escape")
        await settle(pilot)
        assert footer_line(app) == tab_footer
