"""The Mastodon connector (``Connector`` of ``net/connector.py``) on Mastodon.py.

Why Mastodon.py: maintained, follows Mastodon's API up to 4.5, sends ``Idempotency-Key``
(``status_post(idempotency_key=...)``), reads ``X-RateLimit-*`` itself and has a ``throw``
rate-limit mode, so the engine (not a sleeping library call) decides when to try again and a
key never blocks. It is imported here only, lazily (about 80 ms), never at app start-up.

Mapping of failures (every one a ``NetError`` with one line, no token, no traceback):
network errors and timeouts -> ``Offline``; 5xx -> ``ServerError``; 429 or no request left
-> ``RateLimited(retry_after)`` (``X-RateLimit-Reset``, else a minute); 401/403 -> ``TokenRefused``;
other 4xx -> ``Rejected``; a body that is not JSON -> ``ServerError``.

The notification stream is read with plain ``requests`` (Server-Sent Events on
``/api/v1/streaming/user/notification``): one event wakes an inbox pass, so the stream needs no
cursor of its own and cannot open a gap.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from cm_tui.net.connector import (
    InboxPage,
    NetError,
    Offline,
    OwnStatus,
    OwnStatusFigures,
    Profile,
    RateLimited,
    Rejected,
    Sent,
    ServerError,
    TokenRefused,
)

REQUEST_TIMEOUT = 15.0
STREAM_READ_TIMEOUT = 40.0  # real instances send a heartbeat every ~15 s


def _id_key(value: Any) -> tuple[int, str]:
    text = str(value)
    return (int(text), text) if text.isdigit() else (0, text)


def _as_dict(obj: Any) -> dict[str, Any]:
    """Mastodon.py's AttribAccessDict -> plain JSON-like dict (datetimes as ISO text)."""
    return json.loads(json.dumps(obj, default=_json_default))  # type: ignore[no-any-return]


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    return str(value)


