"""Work run on threads comes back in order, bounded, and fails as plain code would."""

import gc
import threading
import time

import pytest
from threadpoolctl import threadpool_info

from careerpivot.datasets import importing
from careerpivot.errors import DataValidationError
from careerpivot.workers import (
    cycle_collector_paused,
    ordered_map,
    return_freed_blocks,
    run_all,
    worker_count,
)


def test_results_come_back_in_the_items_order_whatever_finishes_first():
    def slow_first(i: int) -> int:
        time.sleep(0.02 if i % 3 == 0 else 0.0)
        return i * i

    assert list(ordered_map(slow_first, range(12), workers=2)) == [i * i for i in range(12)]


def test_no_more_than_the_workers_are_in_flight():
    lock = threading.Lock()
    running = [0, 0]  # now, most

    def work(i: int) -> int:
        with lock:
            running[0] += 1
            running[1] = max(running[1], running[0])
        time.sleep(0.005)
        with lock:
            running[0] -= 1
        return i

    taken = []
    for r in ordered_map(work, range(10), workers=2):
        taken.append(r)
        time.sleep(0.01)  # a slow consumer: work must not pile up ahead of it
    assert taken == list(range(10)) and running[1] <= 2


def test_one_worker_runs_on_the_calling_thread():
    me = threading.get_ident()
    assert set(ordered_map(lambda _: threading.get_ident(), range(3), workers=1)) == {me}


def test_an_error_in_a_piece_is_raised_to_the_caller():
    def fail_on_three(i: int) -> int:
        if i == 3:
            raise ValueError("piece 3 failed")
        return i

    with pytest.raises(ValueError, match="piece 3"):
        run_all(fail_on_three, range(8), workers=2)


def test_worker_count_is_at_least_one_and_at_most_the_cap():
    assert 1 <= worker_count() <= 2 and worker_count(cap=1) == 1


def test_busy_cores_are_not_counted(monkeypatch):
    import careerpivot.workers as w

    monkeypatch.setattr(w.os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    monkeypatch.setattr(w, "running_elsewhere", lambda: None)  # only the load average known
    monkeypatch.setattr(w.os, "getloadavg", lambda: (0.2, 0.0, 0.0))
    assert worker_count() == 2  # an idle 2-core machine
    monkeypatch.setattr(w.os, "getloadavg", lambda: (1.2, 0.0, 0.0))
    assert worker_count() == 1  # one core taken by other work
    monkeypatch.setattr(w.os, "getloadavg", lambda: (4.0, 0.0, 0.0))
    assert worker_count() == 1


def test_a_load_that_has_gone_is_not_counted(monkeypatch):
    import careerpivot.workers as w

    monkeypatch.setattr(w.os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    # the load average still counts the import before this one (and this one): nothing
    # else runs now, so both cores are free
    monkeypatch.setattr(w.os, "getloadavg", lambda: (1.4, 0.9, 0.5))
    monkeypatch.setattr(w, "running_elsewhere", lambda: 0)
    assert worker_count() == 2
    # busy now and over the last minute: one thread
    monkeypatch.setattr(w, "running_elsewhere", lambda: 3)
    assert worker_count() == 1
    # a burst this instant on a machine idle for the last minute: still two
    monkeypatch.setattr(w.os, "getloadavg", lambda: (0.1, 0.1, 0.1))
    assert worker_count() == 2


def test_threads_running_elsewhere_leave_this_one_out(tmp_path):
    from careerpivot.workers import running_elsewhere

    loadavg = tmp_path / "loadavg"
    loadavg.write_text("6.51 8.11 7.67 8/197 15287\n", encoding="ascii")
    assert running_elsewhere(str(loadavg)) == 7
    loadavg.write_text("0.00 0.01 0.05 1/80 12\n", encoding="ascii")
    assert running_elsewhere(str(loadavg)) == 0
    loadavg.write_text("garbled\n", encoding="ascii")
    assert running_elsewhere(str(loadavg)) is None
    assert running_elsewhere(str(tmp_path / "absent")) is None


def test_returning_freed_blocks_says_whether_it_applied():
    assert isinstance(return_freed_blocks(), bool)


def test_cycle_collector_paused_restores_the_collector_as_it_was():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cycle_collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("the work failed")
    assert gc.isenabled()  # back on after a failure too
    gc.disable()
    try:
        with cycle_collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # a caller who had it off keeps it off
    finally:
        gc.enable()


def test_the_import_runs_with_the_collector_paused(monkeypatch, tmp_path):
    seen = []

    def fake_read(*args, **kwargs):
        seen.append(gc.isenabled())
        seen.append({i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"})
        raise DataValidationError("stop here")

    monkeypatch.setattr(importing, "read_release", fake_read)
    with pytest.raises(DataValidationError, match="stop here"):
        importing.import_onet(tmp_path, data_dir=tmp_path / "data")
    assert seen == [False, {1}] and gc.isenabled()
