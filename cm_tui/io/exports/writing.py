"""An export's plan written in steps, taken back, and undone as one edit.

``cm-tui import`` writes a plan in one transaction (``plan.apply_plan`` runs every step in the
caller's). The app cannot: a 100,000-post file is 100,000 facts, seconds of one transaction on
the UI thread, and no key would be handled meanwhile. So the app runs ``ExportWrite.steps()``
one transaction each, between keys (``ui.queue_import_flow``), as the queue import writes its
chunks (docs/architecture.md, "Platform exports"):

1. the Calendar posts to create (``--create-posts``; never from the app), so the facts name them;
2. the month figures, in one step: a quit half-way leaves the figures right and only some of
   the facts (importing the file again completes them: the figures then already hold what it
   gives, so none is taken for one typed by hand);
3. the new facts, then the updated ones, ``CHUNK`` a step.

A record is counted as written only once its step's transaction committed (``run``), so
``take_back`` (one transaction) restores exactly what this import changed: the records it added
are removed, the ones it updated written back as they were. ``edit`` is the whole import as one
step of the app's undo history, once every step landed.

Pure of the UI: the repository and the store's transaction are given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from cm_tui.core.edits import Aliases, GroupEdit, Label, RecordsEdit
from cm_tui.core.export_facts import ExportFact, fact_identity
from cm_tui.io.exports.plan import ExportPlan

#: facts written per transaction: below the store's snapshot threshold (1,000 documents), so
#: each step is one journal line and 10-20 ms of UI time, as the queue import's chunks
CHUNK = 500

#: what one step wrote: its table, the records it added and those it updated, as stored
Landed = tuple[str, list[Any], list[Any]]


@dataclass
class _Written:
    """What the committed steps wrote, per table: added records, and updated ones (as they
    are now and as they were)."""

    added: list[Any] = field(default_factory=list)
    updated: list[Any] = field(default_factory=list)
    was: list[Any] = field(default_factory=list)


class ExportWrite:
    """Writing ``plan`` through ``repo`` (a ``store.Repository``) in steps (module doc).
    ``transaction`` is the store's; every method runs where the store is used (the app's UI
    thread)."""

    def __init__(
        self,
        repo: Any,
        plan: ExportPlan,
        transaction: Callable[[], AbstractContextManager[None]],
    ) -> None:
        self.repo = repo
        self.plan = plan
        self.transaction = transaction
        self._written = {"posts": _Written(), "figures": _Written(), "export_facts": _Written()}
        #: table -> id -> the record as it was before this import updated it
        self._replaced: dict[str, dict[int, Any]] = {
            "figures": {r.id: r for r in plan.replaced_months},
            "export_facts": {r.id: r for r in plan.replaced_facts},
        }

    def steps(self) -> Iterator[Callable[[], Landed]]:
        """The steps, in order; give each to ``run``. The chunk size is read when called."""
        plan = self.plan
        if plan.new_posts:
            yield self._create_posts
        yield self._months
        size = CHUNK
        new, updated = plan.new_facts, plan.updated_facts
        for start in range(0, len(new), size):
            yield _bound(self._add_facts, new[start : start + size])
        for start in range(0, len(updated), size):
            yield _bound(self._update_facts, updated[start : start + size])

    def run(self, step: Callable[[], Landed]) -> None:
        """``step`` in one transaction; what it wrote is counted once that committed (the
        store raises ``StoreWriteError`` otherwise, its memory unchanged)."""
        with self.transaction():
            table, added, updated = step()
        written = self._written[table]
        written.added += added
        written.updated += updated
        before = self._replaced.get(table, {})
        written.was += [before[record.id] for record in updated]

    def run_all(self) -> None:
        """Every step, one after the other (in the caller's transaction, if any)."""
        for step in self.steps():
            self.run(step)

    def take_back(self) -> None:
        """Undo what the committed steps wrote (all or nothing, in one transaction)."""
        with self.transaction():
            self._edit(Label("", ()), "", lambda _table: Aliases()).revert()
        for written in self._written.values():
            written.added.clear()
            written.updated.clear()
            written.was.clear()

    def edit(self, label: Label, tab: str, aliases: Callable[[str], Aliases]) -> GroupEdit:
        """The import as one undo step, already applied (every step landed): reverting it
        removes what it added and writes back what it updated; applying it again writes the
        import's records back. ``aliases(table)`` gives the history's id aliases."""
        return self._edit(label, tab, aliases)

    # ------------------------------------------------------------------ steps

    def _create_posts(self) -> Landed:
        plan = self.plan
        created = self.repo.posts.add_many([post for post, _key in plan.new_posts])
        ids = {key: post.id for (_post, key), post in zip(plan.new_posts, created, strict=True)}
        for fact in (*plan.new_facts, *plan.updated_facts):
            fact.post = ids.get(fact_identity(fact), fact.post)
        plan.matched += len(ids)
        plan.unmatched -= len(ids)
        return ("posts", created, [])

    def _months(self) -> Landed:
        months = self.plan.months
        added = self.repo.figures.add_many(months.new)
        updated = [self.repo.figures.update(record) for record in months.updates]
        return ("figures", added, updated)

    def _add_facts(self, facts: Sequence[ExportFact]) -> Landed:
        return ("export_facts", self.repo.export_facts.add_many(facts), [])

    def _update_facts(self, facts: Sequence[ExportFact]) -> Landed:
        return ("export_facts", [], [self.repo.export_facts.update(fact) for fact in facts])

    # ------------------------------------------------------------------ the edit

    def _edit(self, label: Label, tab: str, aliases: Callable[[str], Aliases]) -> GroupEdit:
        """One ``RecordsEdit`` per table (posts, figures, facts: applied in that order,
        reverted in the reverse), from what it held before to what the steps wrote."""
        parts: list[RecordsEdit[Any]] = []
        for table, written in self._written.items():
            records = getattr(self.repo, table)
            after = [*written.added, *written.updated]
            parts.append(RecordsEdit(records, aliases(table), written.was, after, label, tab))
        return GroupEdit(parts, label, tab)


def _bound(step: Callable[..., Landed], *args: Any) -> Callable[[], Landed]:
    def bound() -> Landed:
        return step(*args)

    return bound


__all__ = ["CHUNK", "ExportWrite"]
