"""Modals of the Queue tab: reply (with saved replies), escalate (a note), snooze, lists.

Item text and author names are hostile: they reach widgets only as ``Content`` built from plain
strings, never as markup. Each modal dismisses with its answer, or ``None`` when cancelled.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from cm_tui.core.i18n import t
from cm_tui.core.models import QueueItem
from cm_tui.core.queue import SNOOZE_CHOICES, fill_template
from cm_tui.ui.bindings import localize_bindings
from cm_tui.ui.widgets.pick_list import PickList

CSS = "queue.tcss"


def who(item: QueueItem) -> str:
    """``Name (@handle)``, or the handle alone, on one line."""
    name = " ".join(item.author_name.split())
    handle = " ".join(item.author_handle.split())
    return f"{name} ({handle})" if name and name != handle else handle


#: the modals with tall fields get class ``-short`` on a terminal under 30 rows (``queue.tcss``)
SHORT_BREAKPOINTS = [(0, "-short"), (30, "-tall")]


class ReplyText(TextArea):
    """The reply's text. While it is empty or still holds the saved reply last filled in,
    ``up``/``down`` pick the previous/next saved reply instead of moving the cursor."""

    def action_cursor_down(self, select: bool = False) -> None:
        screen = self.screen
        if not select and isinstance(screen, ReplyScreen) and screen.picking:
            screen.pick(+1)
            return
        super().action_cursor_down(select)

    def action_cursor_up(self, select: bool = False) -> None:
        screen = self.screen
        if not select and isinstance(screen, ReplyScreen) and screen.picking:
            screen.pick(-1)
            return
        super().action_cursor_up(select)


class ReplyScreen(ModalScreen[str | None]):
    """Write a reply. The cursor starts in the text; the saved replies (``{author}`` filled in)
    are one ``tab`` away, or ``up``/``down`` from an untouched text fills the previous/next one;
    ``ctrl+s`` saves."""

    CSS_PATH = CSS
    AUTO_FOCUS = "#queue-reply-text"
    #: class ``-short`` under 30 rows: smaller fields, so the hint still shows at 80×24
    VERTICAL_BREAKPOINTS = SHORT_BREAKPOINTS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send", "queue.key.send", id="queue.reply.send"),
        Binding("escape", "cancel", "queue.key.cancel", id="queue.reply.cancel"),
        Binding("ctrl+e", "edit_externally", "form.editor", id="queue.reply.editor", priority=True),
    ]

    def __init__(
        self,
        item: QueueItem,
        templates: list[tuple[str, str]],
        *,
        text: str | None = None,
        posting: str = "",
    ) -> None:
        """``text``: the text to start from (the item's last reply by default); ``posting``:
        the line saying which account the reply posts as and its visibility (a live
        account's item, ``ui/outbox_flow.py``)."""
        super().__init__(classes="queue-modal")
        localize_bindings(self)
        self.item = item
        self.start_text = item.reply_text if text is None else text
        self.posting = posting
        self.filled = [fill_template(text, item) for _name, text in templates]
        self.names = [name for name, _text in templates]
        self._last_filled: str | None = None
        self._picked: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="queue-modal-body"):
            yield Static(
                Content(t("queue.reply.title", who=who(self.item))), classes="queue-modal-title"
            )
            if self.posting:
                yield Static(Content.styled(self.posting, "$text-accent"), id="queue-reply-posting")
            area = ReplyText(self.start_text, id="queue-reply-text", soft_wrap=True)
            area.border_title = t("queue.reply.text")
            yield area
            if self.filled:
                templates = PickList(
                    *(
                        Option(Content(f"{name} — {text}"))
                        for name, text in zip(self.names, self.filled, strict=True)
                    ),
                    id="queue-reply-templates",
                )
                templates.border_title = t("queue.reply.templates")
                yield templates
            hint = "netui.reply.hint" if self.posting else "queue.reply.hint"
            yield Static(Content(t(hint)), classes="queue-modal-hint")

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#queue-reply-text", TextArea)

    @property
    def picking(self) -> bool:
        """Whether ``up``/``down`` in the text pick a saved reply: there are some, and the text
        is empty or is the saved reply last filled in (nothing typed over it)."""
        text = self.text_area.text
        return bool(self.filled) and (not text.strip() or text == self._last_filled)

    def pick(self, step: int) -> None:
        """Fill the text with the previous/next saved reply (the first on ``down``, the last on
        ``up`` when none was picked yet) and highlight it in the list."""
        if self._picked is None:
            index = 0 if step > 0 else len(self.filled) - 1
        else:
            index = (self._picked + step) % len(self.filled)
        self.query_one(PickList).highlighted = index
        self._fill(index)

    @on(OptionList.OptionHighlighted, "#queue-reply-templates")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.has_focus and self.picking:
            self._fill(event.option_index)

    @on(OptionList.OptionSelected, "#queue-reply-templates")
    def _picked_option(self, event: OptionList.OptionSelected) -> None:
        self._fill(event.option_index)
        self.text_area.focus()

    def _fill(self, index: int) -> None:
        self._picked = index
        area = self.text_area
        self._last_filled = area.text = self.filled[index]
        area.move_cursor(area.document.end)

    def action_edit_externally(self) -> None:
        """``ctrl+e``: the reply in ``$EDITOR`` (``form_editor``)."""
        from cm_tui.ui.screens.form_editor import edit_area_externally

        edit_area_externally(self.app, self.text_area)

    def action_send(self) -> None:
        text = self.text_area.text.strip()
        if not text:
            self.notify(t("queue.reply.empty"), severity="warning", markup=False)
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class EscalateScreen(ModalScreen[str | None]):
    """A one-line note for the colleague who takes over; ``enter`` escalates."""

    CSS_PATH = CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "queue.key.cancel", id="queue.escalate.cancel"),
    ]

    def __init__(self, item: QueueItem) -> None:
        super().__init__(classes="queue-modal")
        localize_bindings(self)
        self.item = item

    def compose(self) -> ComposeResult:
        with Vertical(classes="queue-modal-body"):
            yield Static(Content(t("queue.escalate.title")), classes="queue-modal-title")
            yield Static(Content(who(self.item)))
            yield Input(placeholder=t("queue.escalate.placeholder"), id="queue-escalate-note")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SnoozeScreen(ModalScreen[str | None]):
    """Choose how long to snooze (``SNOOZE_CHOICES``); ``1``/``2``/``3`` or arrows + enter."""

    CSS_PATH = CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(0)", show=False),
        Binding("2", "choose(1)", show=False),
        Binding("3", "choose(2)", show=False),
        Binding("escape", "cancel", "queue.key.cancel", id="queue.snooze.cancel"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="queue-modal")
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="queue-modal-body"):
            yield Static(Content(t("queue.snooze.title")), classes="queue-modal-title")
            yield PickList(
                *(
                    Option(Content(f"{n}  {t(f'queue.snooze.{choice}')}"), id=choice)
                    for n, choice in enumerate(SNOOZE_CHOICES, 1)
                ),
                id="queue-snooze-options",
            )
            yield Static(Content(t("queue.snooze.note")), classes="queue-modal-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(SNOOZE_CHOICES[event.option_index])

    def action_choose(self, index: int) -> None:
        self.dismiss(SNOOZE_CHOICES[index])

    def action_cancel(self) -> None:
        self.dismiss(None)


class LinesEditorScreen(ModalScreen[str | None]):
    """Edit a list as text, one entry per line (saved replies, watch keywords); ``ctrl+s``
    saves, ``escape`` cancels."""

    CSS_PATH = CSS
    VERTICAL_BREAKPOINTS = SHORT_BREAKPOINTS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "queue.key.save_list", id="queue.lines.save"),
        Binding("escape", "cancel", "queue.key.cancel", id="queue.lines.cancel"),
    ]

    def __init__(self, title: str, hint: str, text: str) -> None:
        super().__init__(classes="queue-modal")
        localize_bindings(self)
        self._title = title
        self._hint = hint
        self._text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="queue-modal-body"):
            yield Static(Content(self._title), classes="queue-modal-title")
            yield TextArea(self._text, id="queue-lines-text", soft_wrap=True)
            yield Static(Content(self._hint), classes="queue-modal-hint")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportFileScreen(ModalScreen[str | None]):
    """Ask for the path of a file to import into the queue; ``enter`` imports (the import then
    runs in the background, ``ui.queue_import_flow``). A path that is not a file is said at
    once and the modal stays open, so it can be corrected."""

    CSS_PATH = CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "queue.key.cancel", id="queue.import.cancel"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="queue-modal")
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="queue-modal-body"):
            yield Static(Content(t("queue.import.title")), classes="queue-modal-title")
            yield Input(placeholder=t("queue.import.placeholder"), id="queue-import-path")
            yield Static(Content(t("queue.import.hint")), classes="queue-modal-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        if not raw:
            return
        from cm_tui.io.tabular import source_problem

        problem = source_problem(Path(raw).expanduser())
        if problem is not None:
            self.notify(problem, severity="error", markup=False)
            return
        self.dismiss(raw)

    def action_cancel(self) -> None:
        self.dismiss(None)
