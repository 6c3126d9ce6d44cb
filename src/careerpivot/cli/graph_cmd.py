"""``careerpivot graph``: build the skills-and-roles graph as node-link JSON."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from careerpivot.cli.common import DEFAULT_DATASET, DatasetOpt, console, fail
from careerpivot.errors import CareerPivotError

#: careerpivot.graph.DEFAULT_NEIGHBOURS (a test checks they agree; the graph module loads
#: networkx and the scorer, which `--help` does not need).
DEFAULT_NEIGHBOURS = 10

app = typer.Typer(help="Build and inspect the skills-and-roles graph.", no_args_is_help=True)


@app.command(epilog="Example: careerpivot graph build --dataset starter --out graphs/starter.json")
def build(
    dataset: DatasetOpt = DEFAULT_DATASET,
    out: Annotated[Path, typer.Option(help="Where to write the node-link JSON.")] = Path(
        "graphs/starter.json"
    ),
    neighbours: Annotated[
        int, typer.Option(min=1, max=100, help="Transition edges per role (most similar roles).")
    ] = DEFAULT_NEIGHBOURS,
) -> None:
    """Build the graph of a data set and save it as node-link JSON."""
    try:
        t0 = time.perf_counter()
        with console.status(f"Building the graph of {dataset!r}..."):
            from careerpivot.datasets.registry import load_dataset
            from careerpivot.graph import build_graph, save_graph

            ds = load_dataset(dataset)
            g = build_graph(ds, neighbours=neighbours)
            save_graph(g, out)
    except CareerPivotError as exc:
        fail(exc)
    kinds = Counter(str(k) for _, k in g.nodes(data="kind"))
    rel = Counter(str(data["relation"]) for _, _, data in g.edges(data=True))
    node_kinds = ", ".join(f"{v} {k}" for k, v in kinds.items())
    edge_kinds = ", ".join(f"{v} {k}" for k, v in rel.items())
    console.print(
        f"Wrote {out}: {g.number_of_nodes()} nodes ({node_kinds}), "
        f"{g.number_of_edges()} edges ({edge_kinds}) "
        f"in {time.perf_counter() - t0:.2f} s."
    )
