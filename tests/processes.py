"""Other processes a test needs: a real second cm-tui holding a store's lock."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def hold_store(db: Path, holder: str = "app") -> subprocess.Popen[str]:
    """Start a process that opens the store ``db`` as ``holder`` (``"app"``, ``"import"``...)
    and keeps its lock until ``release``; returns once the lock is held."""
    code = textwrap.dedent(
        f"""
        import sys
        from cm_tui.store import Store
        store = Store.open({str(db)!r}, holder={holder!r})
        print("ready", flush=True)
        sys.stdin.read()
        store.close()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def release(proc: subprocess.Popen[str]) -> None:
    """Let the holder close its store and end."""
    if proc.poll() is None:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)
