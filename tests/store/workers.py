"""Code run in child processes by the reliability tests (importable under ``spawn``)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from careerpivot.store import Store
from tests.store.helpers import profile

DAY = dt.date(2025, 5, 6)


def open_store(url: str, start: Any) -> None:
    """Open (and so migrate) the database as soon as every sibling is ready."""
    start.wait(60)
    Store.open(url).close()


def write_sessions(url: str, worker: int, client_ids: list[int], n: int, start: Any) -> None:
    """Write ``n`` sessions named ``w<worker>-<i>`` round-robin over ``client_ids``.

    Every fifth write is a batch that also saves a profile version, so single-call
    and multi-row transactions interleave between processes.
    """
    with Store.open(url) as store:
        start.wait(60)
        for i in range(n):
            cid = client_ids[i % len(client_ids)]
            if i % 5 == 4:
                with store.batch() as w:
                    w.add_session(cid, DAY, f"w{worker}-{i}")
                    w.save_profile(cid, profile(float(worker % 7)))
            else:
                store.add_session(cid, DAY, f"w{worker}-{i}")


def write_then_hang(url: str, client_id: int, committed: int, signal: Any) -> None:
    """Commit ``committed`` sessions, then open a transaction, write into it and wait.

    The parent kills this process (SIGKILL) while the transaction is open.
    """
    with Store.open(url) as store:
        for i in range(committed):
            store.add_session(client_id, DAY, f"committed-{i}")
        with store.batch() as w:
            for i in range(25):
                w.add_session(client_id, DAY, f"doomed-{i}")
            w.save_profile(client_id, profile(1.0))
            w.mark_role(client_id, "15-2051.00", "dismissed", "doomed")
            w.session.flush()
            signal.put("in transaction")
            time.sleep(120)  # killed long before this ends
