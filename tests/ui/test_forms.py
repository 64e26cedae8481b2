"""The one form framework (``ui.screens.form``): what every form does the same way, on a small
form with one field of each kind, with real keys; and ``ctrl+e`` in a long text, through a
real editor process (a script that rewrites the file it is given)."""

from __future__ import annotations

import contextlib
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core import stats_forms
from cm_tui.core.form_errors import FieldError
from cm_tui.ui.screens import form_editor
from cm_tui.ui.screens.form import Field, FieldKind, FormScreen
from tests.ui.conftest import SIZE, screen_text, settle

IDS = ["demo-name", "demo-notes", "demo-colour", "demo-day", "demo-followers", "demo-urgent"]


class DemoForm(FormScreen[dict[str, str]]):
    """One field of each kind; ``followers`` is read by a core validator."""

    PREFIX = "demo"

    def form_title(self) -> str:
        return "Demo"

    def form_fields(self) -> list[Field]:
        colours = (("red", "Red"), ("blue", "Blue"))
        return [
            Field("name", "Name", FieldKind.TEXT, "Ada", max_length=40),
            Field("notes", "Notes", FieldKind.LONG_TEXT, "first line"),
            Field("colour", "Colour", FieldKind.CHOICE, "red", options=colours),
            Field("day", "Day", FieldKind.DATE, "2026-11-19"),
            Field("followers", "Followers", FieldKind.NUMBER, "3"),
            Field("urgent", "Urgent", FieldKind.CHECK, ""),
        ]

    def build(self, values: Mapping[str, str]) -> dict[str, str]:
        stats_forms.count(values, "followers")
        return dict(values)


async def _open(app: Any, pilot: Any, results: list[Any]) -> DemoForm:
    await settle(pilot)
    form = DemoForm()
    app.push_screen(form, results.append)
    await settle(pilot)
    assert app.screen is form
    return form


def _focused_id(app: Any) -> str | None:
    return app.screen.focused.id if app.screen.focused is not None else None


async def test_the_first_field_has_the_cursor_and_tab_walks_the_fields(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, [])
        seen = [_focused_id(app)]
        for _ in IDS[1:]:
            await pilot.press("tab")
            seen.append(_focused_id(app))
        assert seen == IDS
        for _ in IDS[1:]:
            await pilot.press("shift+tab")
        assert _focused_id(app) == "demo-name"
        assert "^s Save · esc Cancel · ^e Edit in $EDITOR" in screen_text(app)
        assert "Demo" in screen_text(app)


async def test_a_bad_field_shows_the_core_error_under_it_and_nothing_is_given(make_app) -> None:
    app = make_app()
    results: list[Any] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await _open(app, pilot, results)
        form.query_one("#demo-followers").focus()
        await pilot.press("end", *"0" * 14)  # more than any account has: a typo
        form.query_one("#demo-name").focus()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form and results == []  # still open, nothing given back
        error = form.query_one("#demo-followers-error")
        assert error.display
        expected = "Followers: a whole number from 0 to 1,000,000,000,000"
        assert str(error.render()) == expected
        assert form.shown_errors() == [expected]
        assert _focused_id(app) == "demo-followers"  # the cursor is on the bad field
        # the error is under its field: the line below the field's line
        field_y = form.query_one("#demo-followers").region.y
        assert error.region.y == field_y + 1
        assert form.values()["name"] == "Ada"  # what was typed is kept
        await pilot.press("ctrl+u", *"42", "ctrl+s")
        await settle(pilot)
    assert results == [
        {
            "name": "Ada",
            "notes": "first line",
            "colour": "red",
            "day": "2026-11-19",
            "followers": "42",
            "urgent": "",
        }
    ]


async def test_escape_gives_nothing_back(make_app) -> None:
    app = make_app()
    results: list[Any] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await _open(app, pilot, results)
        await pilot.press(*" Lovelace", "escape")
        await settle(pilot)
        assert app.screen is not form
    assert results == [None]


