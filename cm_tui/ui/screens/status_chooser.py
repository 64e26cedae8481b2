"""Choose a post's status from a list (Calendar ``P``): every status, the current one
highlighted; ``j``/``k`` or the arrows move, ``enter`` chooses, ``escape`` cancels (``None``).

``p`` only moves a post forward; this is the way back, or to cancelled, without the form. The
post's title is user data: shown as plain ``Content``.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cm_tui.core.i18n import t
from cm_tui.core.models import PostStatus
from cm_tui.ui.bindings import localize_bindings
from cm_tui.ui.widgets.pick_list import PickList

#: the statuses offered, in the order a post goes through them, cancelled last; ``failed`` is
#: not offered: only a live account's attempt sets it (a failed post is offered ``scheduled``)
CHOICES: tuple[PostStatus, ...] = tuple(s for s in PostStatus if s is not PostStatus.FAILED)


class StatusChooser(ModalScreen[PostStatus | None]):
    """The statuses of a post, ``current`` highlighted; gives the one chosen, or ``None``."""

    DEFAULT_CSS = """
    StatusChooser {
        align: center middle;
    }
    #status-chooser {
        width: 44;
        height: auto;
        border: round $accent;
        border-title-color: $text-accent;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
    }
    #status-chooser-list {
        height: auto;
        border: none;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "calendar.key.cancel", id="status_chooser.cancel"),
    ]

    def __init__(self, current: PostStatus, title: str, marks: dict[PostStatus, str]) -> None:
        super().__init__()
        localize_bindings(self)
        self._current = current
        self._title = title
        self._marks = marks

    def compose(self) -> ComposeResult:
        with Vertical(id="status-chooser") as body:
            body.border_title = t("calendar.status.title")
            body.border_subtitle = t("calendar.status.hint")
            yield Static(Content(self._title), id="status-chooser-post")
            yield PickList(
                *(
                    Option(
                        Content(f"{self._marks.get(status, ' ')} {t(f'core.post.{status.value}')}"),
                        id=status.value,
                    )
                    for status in CHOICES
                ),
                id="status-chooser-list",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        current = PostStatus.SCHEDULED if self._current is PostStatus.FAILED else self._current
        options.highlighted = CHOICES.index(current)
        options.focus()

    @property
    def highlighted(self) -> PostStatus | None:
        """The status under the list's cursor."""
        index = self.query_one(OptionList).highlighted
        return None if index is None else CHOICES[index]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(CHOICES[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
