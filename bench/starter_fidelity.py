"""How close are the starter set's hand-written ratings to O*NET 29.2 for the same roles?

For each starter occupation that O*NET rates, correlate the two level vectors over
the 35 skills and 33 knowledge areas after centring each descriptor (subtracting
its mean over the compared roles, separately in each source), so the figure
measures what makes a role distinct, not the shared baseline. Prints the mean
and the roles that disagree most. Reads ../shared/onet (never writes data/).

    python bench/starter_fidelity.py [--onet ../shared/onet/db_29_2_text] [--worst 15]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

from careerpivot.datasets.starter import load_starter
from careerpivot.testing import shared_dir

DEFAULT_ONET = shared_dir() / "onet" / "db_29_2_text"


def onet_levels(onet: Path) -> dict[tuple[str, str], float]:
    """(code, element id) -> LV data value from Skills.txt and Knowledge.txt."""
    out: dict[tuple[str, str], float] = {}
    for name in ("Skills.txt", "Knowledge.txt"):
        with (onet / name).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["Scale ID"] == "LV":
                    out[(row["O*NET-SOC Code"], row["Element ID"])] = float(row["Data Value"])
    return out


def fidelity(onet: Path) -> tuple[list[tuple[str, str, float]], list[str]]:
    """Per-role centred correlations (code, title, r), and codes O*NET does not rate."""
    ds = load_starter()
    cols = [j for j, d in enumerate(ds.descriptors) if d.kind != "technology"]
    ids = [ds.descriptors[j].id for j in cols]
    ref = onet_levels(onet)
    codes = [o.code for o in ds.occupations if (o.code, ids[0]) in ref]
    missing = [o.code for o in ds.occupations if (o.code, ids[0]) not in ref]
    rows = [ds.occupation_index[c] for c in codes]
    ours = ds.level_matrix[np.ix_(rows, cols)]
    theirs = np.array([[ref[(c, d)] for d in ids] for c in codes])
    ours = ours - ours.mean(axis=0)
    theirs = theirs - theirs.mean(axis=0)
    r = (ours * theirs).sum(1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(theirs, axis=1))
    out = [(c, ds.occupation(c).title, float(v)) for c, v in zip(codes, r, strict=True)]
    return out, missing


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--onet", type=Path, default=DEFAULT_ONET)
    ap.add_argument("--worst", type=int, default=15)
    args = ap.parse_args()
    res, missing = fidelity(args.onet)
    vals = np.array([v for _, _, v in res])
    print(
        f"starter roles compared with O*NET 29.2: {len(res)} (not rated by O*NET: {len(missing)})"
    )
    print(
        f"centred per-role correlation of skill+knowledge levels: mean {vals.mean():.3f}, "
        f"median {np.median(vals):.3f}, min {vals.min():.3f}; target mean >= 0.6"
    )
    print(f"roles below 0.5: {(vals < 0.5).sum()}")
    print(f"\n{args.worst} roles that disagree most:")
    for code, title, v in sorted(res, key=lambda t: t[2])[: args.worst]:
        print(f"  {v:6.3f}  {code}  {title}")


if __name__ == "__main__":
    main()
