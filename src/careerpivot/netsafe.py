"""Where servers may listen: loopback unless asked, and never elsewhere without a passcode.

Client records are private, so the app (and any server CareerPivot starts) binds to
``127.0.0.1`` by default. Listening on another address needs an explicit flag, is refused
while no counselor passcode is set, and prints a warning. :func:`check_listen` is the one
rule; servers call it before binding.
"""

from __future__ import annotations

import ipaddress

from careerpivot.errors import CareerPivotError

LOOPBACK = "127.0.0.1"


class ListenRefusedError(CareerPivotError):
    """A server asked to listen beyond this machine without the safeguards."""


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (``127.0.0.0/8``, ``::1``, localhost).

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0"), is_loopback("")
    (True, True, False, False)
    """
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def check_listen(host: str, *, allow_remote: bool, passcode_set: bool) -> str | None:
    """Check an address before binding; returns a warning to print, or ``None`` for loopback.

    Raises :class:`ListenRefusedError` when ``host`` is not loopback and either the
    explicit flag (``allow_remote``) is missing or no counselor passcode is set.
    """
    if is_loopback(host):
        return None
    if not allow_remote:
        raise ListenRefusedError(
            f"refusing to listen on {host!r}: only this machine ({LOOPBACK}) is allowed by "
            "default. Add --listen-remote to serve other machines (a counselor passcode is "
            "needed first)."
        )
    if not passcode_set:
        raise ListenRefusedError(
            f"refusing to listen on {host!r} without a counselor passcode: anyone on the "
            "network could read the client records. Set one with `careerpivot client passcode`."
        )
    return (
        f"WARNING: listening on {host}, so other machines on the network can reach this app. "
        "Client records are behind the counselor passcode; traffic is not encrypted (no HTTPS)."
    )