def _instant(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
        except ValueError:
            return None
    return None


class MastodonConnector:
    network = "mastodon"

    def __init__(self, instance: str, token: str, *, timeout: float = REQUEST_TIMEOUT) -> None:
        from mastodon import Mastodon

        self.instance = instance.rstrip("/")
        self._token = token
        self._api = Mastodon(
            access_token=token,
            api_base_url=self.instance,
            ratelimit_method="throw",
            request_timeout=timeout,
            version_check_mode="none",
        )

    def __repr__(self) -> str:  # never the token
        return f"MastodonConnector({self.instance!r})"

    # ------------------------------------------------------------------ errors

    def _until(self) -> float:
        """Seconds until the instance takes requests again (``X-RateLimit-Reset``)."""
        reset = getattr(self._api, "ratelimit_reset", None)
        if isinstance(reset, int | float) and reset > time.time():
            return float(reset - time.time())
        return 60.0

    @contextmanager
    def _calls(self) -> Iterator[None]:
        from mastodon import errors as me

        remaining = getattr(self._api, "ratelimit_remaining", None)
        reset = getattr(self._api, "ratelimit_reset", None)
        if remaining == 0 and isinstance(reset, int | float) and reset > time.time():
            raise RateLimited("rate limit reached", self._until())
        try:
            yield
        except me.MastodonRatelimitError:
            raise RateLimited("rate limit reached (429)", self._until()) from None
        except me.MastodonUnauthorizedError:
            raise TokenRefused("the instance refused the token (401)") from None
        except me.MastodonServerError as exc:
            raise ServerError(f"the instance answered {_status(exc)}") from None
        except me.MastodonNetworkError as exc:
            raise Offline(_first_line(exc)) from None
        except me.MastodonAPIError as exc:
            status = _status(exc)
            if status == 403:
                raise TokenRefused("the instance refused the token (403)") from None
            if status == 429:
                raise RateLimited("rate limit reached (429)", self._until()) from None
            if isinstance(status, int) and status >= 500:
                raise ServerError(f"the instance answered {status}") from None
            if status is None:  # not JSON, malformed body
                raise ServerError("the instance sent an unreadable answer") from None
            raise Rejected(f"the instance refused the request ({status}: {_reason(exc)})") from None
        except me.MastodonError as exc:
            raise ServerError(_first_line(exc)) from None

    # ------------------------------------------------------------------ Connector

    def verify(self) -> Profile:
        with self._calls():
            me = self._api.account_verify_credentials()
        return Profile(
            handle=str(me.get("acct") or me.get("username") or ""),
            display_name=str(me.get("display_name") or ""),
            followers=int(me.get("followers_count") or 0),
            url=str(me.get("url") or ""),
        )

    def inbox_page(self, since: str, limit: int = 40) -> InboxPage:
        kwargs: dict[str, Any] = {"types": ["mention"], "limit": limit}
        if since:
            kwargs["min_id"] = since
        with self._calls():
            page = self._api.notifications(**kwargs)
        notes = sorted((_as_dict(n) for n in page), key=lambda n: _id_key(n.get("id")))
        cursor = str(notes[-1]["id"]) if notes else since
        # the server may cap ``limit`` (40 on most instances): page until a page is empty
        more = bool(since) and bool(notes)
        return InboxPage(notifications=notes, cursor=cursor, more=more)

    def stream(self, on_event: Callable[[dict[str, Any]], None], stop: Callable[[], bool]) -> None:
        import requests

        url = f"{self.instance}/api/v1/streaming/user/notification"
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "text/event-stream"}
        try:
            response = requests.get(
                url, headers=headers, stream=True, timeout=(REQUEST_TIMEOUT, STREAM_READ_TIMEOUT)
            )
        except requests.RequestException as exc:
            raise Offline(_first_line(exc)) from None
        with response:
            if response.status_code in (401, 403):
                raise TokenRefused(f"the instance refused the token ({response.status_code})")
            if response.status_code == 429:
                raise RateLimited("rate limit reached (429)", self._until())
            if response.status_code >= 500:
                raise ServerError(f"the instance answered {response.status_code}")
            if response.status_code != 200:
                raise Rejected(f"no streaming here ({response.status_code})")
            on_event({})  # open: what arrived before it is caught up by the pass this wakes
            event = ""
            try:
                for raw in response.iter_lines():
                    if stop():
                        return
                    line = raw.decode("utf-8", "replace") if raw else ""
                    if line.startswith("event:"):
                        event = line[6:].strip()
                    elif line.startswith("data:") and event == "notification":
                        try:
                            data = json.loads(line[5:].strip())
                        except ValueError:
                            continue
                        if isinstance(data, dict):
                            on_event(data)
                    elif not line:
                        event = ""
            except requests.RequestException as exc:
                raise Offline(_first_line(exc)) from None

    def status(self, remote_id: str) -> dict[str, Any]:
        with self._calls():
            return _as_dict(self._api.status(remote_id))

    def send(
        self,
        text: str,
        *,
        idempotency_key: str,
        in_reply_to: str = "",
        visibility: str = "public",
        scheduled_at: datetime | None = None,
    ) -> Sent:
        with self._calls():
            result = self._api.status_post(
                text,
                in_reply_to_id=in_reply_to or None,
                visibility=visibility or None,
                idempotency_key=idempotency_key,
                scheduled_at=scheduled_at,
            )
        if "scheduled_at" in result and "content" not in result:
            return Sent(
                remote_id=str(result["id"]), at=_instant(result.get("scheduled_at")), scheduled=True
            )
        return Sent(
            remote_id=str(result["id"]),
            url=str(result.get("url") or result.get("uri") or ""),
            at=_instant(result.get("created_at")),
        )

    def reschedule(self, remote_id: str, at: datetime) -> Sent:
        with self._calls():
            result = self._api.scheduled_status_update(remote_id, at)
        return Sent(
            remote_id=str(result["id"]), at=_instant(result.get("scheduled_at")), scheduled=True
        )

    def unschedule(self, remote_id: str) -> None:
        try:
            with self._calls():
                self._api.scheduled_status_delete(remote_id)
        except Rejected:
            return  # gone already (published or deleted on the instance)

    def watch(self, term: str, limit: int = 40) -> list[dict[str, Any]]:
        with self._calls():
            if term.startswith("#"):
                found = self._api.timeline_hashtag(term.lstrip("#"), limit=limit)
            else:
                found = self._api.search_v2(term, result_type="statuses")["statuses"]
        return [_as_dict(s) for s in found]

    def scheduled_ids(self) -> set[str]:
        with self._calls():
            return {str(s["id"]) for s in self._api.scheduled_statuses()}

    def find_own(self, text: str, since: datetime) -> Sent | None:
        from cm_tui.core.html_text import html_to_text

        wanted = " ".join(text.split())
        with self._calls():
            me = self._api.account_verify_credentials()
            page = self._api.account_statuses(me["id"], limit=40, exclude_reblogs=True)
        for status in page:
            created = _instant(status.get("created_at"))
            if created is None or created < since:
                continue
            if " ".join(html_to_text(str(status.get("content") or "")).split()) == wanted:
                return Sent(
                    remote_id=str(status["id"]),
                    url=str(status.get("url") or status.get("uri") or ""),
                    at=created,
                )
        return None

    def own_figures(self, month: str) -> OwnStatusFigures:
        from cm_tui.core.html_text import html_to_text

        figures = OwnStatusFigures(month=month)
        with self._calls():
            me = self._api.account_verify_credentials()
            page = self._api.account_statuses(me["id"], limit=40, exclude_reblogs=True)
            while page:
                older = False
                for status in page:
                    created = _instant(status.get("created_at"))
                    if created is None:
                        continue
                    key = created.strftime("%Y-%m")
                    if key == month:
                        own = OwnStatus(
                            remote_id=str(status.get("id")),
                            url=str(status.get("url") or status.get("uri") or ""),
                            at=created,
                            text=html_to_text(str(status.get("content") or "")),
                            replies=int(status.get("replies_count") or 0),
                            boosts=int(status.get("reblogs_count") or 0),
                            favourites=int(status.get("favourites_count") or 0),
                        )
                        figures.statuses.append(own)
                        figures.posts += 1
                        figures.replies += own.replies
                        figures.boosts += own.boosts
                        figures.favourites += own.favourites
                    elif key < month:
                        older = True
                if older:
                    break
                page = self._api.fetch_next(page)
        return figures


def _status(exc: Exception) -> int | None:
    for arg in exc.args:
        if isinstance(arg, int):
            return arg
    return None


def _reason(exc: Exception) -> str:
    text = str(exc.args[-1]) if exc.args else ""
    return text.splitlines()[0][:200] if text else "refused"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


__all__ = ["MastodonConnector", "NetError"]
