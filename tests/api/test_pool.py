"""Worker processes (``careerpivot serve --workers N`` on Linux): every endpoint answers as
the one-process server does, questions go to whichever worker is free, a worker that dies
is replaced, and the workers stop with the server.

The endpoint tests run again here, against a server with two forked workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from careerpivot.api.app import Settings, create_app
from careerpivot.api.pool import Failed, WorkerPool, can_fork
from tests.api.test_endpoints import *  # noqa: F403  # the same tests, on worker processes
from tests.api.test_endpoints import LOG

pytestmark = pytest.mark.skipif(not can_fork(), reason="worker processes are forked (Linux)")


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """A server whose questions are answered by two forked worker processes."""
    with TestClient(create_app(Settings(processes=2)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def one_process() -> Iterator[TestClient]:
    with TestClient(create_app(Settings()), raise_server_exceptions=False) as c:
        yield c


def _pool(c: TestClient) -> WorkerPool:
    pool = c.app.state.pool  # type: ignore[attr-defined]
    assert isinstance(pool, WorkerPool)
    return pool


REQUESTS = [
    ("post", "/v1/recommend", {"role": "15-1252.00", "k": 12}),
    ("post", "/v1/recommend", {"role": "software developer", "detail": "full"}),
    ("post", "/v1/recommend", {"profile": {"ratings": {"2.B.3.e": 4.0}}, "k": 5}),
    ("post", "/v1/gap", {"role": "15-1252.00", "target": "15-2051.00"}),
    ("post", "/v1/plan", {"role": "15-1252.00", "target": "15-2051.00", "routes": 2}),
    ("post", "/v1/what-if", {"role": "15-1252.00", "descriptor": "2.B.3.e"}),
    ("post", "/v1/rejections/analyse", {"role": "15-2041.00", "log": LOG}),
    ("post", "/v1/feedback/classify", {"texts": ["We need stronger SQL skills.", "no reply"]}),
    ("get", "/v1/roles/search?q=nurse&limit=3", None),
    ("get", "/v1/roles/15-1252.00", None),
    ("get", "/v1/roles/99-9999.00", None),  # 404
    ("post", "/v1/recommend", {"role": "zzzzqqqq xxyy"}),  # 404
    ("post", "/v1/recommend", {"profile": {"name": "empty"}}),  # 400
    ("get", "/v1/roles/search?q=a&dataset=nope", None),  # 404
]


@pytest.mark.parametrize(("method", "path", "body"), REQUESTS)
def test_workers_answer_byte_for_byte_as_one_process(client, one_process, method, path, body):
    got = client.request(method, path, json=body)
    want = one_process.request(method, path, json=body)
    assert (got.status_code, got.headers["content-type"]) == (
        want.status_code,
        want.headers["content-type"],
    )
    assert got.content == want.content


def test_feedback_is_classified_in_a_worker_not_the_front(client, monkeypatch):
    """A batch of texts is seconds of CPU: it must not hold the process reading HTTP."""
    from careerpivot.rejections.classify import FeedbackClassifier

    def front_must_not_classify(*_: object) -> None:
        raise AssertionError("classified in the front process")

    # only this (front) process is patched; the workers were forked before
    monkeypatch.setattr(FeedbackClassifier, "classify", front_must_not_classify)
    resp = client.post("/v1/feedback/classify", json={"texts": ["Not enough SQL."]})
    assert resp.status_code == 200, resp.text[:200]
    assert resp.json()["results"][0]["category"]


def _pid(_engines: object, pause: float) -> bytes:
    time.sleep(pause)
    return str(os.getpid()).encode()


def test_questions_go_to_whichever_worker_is_free(client):
    pool = _pool(client)
    workers = pool.pids()
    assert len(workers) == 2 and os.getpid() not in workers

    async def two_at_once() -> list[bytes | object]:
        return list(await asyncio.gather(pool.ask(_pid, 0.5), pool.ask(_pid, 0.5)))

    assert client.portal is not None
    t = time.perf_counter()
    answered = client.portal.call(two_at_once)
    # both workers answered, side by side: neither question waited for the other
    assert sorted(int(a) for a in answered) == workers  # type: ignore[call-overload]
    assert time.perf_counter() - t < 0.95


def _blas_threads(_engines: object) -> bytes:
    from threadpoolctl import threadpool_info

    return json.dumps(
        [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    ).encode()


def test_workers_compute_with_one_blas_thread_each(client):
    """Each worker answers one question at a time; BLAS threads of its own would only
    spin on the cores the other worker and the front need."""
    pool = _pool(client)
    assert client.portal is not None
    counts = json.loads(client.portal.call(pool.ask, _blas_threads))  # type: ignore[arg-type]
    assert counts and set(counts) == {1}


def _gc_state(_engines: object) -> bytes:
    import gc

    return json.dumps([gc.get_freeze_count(), gc.get_threshold()[0]]).encode()


def test_workers_keep_the_engines_out_of_garbage_collection(client):
    """The loaded engines are frozen before the fork (no full pass walks them mid-request)
    and young passes run at the server's threshold, not once an answer."""
    from careerpivot.api.app import YOUNG_GC_THRESHOLD

    pool = _pool(client)
    assert client.portal is not None
    frozen, young = json.loads(client.portal.call(pool.ask, _gc_state))  # type: ignore[arg-type]
    assert frozen > 100_000  # the starter engine's objects, at least
    assert young == YOUNG_GC_THRESHOLD


def test_a_worker_that_dies_is_replaced_and_the_question_asked_again():
    with TestClient(create_app(Settings(processes=2)), raise_server_exceptions=False) as c:
        first_in_line = _pool(c)._workers[0].process.pid
        assert first_in_line is not None
        os.kill(first_in_line, signal.SIGKILL)
        time.sleep(0.2)
        # questions only read, so the next free worker answers this one
        first = c.post("/v1/recommend", json={"role": "15-1252.00"})
        assert first.status_code == 200 and len(first.json()["pivots"]) == 10
        assert first_in_line not in _pool(c).pids() and len(_pool(c).pids()) == 2


def test_a_question_that_kills_its_workers_is_a_503_problem():
    with TestClient(create_app(Settings(processes=2)), raise_server_exceptions=False) as c:
        assert c.portal is not None
        reply = c.portal.call(_pool(c).ask, _die)
        assert reply == Failed(503, "Service unavailable", "a worker stopped; please try again")
        assert c.post("/v1/recommend", json={"role": "15-1252.00"}).status_code == 200


def _die(_engines: object) -> bytes:
    os._exit(9)


def test_workers_stop_with_the_server():
    with TestClient(create_app(Settings(processes=2))) as c:
        pids = _pool(c).pids()
        assert c.get("/health").status_code == 200
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.1)
    assert not any(_alive(p) for p in pids)


def _alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reap it if it is our finished child
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
