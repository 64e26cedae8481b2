"""The Mastodon connector (``Connector`` of ``net/connector.py``) on Mastodon.py.

Why Mastodon.py: maintained, follows Mastodon's API up to 4.5, sends ``Idempotency-Key``
(``status_post(idempotency_key=...)``), reads ``X-RateLimit-*`` itself and has a ``throw``
rate-limit mode, so the engine (not a sleeping library call) decides when to try again and a
key never blocks. It is imported here only, lazily (about 80 ms), never at app start-up.

Mapping of failures (every one a ``NetError`` with one line, no token, no traceback), through
``net.connector.error_for_status`` / ``transport_error`` (the words: ``core.net_rules``):
network errors and timeouts -> ``Offline``; 5xx -> ``ServerError``; 429 or no request left
-> ``RateLimited(retry_after)`` (``X-RateLimit-Reset``, else a minute); 401/403 -> ``TokenRefused``;
other 4xx -> ``Rejected``; a body that is not JSON -> ``ServerError``. The library's own text
goes to the debug log only.

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

from cm_tui.core.net_rules import Reason, reason_text
from cm_tui.core.textsafe import clean_line
from cm_tui.net.connector import (
    InboxPage,
    NetError,
    OwnStatus,
    OwnStatusFigures,
    Profile,
    Rejected,
    Sent,
    error_for_status,
    transport_error,
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
        self._timeout = timeout
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

        self._refuse_if_spent()
        try:
            yield
        except me.MastodonRatelimitError as exc:
            raise error_for_status(429, retry_after=self._until(), raw=self._raw(exc)) from None
        except me.MastodonUnauthorizedError as exc:
            raise error_for_status(401, raw=self._raw(exc)) from None
        except me.MastodonNetworkError as exc:
            raise transport_error(exc, secret=self._token) from None
        except me.MastodonAPIError as exc:  # also MastodonServerError (5xx)
            status = _status(exc)
            said = clean_line(_reason(exc)) if status is not None else ""
            raise error_for_status(
                status, said=said, retry_after=self._until(), raw=self._raw(exc)
            ) from None
        except me.MastodonError as exc:
            raise error_for_status(None, raw=self._raw(exc)) from None

    def _refuse_if_spent(self) -> None:
        """No call while the instance said no request is left until its reset."""
        remaining = getattr(self._api, "ratelimit_remaining", None)
        reset = getattr(self._api, "ratelimit_reset", None)
        if remaining == 0 and isinstance(reset, int | float) and reset > time.time():
            raise error_for_status(429, retry_after=self._until())

    def _get_list(self, path: str, params: list[tuple[str, str]]) -> list[dict[str, Any]]:
        """GET ``path``: the answer's JSON list as plain dicts, read through the client's own
        HTTP session (its connections, kept alive) but not its typed casting. Why: Mastodon.py
        turns every field of every object into typed attribute dicts and parses every date
        with ``dateutil``; on a backlog page of 80 notifications that cost as much CPU as the
        server's own work, and the sync engine wants plain dicts (``_as_dict``) anyway. The
        rate-limit headers update the client's ``ratelimit_remaining`` / ``ratelimit_reset``
        (one state for both paths); failures map as ``_calls``'s."""
        import requests

        self._refuse_if_spent()
        try:
            response = self._api.session.get(
                self.instance + path,
                params=params,
                headers={"Authorization": f"Bearer {self._token}"},
                timeout=self._timeout,
            )
        except requests.RequestException as exc:
            raise transport_error(exc, secret=self._token) from None
        self._note_limits(response.headers)
        status = response.status_code
        if status >= 400:
            said = ""
            try:
                body = response.json()
                said = clean_line(str(body.get("error") or "")) if isinstance(body, dict) else ""
            except ValueError:
                pass
            raise error_for_status(status, said=said, retry_after=_retry_after(response.headers))
        try:
            data = response.json()
        except ValueError:
            raise error_for_status(None, raw=f"{path}: not JSON") from None
        if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
            raise error_for_status(None, raw=f"{path}: not a list of objects")
        return data

    def _note_limits(self, headers: Any) -> None:
        """``X-RateLimit-Remaining`` / ``-Reset`` (epoch seconds or an ISO instant) into the
        client's rate-limit state, as Mastodon.py does for its own calls."""
        remaining = str(headers.get("X-RateLimit-Remaining") or "")
        if remaining.isdigit():
            self._api.ratelimit_remaining = int(remaining)
        reset = _epoch(str(headers.get("X-RateLimit-Reset") or ""))
        if reset is not None:
            self._api.ratelimit_reset = reset

    def _raw(self, exc: BaseException) -> str:
        """The library's text of ``exc`` for the debug log, the token cut out."""
        return f"{type(exc).__name__}: {exc}".replace(self._token, "***")

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

    def inbox_page(self, since: str, limit: int = 80) -> InboxPage:
        """Mentions only (``types[]=mention``: the inbox maps no other type), oldest first,
        ``min_id`` paging. 80 is Mastodon's maximum for notifications."""
        params = [("types[]", "mention"), ("limit", str(limit))]
        if since:
            params.append(("min_id", since))
        notes = sorted(self._get_list("/api/v1/notifications", params), key=_note_key)
        for note in notes:
            note["id"] = str(note.get("id"))
        cursor = str(notes[-1]["id"]) if notes else since
        # a server may cap ``limit`` below what was asked (some at 40): page until one is empty
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
            raise transport_error(exc, secret=self._token) from None
        with response:
            status = response.status_code
            if status in (401, 403, 429) or status >= 500:
                raise error_for_status(status, retry_after=self._until())
            if status != 200:
                raise Rejected(reason_text(Reason.NO_STREAMING, status))
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
                raise transport_error(exc, secret=self._token) from None

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


def _note_key(note: dict[str, Any]) -> tuple[int, str]:
    return _id_key(note.get("id"))


def _epoch(value: str) -> float | None:
    """An ``X-RateLimit-Reset`` value as epoch seconds: digits, or an ISO instant."""
    if value.isdigit():
        return float(value)
    instant = _instant(value)
    return instant.timestamp() if instant is not None else None


def _retry_after(headers: Any) -> float:
    """Seconds to wait after a 429: ``Retry-After`` (seconds), else until
    ``X-RateLimit-Reset``, else a minute."""
    after = str(headers.get("Retry-After") or "")
    if after.isdigit():
        return float(after)
    reset = _epoch(str(headers.get("X-RateLimit-Reset") or ""))
    if reset is not None and reset > time.time():
        return reset - time.time()
    return 60.0


def _status(exc: Exception) -> int | None:
    for arg in exc.args:
        if isinstance(arg, int):
            return arg
    return None


def _reason(exc: Exception) -> str:
    text = str(exc.args[-1]) if exc.args else ""
    return text.splitlines()[0][:200] if text else "refused"


__all__ = ["MastodonConnector", "NetError"]
