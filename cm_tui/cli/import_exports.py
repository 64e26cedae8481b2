"""``cm-tui import FILE`` for the platforms' own exports (Meta, LinkedIn, X, YouTube): no
``--table`` needed, the file is recognised by its content (``io.exports.recognise``).

The whole file is checked against the store into a plan (``io.exports.plan``), then written in
one transaction: the facts, the month figures they make, and with ``--create-posts`` the
published posts the Calendar lacks. ``--replace`` lets the export's figures replace figures
typed by hand. ``--dry-run`` prints what the file was taken for and the months and networks it
would change, and writes nothing (nor keeps the facts it would write: its memory does not grow
with the file). The same one-line errors, exit codes and store lock as every
import (``cli.importing``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cm_tui.cli.context import Context
from cm_tui.cli.output import EXIT_OK

if TYPE_CHECKING:
    from cm_tui.io.exports.plan import ExportPlan
    from cm_tui.io.exports.recognise import Recognised
    from cm_tui.store import Store


def recognised_export(path: Path) -> Recognised | None:
    """What ``path`` is if it is a platform export, ``None`` if it is not one; raises
    ``ImportRejected`` for a file that looks like one and is not (naming what was expected)."""
    from cm_tui.io.exports.recognise import recognise
    from cm_tui.io.tabular import file_problems

    with file_problems(path):
        return recognise(path)


def import_export(args: argparse.Namespace, ctx: Context, path: Path, found: Recognised) -> int:
    """Import the export ``path`` (module doc), the cyclic collector paused (``io.collector``:
    a third of a large file's time otherwise); the summary on stdout."""
    from cm_tui.cli.importing import _with_store
    from cm_tui.io.collector import collector_paused
    from cm_tui.io.exports.plan import apply_plan, summary

    def run(store: Store, dry_run: bool) -> ExportPlan:
        with collector_paused():
            plan = plan_for(store, path, ctx, found, args, dry_run)
            if not dry_run:
                with store.transaction():
                    apply_plan(store.repo, plan)
        return plan

    plan = _with_store(ctx, args.dry_run, run)
    for line in summary(plan, args.dry_run):
        print(line)
    return EXIT_OK


def plan_for(
    store: Store,
    path: Path,
    ctx: Context,
    found: Recognised,
    args: argparse.Namespace,
    dry_run: bool = False,
) -> ExportPlan:
    from cm_tui.io.exports.plan import read_export

    repo = store.repo
    return read_export(
        path,
        zone=ctx.settings.zone,
        networks=[n.key for n in repo.networks.all()],
        stored_facts=repo.export_facts.all(),
        figures=repo.figures.all(),
        posts=repo.posts.all(),
        replace=bool(getattr(args, "replace", False)),
        create_posts=bool(getattr(args, "create_posts", False)),
        recognised=found,
        dry_run=dry_run,
    )
