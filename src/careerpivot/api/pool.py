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
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
    """Whether this platform can fork workers that share the loaded engines (not Windows;
    macOS forks unsafely, so it runs uvicorn's own workers instead)."""
    return "fork" in multiprocessing.get_all_start_methods() and os.uname().sysname == "Linux"


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


def _in_worker(question: Question, *args: Any) -> Reply:
    if _FORKED is None:  # pragma: no cover  # only a forked worker runs this
        raise RuntimeError("no engines: this process was not forked by WorkerPool")
    return run(question, _FORKED, *args)


def _worker_start(front: int) -> None:
    # Ctrl-C reaches the whole process group: the front stops the workers in order.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(front,), daemon=True).start()


def _exit_with(front: int) -> None:
    """End this worker when the front process is gone (killed, not stopped in order)."""
    while os.getppid() == front:
        time.sleep(1.0)
    os._exit(0)


def _ready() -> int:
    return os.getpid()


class WorkerPool:
    """``processes`` workers forked now from this process, with ``engines`` loaded.

    Fork before any event loop or thread starts here (``careerpivot serve`` builds the
    app, and so the pool, before uvicorn runs it).
    """

    def __init__(self, engines: Engines, processes: int) -> None:
        global _FORKED
        _FORKED = engines
        self.processes = processes
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(
            self.processes,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_worker_start,
            initargs=(os.getpid(),),
        )
        pool.submit(_ready).result()  # a forking pool starts every worker on its first task
        return pool

    def pids(self) -> list[int]:
        """The workers' process ids."""
        return sorted(p.pid for p in self._pool._processes.values() if p.pid is not None)

    async def ask(self, question: Question, *args: Any) -> Reply:
        """``question(engines, *args)`` answered by the next free worker."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._pool, _in_worker, question, *args)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): start a new set for the next questions.
            log.error("a worker process stopped; starting %d new ones", self.processes)
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()
            return Failed(503, "Service unavailable", "a worker stopped; please try again")

    def close(self) -> None:
        """Stop the workers (questions still queued are cancelled)."""
        self._pool.shutdown(wait=False, cancel_futures=True)


__all__ = ["Failed", "Question", "Reply", "WorkerPool", "can_fork", "run"]
