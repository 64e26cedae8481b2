#!/usr/bin/env python
"""cm-tui benchmarks. A script, not a test: ``python tests/perf/bench.py [--runs N] [--only a,b]``.

Prints ONE JSON object on stdout: each figure (a median or a p95) and beside it
``<figure>_ratio`` (the same action in a bare Textual app / the standard library, measured in
the same run), their targets, ``meets_target`` (judged on the ratio: the machine's speed of the
moment cancels out of it), ``meets_absolute_target``, ``quiet_machine`` (may the absolute figure
be trusted), the raw samples and a few facts about the run. Progress, and a table of the
figures saying which are judged on ratios, go to stderr. CI does not gate on it. ``--list``
prints the registered figures and their targets instead.

This file is the harness: the registry, ``BenchEnv`` (demo stores, child processes), ``Result``,
``run``/``main`` and the child dispatch. The figures live in the ``bench_<area>.py`` modules
beside it (start-up, store, Today, Queue, import, Calendar, Stats, reply...), which the harness
imports, in name order, when it starts; ``hooks.py`` holds the child-side helpers (frame timing,
resident memory, headless runs) and ``baseline.py`` the bare apps the figures are compared with.
docs/architecture.md ("Performance facts") says what each figure stands for.

Adding a figure
---------------
In a module ``tests/perf/bench_<area>.py`` (a new file is found by its name)::

    from bench import BenchEnv, Result, child, figure, interleave, paired_ratio
    from hooks import emit

    @child("my_mode")                       # a measured process, if the figure needs one
    def child_my_mode(t0: float, args: list[str]) -> None:
        ...                                 # measure, then emit({"samples": [...]}); os._exit(0)

    @figure("my_ms", target=("<=", 16.0), ratio_target=("<=", 2.0))
    def bench_my_ms(env: BenchEnv, runs: int) -> Result:
        pairs = interleave(env, runs, "my_ms", ["my_mode", *env.app_args("stress")],
                           ["bare_keys", "list", "10000", "30", "j"])
        app = [a["samples"] for a, _ in pairs]
        bare = [b["samples"] for _, b in pairs]
        flat = [v for run in app for v in run]
        return Result(statistics.median(flat), {"my_ms": flat}, {}, paired_ratio(app, bare))

* ``@figure(name, target=(op, value), ratio_target=(op, value))`` registers a figure: ``op`` is
  ``"<="`` or ``">="``. ``target`` is the absolute target (what a user on an ordinary laptop
  feels); ``ratio_target`` bounds ``Result.ratio``, the figure over the same action in a bare
  app / the standard library measured in the same run, which is what ``meets_target`` judges.
  Every figure has both (``test_bench_smoke.py`` checks): set the ratio target from your own
  runs with a margin, and say which runs in the commit (the first ones: the larger ratio of a
  ``--runs 5`` run and one beside a CPU burner, x 1.25). ``ratios`` in the JSON holds every
  judged ratio (``<figure>_ratio`` beside the figure too, unless its name ends in ``_ratio``).
  Names are unique; a clash fails at import.
* The baseline: a child of ``baseline.py`` (``bare`` start-up; ``bare_keys``: a key in a
  line-API list, a screen-sized ``Static`` repainted, a modal opened, typed into and closed;
  ``csv_peak``) or stdlib work timed in the figure's own child right before each sample. Run
  the two in lockstep (``interleave``: bare and app pressed in turn, three pairs per run;
  a child takes its turn with ``lockstep.press_turn()`` before each press) and take
  ``paired_ratio`` (the median of the per-run ratios of medians).
* ``@child(mode)`` registers a child mode: ``env.child(mode, *args)`` runs it in a fresh
  interpreter (``bench.py --child module:mode t0 args...``, importing only the harness and that
  module) and returns the JSON line it emitted. Modes are unique across modules.
* ``BenchEnv`` generates each demo store once per run, on first use, through the real
  ``cm-tui demo`` command (``env.store(size)``, ``env.app_args(size)``).
* The harness starts the bare app before and after each figure: ``quiet_machine`` says
  whether the machine was quiet for it (its bare starts within 20 % of the session's fastest).

Every module of the benchmark imports only light standard modules at top level (``statistics``
and ``subprocess`` are imported by the parent only, inside functions): its child modes ARE the
measured processes, so they must not pay for anything the real ``cm-tui`` start-up does not.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Run as a script this module is ``__main__``; the figure modules import it as ``bench``: one
# module object, hence one registry.
sys.modules.setdefault("bench", sys.modules[__name__])

from hooks import SIZE  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
#: the demo stores are generated at, and the app frozen at, this instant (README screenshots too)
NOW = "2026-11-19T09:12:00+01:00"

__all__ = [
    "NOW",
    "REPO",
    "SIZE",
    "BenchEnv",
    "Result",
    "child",
    "cpu_ratio",
    "figure",
    "interleave",
    "log",
    "mean_ratio",
    "pair_numbers",
    "paired_ratio",
    "percentile",
    "sample_pair_ratio",
]


# =========================================================================== registry


@dataclass(frozen=True)
class Figure:
    """A registered figure: how to measure it and what it is judged against."""

    name: str
    measure: Callable[[BenchEnv, int], Result]
    #: (comparison, value): the absolute target
    target: tuple[str, float]
    #: (comparison, value) for ``<name>_ratio``; None only for a figure without a baseline yet
    ratio_target: tuple[str, float] | None
    module: str


FIGURES: dict[str, Figure] = {}
#: child mode -> (module, function)
CHILDREN: dict[str, tuple[str, Callable[[float, list[str]], None]]] = {}

Measure = Callable[["BenchEnv", int], "Result"]
ChildMode = Callable[[float, list[str]], None]


def figure(
    name: str, *, target: tuple[str, float], ratio_target: tuple[str, float] | None = None
) -> Callable[[Measure], Measure]:
    """Register ``bench_<name>(env, runs) -> Result`` as the figure ``name`` (see the module
    docstring, "Adding a figure")."""
    for op, _value in (target, ratio_target or ("<=", 0.0)):
        if op not in ("<=", ">="):
            raise ValueError(f"figure {name}: comparison {op!r} is neither '<=' nor '>='")

    def register(measure: Measure) -> Measure:
        if name in FIGURES:
            raise ValueError(f"figure {name} registered twice ({FIGURES[name].module})")
        FIGURES[name] = Figure(name, measure, target, ratio_target, measure.__module__)
        return measure

    return register


def child(mode: str) -> Callable[[ChildMode], ChildMode]:
    """Register ``child_<mode>(t0, args)`` as a child mode (a measured process)."""

    def register(run_child: ChildMode) -> ChildMode:
        if mode in CHILDREN:
            raise ValueError(f"child mode {mode} registered twice ({CHILDREN[mode][0]})")
        CHILDREN[mode] = (run_child.__module__, run_child)
        return run_child

    return register


def load_figures() -> None:
    """Import every ``bench_<area>.py`` beside this file (each registers its figures): start-up
    and store first (the figures every issue cites), then the others in name order."""
    import importlib

    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    first = ("bench_startup", "bench_store")
    names = sorted(path.stem for path in HERE.glob("bench_*.py"))
    for name in (*first, *(n for n in names if n not in first)):
        importlib.import_module(name)


# =========================================================================== parent side


@dataclass
class Result:
    """One figure: its absolute value (a median or a p95, as its target says), its ratio to the
    same action in a bare app / the standard library measured in the same run (``paired_ratio``;
    for a figure that is a ratio already, the value itself), and the raw samples behind them."""

    value: float
    samples: dict[str, list[float]] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)
    ratio: float | None = None


#: pairs of children ``interleave`` runs per requested run
PAIRS_PER_RUN = 3


def pair_numbers(runs: int, label: str) -> Iterator[int]:
    """``0 .. runs x PAIRS_PER_RUN - 1``, each logged as it starts: the pairs of a figure that
    pairs its children itself (``interleave``'s count, for the same reason)."""
    total = runs * PAIRS_PER_RUN
    for i in range(total):
        log(f"{label} {i + 1}/{total}")
        yield i


def interleave(
    env: BenchEnv, runs: int, label: str, app: list[str], bare: list[str]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """``runs`` x ``PAIRS_PER_RUN`` pairs of children: ``app`` and ``bare`` are a child mode and
    its arguments. Their payloads, paired.

    The two children of a pair run in lockstep (``BenchEnv.lockstep``): a bare press, then an
    app press, in turn, so both see the machine at the same moment. Before, they ran back to
    back and a figure's ratio moved by up to 24 % between a plain run and one beside a burner.

    Why three pairs a run: a key's CPU time is steady within a process (the median of 40
    presses) but not between processes: on a quiet machine, eight pairs of ``d`` on the Queue
    gave per-pair ratios from 1.60 to 2.39 (the bare list 2.8 to 4.0 ms, the app 5.5 to
    7.0 ms). The median of three such ratios moved by more than 15 % between two runs of the
    bench about one time in six; the median of nine, about one time in fifty."""
    pairs = []
    for _ in pair_numbers(runs, label):
        bare_payload, app_payload = env.lockstep(bare, app)
        pairs.append((app_payload, bare_payload))
    return pairs


def paired_ratio(app: list[list[float]], bare: list[list[float]], pct: float = 50) -> float:
    """The median over runs of ``percentile(app run) / percentile(bare run)`` (the median by
    default): each pair ran in lockstep, so the machine's speed of the moment cancels out;
    medians, not p95s, because one stall on a shared machine moves a p95 of 30 presses by half.

    Pass CPU times where the action is CPU work (``time.thread_time`` / ``process_time``: the
    key children emit them as ``cpu``): a busy machine stretches a long action's wall time more
    than a short one's (it is preempted more often), so wall-time ratios of a 20 ms key to a
    3 ms one moved by half under a CPU burner, their CPU-time ratios by a few per cent. A wait
    (a timer, a lock) is not CPU time: the absolute figure, on a quiet machine, shows those."""
    import statistics

    return statistics.median(
        percentile(a, pct) / percentile(b, pct) for a, b in zip(app, bare, strict=True)
    )


def mean_ratio(app: list[list[float]], bare: list[list[float]]) -> float:
    """The median over runs of ``mean(app run) / mean(bare run)``: for CPU times that fall in
    two modes. A typed burst renders five frames or eight depending on when the frame timer
    fires (the same bare burst took 40-50 or 75-90 ms of CPU time within one process); the
    median of a run jumps from one mode to the other as their shares shift, the mean (the CPU
    time a burst costs over the run) moves with the shares: per-pair bare figures spread over
    55-75 ms as medians, 61-70 ms as means."""
    import statistics

    return statistics.median(
        statistics.fmean(a) / statistics.fmean(b) for a, b in zip(app, bare, strict=True)
    )


def sample_pair_ratio(app: list[float], bare: list[float]) -> float:
    """``paired_ratio`` of pairs of one sample a side (``app[i]`` beside ``bare[i]``, taken
    back to back): the median of ``app[i] / bare[i]``. Where one process is one sample (a
    command, an import), the two of a pair see the same machine; the ratio of two medians of
    samples taken at different moments does not."""
    return paired_ratio([[a] for a in app], [[b] for b in bare])


def pooled_median(
    pairs: list[tuple[list[float], list[float]]], name: str, bare_name: str, info: dict[str, Any]
) -> Result:
    """A latency figure from interleaved runs, each a list of seconds: the median of every app
    sample pooled, its p95 (``<name>_p95_s``), the bare median (``<bare_name>_median_s``) and
    the ``paired_ratio`` of the runs; ``name`` and ``bare_name`` end in ``_s``."""
    app_all = [s for app, _ in pairs for s in app]
    bare_all = [s for _, bare in pairs for s in bare]
    return Result(
        percentile(app_all, 50),
        {name: app_all, bare_name: bare_all},
        {
            name.removesuffix("_s") + "_p95_s": percentile(app_all, 95),
            bare_name.removesuffix("_s") + "_median_s": percentile(bare_all, 50),
            **info,
        },
        paired_ratio([app for app, _ in pairs], [bare for _, bare in pairs]),
    )


def cpu_ratio(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> float:
    """``paired_ratio`` of the ``cpu`` samples of ``interleave``'s pairs."""
    return paired_ratio([app["cpu"] for app, _ in pairs], [bare["cpu"] for _, bare in pairs])


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
        #: every start of the bare app of this session (``child("bare")``), in seconds, in order:
        #: the fastest one is what the machine can do; ``quiet_machine`` compares with it
        self.bare_starts: list[float] = []
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
            # the frame rate cm-tui's entry point sets (cm_tui/cli.py); the bare app gets the
            # same, so start-up ratios compare like with like
            "TEXTUAL_FPS": "240",
        }

    def store(self, size: str) -> Path:
        """The demo store of ``size``, generated by ``cm-tui demo`` on first use."""
        if size not in self._stores:
            db = self.root / size / "store.json"
            import subprocess

            log(f"generating the {size} demo store...")
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

        proc = subprocess.run(
            self._command(mode, args),
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        return self._payload(mode, proc.returncode, proc.stdout, proc.stderr)

    def lockstep(self, *children: list[str], settle: float | None = None) -> list[dict[str, Any]]:
        """Children (``[mode, *args]`` each) alive together, taking turns press by press
        (``lockstep.py``: why, and the protocol); their JSON lines, in order. ``settle``: the
        seconds each waits after a press (``lockstep.settle_s``), if not its own default."""
        from lockstep import SETTLE_ENV, run_lockstep

        commands = [self._command(mode, args) for mode, *args in children]
        env = self.env if settle is None else {**self.env, SETTLE_ENV: str(settle)}
        results = run_lockstep(commands, env)
        return [
            self._payload(mode, *result)
            for (mode, *_), result in zip(children, results, strict=True)
        ]

    def _command(self, mode: str, args: Sequence[str]) -> list[str]:
        if mode not in CHILDREN:
            raise KeyError(f"no child mode {mode!r} (registered with @child)")
        module = CHILDREN[mode][0]
        script = str(Path(__file__).resolve())
        return [sys.executable, script, "--child", f"{module}:{mode}", repr(time.time()), *args]

    def _payload(self, mode: str, status: int, stdout: str, stderr: str) -> dict[str, Any]:
        lines = [line for line in stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise RuntimeError(
                f"child {mode} gave no figures (status {status}): {stderr.strip()[-2000:]}"
            )
        payload: dict[str, Any] = json.loads(lines[-1])
        if "error" in payload:
            raise RuntimeError(f"child {mode}: {payload['error']}: {stderr.strip()[-2000:]}")
        if mode == "bare":
            self.bare_starts.append(payload["elapsed_s"])
        return payload

    def app_args(self, size: str) -> list[str]:
        """``cm-tui`` arguments opening the demo store of ``size`` at ``NOW``."""
        return ["--db", str(self.store(size)), "--now", NOW]


def percentile(values: list[float], pct: float) -> float:
    """The ``pct`` percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def log(message: str) -> None:
    """Progress, on stderr (stdout carries the one JSON object)."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, list):
        return [_round(v) for v in value]
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    return value


def _meets(bound: tuple[str, float], value: float) -> bool:
    op, target = bound
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
    ratios: dict[str, float] = {}
    starts: dict[str, list[float]] = {}
    errors: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="cm-tui-bench-", dir=where) as tmp:
        info["filesystem"] = _filesystem(Path(tmp).resolve())
        env = BenchEnv(Path(tmp))
        env.child("bare")  # warm-up (page cache, .pyc files), not counted
        env.bare_starts.clear()
        for name in names:
            mark = len(env.bare_starts)
            env.child("bare")  # the machine's speed around the figure (``quiet_machine``)
            try:
                result = FIGURES[name].measure(env, runs)
            except Exception as exc:  # one broken figure must not cost the others' run
                log(f"{name} failed: {str(exc)[-1500:]}")
                errors[name] = str(exc)[-1500:]
                continue
            env.child("bare")
            starts[name] = env.bare_starts[mark:]
            out[name] = result.value
            if result.ratio is not None:
                ratios[name] = result.ratio
            samples.update(result.samples)
            info.update(result.info)
        info["demo_generation_s"] = env.generation_s
        info["bare_start_fastest_s"] = min(env.bare_starts)
    quiet = _quiet(starts, min(env.bare_starts))
    names = [n for n in names if n in out]
    try:
        from importlib.metadata import version

        info["textual"] = version("textual")
    except Exception:  # pragma: no cover - not installed as a distribution
        pass
    judged = {n: "ratio" if _judged_on_ratio(n, ratios) else "absolute" for n in names}
    result = {
        **{k: v for n in names for k, v in _figure_keys(n, out[n], ratios.get(n)).items()},
        "ratios": {n: ratios[n] for n in names if n in ratios},
        "judged_on": judged,
        "targets": {n: _bound(FIGURES[n].target) for n in names},
        "ratio_targets": {n: _bound(FIGURES[n].ratio_target) for n in names},
        "meets_target": {
            n: _meets(FIGURES[n].ratio_target, ratios[n])  # type: ignore[arg-type]
            if judged[n] == "ratio"
            else _meets(FIGURES[n].target, out[n])
            for n in names
        },
        "meets_absolute_target": {n: _meets(FIGURES[n].target, out[n]) for n in names},
        "quiet_machine": quiet,
        "errors": errors,
        "samples": samples,
        "info": {**info, "bare_starts_s": starts},
    }
    _print_table(names, out, ratios, result)
    return _round(result)


def _judged_on_ratio(name: str, ratios: dict[str, float]) -> bool:
    return name in ratios and FIGURES[name].ratio_target is not None


def _figure_keys(name: str, value: float, ratio: float | None) -> dict[str, float]:
    """The figure and, beside it, ``<name>_ratio`` (not repeated for a figure that is a ratio)."""
    if ratio is None or name.endswith("_ratio"):
        return {name: value}
    return {name: value, f"{name}_ratio": ratio}


def _quiet(starts: dict[str, list[float]], fastest: float) -> dict[str, bool]:
    """Per figure: was the machine quiet while it ran? The bare app's starts around and during
    the figure (median) within 20 % of its fastest start of the session. The absolute figures
    of a busy machine are not what a user feels; their ratios still hold."""
    import statistics

    return {n: statistics.median(s) <= 1.2 * fastest for n, s in starts.items() if s}


def _print_table(
    names: list[str], out: dict[str, float], ratios: dict[str, float], result: dict[str, Any]
) -> None:
    """The figures as a table on stderr, saying which are judged on their ratio."""
    rows = [("figure", "absolute", "target", "ratio", "ratio target", "judged on", "met", "quiet")]
    for n in names:
        spec = FIGURES[n]
        ratio = ratios.get(n)
        rows.append(
            (
                n,
                f"{out[n]:.4g}",
                _bound(spec.target) or "",
                "" if ratio is None else f"{ratio:.3g}",
                _bound(spec.ratio_target) or "",
                result["judged_on"][n],
                "yes" if result["meets_target"][n] else "NO",
                {True: "yes", False: "no"}.get(result["quiet_machine"].get(n), "?"),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        log("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    on_ratio = [n for n in names if result["judged_on"][n] == "ratio"]
    log(f"judged on their ratio to a bare app / the stdlib in this run: {', '.join(on_ratio)}")


def _bound(bound: tuple[str, float] | None) -> str | None:
    return None if bound is None else f"{bound[0]} {bound[1]}"


def listing() -> dict[str, Any]:
    """Every registered figure: its module, target and ratio target (``--list``)."""
    return {
        name: {
            "module": spec.module,
            "target": _bound(spec.target),
            "ratio_target": _bound(spec.ratio_target),
        }
        for name, spec in FIGURES.items()
    }


def main(argv: list[str] | None = None) -> int:
    import argparse

    load_figures()
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
        help=f"comma-separated figures to measure (default: all): {', '.join(FIGURES)}",
    )
    parser.add_argument(
        "--list", action="store_true", help="print the figures and their targets (JSON) and exit"
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="where to generate the demo stores (default: the system's temp folder; "
        "use a folder on the disk your data lives on: fsync on tmpfs costs nothing)",
    )
    args = parser.parse_args(argv)
    if args.list:
        print(json.dumps(listing(), indent=2))
        return 0
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(FIGURES)
    unknown = [n for n in names if n not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; known: {', '.join(FIGURES)}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.dir is not None:
        try:
            args.dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            parser.error(f"--dir {args.dir}: {error.strerror}; give a folder you can write to")
    result = run(names, args.runs, args.dir)
    print(_dumps(result))
    return 1 if result["errors"] else 0


def _dumps(result: dict[str, Any]) -> str:
    """One JSON object, indented, with each list of samples kept on one line."""
    import re

    text = json.dumps(result, indent=2)
    return re.sub(
        r"\[\s*([-\d.eE,\s]+?)\s*\]",
        lambda m: "[" + ", ".join(v.strip() for v in m.group(1).split(",")) + "]",
        text,
    )


def run_child(spec: str, t0: float, args: list[str]) -> None:
    """In a child process: import only the module of ``spec`` (``module:mode``) and run it."""
    import importlib

    module, mode = spec.split(":", 1)
    sys.path.insert(0, str(REPO))
    importlib.import_module(module)
    CHILDREN[mode][1](t0, args)


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--child":
        run_child(sys.argv[2], float(sys.argv[3]), sys.argv[4:])
    else:
        sys.exit(main())
