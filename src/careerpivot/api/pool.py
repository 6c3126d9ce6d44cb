"""Answers computed by worker processes forked once the engines are loaded.

With ``careerpivot serve --workers N`` (N > 1) one front process reads HTTP, validates
requests and hands each question to whichever worker is free: the workers take questions
from one shared queue, so no client's connection is pinned to a busy worker while another
idles, and they share the loaded engines' memory (forked, copy-on-write). Every question
runs through :func:`run`, in a worker or in the server's own thread pool, so both give the
same bytes and the same problem documents.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import multiprocessing.process
import os
import pickle
import signal
import socket
import stat
import struct
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from threadpoolctl import threadpool_limits

from careerpivot.api import problems

if TYPE_CHECKING:
    from careerpivot.api.app import Engines

log = logging.getLogger("careerpivot.api")


@dataclass(frozen=True)
class Failed:
    """A question that could not be answered: the problem document's status, title, detail."""

    status: int
    title: str
    detail: str


#: An answer's JSON bytes, or why there is none.
Reply = bytes | Failed
Question = Callable[..., bytes]

#: The engines a forked worker answers from (set in the front just before it forks).
_FORKED: Engines | None = None


def can_fork() -> bool:
    """Whether workers are forked here (Linux). Windows cannot fork and macOS forks
    unsafely once system libraries have started threads: there uvicorn's own worker
    processes each load the engines instead."""
    return sys.platform == "linux"


def run(question: Question, engines: Engines, *args: Any) -> Reply:
    """``question(engines, *args)``, with an expected error turned into its problem and an
    unexpected one logged (with its traceback, where it happened) and answered as a 500."""
    try:
        return question(engines, *args)
    except Exception as exc:
        known = problems.status_of(exc)
        if known is None:
            log.exception("unexpected error")
            return Failed(500, "Internal error", "the server could not answer; this is logged")
        return Failed(*known)


