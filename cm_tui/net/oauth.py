"""The OAuth out-of-band sign-in with PKCE, for an account added without a pasted token.

``start(instance)`` registers cm-tui as an app on the instance (``POST /api/v1/apps``,
redirect ``urn:ietf:wg:oauth:2.0:oob``, scopes ``read write``) and returns the authorize URL
the user opens in a browser, with a PKCE challenge (S256 of a fresh random verifier, RFC 7636);
the instance then shows a code, which ``finish(flow, code)`` exchanges (with the verifier) for
an access token (``POST /oauth/token``). The token then goes through ``accounts.add`` like a
pasted one (verified on the instance, stored in the secret store). The client secret and
verifier live only in the ``Flow`` in memory, never in the store or a log. Failures are
``NetError`` with one line (``Offline``, ``ServerError``, ``Rejected``: a wrong or used code).
See docs/architecture.md, "Connectors".
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from cm_tui.core.net_rules import Reason, reason_text
from cm_tui.core.textsafe import clean_line
from cm_tui.net.connector import Rejected, error_for_status, transport_error

OOB = "urn:ietf:wg:oauth:2.0:oob"
SCOPES = "read write"
APP_NAME = "cm-tui"
TIMEOUT = 15.0


@dataclass(frozen=True)
class Flow:
    instance: str
    client_id: str
    authorize_url: str
    client_secret: str = field(repr=False)
    verifier: str = field(repr=False)


def challenge(verifier: str) -> str:
    """The PKCE S256 challenge of ``verifier`` (base64url, no padding)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _call(method: str, url: str, data: dict[str, str]) -> dict[str, Any]:
    import requests

    try:
        response = requests.request(method, url, data=data, timeout=TIMEOUT)
    except requests.RequestException as exc:
        raise transport_error(exc) from None
    if response.status_code >= 500:
        raise error_for_status(response.status_code)
    try:
        body = response.json()
    except ValueError:
        raise error_for_status(None) from None
    if response.status_code >= 400 or not isinstance(body, dict):
        reason = (
            body.get("error_description") or body.get("error") if isinstance(body, dict) else ""
        )
        # a 401 here is a wrong or used code, not a refused token: always ``Rejected``
        said = clean_line(str(reason or ""))
        raise Rejected(reason_text(Reason.REFUSED, response.status_code, said))
    return body


def start(instance: str) -> Flow:
    """Register the app and build the authorize URL (``instance`` normalised already)."""
    app = _call(
        "POST",
        f"{instance}/api/v1/apps",
        {"client_name": APP_NAME, "redirect_uris": OOB, "scopes": SCOPES},
    )
    client_id, client_secret = str(app.get("client_id", "")), str(app.get("client_secret", ""))
    if not client_id:
        raise error_for_status(None)  # an answer without the app: not the API's
    verifier = secrets.token_urlsafe(64)
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": OOB,
            "scope": SCOPES,
            "code_challenge": challenge(verifier),
            "code_challenge_method": "S256",
        }
    )
    return Flow(instance, client_id, f"{instance}/oauth/authorize?{query}", client_secret, verifier)


def finish(flow: Flow, code: str) -> str:
    """Exchange the code the instance showed for an access token."""
    body = _call(
        "POST",
        f"{flow.instance}/oauth/token",
        {
            "grant_type": "authorization_code",
            "code": code.strip(),
            "client_id": flow.client_id,
            "client_secret": flow.client_secret,
            "redirect_uri": OOB,
            "code_verifier": flow.verifier,
            "scope": SCOPES,
        },
    )
    token = str(body.get("access_token") or "")
    if not token:
        raise Rejected(reason_text(Reason.UNREADABLE))
    return token
