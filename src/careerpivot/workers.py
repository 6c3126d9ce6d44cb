"""Independent pieces of an import's compiled work, run side by side on threads.

numpy's sorts and element-wise arithmetic, scipy's sparse products and scikit-learn's
tree predictor let go of the GIL, so on a machine with two cores two such pieces run
at once in one process: the import's wall time drops while its memory stays one
process's (threads share the data set; a second process would copy or re-read it).
Results come back in the order of the work, so sums over them keep their rounding.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

from threadpoolctl import threadpool_limits

T = TypeVar("T")
R = TypeVar("R")

#: Threads at most: the import's pieces are a few seconds of work in all, and each
#: thread in flight holds its own role x role temporaries (about 8 MB each on O*NET).
MAX_WORKERS = 2


#: glibc's ``mallopt`` parameter number for the mmap threshold (``M_MMAP_THRESHOLD``).
_M_MMAP_THRESHOLD = -3
#: Blocks of this many bytes or more are given back to the system as soon as they are freed.
RETURN_BLOCKS_FROM = 1 << 20


def return_freed_blocks(threshold: int = RETURN_BLOCKS_FROM) -> bool:
    """Have the C allocator map every block of ``threshold`` bytes or more on its own, so
    that freeing it gives the memory back at once (glibc's mmap threshold, held fixed).

    By default glibc raises that threshold to the largest block freed so far (up to
    32 MB) and keeps smaller freed blocks in a pool per thread: with the import's
    role x role temporaries (1-8 MB) made on two threads, the pools held 40-80 MB that
    was no longer in use. Process-wide and lasting; True where it was applied (Linux
    with glibc), False elsewhere (nothing changes)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, threshold))


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS (numpy's and scipy's OpenBLAS) on one thread while a batch of work runs.

    The import's matrix products are small or middling (role x role at most), and
    OpenBLAS's helper threads spin while they wait for the next one: on a busy 2-core
    machine an O*NET import took about 1.2 s (an eighth) more CPU time with two BLAS
    threads than with one, for the same files, byte for byte (its products split the
    output between threads, not the sums, so each number is computed alike)."""
    with threadpool_limits(limits=1, user_api="blas"):
        yield


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a batch of work runs; as it was afterwards.

    An O*NET import makes a few million objects that live until it ends (rows, ratings,
    requirements, occupations) and almost no reference cycles: the collector, started
    every 700 new objects, walked the growing heap again and again (a third of the CPU
    time of reading the release, on O*NET 29.2; the import's peak memory was the same
    without it). Process-wide while it lasts: other threads' cycles wait too (reference
    counting still frees everything else at once)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def worker_count(cap: int = MAX_WORKERS) -> int:
    """How many threads to use: the cores this process may run on that other work leaves
    free, at least 1 and at most ``cap``.

    Other work is what both the 1-minute load average and the threads running right
    now (Linux ``/proc/loadavg``, this one left out) say is busy, the smaller of the two.
    The load average alone counted this very import (and the one before it, for a
    minute after it ended): back-to-back imports on an idle 2-core machine got one
    thread. Where the cores are busy with other work, two threads handing the GIL to
    each other wait for the scheduler at every handoff: on a loaded 2-core machine the
    import's threaded steps took 10-30% longer on two threads than on one."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average (Windows)
        busy = 0.0
    now = running_elsewhere()
    if now is not None:
        busy = min(busy, now)
    free = int(cores - busy + 0.5)
    return max(1, min(cap, cores, free))


def running_elsewhere(loadavg: str = "/proc/loadavg") -> int | None:
    """Threads of the whole machine running or ready to run now, this one left out (the
    fourth field of Linux's ``/proc/loadavg``, ``running/total``); None where unknown."""
    try:
        with open(loadavg, encoding="ascii") as fh:
            running = int(fh.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return None
    return max(0, running - 1)


def ordered_map(
    fn: Callable[[T], R], items: Iterable[T], workers: int | None = None
) -> Iterator[R]:
    """``map(fn, items)`` on ``workers`` threads (default :func:`worker_count`), results
    in the items' order. At most ``workers`` items are in flight or waiting to be taken,
    so memory stays bounded; an exception in ``fn`` is raised where its result is taken.
    With one worker it is plain ``map`` on the calling thread."""
    n = worker_count() if workers is None else workers
    if n <= 1:
        yield from map(fn, items)
        return
    # BLAS's own threads would multiply with these (and spin while waiting): one each
    with (
        threadpool_limits(limits=1, user_api="blas"),
        ThreadPoolExecutor(n, thread_name_prefix="careerpivot") as pool,
    ):
        pending: deque[Future[R]] = deque()
        try:
            for item in items:
                pending.append(pool.submit(fn, item))
                if len(pending) >= n:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:  # the caller stopped early or one piece failed
                future.cancel()


def run_all(fn: Callable[[T], object], items: Iterable[T], workers: int | None = None) -> None:
    """Call ``fn`` on every item on ``workers`` threads (for work that writes its own
    slice of a shared output); the first exception is raised once all have stopped."""
    for _ in ordered_map(fn, items, workers):
        pass


__all__ = [
    "MAX_WORKERS",
    "cycle_collector_paused",
    "one_blas_thread",
    "ordered_map",
    "return_freed_blocks",
    "run_all",
    "running_elsewhere",
    "worker_count",
]
