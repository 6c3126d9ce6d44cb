"""Engine speed on the starter set and on a synthetic set the size of O*NET.

Prints graph build time, recommend latency (ranking only, and with explanations for
the top 20) as p50/p95 over repeated calls, latency of 3 stepping-stone routes, and
peak memory (resident set). Targets: recommend p50 <= 2 ms ranking and <= 20 ms with
explanations; 3 routes <= 50 ms; graph build <= 2 s at O*NET size (1,000 roles x
150 descriptors).

    python bench/engine.py [--repeats 200]
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable

import numpy as np

from careerpivot.datasets.starter import load_starter
from careerpivot.graph import build_graph
from careerpivot.model import Dataset
from careerpivot.profile import profile_from_role
from careerpivot.routes import stepping_stone_routes
from careerpivot.scoring import PivotScorer
from careerpivot.testing import synthetic_dataset


def timings(fn: Callable[[], object], repeats: int) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    fn()  # warm up
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return float(np.percentile(out, 50)), float(np.percentile(out, 95))


def run(name: str, ds: Dataset, repeats: int) -> None:
    t = time.perf_counter()
    g = build_graph(ds)
    build_s = time.perf_counter() - t
    scorer = PivotScorer().fit(ds)
    rng = np.random.default_rng(0)
    rated = np.flatnonzero(ds.scorable)
    profiles = [profile_from_role(ds, ds.occupations[int(i)].code) for i in rng.choice(rated, 20)]
    k = iter(range(10**9))

    def pick() -> object:
        return profiles[next(k) % len(profiles)]

    rank = timings(lambda: scorer.rank(pick()), repeats)  # type: ignore[arg-type]
    explain = timings(lambda: scorer.recommend(pick(), 20), repeats)  # type: ignore[arg-type]
    targets = [ds.occupations[int(i)].code for i in rng.choice(rated, 20)]
    pairs = iter(range(10**9))

    def route() -> object:
        j = next(pairs)
        p = profiles[j % len(profiles)]
        target = targets[j % len(targets)]
        if target == p.current_role:
            target = targets[(j + 1) % len(targets)]
        p = p.model_copy(
            update={"constraints": p.constraints.model_copy(update={"max_job_zone_step": 4})}
        )
        return stepping_stone_routes(g, ds, p, target, k=3)

    routes = timings(route, max(20, repeats // 5))
    print(
        f"{name}: {len(ds)} roles x {len(ds.descriptors)} descriptors, {len(ds.req_level)} requirements\n"
        f"  graph build            {build_s:8.3f} s   ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges; target <= 2 s)\n"
        f"  recommend, rank only   p50 {rank[0]:6.2f} ms  p95 {rank[1]:6.2f} ms   (target p50 <= 2 ms)\n"
        f"  recommend, top 20 with explanations  p50 {explain[0]:6.2f} ms  p95 {explain[1]:6.2f} ms   (target p50 <= 20 ms)\n"
        f"  3 stepping-stone routes             p50 {routes[0]:6.2f} ms  p95 {routes[1]:6.2f} ms   (target <= 50 ms)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repeats", type=int, default=200)
    args = ap.parse_args()
    run("starter", load_starter(), args.repeats)
    run("synthetic (O*NET size)", synthetic_dataset(1000, 150, seed=1), args.repeats)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (resident, whole run): {peak:.0f} MB")


if __name__ == "__main__":
    main()
