"""``cm-tui screenshots``: the README's pictures, one SVG per tab of the ``year`` demo."""

from __future__ import annotations

import argparse
from pathlib import Path

from cm_tui.cli.context import parse_now
from cm_tui.cli.demo import write_demo_store
from cm_tui.cli.output import EXIT_OK, CliError
from cm_tui.core.i18n import set_language, t

#: the instant of ``cm-tui screenshots`` (and of the README's pictures): a Thursday morning
SCREENSHOT_NOW = "2026-11-19T09:12:00+01:00"
SCREENSHOT_ZONE = "Europe/Paris"


def screenshots_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, default=Path("screenshots"), help=t("cli.help.out_dir"))


def cmd_screenshots(args: argparse.Namespace) -> int:
    """An SVG per tab, rendered from the ``year`` demo at ``SCREENSHOT_NOW`` (or ``--now``).

    Reproducible: the user's settings file is not read (Europe/Paris, default settings; only
    ``--lang`` changes the language), so the README's pictures are the same on every machine.
    """
    import tempfile

    from cm_tui.core.clock import FixedClock
    from cm_tui.core.settings import Settings
    from cm_tui.io.demo_writer import demo_settings
    from cm_tui.store import Store

    settings = Settings(timezone=SCREENSHOT_ZONE, language=args.lang or "en")
    set_language(settings.language)
    clock = FixedClock(parse_now(args.now or SCREENSHOT_NOW, settings))
    out: Path = args.out.expanduser()
    try:
        from cm_tui.ui.screenshots import write_screenshots
    except ImportError as exc:
        raise CliError(t("cli.error.ui_missing", reason=exc)) from None
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cm-tui-shots-") as tmp:
        db = Path(tmp) / "store.json"
        write_demo_store(db, "year", clock.now(), settings, seed=None)
        with Store.open(db) as store:
            written = write_screenshots(store, demo_settings(store, settings), clock, out)
    print(t("cli.screenshots.done", count=len(written), path=out))
    return EXIT_OK