def _serve(sock: socket.socket, fronts: list[socket.socket], front: int) -> None:
    """A worker's life: answer each question sent on ``sock`` until the front closes it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the front stops us in order
    for other in fronts:  # the front's ends of every worker's socket: ours must see it go
        other.close()
    _close_sockets_but(sock.fileno())
    one_blas_thread()
    threading.Thread(target=_exit_with, args=(front,), daemon=True).start()
    if _FORKED is None:  # pragma: no cover  # only WorkerPool forks this
        raise RuntimeError("no engines: this process was not forked by WorkerPool")
    incoming = sock.makefile("rb")
    while True:
        head = incoming.read(_HEAD.size)
        if len(head) < _HEAD.size:  # the front closed our socket: stop
            os._exit(0)
        question, args = pickle.loads(incoming.read(_HEAD.unpack(head)[0]))
        reply = run(question, _FORKED, *args)
        body = _OK + reply if isinstance(reply, bytes) else _FAILED + pickle.dumps(reply)
        try:
            sock.sendall(_HEAD.pack(len(body)) + body)
        except OSError:
            os._exit(0)


def one_blas_thread() -> None:
    """Hold BLAS to one thread in this process for good: a server answers questions side by
    side in processes (or threads), and BLAS threads of its own on top would only compete
    for the same cores."""
    threadpool_limits(limits=1, user_api="blas")


def _close_sockets_but(keep: int) -> None:
    """Close the sockets a worker inherits from a running front (its listening socket and
    clients' connections, when it replaces a worker that died), so that only the front
    holds them: a client sees its connection close when the front closes it."""
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd <= 2 or fd == keep:
            continue
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:  # the listing's own descriptor, already gone
            pass


def _exit_with(front: int) -> None:
    """End this worker when the front process is gone (killed, not stopped in order)."""
    while os.getppid() == front:
        time.sleep(1.0)
    os._exit(0)


_HEAD = struct.Struct("!Q")  # each message: its length in bytes, then the bytes
_OK, _FAILED = b"\x00", b"\x01"


class WorkerDied(Exception):
    """The worker answering a question stopped before it replied."""


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    sock: socket.socket
    streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None


class WorkerPool:
    """``processes`` workers forked now from this process, with ``engines`` loaded.

    The front's event loop writes each question to a free worker's socket and reads the
    reply from it: no threads in between. Fork before any event loop or thread starts
    here (``careerpivot serve`` builds the app, and so the pool, before uvicorn runs it).
    """

    def __init__(self, engines: Engines, processes: int) -> None:
        global _FORKED
        _FORKED = engines
        self.processes = processes
        self._workers: list[_Worker] = []
        for _ in range(processes):
            self._workers.append(self._fork())
        self._free: asyncio.Queue[_Worker] | None = None

    def _fork(self) -> _Worker:
        front_end, worker_end = socket.socketpair()
        fronts = [front_end, *(w.sock for w in self._workers)]
        process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(worker_end, fronts, os.getpid()), daemon=True
        )
        process.start()
        worker_end.close()
        return _Worker(process, front_end)

    def pids(self) -> list[int]:
        """The workers' process ids."""
        return sorted(w.process.pid for w in self._workers if w.process.pid is not None)

    def _queue(self) -> asyncio.Queue[_Worker]:
        if self._free is None:  # made in the event loop that uses it
            self._free = asyncio.Queue()
            for w in self._workers:
                self._free.put_nowait(w)
        return self._free

    async def ask(self, question: Question, *args: Any) -> Reply:
        """``question(engines, *args)`` answered by the next free worker (first come, first
        served). Questions only read, so one whose worker died is asked again once."""
        payload = pickle.dumps((question, args))
        message = _HEAD.pack(len(payload)) + payload
        for attempt in (1, 2):
            worker = await self._queue().get()
            # The exchange runs to its end even if this request is cancelled, so the
            # worker's socket is never left mid-message.
            exchange = asyncio.ensure_future(self._exchange(worker, message))
            try:
                data = await asyncio.shield(exchange)
            except WorkerDied:
                log.error("worker %s stopped; starting a new one", worker.process.pid)
                if attempt == 2:
                    return Failed(503, "Service unavailable", "a worker stopped; please try again")
                continue
            if data[:1] == _OK:
                return data[1:]
            failed: Failed = pickle.loads(data[1:])
            return failed
        raise AssertionError("unreachable")  # pragma: no cover

    async def _exchange(self, worker: _Worker, message: bytes) -> bytes:
        """Send one question to ``worker`` and read its reply; then the worker goes back to
        the free queue, or is replaced by a new one if it died."""
        try:
            if worker.streams is None:
                worker.streams = await asyncio.open_connection(sock=worker.sock)
            reader, writer = worker.streams
            writer.write(message)
            await writer.drain()
            size = _HEAD.unpack(await reader.readexactly(_HEAD.size))[0]
            data = await reader.readexactly(size)
        except (asyncio.IncompleteReadError, OSError) as exc:
            self._replace(worker)
            raise WorkerDied from exc
        self._queue().put_nowait(worker)
        return data

    def _replace(self, dead: _Worker) -> None:
        if dead.streams is not None:
            dead.streams[1].close()
        dead.sock.close()
        dead.process.join(timeout=1.0)
        new = self._fork()
        self._workers = [new if w is dead else w for w in self._workers]
        self._queue().put_nowait(new)

    async def close(self) -> None:
        """Stop the workers: each sees its socket close and exits (or is terminated)."""
        for w in self._workers:
            if w.streams is not None:
                w.streams[1].close()
                with contextlib.suppress(OSError):
                    await w.streams[1].wait_closed()
            w.sock.close()
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline and any(w.process.is_alive() for w in self._workers):
            await asyncio.sleep(0.05)
        for w in self._workers:
            if w.process.is_alive():
                w.process.terminate()
            w.process.join(timeout=5.0)


__all__ = ["Failed", "Question", "Reply", "WorkerPool", "can_fork", "one_blas_thread", "run"]
