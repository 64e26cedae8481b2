#!/usr/bin/env python
"""cm-tui benchmarks. A script, not a test: ``python tests/perf/bench.py [--runs N] [--only a,b]``.

Prints ONE JSON object on stdout: each figure (a median), its target, whether it is met, the raw
samples and a few facts about the run. Progress goes to stderr. CI does not gate on it.

Figures (ARCHITECTURE "Latency benchmarks", issue 2):

* ``startup_ratio``: process start -> first frame of Today on the ``year`` demo store, divided by
  the same for a bare Textual app with four empty tabs in a ``TabbedContent``. Both run in fresh
  subprocesses, interleaved, headless at a fixed size. "Process start" is ``time.time()`` taken by
  this script just before spawning; "first frame" is the first call of ``App._display`` with a
  renderable (the method that writes a frame to the terminal), once the active tab's pane is
  mounted. The child then writes its figures to fd 1 and ``os._exit``\\s at once.
* ``write_ms``: one queue item update persisted (fsync included) on the ``stress`` store.
* ``rss_mb``: resident memory (VmRSS) right after the first frame with the ``stress`` store.

Adding a figure: write ``def bench_<name>(env: BenchEnv, runs: int) -> Result`` and list it in
``BENCHMARKS`` (a child mode, if it needs a fresh process, goes in ``CHILD_MODES``). ``BenchEnv``
generates each demo store once per run, on first use, through the real ``cm-tui demo`` command.

This module imports only light standard modules at top level (``statistics`` and ``subprocess``
are imported by the parent only): its child modes ARE the measured processes, so they must not
pay for anything the real ``cm-tui`` start-up does not.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SIZE = (140, 45)
#: the demo stores are generated at, and the app frozen at, this instant (README screenshots too)
NOW = "2026-11-19T09:12:00+01:00"
TABS = ("Today", "Calendar", "Queue", "Stats")
#: (comparison, target) per figure; the issue texts give them
TARGETS: dict[str, tuple[str, float]] = {
    "startup_ratio": ("<=", 1.3),
    "write_ms": ("<=", 10.0),
    "rss_mb": ("<=", 150.0),
}
WRITES_PER_RUN = 40


# =========================================================================== child side
# Each child mode runs in a fresh interpreter and prints one JSON line on fd 1.


def _emit(payload: dict[str, Any]) -> None:
    os.write(1, (json.dumps(payload) + "\n").encode())


def _rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # pragma: no cover - not Linux
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hook_first_frame(t0: float, ready: Callable[[Any], bool]) -> None:
    """Make every Textual app run headless at ``SIZE`` and exit at its first ready frame."""
    from textual.app import App

    display = App._display

    def _display(self: App, screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None and ready(self):
            elapsed = time.time() - t0
            _emit({"elapsed_s": elapsed, "rss_mb": _rss_mb()})
            os._exit(0)

    run = App.run

    def _run(self: App, *args: Any, **kwargs: Any) -> Any:
        kwargs["headless"] = True
        kwargs["size"] = SIZE
        return run(self, *args, **kwargs)

    App._display = _display  # type: ignore[method-assign]
    App.run = _run  # type: ignore[method-assign]


def child_bare(t0: float, _args: list[str]) -> None:
    """The baseline: a bare Textual app, four empty tabs in a TabbedContent."""
    _hook_first_frame(t0, lambda app: True)
    from textual.app import App, ComposeResult
    from textual.widgets import TabbedContent, TabPane

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            with TabbedContent():
                for title in TABS:
                    yield TabPane(title)

    Bare().run()


def child_app(t0: float, args: list[str]) -> None:
    """The real start-up path: ``cm_tui.cli.main(args)``, until the active tab's first frame.

    ``--tab NAME`` before the cm-tui arguments opens another tab first (``startup_ratio_stress``
    of the Queue issue will need it).
    """
    tab = None
    if args[:1] == ["--tab"]:
        tab, args = args[1], args[2:]

    def ready(app: Any) -> bool:
        pane = getattr(app, "active_pane", None)  # cm-tui's app: the tab's pane is mounted
        return pane is not None

    _hook_first_frame(t0, ready)
    if tab is not None:
        from cm_tui.ui import app as ui_app

        init = ui_app.CmTuiApp.__init__

        def __init__(self: Any, *a: Any, **kw: Any) -> None:
            kw["initial_tab"] = tab
            init(self, *a, **kw)

        ui_app.CmTuiApp.__init__ = __init__  # type: ignore[method-assign]
    from cm_tui.cli import main

    code = main(args)
    _emit({"error": f"the app exited with status {code} before its first frame"})
    os._exit(1)


def child_write(_t0: float, args: list[str]) -> None:
    """``WRITES_PER_RUN`` single queue-item updates on the store ``args[0]``, each timed."""
    from cm_tui.store import Store

    db, count = Path(args[0]), int(args[1])
    samples: list[float] = []
    with Store.open(db) as store:
        queue = store.repo.queue
        items = queue.open_items()[:count]
        if not items:
            _emit({"error": "no open queue item in the store"})
            os._exit(1)
        for i, item in enumerate(items):
            changed = item.replace(notes=f"bench {time.time_ns()} {i}")
            start = time.perf_counter()
            queue.update(changed)  # returns once durable (fsync'd)
            samples.append((time.perf_counter() - start) * 1000)
    _emit({"write_ms": samples})
    os._exit(0)


CHILD_MODES: dict[str, Callable[[float, list[str]], None]] = {
    "bare": child_bare,
    "app": child_app,
    "write": child_write,
}


# =========================================================================== parent side


@dataclass
class Result:
    """One figure: its value (a median) and the raw samples behind it."""

    value: float
    samples: dict[str, list[float]] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)


class BenchEnv:
    """Temporary home for one benchmark run: demo stores are generated on first use, once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.home = root / "home"
        self.home.mkdir()
        # fixed settings, so that the figures do not depend on the machine's zone or locale
        (self.home / "settings.toml").write_text(
            'timezone = "Europe/Paris"\nlanguage = "en"\n', encoding="utf-8"
        )
        self._stores: dict[str, Path] = {}
        self.generation_s: dict[str, float] = {}
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            # Compiled bytecode, as an installed package has it (pip compiles at install): without
            # it every child would recompile cm_tui (the bare app's textual is precompiled). The
            # warm-up runs fill this cache; the repository stays clean.
            "PYTHONPYCACHEPREFIX": str(root / "pycache"),
            "CM_TUI_HOME": str(self.home),
            "PYTHONPATH": os.pathsep.join(
                p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p
            ),
            "TEXTUAL_ANIMATIONS": "none",
        }

    def store(self, size: str) -> Path:
        if size not in self._stores:
            db = self.root / size / "store.json"
            import subprocess

            _log(f"generating the {size} demo store...")
            start = time.perf_counter()
            cmd = [sys.executable, "-m", "cm_tui", "demo", "--size", size]
            cmd += ["--db", str(db), "--now", NOW]
            proc = subprocess.run(cmd, env=self.env, capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                raise RuntimeError(f"cm-tui demo --size {size} failed: {proc.stderr.strip()}")
            self.generation_s[size] = round(time.perf_counter() - start, 2)
            self._stores[size] = db
        return self._stores[size]

    def child(self, mode: str, *args: str) -> dict[str, Any]:
        """Run a child mode in a fresh interpreter; its JSON line."""
        import subprocess

        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode]
        t0 = time.time()
        proc = subprocess.run(
            [*cmd, repr(t0), *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise RuntimeError(
                f"child {mode} gave no figures (status {proc.returncode}): "
                f"{proc.stderr.strip()[-2000:]}"
            )
        payload = json.loads(lines[-1])
        if "error" in payload:
            raise RuntimeError(f"child {mode}: {payload['error']}: {proc.stderr.strip()[-2000:]}")
        return payload

    def app_args(self, size: str) -> list[str]:
        return ["--db", str(self.store(size)), "--now", NOW]


def bench_startup_ratio(env: BenchEnv, runs: int) -> Result:
    import statistics

    args = env.app_args("year")
    env.child("bare")  # warm-up (page cache, .pyc files), not counted
    env.child("app", *args)
    bare: list[float] = []
    app: list[float] = []
    for i in range(runs):
        _log(f"startup {i + 1}/{runs}")
        bare.append(env.child("bare")["elapsed_s"])
        app.append(env.child("app", *args)["elapsed_s"])
    ratio = statistics.median(app) / statistics.median(bare)
    return Result(
        ratio,
        {"startup_year_s": app, "startup_bare_s": bare},
        {
            "startup_year_s": statistics.median(app),
            "startup_bare_s": statistics.median(bare),
        },
    )


def bench_write_ms(env: BenchEnv, runs: int) -> Result:
    import statistics

    db = str(env.store("stress"))
    samples: list[float] = []
    for i in range(runs):
        _log(f"write {i + 1}/{runs}")
        samples.extend(env.child("write", db, str(WRITES_PER_RUN))["write_ms"])
    return Result(
        statistics.median(samples),
        {"write_ms": samples},
        {"write_ms_p95": _percentile(samples, 95), "writes": len(samples)},
    )


def bench_rss_mb(env: BenchEnv, runs: int) -> Result:
    import statistics

    args = env.app_args("stress")
    env.child("app", *args)  # warm-up
    rss: list[float] = []
    elapsed: list[float] = []
    for i in range(runs):
        _log(f"rss {i + 1}/{runs}")
        payload = env.child("app", *args)
        rss.append(payload["rss_mb"])
        elapsed.append(payload["elapsed_s"])
    return Result(
        statistics.median(rss),
        {"rss_mb": rss, "startup_stress_s": elapsed},
        {"startup_stress_s": statistics.median(elapsed)},
    )


BENCHMARKS: dict[str, Callable[[BenchEnv, int], Result]] = {
    "startup_ratio": bench_startup_ratio,
    "write_ms": bench_write_ms,
    "rss_mb": bench_rss_mb,
}


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def _log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, list):
        return [_round(v) for v in value]
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    return value


def _meets(name: str, value: float) -> bool | None:
    if name not in TARGETS:
        return None
    op, target = TARGETS[name]
    return value <= target if op == "<=" else value >= target


def _filesystem(path: Path) -> str:
    """The file system type holding ``path`` (fsync on tmpfs costs nothing: say so)."""
    best, kind = "", "?"
    try:
        with open("/proc/mounts", encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) > 2 and str(path).startswith(parts[1]) and len(parts[1]) > len(best):
                    best, kind = parts[1], parts[2]
    except OSError:  # pragma: no cover - not Linux
        pass
    return kind


def run(names: list[str], runs: int, where: Path | None = None) -> dict[str, Any]:
    import platform
    import tempfile

    out: dict[str, Any] = {}
    samples: dict[str, Any] = {}
    info: dict[str, Any] = {
        "runs": runs,
        "size": list(SIZE),
        "now": NOW,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }
    with tempfile.TemporaryDirectory(prefix="cm-tui-bench-", dir=where) as tmp:
        info["filesystem"] = _filesystem(Path(tmp).resolve())
        env = BenchEnv(Path(tmp))
        for name in names:
            result = BENCHMARKS[name](env, runs)
            out[name] = result.value
            samples.update(result.samples)
            info.update(result.info)
        info["demo_generation_s"] = env.generation_s
    try:
        from importlib.metadata import version

        info["textual"] = version("textual")
    except Exception:  # pragma: no cover - not installed as a distribution
        pass
    return _round(
        {
            **out,
            "targets": {n: f"{TARGETS[n][0]} {TARGETS[n][1]}" for n in names if n in TARGETS},
            "meets_target": {n: _meets(n, out[n]) for n in names},
            "samples": samples,
            "info": info,
        }
    )


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="bench.py",
        description="cm-tui benchmarks: prints one JSON object (medians, targets, raw samples).",
    )
    parser.add_argument(
        "--runs", type=int, default=5, help="runs per figure (at least 5 for the issue's medians)"
    )
    parser.add_argument(
        "--only",
        default="",
        help=f"comma-separated figures to measure (default: all): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="where to generate the demo stores (default: the system's temp folder; "
        "use a folder on the disk your data lives on: fsync on tmpfs costs nothing)",
    )
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    print(_dumps(run(names, args.runs, args.dir)))
    return 0


def _dumps(result: dict[str, Any]) -> str:
    """One JSON object, indented, with each list of samples kept on one line."""
    import re

    text = json.dumps(result, indent=2)
    return re.sub(
        r"\[\s*([-\d.eE,\s]+?)\s*\]",
        lambda m: "[" + ", ".join(v.strip() for v in m.group(1).split(",")) + "]",
        text,
    )


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(REPO))
        CHILD_MODES[sys.argv[2]](float(sys.argv[3]), sys.argv[4:])
    else:
        sys.exit(main())
