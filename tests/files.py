"""Looking at files the way a permission check does."""

from __future__ import annotations

import stat
from pathlib import Path


def mode(path: Path) -> int:
    """``path``'s permission bits (of the name itself, not of a symlink's target)."""
    return stat.S_IMODE(path.lstat().st_mode)
