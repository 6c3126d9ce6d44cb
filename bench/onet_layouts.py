"""O*NET 30.3 layout: import the 29.2 release converted into it; compare with 29.2.

    python bench/onet_layouts.py [--onet DIR] [--bls DIR]

Rewrites the 29.2 text release into the 30.3 / 31.x layout with the test-only
converter (tests/realdata/onet_convert.py) in a temporary folder, imports it as
the CLI does (with BLS wages, relatedness, graph, save) and prints the import's
counts, time and peak memory; then reads the original 29.2 release and prints
how the two imports compare (same codes, same ratings where the layout did not
change them).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from careerpivot.datasets.importing import import_onet
from careerpivot.datasets.onet import read_release
from careerpivot.testing import shared_dir
from tests.realdata.onet_convert import convert, new_dwa


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--onet", type=Path, default=shared_dir() / "onet" / "db_29_2_text")
    ap.add_argument("--bls", type=Path, default=shared_dir() / "bls")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        release = convert(args.onet, Path(tmp) / "db_30_3_text")
        print(f"converted 29.2 -> 30.3 layout: {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        result = import_onet(
            release,
            data_dir=Path(tmp) / "data",
            oews=args.bls / "oews_national_M2024_dl.xlsx",
            projections=args.bls / "ep_occupation_2024_34.xlsx",
        )
        took = time.perf_counter() - t
        print(
            f"import of the converted release (+ BLS, relatedness, graph, save): {took:.2f} s, "
            f"peak memory {peak_mb():.0f} MB (process so far)"
        )
        for line in result.lines():
            print("  " + line)
        new, _ = read_release(release)  # without BLS, which replaces entry education

    old, _ = read_release(args.onet)
    print("\ncomparison of the two releases as read (no BLS):")
    same_codes = [o.code for o in old.occupations] == [o.code for o in new.occupations]
    same_desc = [d.id for d in old.descriptors] == [d.id for d in new.descriptors]
    print(f"  same occupation codes ({len(old)}): {same_codes}")
    print(f"  same descriptors ({len(old.descriptors)}): {same_desc}")
    if same_desc:
        print(
            "  importance and level identical: "
            f"{np.array_equal(old.importance_matrix, new.importance_matrix)} / "
            f"{np.array_equal(old.level_matrix, new.level_matrix)}"
        )
    pairs = list(zip(old.occupations, new.occupations, strict=True))
    print(f"  interests identical: {all(a.interests == b.interests for a, b in pairs)}")
    print(
        "  titles, education, tasks, related identical: "
        f"{all((a.alternate_titles, a.education) == (b.alternate_titles, b.education) for a, b in pairs)}"
        f", {old.extras['tasks'] == new.extras['tasks']}"
        f", {old.extras['related'] == new.extras['related']}"
    )
    print(
        "  work values: 29.2 "
        f"{sum(a.work_values is not None for a, _ in pairs)} occupations, converted "
        f"{sum(b.work_values is not None for _, b in pairs)} (retired in 30.3)"
    )
    moved = sum(a.job_zone == 1 for a, _ in pairs)
    zones_ok = all(b.job_zone == (2 if a.job_zone == 1 else a.job_zone) for a, b in pairs)
    print(f"  job zones identical except zone 1 -> '1-2' ({moved} occupations): {zones_ok}")
    dwas_ok = all(
        sorted(new_dwa(d) for d in ds) == new.extras["dwas"][c]
        for c, ds in old.extras["dwas"].items()
    )
    print(f"  DWA links identical after the id change: {dwas_ok}")


if __name__ == "__main__":
    main()