async def test_enter_in_a_one_line_field_saves_and_a_check_gives_1(make_app) -> None:
    app = make_app()
    results: list[Any] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await _open(app, pilot, results)
        form.query_one("#demo-urgent").focus()
        await pilot.press("space")  # ticked
        form.query_one("#demo-day").focus()
        await pilot.press("enter")
        await settle(pilot)
    assert [r["urgent"] for r in results] == ["1"]


async def test_an_error_without_a_field_is_shown_under_the_fields(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await _open(app, pilot, [])
        form.show_errors([FieldError("day-of-the-task", "today.form.error.day")])
        await settle(pilot)
        assert form.shown_errors() == ["A one-off task needs a day."]
        assert form.query_one("#demo-error").display


# --------------------------------------------------------------------------- $EDITOR


def _script(tmp_path: Path, body: str) -> str:
    path = tmp_path / "editor.sh"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


@pytest.fixture
def terminal_handed_over(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Pilot's headless driver cannot suspend (``App.suspend`` raises ``SuspendNotSupported``):
    the editor runs as it would once the terminal is handed over."""
    handed: list[Any] = []

    @contextlib.contextmanager
    def handed_over(app: Any) -> Iterator[None]:
        handed.append(app)
        yield

    monkeypatch.setattr(form_editor, "handed_over", handed_over)
    return handed


def test_edit_text_reads_back_what_the_editor_wrote(tmp_path: Path) -> None:
    seen = tmp_path / "seen"
    script = _script(
        tmp_path, f'cat "$1" > {seen}; echo "$1" > {seen}.path; printf "new\\nline 2\\n" > "$1"'
    )
    assert form_editor.edit_text("old text", [script]) == "new\nline 2"
    assert seen.read_text(encoding="utf-8") == "old text"  # the file it was given held it
    assert not Path((tmp_path / "seen.path").read_text(encoding="utf-8").strip()).exists()
    # the newline an editor adds at the end is dropped, one the text had is kept
    assert form_editor.edit_text("keep\n", ["true"]) == "keep\n"
    assert form_editor.edit_text("keep", ["true"]) == "keep"


def test_edit_text_says_why_it_failed(tmp_path: Path) -> None:
    with pytest.raises(form_editor.EditorFailed) as caught:
        form_editor.edit_text("x", [_script(tmp_path, "exit 3")])
    assert "exited with status 3" in caught.value.message
    with pytest.raises(form_editor.EditorFailed) as caught:
        form_editor.edit_text("x", [str(tmp_path / "no-such-editor")])
    assert "could not be started" in caught.value.message


def test_the_editor_is_editor_split_as_a_shell_would_else_vi(tmp_path: Path) -> None:
    assert form_editor.editor_command({"EDITOR": "code --wait"}) == ["code", "--wait"]
    with_vi = {"PATH": str(tmp_path)}
    (tmp_path / "vi").write_text("#!/bin/sh\n", encoding="utf-8")
    (tmp_path / "vi").chmod(0o755)
    assert form_editor.editor_command(with_vi) == ["vi"]
    assert form_editor.editor_command({"PATH": str(tmp_path / "empty")}) is None
    assert form_editor.editor_command({"EDITOR": "  ", "PATH": ""}) is None


async def test_ctrl_e_edits_the_long_text_in_the_editor(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal_handed_over: list[Any]
) -> None:
    script = _script(tmp_path, 'printf "%s\\nadded in the editor\\n" "$(cat "$1")" > "$1"')
    monkeypatch.setenv("EDITOR", script)
    app = make_app()
    results: list[Any] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await _open(app, pilot, results)
        await pilot.press("tab")  # the notes
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert terminal_handed_over == [app]
        assert app.screen is form
        assert form.values()["notes"] == "first line\nadded in the editor"
        assert _focused_id(app) == "demo-notes"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert results[0]["notes"] == "first line\nadded in the editor"


@pytest.mark.parametrize(
    ("editor", "handed_over", "says"),
    [
        ('echo garbage > "$1"; exit 3', True, "exited with status 3"),
        (None, True, "$EDITOR"),  # no $EDITOR, and no vi on PATH
        ('echo garbage > "$1"', False, "terminal"),  # Pilot's driver refuses App.suspend
    ],
    ids=["editor fails", "no editor", "no terminal"],
)
async def test_an_editor_that_cannot_edit_says_so_and_the_text_stays(
    make_app,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    editor: str | None,
    handed_over: bool,
    says: str,
) -> None:
    if handed_over:
        request.getfixturevalue("terminal_handed_over")
    if editor is None:
        monkeypatch.delenv("EDITOR", raising=False)
        monkeypatch.setenv("PATH", str(tmp_path))
    else:
        monkeypatch.setenv("EDITOR", _script(tmp_path, editor))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await _open(app, pilot, [])
        await pilot.press("tab", "ctrl+e")
        await settle(pilot)
        assert form.values()["notes"] == "first line"
        assert app.screen is form and _focused_id(app) == "demo-notes"
        (line,) = [n.message for n in app._notifications]
        assert says in line and "\n" not in line


# --------------------------------------------------------------------------- every form saves


def _networks() -> list[Any]:
    from cm_tui.core.models import NetworkProfile

    return [NetworkProfile("x", "X", 280, 1, 3), NetworkProfile("facebook", "Facebook", 5000, 1, 2)]


def _post_form() -> Any:
    from zoneinfo import ZoneInfo

    from cm_tui.ui.screens.post_form import PostForm

    fields = {"network": "x", "date": "2026-11-20", "time": "10:00", "status": "idea"}
    return PostForm(fields, _networks(), ZoneInfo("Europe/Paris"), lambda _post: ())


def _task_form(fixed: bool) -> Any:
    from datetime import date

    from cm_tui.core.today import TaskForm, template_from_form
    from cm_tui.ui.screens.today_modals import TaskFormScreen

    form = TaskForm("", "once" if fixed else "workdays", day=date(2026, 11, 19))
    return TaskFormScreen(
        "Task",
        form,
        lambda typed: template_from_form(typed, [], ["x"]),
        ["x"],
        fixed_kind=fixed,
    )


def _entry_form() -> Any:
    from cm_tui.core.today import influencer_from_form
    from cm_tui.ui.screens.today_modals import EntryForm

    fields = [Field("name", "Name"), Field("network", "Network", value="x")]
    return EntryForm("Add", fields, lambda values: influencer_from_form(values, ["x"]))


def _figures_form() -> Any:
    from cm_tui.ui.screens.figures_form import FiguresForm

    return FiguresForm("x", "X", "2026-11", {}, "2026-11")


def _kpi_form() -> Any:
    from datetime import date

    from cm_tui.ui.screens.kpi_form import KpiForm

    return KpiForm(_networks(), {}, None, date(2026, 11, 19))


def _campaign() -> Any:
    from datetime import date

    from cm_tui.core.models import AdCampaign

    return AdCampaign("Sale", "x", date(2026, 11, 1), date(2026, 11, 30), 100.0, id=3)


def _campaign_form() -> Any:
    from cm_tui.ui.screens.campaigns import CampaignForm

    return CampaignForm(_campaign(), _networks())


def _check_form() -> Any:
    from datetime import date

    from cm_tui.ui.screens.campaigns import CheckForm

    return CheckForm(_campaign(), date(2026, 11, 19))


def _competitor_form() -> Any:
    from cm_tui.core.models import Competitor
    from cm_tui.ui.screens.competitors import CompetitorForm

    return CompetitorForm(Competitor("", "x"), _networks())


def _competitor_month_form() -> Any:
    from cm_tui.core.models import Competitor
    from cm_tui.ui.screens.competitors import CompetitorMonthForm

    return CompetitorMonthForm(Competitor("Rival", "x"), "2026-10")


@pytest.mark.parametrize(
    ("make", "keys", "saved"),
    [
        (_post_form, "Weekend teaser", lambda p: (p.title, p.network) == ("Weekend teaser", "x")),
        (lambda: _task_form(False), "Newsletter", lambda t: t.cadence.kind.value == "workdays"),
        (lambda: _task_form(True), "Call the printer", lambda t: t.cadence.kind.value == "once"),
        (_entry_form, "Ada", lambda i: (i.name, i.network) == ("Ada", "x")),
        (_figures_form, "1234", lambda f: f.followers == 1234),
        (_kpi_form, "5", lambda k: k.targets["x"]["followers_growth_pct"] == 5.0),
        (_campaign_form, " II", lambda c: (c.name, c.id) == ("Sale II", 3)),
        (_check_form, "", lambda c: c.day.isoformat() == "2026-11-19"),
        (_competitor_form, "Rival & Co", lambda c: c.name == "Rival & Co"),
        (_competitor_month_form, "", lambda m: m.month == "2026-10"),
    ],
    ids=[
        "post",
        "task",
        "one-off task",
        "list entry",
        "figures",
        "kpi",
        "campaign",
        "daily check",
        "competitor",
        "competitor month",
    ],
)
async def test_every_form_saves_what_was_typed(make_app, make: Any, keys: str, saved: Any) -> None:
    """The cursor is in the form's first field: typing there then ``ctrl+s`` gives the
    record back (the pane that opened the form stores it)."""
    app = make_app()
    results: list[Any] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = make()
        app.push_screen(form, results.append)
        await settle(pilot)
        await pilot.press(*keys, "ctrl+s")
        await settle(pilot)
        assert app.screen is not form, form.shown_errors()
    (result,) = results
    assert saved(result)


async def test_ctrl_e_is_the_fields_own_in_a_form_without_a_long_text(
    make_app, terminal_handed_over: list[Any]
) -> None:
    """No long text to edit: the key goes to the field (an input's end of line)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = _campaign_form()
        app.push_screen(form)
        await settle(pilot)
        await pilot.press("home", "ctrl+e", "!")
        assert form.values()["name"] == "Sale!"
        assert "Edit in $EDITOR" not in screen_text(app)
    assert terminal_handed_over == []


class EveryKindForm(FormScreen[dict[str, str]]):
    """One field of every ``FieldKind``, in the order of the enum."""

    PREFIX = "kinds"

    def form_title(self) -> str:
        return "Kinds"

    def form_fields(self) -> list[Field]:
        options = (("a", "A"), ("b", "B"))
        values = {FieldKind.DATE: "2026-11-19", FieldKind.TIME: "09:30", FieldKind.MONTH: "2026-11"}
        return [
            Field(kind.value, kind.value, kind, values.get(kind, "12"), options=options)
            for kind in FieldKind
        ]

    def build(self, values: Mapping[str, str]) -> dict[str, str]:
        return dict(values)


async def test_shift_tab_walks_back_through_every_field_kind(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = EveryKindForm()
        app.push_screen(form)
        await settle(pilot)
        names = [kind.value for kind in FieldKind]
        form.query_one(f"#kinds-{names[-1]}").focus()
        await settle(pilot)
        seen = [_focused_id(app)]
        for _ in names[1:]:
            await pilot.press("shift+tab")
            seen.append(_focused_id(app))
        assert seen == [f"kinds-{name}" for name in reversed(names)]
        assert form.values()["number"] == "12"  # nothing typed on the way


def test_a_terminal_s_modified_shift_tab_is_shift_tab() -> None:
    """Terminals with extended keys send shift+tab as ``CSI 1;2 Z``: one ``shift+tab``, never
    the characters ``1;2`` typed into the field."""
    from textual._xterm_parser import XTermParser

    import cm_tui.ui.screens.form  # noqa: F401  (the form framework knows the sequence)

    keys = [event.key for event in XTermParser().feed("\x1b[1;2Z")]
    assert keys == ["shift+tab"]


async def test_a_number_date_time_or_month_is_selected_on_focus_a_text_is_not(make_app) -> None:
    """Typing in a value field replaces its value; a text keeps the cursor at its end."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = EveryKindForm()
        app.push_screen(form)
        await settle(pilot)
        assert _focused_id(app) == "kinds-text"
        await pilot.press("3")
        for kind in ("date", "time", "month", "number"):
            form.query_one(f"#kinds-{kind}").focus()
            await settle(pilot)
            await pilot.press("3")
        form.query_one("#kinds-number").focus()
        await settle(pilot)
        await pilot.press("right", "4")  # an arrow keeps the value
        values = form.values()
    assert values["text"] == "123"
    assert [values[k] for k in ("date", "time", "month", "number")] == ["3", "3", "3", "34"]
