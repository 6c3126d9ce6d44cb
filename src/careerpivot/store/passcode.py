"""The counselor passcode: stored only as a salted scrypt hash, checked in constant time.

The encoded form is ``scrypt$N$r$p$salt$hash`` (salt and hash in base64), so the
cost parameters can rise later without breaking passcodes already set.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from careerpivot.store.errors import StoreError

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_LENGTH = 6
MAX_LENGTH = 1024


def hash_passcode(passcode: str, *, salt: bytes | None = None) -> str:
    """A salted scrypt hash of ``passcode`` in the encoded form.

    >>> encoded = hash_passcode("correct horse")
    >>> encoded.startswith("scrypt$16384$8$1$"), "correct horse" in encoded
    (True, False)
    >>> verify_passcode("correct horse", encoded), verify_passcode("wrong horse", encoded)
    (True, False)
    """
    if len(passcode) < MIN_LENGTH:
        raise StoreError(f"passcode: use at least {MIN_LENGTH} characters")
    if len(passcode) > MAX_LENGTH:
        raise StoreError(f"passcode: longer than {MAX_LENGTH} characters")
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    key = _derive(passcode, salt, N, R, P)
    return "$".join((SCHEME, str(N), str(R), str(P), _b64(salt), _b64(key)))


def verify_passcode(passcode: str, encoded: str) -> bool:
    """True when ``passcode`` matches the encoded hash (constant-time comparison)."""
    if len(passcode) > MAX_LENGTH:
        return False
    try:
        scheme, n, r, p, salt, key = encoded.split("$")
        if scheme != SCHEME:
            return False
        expected = base64.b64decode(key, validate=True)
        actual = _derive(passcode, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except ValueError:  # malformed encoding (binascii.Error is a ValueError)
        return False
    return hmac.compare_digest(actual, expected)


def _derive(passcode: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passcode.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES, maxmem=64 * 2**20
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
