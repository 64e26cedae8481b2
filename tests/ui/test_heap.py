"""Big freed blocks go back to the system once the app has set glibc's threshold
(``ui/heap.py``): measured in fresh interpreters, since the setting is for the whole process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cm_tui.ui import heap

#: a child that frees a big block first (which raises glibc's threshold when nothing fixed
#: it), then holds 40 MB of 1 MiB blocks between small heap blocks that stay, frees the big
#: ones and says how much of its resident memory went back
CHILD = """
import json, sys
def rss():
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
if sys.argv[1] == "fixed":
    from cm_tui.ui.heap import keep_big_blocks_returnable
    assert keep_big_blocks_returnable()
first = b"x" * (4 << 20)
del first
big, small = [], []
for n in range(40):
    big.append(b"x" * (1 << 20))
    small.append(bytearray(2000))
held = rss()
big.clear()
print(json.dumps({"returned_mb": held - rss()}))
"""

on_glibc = pytest.mark.skipif(not heap._on_glibc(), reason="glibc's allocator only")


def _returned_mb(mode: str) -> float:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, mode],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={**os.environ, "PYTHONMALLOC": "pymalloc"},
    )
    return float(json.loads(proc.stdout)["returned_mb"])


@on_glibc
def test_big_blocks_freed_go_back_to_the_system_once_the_threshold_is_fixed() -> None:
    assert _returned_mb("default") < 10  # glibc kept them: the defect this module fixes
    assert _returned_mb("fixed") > 30


def test_without_glibc_it_does_nothing_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_confstr(name: str) -> str:
        raise ValueError(name)

    monkeypatch.setattr(os, "confstr", no_confstr)
    assert heap.keep_big_blocks_returnable() is False


async def test_the_app_sets_it_after_its_first_frame(make_app, monkeypatch) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(heap, "keep_big_blocks_returnable", lambda: calls.append(True) or True)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert calls == [True]
