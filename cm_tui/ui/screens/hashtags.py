"""The hashtag lists (Calendar ``M``): general and specific hashtags that the post form
completes from.

Type one or more hashtags in the line at the bottom and press ``enter`` to add them (to the
kind shown, ``ctrl+g`` switches general / specific); in the list, ``s`` switches the selected
hashtag's kind and ``delete`` removes it. Every write goes through ``write`` (the pane's
``UiContext.write``), so a failed save is reported like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from cm_tui.core.i18n import t
from cm_tui.core.models import Hashtag, HashtagKind
from cm_tui.core.posts import normalise_hashtag
from cm_tui.ui.bindings import localize_bindings
from cm_tui.ui.widgets.rowlist import RowList

if TYPE_CHECKING:
    from cm_tui.store import Repository


class HashtagScreen(ModalScreen[None]):
    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "ui.key.close", id="hashtags.close"),
        Binding("s", "switch_kind", "calendar.key.hashtag_kind", id="hashtags.kind"),
        Binding("delete", "delete", "calendar.key.hashtag_delete", id="hashtags.delete"),
        Binding(
            "ctrl+g", "switch_new_kind", "calendar.key.hashtag_new_kind", id="hashtags.new_kind"
        ),
    ]

    def __init__(self, repo: Repository, write: Callable[[Callable[[], object]], bool]) -> None:
        super().__init__()
        localize_bindings(self)
        self._repo = repo
        self._write = write
        self.new_kind = HashtagKind.GENERAL

    def compose(self) -> ComposeResult:
        with Vertical(id="hashtags-body") as body:
            body.border_title = t("calendar.hashtags.title")
            yield RowList(self._row, id="hashtags-list", empty_text=t("calendar.hashtags.empty"))
            yield Static("", id="hashtags-kind")
            yield Input(
                id="hashtags-input", placeholder=t("calendar.hashtags.placeholder"), compact=True
            )
            # a line of its own, wrapped: the border's subtitle would cut it at the dialog's width
            yield Static(Content(t("calendar.hashtags.hint")), id="hashtags-hint")

    def on_mount(self) -> None:
        self._refresh()
        self.query_one(Input).focus()

    @property
    def tags(self) -> list[Hashtag]:
        return sorted(self._repo.hashtags.all(), key=lambda h: (h.kind.value, h.tag.lower()))

    def _row(self, tag: Hashtag, _width: int) -> Content:
        return Content.assemble(
            (f"{t(f'calendar.hashtags.{tag.kind.value}'):<10} ", "$text-muted"), tag.tag
        )

    def _refresh(self, cursor: int | None = None) -> None:
        self.query_one(RowList).set_rows(self.tags, cursor)
        self.query_one("#hashtags-kind", Static).update(
            Content(
                t("calendar.hashtags.adding", kind=t(f"calendar.hashtags.{self.new_kind.value}"))
            )
        )

    @on(Input.Submitted)
    def _add(self, event: Input.Submitted) -> None:
        known = {h.tag.lower() for h in self._repo.hashtags.all()}
        new: list[Hashtag] = []
        for word in event.value.replace(",", " ").split():
            tag = normalise_hashtag(word)
            if tag is None:
                self.notify(
                    t("calendar.field.bad_hashtag", value=word), severity="error", markup=False
                )
                return
            if tag.lower() not in known:
                known.add(tag.lower())
                new.append(Hashtag(tag, self.new_kind))
        if new and self._write(lambda: self._repo.hashtags.add_many(new)):
            event.input.value = ""
            self._refresh()
        elif not new:
            event.input.value = ""

    def _selected(self) -> Hashtag | None:
        return self.query_one(RowList).current

    def action_switch_kind(self) -> None:
        tag = self._selected()
        if tag is None or self.focused is self.query_one(Input):
            return
        kind = HashtagKind.SPECIFIC if tag.kind is HashtagKind.GENERAL else HashtagKind.GENERAL
        if self._write(lambda: self._repo.hashtags.update(tag.replace(kind=kind))):
            self._refresh()

    def action_delete(self) -> None:
        tag = self._selected()
        if tag is None or self.focused is self.query_one(Input):
            return
        cursor = self.query_one(RowList).cursor
        if self._write(lambda: self._repo.hashtags.delete(tag.id)):
            self._refresh(cursor)

    def action_switch_new_kind(self) -> None:
        self.new_kind = (
            HashtagKind.SPECIFIC if self.new_kind is HashtagKind.GENERAL else HashtagKind.GENERAL
        )
        self._refresh()

    def action_close(self) -> None:
        self.dismiss(None)
