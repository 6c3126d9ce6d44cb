"""O*NET speed: cold import, cached load, recommend and route latency, peak memory.

    python bench/onet.py [--onet DIR] [--bls DIR] [--repeats 200] [--import-only]

Imports the release into a temporary data folder (so nothing of yours changes),
then loads it back as the app and CLI do, in a process of its own. Targets: cold
import <= 10 s and <= 500 MB (resident peak, ru_maxrss, of the importing process;
its highest steps by resident memory show where the peak is), cached load <= 1 s,
recommend with explanations for the top 20 <= 20 ms. The loading process's own
peak is printed too. The import's CPU time (user + system) is printed beside its wall
time: on a shared machine it varies less. ``--import-only`` stops after the import.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from careerpivot.datasets.importing import import_onet
from careerpivot.engine import Engine
from careerpivot.testing import shared_dir


class StepMemory:
    """Peak resident memory (MB) of each import step, sampled every 10 ms by a thread (Linux
    /proc; elsewhere only at step changes): shows which step sets the import's peak."""

    def __init__(self) -> None:
        self.step = "start"
        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> StepMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.enter("done")

    def enter(self, step: str) -> None:
        self._note()
        self.step = step

    def _note(self) -> None:
        mb = resident_mb()
        if mb > self.peaks.get(self.step, 0.0):
            self.peaks[self.step] = mb

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self._note()


def resident_mb() -> float:
    """Resident memory now (MB); the peak so far where /proc is missing."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load() -> str:
    """The machine's 1-minute load average (other work slows the wall-clock figures)."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def pct(xs: list[float]) -> str:
    return f"p50 {np.percentile(xs, 50):7.2f} ms  p95 {np.percentile(xs, 95):7.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--onet", type=Path, default=shared_dir() / "onet" / "db_29_2_text")
    ap.add_argument("--bls", type=Path, default=shared_dir() / "bls")
    ap.add_argument("--repeats", type=int, default=200)
    ap.add_argument(
        "--import-only", action="store_true", help="time the import alone (no load or use)"
    )
    ap.add_argument("--use", nargs=2, metavar=("FOLDER", "NAME"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.use:
        use(Path(args.use[0]), args.use[1], args.repeats)
        return
    steps: list[tuple[str, float]] = []
    last = ["start", time.perf_counter()]

    memory = StepMemory()

    def progress(what: str, done: int, total: int) -> None:
        # each report starts a step: charge the time since the last report to that one
        now = time.perf_counter()
        steps.append((str(last[0]), now - float(last[1])))
        last[:] = [what, now]
        memory.enter(what)

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        cpu = time.process_time()
        with memory:
            result = import_onet(
                args.onet,
                data_dir=Path(tmp),
                oews=args.bls / "oews_national_M2024_dl.xlsx",
                projections=args.bls / "ep_occupation_2024_34.xlsx",
                progress=progress,
            )
        cold = time.perf_counter() - t
        cpu = time.process_time() - cpu
        steps.append((str(last[0]), time.perf_counter() - float(last[1])))
        print(
            f"cold import (O*NET {result.dataset.provenance.version} + BLS, graph, save): {cold:.2f} s  (target <= 10 s)"
        )
        print(f"  CPU time of the import (user + system): {cpu:.2f} s; load average {load()}")
        slow = sorted(steps, key=lambda s: -s[1])[:4]
        print("  slowest steps: " + ", ".join(f"{w} {s:.2f} s" for w, s in slow))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  peak memory of the import (resident): {peak:.0f} MB  (target <= 500 MB)")
        top = sorted(memory.peaks.items(), key=lambda s: -s[1])[:5]
        print("  resident memory, highest steps: " + ", ".join(f"{w} {mb:.0f} MB" for w, mb in top))
        name = result.dataset.name
        del result
        if args.import_only:
            return
        # The app and CLI load the saved data set in their own process: so does the bench,
        # so the import's freed memory (kept by the allocator) is not charged to the app.
        sys.stdout.flush()
        subprocess.run(
            [sys.executable, __file__, "--use", tmp, name, "--repeats", str(args.repeats)],
            check=True,
        )


def use(folder: Path, name: str, repeats: int) -> None:
    """Load the saved data set as the app does, then time recommend and routes."""
    loads = []
    for _ in range(3):
        t = time.perf_counter()
        eng = Engine.load(name, folder)
        loads.append(time.perf_counter() - t)
    print(f"cached load (data set + fitted scorer): best {min(loads):.2f} s of 3  (target <= 1 s)")
    t = time.perf_counter()
    g = eng.graph
    print(
        f"  graph read on first route: {time.perf_counter() - t:.2f} s ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)"
    )

    ds = eng.dataset
    rng = np.random.default_rng(0)
    rated = np.flatnonzero(ds.scorable)
    profiles = [eng.profile_for(ds.occupations[int(i)].code) for i in rng.choice(rated, 25)]
    rank, full = [], []
    for j in range(repeats):
        p = profiles[j % len(profiles)]
        t = time.perf_counter()
        eng.scorer.rank(p)
        rank.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        eng.recommend(p, 20)
        full.append((time.perf_counter() - t) * 1000)
    print(f"recommend over {len(ds)} roles, ranking only:                {pct(rank)}")
    print(f"recommend, top 20 with explanations:             {pct(full)}  (target <= 20 ms)")
    targets = [ds.occupations[int(i)].code for i in rng.choice(rated, 25)]
    routes = []
    eng.routes(profiles[0], targets[1])  # builds the cached transition graph
    for j in range(max(25, repeats // 5)):
        p, target = profiles[j % 25], targets[(j + 3) % 25]
        if target == p.current_role:
            continue
        t = time.perf_counter()
        eng.routes(p, target, k=3)
        routes.append((time.perf_counter() - t) * 1000)
    print(f"3 stepping-stone routes:                         {pct(routes)}")
    print(
        f"peak memory of the load and use above (resident, own process as the app): {own_peak_mb():.0f} MB"
    )


def own_peak_mb() -> float:
    """This process's resident peak (MB). Linux's ru_maxrss carries the parent's peak over
    fork and exec; VmHWM counts this program's memory only."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
