"""Several writer processes at once lose nothing; a writer killed mid-transaction loses only that.

Children are started with ``spawn`` (a fresh interpreter each, as separate app or
CLI processes would be) and released together by a barrier.
"""

from __future__ import annotations

import collections
import multiprocessing as mp
import os
import signal

import pytest

from careerpivot.store import Store
from tests.store import workers

pytestmark = pytest.mark.slow

WRITES = 40


def test_concurrent_writers_keep_every_write(db_url):
    with Store.open(db_url) as store:
        a, b, c = (store.create_client(n).id for n in ("Shared A", "Own B", "Own C"))
    plan = {0: [a], 1: [a], 2: [b, a], 3: [c]}  # same client from several processes, and not
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(len(plan))
    procs = [
        ctx.Process(target=workers.write_sessions, args=(db_url, w, ids, WRITES, start))
        for w, ids in plan.items()
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(180)
    assert [p.exitcode for p in procs] == [0] * len(plan)

    expected: dict[int, set[str]] = collections.defaultdict(set)
    for w, ids in plan.items():
        for i in range(WRITES):
            expected[ids[i % len(ids)]].add(f"w{w}-{i}")
    with Store.open(db_url) as store:
        for cid in (a, b, c):
            snap = store.load_client(cid)
            notes = [s.notes for s in snap.sessions]
            assert len(notes) == len(set(notes)) == len(expected[cid])
            assert set(notes) == expected[cid]
        batches = sum(1 for w, ids in plan.items() for i in range(WRITES) if i % 5 == 4)
        assert sum(store.load_client(cid).profile_versions for cid in (a, b, c)) == batches
        assert store.integrity_check() == ["ok"]


def test_a_writer_killed_mid_transaction_loses_only_that_transaction(db_url):
    with Store.open(db_url) as store:
        cid = store.create_client("Crash Test").id
        store.mark_role(cid, "15-2051.00", "shortlisted", "before the crash")
    ctx = mp.get_context("spawn")
    signal_q = ctx.Queue()
    child = ctx.Process(target=workers.write_then_hang, args=(db_url, cid, 5, signal_q))
    child.start()
    try:
        assert signal_q.get(timeout=120) == "in transaction"
    finally:
        os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join(30)
    assert child.exitcode == -signal.SIGKILL

    with Store.open(db_url) as store:
        snap = store.load_client(cid)
        assert [s.notes for s in snap.sessions] == [f"committed-{i}" for i in range(5)]
        assert snap.profile is None
        assert [(r.state, r.note) for r in snap.roles] == [("shortlisted", "before the crash")]
        assert store.integrity_check() == ["ok"]
        # the dead writer's lock is gone: the next write goes through at once
        store.add_session(cid, workers.DAY, "after the crash")
        assert store.load_client(cid).sessions[-1].notes == "after the crash"
