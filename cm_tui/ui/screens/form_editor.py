"""A long text edited in the user's own editor (``ctrl+e`` in a form): ``$EDITOR`` (split as a
shell would, so ``code --wait`` works), else ``vi``.

``run_editor(app, text)`` hands the terminal over (``handed_over``: Textual's
``App.suspend``), runs the editor on a private temporary file holding ``text`` and gives back
what the file holds when the editor exits. Anything that goes wrong (no editor, one that
cannot start or exits with an error, a terminal that cannot be handed over, as under tests'
headless driver) raises ``EditorFailed`` with the one line to show; the caller keeps the text
as it was. ``handed_over`` is the one step a test replaces to run the editor under Pilot.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from textual.app import App, SuspendNotSupported
from textual.widgets import TextArea

from cm_tui.core.i18n import t

FALLBACK = "vi"


class EditorFailed(Exception):
    """The text was not edited: ``message`` says why, in one line."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.message = t(key, **params)


def editor_command(environ: Mapping[str, str]) -> list[str] | None:
    """``$EDITOR`` as a command line, else ``vi`` when it is on ``PATH``, else ``None``."""
    editor = environ.get("EDITOR", "").strip()
    if editor:
        try:
            command = shlex.split(editor)
        except ValueError:
            command = [editor]
        if command:
            return command
    if shutil.which(FALLBACK, path=environ.get("PATH", os.defpath)):
        return [FALLBACK]
    return None


def edit_text(text: str, command: list[str]) -> str:
    """Run ``command`` on a file holding ``text`` (readable by the user only, removed after)
    and give back what it holds then. The newline an editor adds at the end of the last line
    is dropped when ``text`` had none. ``EditorFailed`` when the editor cannot start or
    exits with an error."""
    handle, name = tempfile.mkstemp(prefix="cm-tui-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        try:
            status = subprocess.run([*command, name], check=False).returncode
        except OSError as error:
            raise EditorFailed(
                "form.editor.not_started", editor=command[0], reason=error.strerror or error
            ) from None
        if status != 0:
            raise EditorFailed("form.editor.failed", editor=command[0], status=status)
        edited = path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
    if edited.endswith("\n") and not text.endswith("\n"):
        edited = edited[:-1]
    return edited


@contextlib.contextmanager
def handed_over(app: App[object]) -> Iterator[None]:
    """The terminal belongs to another program inside the block (``App.suspend``)."""
    with app.suspend():
        yield


def run_editor(app: App[object], text: str) -> str:
    """``text`` as the user left it in their editor; ``EditorFailed`` otherwise."""
    command = editor_command(os.environ)
    if command is None:
        raise EditorFailed("form.editor.none")
    try:
        with handed_over(app):
            return edit_text(text, command)
    except SuspendNotSupported:
        raise EditorFailed("form.editor.no_terminal") from None


def edit_area_externally(app: App[object], area: TextArea) -> None:
    """``area``'s text edited in the user's editor and put back (undoable in the area), or
    left as it was with one line saying why; the cursor goes back to ``area``."""
    try:
        text = run_editor(app, area.text)
    except EditorFailed as failed:
        app.notify(failed.message, severity="warning", markup=False)
        return
    if text != area.text:
        area.replace(text, (0, 0), area.document.end)
    area.focus()
