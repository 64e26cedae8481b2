"""The OAuth out-of-band sign-in with PKCE against the local server: the authorize URL carries
an S256 challenge, the code the instance shows becomes a token, and ``cm-tui account add``
without a token prints the URL, reads the code and adds the account. (The local server does
not check the PKCE verifier; a real Mastodon does.)"""

from __future__ import annotations

import base64
import hashlib
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from cm_tui.cli import main
from cm_tui.net import oauth
from cm_tui.net.connector import Rejected
from cm_tui.net.mastodon import MastodonConnector
from cm_tui.store.store import Store


def _code_shown(base: str, client_id: str, who: str = "brand") -> str:
    """What the instance's page shows once ``who`` allowed the app."""
    page = requests.post(
        f"{base}/oauth/authorize",
        data={"username": who, "client_id": client_id, "redirect_uri": oauth.OOB},
        timeout=10,
    )
    found = re.search(r"Authorization code: ([^<\s]+)", page.text)
    assert found, page.text
    return found.group(1)


def test_the_flow_gives_a_working_token_with_a_pkce_challenge(mock_server) -> None:
    flow = oauth.start(mock_server.base_url)
    query = parse_qs(urlsplit(flow.authorize_url).query)
    assert query["redirect_uri"] == [oauth.OOB] and query["code_challenge_method"] == ["S256"]
    expected = base64.urlsafe_b64encode(hashlib.sha256(flow.verifier.encode()).digest())
    assert query["code_challenge"] == [expected.rstrip(b"=").decode()]
    assert flow.verifier not in flow.authorize_url and flow.client_secret not in repr(flow)

    token = oauth.finish(flow, _code_shown(mock_server.base_url, flow.client_id))
    assert MastodonConnector(mock_server.base_url, token).verify().handle == "brand"
    with pytest.raises(Rejected):
        oauth.finish(flow, "not-a-code")


def test_account_add_without_a_token_signs_in_through_the_browser(
    mock_server, tmp_home: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("CM_TUI_SECRETS", "file")
    code = _code_shown(mock_server.base_url, "any")  # the server's code names the account
    monkeypatch.setattr("sys.stdin", io.StringIO(f"\n{code}\n"))
    assert main(["account", "add", "mastodon", "--instance", mock_server.base_url]) == 0
    out = capsys.readouterr().out
    assert "/oauth/authorize?" in out and "code_challenge=" in out
    assert "mastodon:brand@" in out
    with Store.open(tmp_home / "store.json", readonly=True) as store:
        (account,) = store.repo.accounts.all()
    assert account.handle == "brand"


def test_no_token_and_no_code_is_one_line(mock_server, tmp_home: Path, monkeypatch, capsys):
    monkeypatch.setenv("CM_TUI_SECRETS", "file")
    monkeypatch.setattr("sys.stdin", io.StringIO("\n\n"))
    assert main(["account", "add", "mastodon", "--instance", mock_server.base_url]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "code" in err
