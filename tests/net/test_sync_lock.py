"""``cm-tui sync`` holds the store lock as itself: a command refused meanwhile is told it is
``cm-tui sync`` (wait for a single pass; stop a running one), not "another cm-tui"."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui.cli import main
from cm_tui.store.store import Store


@pytest.mark.parametrize(
    ("holder", "named", "advice"),
    [("sync", "cm-tui sync", "wait until"), ("sync_loop", "cm-tui sync (running)", "close")],
)
def test_a_writer_refused_during_sync_is_told_it_is_sync(
    tmp_home: Path, capsys, holder: str, named: str, advice: str
) -> None:
    with Store.open(tmp_home / "store.json", holder=holder):
        assert main(["sync", "--once"]) == 1
    err = capsys.readouterr().err
    assert f"in use by {named} " in err or f"open in {named} " in err
    assert advice in err and "`cm-tui sync`" in err
