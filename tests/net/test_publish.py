"""Publishing Calendar posts on a live account, against a real local server: scheduled on
the instance when far enough ahead (the 5-minute rule enforced here), moved, edited and
cancelled there when the post changes, published by the pass when due, failures marked on
the post with the reason and a notice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cm_tui.core.clock import FixedClock
from cm_tui.core.models import Post, PostStatus
from cm_tui.core.net_records import PublicationState
from cm_tui.net.access import direct
from cm_tui.net.sync import SyncEngine

from .conftest import client


@pytest.fixture
def now() -> FixedClock:
    # the instance decides "5 minutes ahead" on its own clock: ours starts at its time
    return FixedClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
def live(net_store, secrets, now) -> SyncEngine:
    return SyncEngine(direct(net_store), secrets, now)


def _post(store, at: datetime, text: str = "Nouvelle collection", **kw) -> Post:
    return store.repo.posts.add(
        Post(
            network="mastodon", at=at, title="Launch", text=text, status=PostStatus.SCHEDULED, **kw
        )
    )


def _scheduled(server) -> list[dict]:
    return list(client(server, "brand").scheduled_statuses())


def _own(server, text: str) -> list[dict]:
    api = client(server, "brand")
    me = api.account_verify_credentials()
    return [s for s in api.account_statuses(me["id"], limit=40) if text in (s["content"] or "")]


def _pub(store):
    (pub,) = store.repo.publications.all()
    return pub


def test_a_post_an_hour_ahead_is_scheduled_on_the_instance_once(
    live, net_store, mock_server, now
) -> None:
    post = _post(net_store, now.now() + timedelta(hours=1), hashtags=("launch",))
    live.run_once()
    live.run_once()

    (remote,) = _scheduled(mock_server)
    assert remote["params"]["text"] == "Nouvelle collection\n#launch"
    pub = _pub(net_store)
    assert pub.state is PublicationState.SCHEDULED and pub.remote_id == str(remote["id"])
    assert net_store.repo.posts.get(post.id).status is PostStatus.SCHEDULED


def test_moving_editing_and_cancelling_the_post_follow_on_the_instance(
    live, net_store, mock_server, now
) -> None:
    post = _post(net_store, now.now() + timedelta(hours=1))
    live.run_once()
    first = _pub(net_store).remote_id

    later = now.now() + timedelta(hours=3)
    net_store.repo.posts.update(post.replace(at=later))
    live.run_once()
    (remote,) = _scheduled(mock_server)
    assert str(remote["id"]) == first
    assert remote["scheduled_at"].astimezone(UTC) == later

    net_store.repo.posts.update(post.replace(at=later, text="Texte corrigé"))
    live.run_once()
    (remote,) = _scheduled(mock_server)
    assert remote["params"]["text"] == "Texte corrigé" and str(remote["id"]) != first

    net_store.repo.posts.update(post.replace(at=later, status=PostStatus.CANCELLED))
    live.run_once()
    assert _scheduled(mock_server) == []
    assert net_store.repo.publications.all() == []


def test_a_post_due_sooner_than_five_minutes_is_published_by_the_pass_when_due(
    live, net_store, mock_server, now
) -> None:
    post = _post(net_store, now.now() + timedelta(minutes=4), text="Bientôt")
    live.run_once()
    assert _scheduled(mock_server) == []  # never handed over with scheduled_at
    assert _own(mock_server, "Bientôt") == []
    assert _pub(net_store).state is PublicationState.WAITING

    now.advance(timedelta(minutes=4))
    report = live.run_once()
    live.run_once()

    (status,) = _own(mock_server, "Bientôt")
    pub = _pub(net_store)
    assert pub.state is PublicationState.PUBLISHED and pub.url == status["url"]
    assert [p.post for p in report.published] == [post.id]
    stored = net_store.repo.posts.get(post.id)
    assert stored.status is PostStatus.PUBLISHED and stored.link == status["url"]


def test_a_post_moved_to_within_five_minutes_leaves_the_instance_schedule(
    live, net_store, mock_server, now
) -> None:
    post = _post(net_store, now.now() + timedelta(hours=1))
    live.run_once()
    net_store.repo.posts.update(post.replace(at=now.now() + timedelta(minutes=3)))
    live.run_once()
    assert _scheduled(mock_server) == []
    assert _pub(net_store).state is PublicationState.WAITING


def test_a_post_the_instance_published_gets_its_url(live, net_store, mock_server, now) -> None:
    post = _post(net_store, now.now() + timedelta(hours=1), text="À l'heure")
    live.run_once()
    # the instance's own worker publishes it at its time: bring that time now on the server
    client(mock_server, "brand").scheduled_status_update(
        _pub(net_store).remote_id, datetime.now(UTC) - timedelta(seconds=1)
    )
    now.advance(timedelta(hours=1, minutes=1))
    live.run_once()
    (status,) = _own(mock_server, "À l'heure")
    assert _pub(net_store).url == status["url"]
    assert net_store.repo.posts.get(post.id).status is PostStatus.PUBLISHED


def test_a_refused_post_is_marked_failed_with_the_reason_and_a_notice(
    live, net_store, mock_server, now
) -> None:
    post = _post(net_store, now.now(), text="x" * 600)  # over the instance's 500 characters
    report = live.run_once()
    assert net_store.repo.posts.get(post.id).status is PostStatus.FAILED
    pub = _pub(net_store)
    assert pub.state is PublicationState.FAILED and pub.reason
    assert any("Launch" in line for line in report.notices)
    # scheduled again by the user (shortened): it goes out
    net_store.repo.posts.update(post.replace(text="court", status=PostStatus.SCHEDULED))
    live.run_once()
    assert net_store.repo.posts.get(post.id).status is PostStatus.PUBLISHED


def test_a_post_missed_while_closed_fails_instead_of_going_out_late(
    live, net_store, mock_server, now
) -> None:
    post = _post(net_store, now.now() - timedelta(hours=3), text="Trop tard")
    report = live.run_once()
    assert net_store.repo.posts.get(post.id).status is PostStatus.FAILED
    assert "cm-tui" in _pub(net_store).reason and report.notices
    assert _own(mock_server, "Trop tard") == []


def test_an_outage_leaves_the_post_scheduled_and_marks_the_account(
    live, net_store, mock_server, now, fault
) -> None:
    post = _post(net_store, now.now() + timedelta(hours=1))
    fault("POST", "/api/v1/statuses", {"status": 503})
    report = live.run_once()
    assert net_store.repo.posts.get(post.id).status is PostStatus.SCHEDULED
    assert report.accounts[0].state.value == "offline"
    assert _scheduled(mock_server) == []
