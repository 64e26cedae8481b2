"""``cm-tui account`` and ``cm-tui sync`` against the local server."""

from __future__ import annotations

import io
from pathlib import Path

from cm_tui.cli import main
from cm_tui.store.store import Store

from .conftest import TOKENS


def test_account_add_list_sync_once_and_remove(
    mock_server, mention, tmp_home: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("CM_TUI_SECRETS", "file")
    monkeypatch.setattr("sys.stdin", io.StringIO(TOKENS["brand"] + "\n"))
    assert main(["account", "add", "mastodon", "--instance", mock_server.base_url]) == 0
    assert "mastodon:brand@" in capsys.readouterr().out
    mention(text="from the cli")

    assert main(["sync", "--once"]) == 0
    assert "new: 1," in capsys.readouterr().out
    assert main(["account", "list"]) == 0
    assert "connected" in capsys.readouterr().out
    with Store.open(tmp_home / "store.json", readonly=True) as store:
        assert [i.network for i in store.repo.queue.all() if i.external_id] == ["mastodon"]
    for path in tmp_home.rglob("*"):
        if path.is_file() and path.name != "secrets.json":
            assert TOKENS["brand"].encode() not in path.read_bytes(), path

    assert main(["account", "remove", "brand"]) == 0
    assert TOKENS["brand"] not in (tmp_home / "secrets.json").read_text()


def test_a_wrong_token_is_one_line_and_stores_nothing(
    mock_server, tmp_home: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("CM_TUI_SECRETS", "file")
    monkeypatch.setattr("sys.stdin", io.StringIO("not-a-token\n"))
    assert main(["account", "add", "mastodon", "--instance", mock_server.base_url]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "token" in err
    assert "Traceback" not in err
