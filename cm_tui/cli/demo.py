"""``cm-tui demo`` and the demo store: generated, written, and renewed each day for ``--demo``
(and for ``cm-tui screenshots``)."""

from __future__ import annotations

import argparse
import contextlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cm_tui.cli.context import _context, _refuse_if_locked, _store_exists
from cm_tui.cli.output import EXIT_OK, CliError
from cm_tui.core.i18n import t
from cm_tui.io.demo_writer import PREF_DEMO_DAY, PREF_DEMO_LANGUAGE

if TYPE_CHECKING:
    from cm_tui.core.settings import Settings
    from cm_tui.store import Store

DEMO_SIZES = ("small", "year", "stress")

#: the demo that ``cm-tui --demo`` opens (tests make it ``small``)
DEMO_RUN_SIZE = "year"


def demo_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--size", choices=DEMO_SIZES, default="year", help=t("cli.help.size"))
    p.add_argument("--force", action="store_true", help=t("cli.help.force"))
    p.add_argument("--seed", type=int, default=None, help=t("cli.help.seed"))


def cmd_demo(args: argparse.Namespace) -> int:
    """Generate a demo store; an existing store is replaced only with ``--force``."""
    from cm_tui.io.locations import demo_db_path

    ctx = _context(args)
    db = args.db.expanduser() if args.db is not None else demo_db_path()
    if _store_exists(db):
        if not args.force:
            raise CliError(t("cli.error.demo_exists", path=db))
        _refuse_if_locked("demo", lambda: _wipe_store(db))
    _refuse_if_locked(
        "demo",
        lambda: write_demo_store(db, args.size, ctx.clock.now(), ctx.settings, args.seed),
    )
    print(t("cli.demo.written", size=args.size, path=db))
    return EXIT_OK


def open_demo_store(db: Path, now: datetime, settings: Settings) -> Store:
    """Open the demo store, generating the ``year`` demo first if it is missing or was generated
    for an earlier day than ``now`` (in the user's zone), so the demo always shows "today", or
    in another language than the interface's (its titles are written in one language)."""
    from cm_tui.core.i18n import language
    from cm_tui.store import Store

    today = now.astimezone(settings.zone).date().isoformat()
    if _store_exists(db):
        store = Store.open(db, backups_keep=settings.backups_keep)
        prefs = store.repo.prefs
        if prefs.get(PREF_DEMO_DAY) == today and prefs.get(PREF_DEMO_LANGUAGE) == language():
            return store
        store.close()
        _wipe_store(db)
    write_demo_store(db, DEMO_RUN_SIZE, now, settings, seed=None)
    return Store.open(db, backups_keep=settings.backups_keep)


def write_demo_store(
    db: Path, size: str, now: datetime, settings: Settings, seed: int | None
) -> None:
    """Generate the ``size`` demo at ``now`` (days and working hours in the settings' zone)
    and write it into a new store at ``db``."""
    from cm_tui.core.demo import generate_demo
    from cm_tui.core.recurrence import WorkHours
    from cm_tui.io.demo_writer import write_demo
    from cm_tui.io.shipped import load_catalog, load_networks
    from cm_tui.store import Store

    options: dict[str, Any] = {} if seed is None else {"seed": seed}
    data = generate_demo(
        size,
        now,
        **options,
        networks=load_networks(),
        templates=load_catalog(),
        tz=settings.timezone,
        hours=WorkHours.of(settings),
        archive_after_days=settings.archive_after_days,
        default_deadline_minutes=settings.reply_deadline_minutes,
        deadline_overrides=dict(settings.deadline_overrides) or None,
    )
    with Store.open(db, backups_keep=settings.backups_keep, holder="demo") as store:
        write_demo(store, data)


def _wipe_store(db: Path) -> None:
    """Delete a store's data (its backups stay, so ``cm-tui restore`` can bring it back).

    Opening it first proves no app holds it (``StoreLocked`` otherwise); a corrupt store is
    moved aside by ``Store.open`` itself, which is what we want before replacing it.
    """
    import shutil

    from cm_tui.store import Store, StoreCorrupt, StorePaths

    with contextlib.suppress(StoreCorrupt):
        Store.open(db, holder="demo").close()
    paths = StorePaths.for_db(db)
    paths.db.unlink(missing_ok=True)
    paths.journal.unlink(missing_ok=True)
    shutil.rmtree(paths.archive, ignore_errors=True)
