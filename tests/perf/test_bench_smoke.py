"""The benchmark script is not a timed test; this only checks that it starts and lists its
figures (a broken import or argument parser would otherwise go unnoticed until someone runs it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).with_name("bench.py")


def test_bench_help_lists_every_figure() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--help"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    for name in ("--runs", "--only", "startup_ratio", "write_ms", "rss_mb"):
        assert name in proc.stdout


def test_bench_rejects_an_unknown_figure() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--only", "nope"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert "unknown figure(s) nope" in proc.stderr


def test_bench_says_in_one_line_when_it_cannot_make_its_folder(tmp_path: Path) -> None:
    """A ``--dir`` that cannot be made (under a file) ends in a usage line, not in
    ``mkdtemp``'s traceback once the figures started."""
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--only", "write_ms", "--dir", str(blocker / "stores")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].endswith("give a folder you can write to")


def test_every_registered_figure_has_a_target() -> None:
    """Each ``bench_<area>.py`` registers its figures with ``@figure``; ``--list`` shows them."""
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--list"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(proc.stdout)
    for name in ("startup_ratio", "write_ms", "today_key_ms", "reply_burst_ms"):
        assert name in figures
    for name, spec in figures.items():
        assert spec["target"] and spec["target"].split()[0] in ("<=", ">="), name


def test_every_registered_figure_has_a_ratio_target() -> None:
    """Every figure is judged on its ratio to a bare app / the stdlib measured in the same run
    (docs/architecture.md, "Performance facts"), so each one needs a ratio target."""
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--list"], capture_output=True, text=True, timeout=60
    )
    figures = json.loads(proc.stdout)
    missing = [name for name, spec in figures.items() if not spec["ratio_target"]]
    assert not missing, f"figures without a ratio target: {missing}"
