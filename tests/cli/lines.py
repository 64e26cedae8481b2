"""What the command line is allowed to print when it refuses something."""

from __future__ import annotations


def one_line_error(stderr: str) -> str:
    """The one ``cm-tui: error: …`` line of ``stderr`` (asserted: no traceback, one line)."""
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("cm-tui: error: "), stderr
    return lines[0]
