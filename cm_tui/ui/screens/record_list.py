"""A modal list of one kind of stored record, with add / edit through a form and delete after a
confirmation.

Subclasses give the repo, the order, how a row looks, the form and the deletion question; the
list, the selection kept across refreshes, the durable save and delete (through the app's
``write``, so a failed write is reported, never lost silently) and ``changed`` (the opening pane
reloads when the modal closes) live here. Messages come from
``stats.<AREA>.title|hint|empty|saved|deleted``; widget ids from ``AREA``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen

from cm_tui.core.i18n import t
from cm_tui.core.models import NetworkProfile, network_names
from cm_tui.ui.bindings import localize_bindings
from cm_tui.ui.widgets.rowlist import RowList

if TYPE_CHECKING:
    from cm_tui.store import Repository

R = TypeVar("R")


def list_bindings(area: str, *extra: Binding) -> list[BindingType]:
    """The keys every record list has (close, add, edit, ``extra``, delete), their ids under
    ``area`` so that each list's keys can be remapped on their own."""
    return [
        Binding("escape", "close", "stats.list.close", id=f"{area}.close"),
        Binding("a", "add", "stats.list.add", id=f"{area}.add"),
        Binding("e,enter", "edit", "stats.list.edit", id=f"{area}.edit"),
        *extra,
        Binding("x,delete", "delete", "stats.list.delete", id=f"{area}.delete"),
    ]


class RecordListScreen(ModalScreen[None], Generic[R]):
    AREA: ClassVar[str] = ""
    CSS_PATH = "stats_modals.tcss"

    def __init__(
        self,
        repo: Repository,
        write: Callable[[Callable[[], object]], bool],
        networks: list[NetworkProfile],
    ) -> None:
        super().__init__()
        localize_bindings(self)
        self._repo = repo
        self._write = write
        self._networks = networks
        #: set once something was saved: the pane reloads when the screen closes
        self.changed = False

    # subclasses ----------------------------------------------------------------------------
    def entity(self) -> Any:
        """The repository of the records (``repo.campaigns``...)."""
        raise NotImplementedError

    def records(self) -> list[R]:
        """The records, in display order."""
        raise NotImplementedError

    def _row(self, record: R, width: int) -> Content:
        raise NotImplementedError

    def delete_question(self, record: R) -> Content:
        """What the confirmation asks before ``record`` is deleted (user text as plain text)."""
        raise NotImplementedError

    def delete_record(self, record: R) -> None:
        """Delete ``record`` from the store (one durable write; raises ``StoreWriteError``)."""
        self.entity().delete(record.id)  # type: ignore[attr-defined]

    def list_title(self) -> str:
        return t(f"stats.{self.AREA}.title")

    # shared --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        area = self.AREA
        with Vertical(id=f"{area}-body", classes="list-body") as body:
            body.border_title = self.list_title()
            body.border_subtitle = t(f"stats.{area}.hint")
            yield RowList(self._row, id=f"{area}-list", empty_text=t(f"stats.{area}.empty"))

    def on_mount(self) -> None:
        self._refresh()
        self.query_one(RowList).focus()

    def network_names(self) -> dict[str, str]:
        return network_names(self._networks)

    def _refresh(self, select_id: int | None = None) -> None:
        rows = self.records()
        listing = self.query_one(RowList)
        cursor = listing.cursor
        if select_id is not None:
            cursor = next((i for i, r in enumerate(rows) if r.id == select_id), cursor)  # type: ignore[attr-defined]
        listing.set_rows(rows, cursor)

    def _selected(self) -> R | None:
        return self.query_one(RowList).current  # type: ignore[no-any-return]

    def _save(self, record: R | None, message: str | None = None) -> None:
        """Add (``id == 0``) or update ``record``, select it and say so (``message`` key)."""
        if record is None:
            return
        entity = self.entity()
        if record.id:  # type: ignore[attr-defined]
            saved = self._write(lambda: entity.update(record))
            select: int | None = record.id  # type: ignore[attr-defined]
        else:
            added: list[Any] = []
            saved = self._write(lambda: added.append(entity.add(record)))
            select = added[0].id if added else None
        if saved:
            self.changed = True
            self._refresh(select)
            self.notify(t(message or f"stats.{self.AREA}.saved"), markup=False)

    def action_delete(self) -> None:
        """Ask first; on yes, delete the selected record (``no`` or ``escape`` keep it)."""
        from cm_tui.ui.screens.confirm import Confirm

        record = self._selected()
        if record is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if self._write(lambda: self.delete_record(record)):
                self.changed = True
                self._refresh()
                self.notify(t(f"stats.{self.AREA}.deleted"), markup=False)

        self.app.push_screen(Confirm(self.delete_question(record)), answered)

    def action_close(self) -> None:
        self.dismiss(None)
