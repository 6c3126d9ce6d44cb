"""Passcode attempts on ``POST /v1/counselor/token``: a growing delay per client address,
and one over all addresses together.

Each wrong passcode from an address makes that address wait before its next attempt is
heard (1 s, then 2, 4, ... up to 5 minutes; a right passcode resets it). Attempts during
the wait get a 429 without the passcode being checked, so guessing fast gains nothing.
An attacker with many addresses (or one who fills the table of addresses, which is
bounded) meets the shared gate: after 20 wrong passcodes in a row from anywhere, every
address waits the same growing delay. IPv6 addresses count by their /64 network, which
one machine usually holds whole.

>>> now = [0.0]
>>> gate = TokenAttempts(clock=lambda: now[0])
>>> gate.attempt("192.0.2.1", lambda code: code == "right-one", "wrong").wait_s
1.0
>>> gate.attempt("192.0.2.1", lambda code: code == "right-one", "right-one").ok  # too soon
False
>>> gate.attempt("192.0.2.7", lambda code: code == "right-one", "right-one").ok  # elsewhere
True
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from careerpivot.store.lockout import Attempt, Lockout

#: Wrong passcodes in a row, from any address, before every address meets a delay.
SHARED_FREE = 20
#: Addresses whose failures are remembered; the least recently seen are forgotten first.
MAX_ADDRESSES = 4096


def address_key(host: str | None) -> str:
    """Which address an attempt counts against: the IPv4 address, the /64 of an IPv6 one.

    >>> address_key("2001:db8::1"), address_key("192.0.2.1"), address_key(None)
    ('2001:db8::/64', '192.0.2.1', 'unknown')
    """
    if not host:
        return "unknown"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host[:100]
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is None:
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip.ipv4_mapped or ip) if isinstance(ip, ipaddress.IPv6Address) else str(ip)


class TokenAttempts:
    """The gates of one server process: one :class:`Lockout` per address, one shared."""

    def __init__(
        self,
        *,
        shared_free: int = SHARED_FREE,
        max_addresses: int = MAX_ADDRESSES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clock = clock
        self.max_addresses = max_addresses
        self.shared = Lockout(free=shared_free, clock=clock)
        self._gates: OrderedDict[str, Lockout] = OrderedDict()
        self._lock = threading.Lock()

    def _gate(self, key: str) -> Lockout:
        """The gate of ``key``, created on first use; the table keeps ``max_addresses``."""
        with self._lock:
            gate = self._gates.pop(key, None) or Lockout(clock=self.clock)
            self._gates[key] = gate
            while len(self._gates) > self.max_addresses:
                self._gates.popitem(last=False)
            return gate

    def attempt(self, host: str | None, verify: Callable[[str], bool], code: str) -> Attempt:
        """Check ``code`` with ``verify`` unless this address or every address must wait;
        a refused attempt's ``wait_s`` says how long."""
        wait = self.shared.wait_s()
        if wait > 0:
            return Attempt(False, wait, self.shared.failures, checked=False)
        result = self._gate(address_key(host)).attempt(verify, code)
        if not result.checked:
            return result
        shared = self.shared.record(result.ok)
        if result.ok:
            return result
        return Attempt(False, max(result.wait_s, shared.wait_s), result.failures)
