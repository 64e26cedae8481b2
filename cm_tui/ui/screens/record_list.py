"""A modal list of one kind of stored record, with add / edit through a form.

Subclasses give the repo, the order, how a row looks and the form; the list, the selection kept
across refreshes, the durable save (through the app's ``write``, so a failed write is reported,
never lost silently) and ``changed`` (the opening pane reloads when the modal closes) live here.
Messages come from ``stats.<AREA>.title|hint|empty|saved``; widget ids from ``AREA``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen

from cm_tui.core.i18n import t
from cm_tui.core.models import NetworkProfile
from cm_tui.ui.bindings import localize_bindings
from cm_tui.ui.widgets.rowlist import RowList

if TYPE_CHECKING:
    from cm_tui.store import Repository

R = TypeVar("R")


class RecordListScreen(ModalScreen[None], Generic[R]):
    AREA: ClassVar[str] = ""

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

    # shared --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        area = self.AREA
        with Vertical(id=f"{area}-body", classes="list-body") as body:
            body.border_title = t(f"stats.{area}.title")
            body.border_subtitle = t(f"stats.{area}.hint")
            yield RowList(self._row, id=f"{area}-list", empty_text=t(f"stats.{area}.empty"))

    def on_mount(self) -> None:
        self._refresh()
        self.query_one(RowList).focus()

    def network_names(self) -> dict[str, str]:
        return {n.key: n.name for n in self._networks}

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
            self.notify(t(message or f"stats.{self.AREA}.saved"))

    def action_close(self) -> None:
        self.dismiss(None)
