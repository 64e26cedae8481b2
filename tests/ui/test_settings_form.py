"""The settings form, with real keys: the first start's (a fresh ``CM_TUI_HOME``: no settings
file yet), and the palette's ``Settings`` screen at any time. What is chosen is written to the
settings file (its comments kept) and shows in the app at once."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path
from typing import Any

from cm_tui.core.clock import FixedClock
from cm_tui.core.settings import Settings
from cm_tui.io.locations import config_path
from cm_tui.io.seeding import seed_if_needed
from cm_tui.io.settings_file import load_settings, needs_first_run, template_text
from cm_tui.store import Store
from cm_tui.ui.app import first_run_wanted
from cm_tui.ui.screens.settings_form import SettingsForm
from cm_tui.ui.widgets.choice_bar import ChoiceBar
from tests.conftest import FIXED_NOW
from tests.ui.conftest import SIZE, screen_text, settle

PARIS = Settings(timezone="Europe/Paris", language="en")
THURSDAY = FIXED_NOW.astimezone(PARIS.zone).date()


def _first_start(tmp_path: Path) -> Path:
    """What ``cm-tui`` does on a fresh home before the app: the settings file is read (the
    template is written, as it is missing) and a new store is created and seeded."""
    load_settings(config_path())
    db = tmp_path / "store.json"
    with Store.open(db) as store:
        seed_if_needed(store, since=THURSDAY)
    return db


def _words(text: str) -> str:
    """``text`` with its runs of spaces as one (the ticks' spacing follows the form's width)."""
    return " ".join(text.split())


def _publishing(app: Any) -> set[str]:
    """The networks Today asks to publish on."""
    rows = app.active_pane.agenda.rows
    return {r.network for r in rows if r.template_key.startswith("publish.")}


async def test_the_first_start_asks_once_and_saves_what_is_chosen(
    tmp_path: Path, make_app: Any
) -> None:
    db = _first_start(tmp_path)
    with Store.open(db) as store:
        assert first_run_wanted(store)
    app = make_app(db=db, settings=PARIS, first_run=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = app.screen
        assert isinstance(form, SettingsForm)
        text = screen_text(app)
        assert "Welcome to cm-tui: what should your days hold?" in text
        assert "[x] Facebook [x] X (Twitter) [ ] Instagram" in _words(text)
        assert "What Thursday will look like:" in text
        assert "posts: 4 on Facebook, X (Twitter)" in form.preview_text()
        assert _publishing(app) == {"facebook", "x"}
        # the networks' bar has the cursor: Instagram ticked, the preview follows at once
        assert isinstance(app.screen.focused, ChoiceBar)
        await pilot.press("right", "right", "space")
        assert "posts: 5 on Facebook, X (Twitter), Instagram" in form.preview_text()
        await pilot.press("tab", "tab", "tab")  # time zone, language, working days
        await pilot.press("end", "left", "space")  # Saturday too
        await pilot.press("tab")  # the day starts at
        await pilot.press(*["backspace"] * 5, *"8h30")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsForm)
        # applied at once, without a restart
        assert app.ctx.settings.active_networks == ("facebook", "x", "blog", "instagram")
        assert app.ctx.settings.workday_start == "08:30"
        assert _publishing(app) == {"facebook", "x", "instagram"}
        messages = [n.message for n in app._notifications]
        assert f"Settings saved and applied ({config_path()})." in messages
    text = config_path().read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["networks"]["active"] == ["facebook", "x", "blog", "instagram"]
    assert data["workday"] == {"start": "08:30", "end": "18:00", "days": [1, 2, 3, 4, 5, 6]}
    assert data["timezone"] == "Europe/Paris" and data["language"] == "en"
    # the template's comments are all still there
    comments = [line for line in template_text().splitlines() if line.startswith("#")]
    assert [line for line in text.splitlines() if line.startswith("#")] == comments
    assert stat.S_IMODE(config_path().stat().st_mode) == 0o600
    # asked once: the next start is not a first start
    assert not needs_first_run(config_path())


async def test_escape_on_the_first_start_keeps_the_defaults_and_asks_no_more(
    tmp_path: Path, make_app: Any
) -> None:
    db = _first_start(tmp_path)
    app = make_app(db=db, settings=PARIS, first_run=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SettingsForm)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsForm)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Defaults kept: ctrl+p, then Settings") for m in messages)
    assert tomllib.loads(config_path().read_text(encoding="utf-8"))["networks"]["active"] == [
        "facebook",
        "x",
        "blog",
    ]
    assert not needs_first_run(config_path())


async def test_an_app_that_is_not_a_first_start_opens_on_today(
    tmp_path: Path, make_app: Any
) -> None:
    db = _first_start(tmp_path)
    app = make_app(db=db, settings=PARIS)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, SettingsForm)


async def test_bad_values_are_shown_under_their_fields_and_nothing_is_written(
    tmp_path: Path, make_app: Any
) -> None:
    db = _first_start(tmp_path)
    before = config_path().read_text(encoding="utf-8")
    app = make_app(db=db, settings=PARIS, first_run=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = app.screen
        await pilot.press(
            "space", "right", "space", "end", *["left"] * 3, "space"
        )  # none: Blog is 4th from the end
        await pilot.press("tab", *["backspace"] * 12, *"Mars/Olympus")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert form.shown_errors() == [
            "Tick at least one network (space ticks the one under the cursor).",
            '"Mars/Olympus" is not a known time zone: type a name such as Europe/Paris.',
        ]
        assert isinstance(app.screen.focused, ChoiceBar)  # the first bad field
        # the preview keeps the last good values meanwhile
        assert "posts: 4 on Facebook, X (Twitter)" in form.preview_text()
    assert config_path().read_text(encoding="utf-8") == before


async def _open_from_the_palette(app: Any, pilot: Any) -> SettingsForm:
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*"settings")
    for _ in range(50):  # the palette searches in the background
        await pilot.pause()
        if "Settings: networks, time zone" in screen_text(app):
            break
    await pilot.press("enter")
    await settle(pilot)
    form = app.screen
    assert isinstance(form, SettingsForm)
    return form


async def test_the_palette_opens_the_settings_at_any_time(tmp_path: Path, make_app: Any) -> None:
    """On a store that is past its first start, with a hand-written settings file: changing
    the Facebook rhythm and the language keeps the file's comments and other keys; the
    rhythm shows at once, the language at the next start (said in one line)."""
    db = _first_start(tmp_path)
    config_path().write_text(
        '# mine\n[keys]\n"queue.reply" = "R"  # my key\n[networks]\nactive = ["facebook"]\n',
        encoding="utf-8",
    )
    settings = load_settings(config_path())
    settings = Settings(**{**_fields(settings), "timezone": "Europe/Paris", "language": "en"})
    app = make_app(db=db, settings=settings, clock=FixedClock(FIXED_NOW))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, SettingsForm)
        form = await _open_from_the_palette(app, pilot)
        assert form.form_title() == "Settings"
        assert "[x] Facebook [ ] X (Twitter)" in _words(screen_text(app))
        form.query_one("#settings-language").value = "fr"
        form.query_one("#settings-facebook").value = "week"
        await settle(pilot)
        assert "posts: 1 on Facebook" in form.preview_text()  # Thursday: a weekly post day
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.ctx.settings.facebook_per_week
        assert app.ctx.settings.language == "en"  # until the next start
        messages = [n.message for n in app._notifications]
        assert (
            f"Settings saved; the language changes at the next start ({config_path()})." in messages
        )
    text = config_path().read_text(encoding="utf-8")
    assert text.startswith("# mine\n")
    assert '"queue.reply" = "R"  # my key' in text
    data = tomllib.loads(text)
    assert data["language"] == "fr" and data["networks"]["facebook_per_week"] is True


async def test_the_demo_applies_the_settings_without_writing_the_file(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = await _open_from_the_palette(app, pilot)
        await pilot.press("space")  # Facebook off
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert form is not app.screen
        assert "facebook" not in app.ctx.settings.active_networks
        messages = [n.message for n in app._notifications]
        assert messages[-1].startswith("Demo: these settings apply to this session only")
    assert not config_path().exists()


def _fields(settings: Settings) -> dict[str, Any]:
    return {name: getattr(settings, name) for name in settings.field_names()}
