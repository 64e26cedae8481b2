"""Running real child processes for the reliability tests."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def spawn(*args: str) -> subprocess.Popen[bytes]:
    """Start ``python <args>`` in the repo with unbuffered pipes."""
    return subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=child_env(),
        bufsize=0,  # raw pipes: readline() must not buffer lines communicate() would then miss
    )


def run(*args: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=child_env(),
        timeout=timeout,
    )


def read_line(proc: subprocess.Popen[bytes], timeout: float) -> bytes:
    """The child's next stdout line; fails the test (with its stderr) if none comes in time."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    line = proc.stdout.readline() if ready else b""
    if not line.endswith(b"\n"):
        proc.kill()
        _, err = proc.communicate()
        raise AssertionError(f"child gave no line in {timeout}s; stderr:\n{err.decode()}")
    return line
