"""The Accounts screen (palette) against the real local server, and the snapshots of the
Accounts screen and of the header with an offline account (80×24 and 140×45).

The snapshots' account points at ``127.0.0.1:9`` (nothing listens: refused at once), so the
engine's pass always finds it offline and its state, stored as offline since 09:02, stays so.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cm_tui.core.i18n import set_language
from cm_tui.core.net_records import Account, AccountState, OutboxEntry
from cm_tui.io.locations import config_dir
from cm_tui.net.secrets import SecretStore
from cm_tui.store import Store
from tests.conftest import FIXED_NOW
from tests.net.conftest import TOKENS
from tests.ui.conftest import SIZE, screen_text, settle
from tests.ui.live.conftest import until

DEAD = "http://127.0.0.1:9"


async def _open_accounts(pilot: Any) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*"Accounts")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_an_account_is_added_with_a_masked_token_listed_then_removed(
    make_app, mock_server, tmp_path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _open_accounts(pilot)
        assert "No account yet" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*mock_server.base_url, "tab", *TOKENS["brand"])
        await settle(pilot)
        assert TOKENS["brand"] not in screen_text(app)  # masked
        await pilot.press("ctrl+s")
        await settle(pilot)
        await until(pilot, lambda: app.ctx.repo.accounts.count() == 1, "the account stored")
        await settle(pilot)
        shown = screen_text(app)
        assert "@brand@127.0.0.1" in shown
        assert "added" in shown
        assert app.net_live is not None and app.net_live.running
        await until(pilot, lambda: app.net_live.passes >= 1)
        await settle(pilot)
        assert "mastodon: connected" in screen_text(app)
        # the token is in the private secrets file, never in the store
        app.ctx.store.compact()
        folder = app.ctx.store.paths.db.parent
        store_bytes = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
        assert TOKENS["brand"].encode() not in store_bytes
        assert SecretStore(config_dir(), mode="file").get(app.ctx.repo.accounts.all()[0].key)

        await pilot.press("x")
        await settle(pilot)
        assert "Remove @brand@127.0.0.1" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert app.ctx.repo.accounts.count() == 0
        assert "removed" in screen_text(app)


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_a_wrong_token_is_refused_in_one_line_and_nothing_is_stored(
    make_app, mock_server, language: str
) -> None:
    set_language(language)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*("Accounts" if language == "en" else "Comptes"), "enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*mock_server.base_url, "tab", *"not-a-token", "ctrl+s")
        await settle(pilot)
        await until(
            pilot, lambda: "Not added" in screen_text(app) or "Non ajouté" in screen_text(app)
        )
        assert app.ctx.repo.accounts.count() == 0
        assert "Traceback" not in screen_text(app)
        assert "not-a-token" not in screen_text(app)


async def test_a_bad_instance_stays_in_the_form_with_its_error(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _open_accounts(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"http://example.org/path", "tab", *"tok", "ctrl+s")
        await settle(pilot)
        assert "Type the instance's address" in screen_text(app)
        assert app.ctx.repo.accounts.count() == 0


def _offline_account_db(demo_db: Path) -> Path:
    """The demo store with one account, offline since 09:02, and one reply not sent."""
    SecretStore(config_dir(), mode="file").set("mastodon:brand@127.0.0.1:9", "t0ken")
    with Store.open(demo_db) as store, store.transaction():
        store.repo.accounts.add(
            Account(
                key="mastodon:brand@127.0.0.1:9",
                network="mastodon",
                instance=DEAD,
                handle="brand",
                secret_ref="mastodon:brand@127.0.0.1:9",
                state=AccountState.OFFLINE,
                state_since=FIXED_NOW - timedelta(minutes=10),
                state_detail="connection refused",
            )
        )
        store.repo.outbox.add(
            OutboxEntry(
                account="mastodon:brand@127.0.0.1:9",
                text="Merci !",
                created_at=FIXED_NOW,
                send_after=FIXED_NOW + timedelta(days=1),
                idempotency_key="cm-tui-snapshot",
            )
        )
    return demo_db


async def _first_pass(pilot: Any) -> None:
    await until(pilot, lambda: pilot.app.net_live is not None and pilot.app.net_live.passes >= 1)
    await settle(pilot)


SIZES = [(80, 24), (140, 45)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
def test_header_with_an_offline_account(
    snap_compare, make_app, demo_db, size: tuple[int, int]
) -> None:
    app = make_app(db=_offline_account_db(demo_db))
    assert snap_compare(app, run_before=_first_pass, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
def test_accounts_screen(snap_compare, make_app, demo_db, size: tuple[int, int]) -> None:
    app = make_app(db=_offline_account_db(demo_db))

    async def open_it(pilot: Any) -> None:
        await _first_pass(pilot)
        from cm_tui.ui.screens.accounts import open_accounts

        open_accounts(pilot.app)
        await settle(pilot)

    assert snap_compare(app, run_before=open_it, terminal_size=size)
