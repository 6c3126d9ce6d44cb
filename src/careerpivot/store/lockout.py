"""A growing delay after wrong counselor passcodes, shared by every session of a process.

After each wrong passcode the next attempt is refused until a delay has passed (1 s,
then 2, 4, ... up to 5 minutes); a right passcode resets it. Attempts made while waiting
are refused without being checked, so guessing fast gains nothing, and the right
passcode does not work during the wait either.

>>> now = [0.0]
>>> gate = Lockout(clock=lambda: now[0])
>>> gate.attempt(lambda code: code == "right-one", "wrong").ok
False
>>> gate.attempt(lambda code: code == "right-one", "right-one").wait_s  # must wait first
1.0
>>> now[0] = 1.0
>>> gate.attempt(lambda code: code == "right-one", "right-one").ok
True
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Attempt:
    """What happened to one attempt: accepted, wrong, or refused until ``wait_s`` passes
    (then ``checked`` is False: the passcode was not looked at)."""

    ok: bool
    wait_s: float = 0.0
    failures: int = 0
    checked: bool = True


class Lockout:
    """Throttle for one passcode: counts failures and refuses attempts during the delay."""

    def __init__(
        self,
        *,
        base_s: float = 1.0,
        cap_s: float = 300.0,
        free: int = 0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base_s = base_s
        self.cap_s = cap_s
        self.free = free  # wrong attempts in a row that carry no delay yet
        self.clock = clock
        self.failures = 0
        self._not_before = 0.0
        self._lock = threading.Lock()

    def delay_after(self, failures: int) -> float:
        """Seconds to wait after ``failures`` wrong attempts in a row (the first ``free`` cost
        nothing)."""
        over = failures - self.free
        if over <= 0:
            return 0.0
        return float(min(self.cap_s, self.base_s * 2 ** min(over - 1, 30)))

    def wait_s(self) -> float:
        """Seconds until the next attempt is heard (0 when it can be made now)."""
        return max(0.0, self._not_before - self.clock())

    def attempt(self, verify: Callable[[str], bool], code: str) -> Attempt:
        """Check ``code`` with ``verify`` unless a delay is running."""
        with self._lock:
            wait = self.wait_s()
            if wait > 0:
                return Attempt(False, wait, self.failures, checked=False)
            return self._record(verify(code))

    def record(self, ok: bool) -> Attempt:
        """Count an attempt checked elsewhere: a right one resets the delay, a wrong one
        grows it (how one gate over many others counts their attempts)."""
        with self._lock:
            return self._record(ok)

    def _record(self, ok: bool) -> Attempt:
        if ok:
            self.failures = 0
            self._not_before = 0.0
            return Attempt(True)
        self.failures += 1
        delay = self.delay_after(self.failures)
        self._not_before = self.clock() + delay
        return Attempt(False, delay, self.failures)


_GATES: dict[str, Lockout] = {}
_GATES_LOCK = threading.Lock()


def lockout_for(key: str) -> Lockout:
    """The process-wide lockout of one database (key: its URL), shared by all sessions."""
    with _GATES_LOCK:
        return _GATES.setdefault(key, Lockout())
