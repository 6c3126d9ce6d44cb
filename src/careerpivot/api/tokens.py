"""Bearer tokens for counselor endpoints: an expiry signed with HMAC-SHA256.

The key is the stored passcode record (a salted scrypt hash, see
:mod:`careerpivot.store.passcode`), so every worker reading the same store checks tokens
without shared memory, and changing the passcode revokes every token at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

TOKEN_SECONDS = 8 * 3600
_CONTEXT = b"careerpivot-api-token-v1"


def _sign(payload: bytes, key: str) -> str:
    mac = hmac.new(hashlib.sha256(_CONTEXT + key.encode()).digest(), payload, hashlib.sha256)
    return base64.urlsafe_b64encode(mac.digest()).decode().rstrip("=")


def issue_token(key: str, *, now: float | None = None, seconds: int = TOKEN_SECONDS) -> str:
    """A token valid for ``seconds`` from ``now``.

    >>> t = issue_token("k", now=0)
    >>> check_token(t, "k", now=10), check_token(t, "other", now=10)
    (True, False)
    """
    expires = str(int((time.time() if now is None else now) + seconds)).encode()
    return f"{expires.decode()}.{_sign(expires, key)}"


def check_token(token: str, key: str, *, now: float | None = None) -> bool:
    """True when ``token`` was signed with ``key`` and has not expired.

    Any text is safe here: the parts are compared as UTF-8 bytes, because
    ``hmac.compare_digest`` refuses text with non-ASCII characters (a header can hold any
    Latin-1 character).
    """
    expires, _, sig = token.partition(".")
    if not (expires.isascii() and expires.isdigit() and sig) or len(expires) > 20:
        return False
    if not hmac.compare_digest(sig.encode(), _sign(expires.encode(), key).encode()):
        return False
    return int(expires) > (time.time() if now is None else now)
