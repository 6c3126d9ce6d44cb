"""Learning plans for the seed pivots: steps, the tool chosen per family, hour range and the
target's typical preparation, as a Markdown table (issue 15's plan check).

Each pivot starts from a profile seeded from the source role (the person rated nothing),
as the Start page does. A target without ratings in the data set is planned against its
closest rated role, as ``careerpivot route`` does, and the table says so.

    python bench/plans.py                        # the starter data set
    python bench/plans.py --onet DIR             # an O*NET text release (imported in memory)
    python bench/plans.py --dataset onet-29.2    # an imported data set
"""

from __future__ import annotations

import argparse
from pathlib import Path

from careerpivot.datasets.onet import read_release
from careerpivot.effort import check_plan, typical_preparation
from careerpivot.engine import Engine
from careerpivot.profile import stand_in

SEED_PIVOTS = [
    ("15-1252.00", "15-2051.00"),  # software developer -> data scientist
    ("15-1252.00", "15-1255.00"),  # -> web and digital interface (UX/web) designer
    ("17-2141.00", "13-1082.00"),  # mechanical engineer -> project management specialist
    ("17-2141.00", "41-9031.00"),  # -> sales engineer
    ("13-2051.00", "15-2051.01"),  # financial analyst -> business intelligence (data) analyst
    ("13-2051.00", "15-2051.00"),  # -> data scientist
    ("13-2051.00", "13-2099.01"),  # -> financial quantitative analyst
]


def table(eng: Engine) -> str:
    """The Markdown table of the seed pivots on ``eng``'s data set."""
    ds = eng.dataset
    lines = [
        "| Pivot | Steps (by phase) | Tools chosen per family (or instead) | Hours (steps) | "
        "Plan check | Target's typical preparation |",
        "|---|---|---|---|---|---|",
    ]
    for source, target in SEED_PIVOTS:
        if source not in ds.occupation_index or target not in ds.occupation_index:
            continue
        used = stand_in(ds, target)
        asked = ds.occupation(target).title
        seed = stand_in(ds, source)
        pivot = f"{ds.occupation(source).title}"
        if seed != source:
            pivot += f" (no ratings; seeded from {ds.occupation(seed).title})"
        pivot += f" → {asked}"
        if used != target:
            pivot += f" (no ratings; planned as {ds.occupation(used).title})"
        if not ds.scorable[ds.occupation_index[used]]:
            lines.append(f"| {pivot} | no rated stand-in | | | | |")
            continue
        plan = eng.plan(eng.profile_for(source), used)
        phases = "; ".join(f"{p}: {len(s)}" for p, s in plan.phases)
        tools = "; ".join(
            f"{s.family_name}: **{s.name}**"
            + (f" (or {', '.join(s.alternatives[:3])})" if s.alternatives else "")
            for s in plan.steps
            if s.kind == "technology"
        )
        if plan.to_check:
            tools += (
                (" · " if tools else "")
                + "to check, one per family: "
                + "; ".join(
                    f"{t.family}: **{t.tool}**"
                    + (f" (or {', '.join(t.alternatives[:3])})" if t.alternatives else "")
                    for t in plan.to_check
                )
            )
        h = plan.hours
        prep = typical_preparation(ds.occupation(target))  # the role asked for, not a stand-in
        zone = prep.sentence if prep else "job zone unknown"
        lines.append(
            f"| {pivot} | {len(plan.steps)} ({phases}) | {tools or 'none'} | "
            f"{h.low:,.0f}-{h.high:,.0f} h | {check_plan(h, prep).status} | {zone} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Print the table for the chosen data set."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--onet", type=Path, help="an O*NET text release folder")
    ap.add_argument("--dataset", default="starter", help="an installed data set name")
    args = ap.parse_args()
    if args.onet:
        ds, _ = read_release(args.onet)
        eng = Engine(ds)
    else:
        eng = Engine.load(args.dataset)
    print(f"Data set: {eng.dataset.name} ({eng.dataset.provenance.version})\n")
    print(table(eng))


if __name__ == "__main__":
    main()
