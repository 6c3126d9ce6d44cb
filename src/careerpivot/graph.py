"""The skills-and-roles graph (NetworkX) and its node-link JSON form.

Nodes are occupations (``kind="occupation"``, keyed by O*NET-SOC code) and
descriptors (``kind`` skill / knowledge / technology, keyed by element id).
Edges are directed:

* occupation -> descriptor, ``relation="requires"``, with ``importance`` and ``level``;
* occupation -> occupation, ``relation="transition"``, with ``similarity`` (symmetric,
  0-1), ``effort`` (learning hours to meet the destination's important
  requirements from the source's levels) and ``job_zone_step``.

Each scorable role gets transition edges to its ``neighbours`` most similar roles
(and, so the graph stays symmetric in reach, from them back to it).
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any, TypeAlias

import networkx as nx
import numpy as np

from careerpivot.errors import DataValidationError, UnknownRoleError
from careerpivot.jsonstream import write_json
from careerpivot.model import Dataset
from careerpivot.private import atomic_file
from careerpivot.similarity import role_similarity, transition_hours

GRAPH_FORMAT = 1

#: The graph type: node keys are occupation codes and descriptor ids.
RoleGraph: TypeAlias = "nx.DiGraph[str]"
DEFAULT_NEIGHBOURS = 10


def dataset_fingerprint(dataset: Dataset) -> str:
    """A short hash of the data a graph is built from (to spot a stale graph file)."""
    h = hashlib.sha256()
    for o in dataset.occupations:
        h.update(f"{o.code}|{o.job_zone}|{o.interests}\n".encode())
    for d in dataset.descriptors:
        h.update(f"{d.id}|{d.kind}|{d.difficulty}\n".encode())
    # Fixed dtypes, those a saved data set stores, so a save and load round trip keeps
    # the hash (and the saved graph) current.
    for arr, dtype in (
        (dataset.req_occupation, np.int32),
        (dataset.req_descriptor, np.int32),
        (dataset.req_importance, np.float32),
        (dataset.req_level, np.float32),
    ):
        h.update(np.ascontiguousarray(arr, dtype=dtype).tobytes())
    return h.hexdigest()[:16]


def build_graph(
    dataset: Dataset,
    *,
    neighbours: int = DEFAULT_NEIGHBOURS,
    similarity: np.ndarray | None = None,
) -> RoleGraph:
    """Build the graph of ``dataset``; ``similarity`` overrides the default role similarity."""
    g: RoleGraph = nx.DiGraph(
        dataset=dataset.name,
        version=dataset.provenance.version,
        fingerprint=dataset_fingerprint(dataset),
        neighbours=neighbours,
        format=GRAPH_FORMAT,
    )
    for o in dataset.occupations:
        g.add_node(
            o.code,
            kind="occupation",
            title=o.title,
            job_zone=o.job_zone,
            median_wage=o.median_wage,
            major_group=o.major_group,
        )
    for d in dataset.descriptors:
        g.add_node(d.id, kind=d.kind, name=d.name)
    codes = [o.code for o in dataset.occupations]
    ids = [d.id for d in dataset.descriptors]
    g.add_edges_from(  # Python ints and floats from tolist(): the same values, read faster
        (codes[oi], ids[di], {"relation": "requires", "importance": im, "level": lv})
        for oi, di, im, lv in zip(
            dataset.req_occupation.tolist(),
            dataset.req_descriptor.tolist(),
            dataset.req_importance.tolist(),
            dataset.req_level.tolist(),
            strict=True,
        )
    )
    sim = role_similarity(dataset) if similarity is None else similarity
    pairs = _neighbour_pairs(sim, dataset.scorable, neighbours)
    hours = transition_hours(dataset, pairs)
    zones = dataset.column("job_zone")
    for (a, b), h in zip(pairs, hours, strict=True):
        step = zones[b] - zones[a]
        g.add_edge(
            codes[a],
            codes[b],
            relation="transition",
            similarity=round(float(sim[a, b]), 6),
            effort=round(float(h), 3),
            job_zone_step=None if np.isnan(step) else int(step),
        )
    return g


def _neighbour_pairs(sim: np.ndarray, ok: np.ndarray, k: int) -> list[tuple[int, int]]:
    n = sim.shape[0]
    chosen: set[tuple[int, int]] = set()
    s = np.where(ok[None, :] & ok[:, None], sim, -np.inf)
    np.fill_diagonal(s, -np.inf)
    for a in np.flatnonzero(ok):
        k_eff = min(k, n - 1)
        if k_eff <= 0:
            break
        top = np.argpartition(-s[a], k_eff - 1)[:k_eff]
        for b in top:
            if np.isfinite(s[a, b]):
                chosen.add((int(a), int(b)))
                chosen.add((int(b), int(a)))
    return sorted(chosen)


# ----- queries ------------------------------------------------------------------------------
def occupation_nodes(g: RoleGraph) -> Iterator[str]:
    """Codes of all occupation nodes."""
    return (n for n, k in g.nodes(data="kind") if k == "occupation")  # type: ignore[comparison-overlap]


def transitions(g: RoleGraph, code: str) -> list[tuple[str, dict[str, Any]]]:
    """Outgoing transition edges of a role, most similar first."""
    if code not in g or g.nodes[code].get("kind") != "occupation":
        raise UnknownRoleError(code)
    out = [
        (b, data) for _, b, data in g.out_edges(code, data=True) if data["relation"] == "transition"
    ]
    return sorted(out, key=lambda e: -e[1]["similarity"])


def requirements(g: RoleGraph, code: str) -> dict[str, dict[str, float]]:
    """Descriptor id -> {importance, level} for one role, read from the graph."""
    if code not in g or g.nodes[code].get("kind") != "occupation":
        raise UnknownRoleError(code)
    return {
        d: {"importance": data["importance"], "level": data["level"]}
        for _, d, data in g.out_edges(code, data=True)
        if data["relation"] == "requires"
    }


def neighbourhood(g: RoleGraph, code: str, radius: int = 1) -> RoleGraph:
    """The transition subgraph within ``radius`` hops of a role (for the graph view)."""
    if code not in g:
        raise UnknownRoleError(code)
    roles = g.subgraph(occupation_nodes(g))
    keep = nx.single_source_shortest_path_length(roles, code, cutoff=radius)
    return nx.DiGraph(roles.subgraph(keep))


# ----- node-link JSON -----------------------------------------------------------------------
def graph_to_json(g: RoleGraph) -> dict[str, Any]:
    """Node-link form of the graph (``edges`` key), ready for ``json.dump``."""
    data: dict[str, Any] = nx.node_link_data(g, edges="edges")
    return data


#: A built graph holds no one's data: readable by all, like the one shipped in graphs/.
GRAPH_FILE_MODE = 0o644


#: A graph's node-link document whose node and edge records are made as they are written.
GraphDocument: TypeAlias = dict[str, Any]


def save_graph(g: RoleGraph | GraphDocument, path: Path) -> None:
    """Write the graph as node-link JSON (the text of :func:`graph_to_json`), atomically;
    ``g`` may be the document :func:`graph_document` makes instead of the graph.

    Written record by record: an O*NET graph's 108,000 edge records and 11.6 MB of
    text are never held at once (the import saves it at its busiest)."""
    records = g if isinstance(g, dict) else _node_link_records(g)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path, GRAPH_FILE_MODE) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8")
        write_json(out, records, separators=(",", ":"), depth=2)
        out.flush()
        out.detach()  # atomic_file closes and renames the file itself


def graph_document(
    dataset: Dataset,
    *,
    neighbours: int = DEFAULT_NEIGHBOURS,
    similarity: np.ndarray | None = None,
) -> GraphDocument:
    """The node-link document of :func:`build_graph`'s graph (what :func:`save_graph`
    writes of it, record for record), made from the data set's arrays: an import saves
    the graph without building it in NetworkX (110,000 edges on O*NET, 0.3-0.4 s).

    Records come in the graph's order: its nodes as added (roles, then descriptors);
    each role's edges as added (its requirements in the data set's order, then its
    transitions by destination). Where a descriptor id is also a role code, or a role
    lists one descriptor twice (NetworkX keeps one edge, at its first place, with the
    last values), the graph is built and read instead."""
    occs, descs = dataset.occupations, dataset.descriptors
    codes = [o.code for o in occs]
    ids = [d.id for d in descs]
    n_desc = max(len(ids), 1)
    pair_keys = dataset.req_occupation.astype(np.int64) * n_desc + dataset.req_descriptor
    if len(set(codes) | set(ids)) < len(codes) + len(ids) or (
        len(np.unique(pair_keys)) < len(pair_keys)
    ):
        return _node_link_records(
            build_graph(dataset, neighbours=neighbours, similarity=similarity)
        )
    sim = role_similarity(dataset) if similarity is None else similarity
    pairs = _neighbour_pairs(sim, dataset.scorable, neighbours)
    hours = transition_hours(dataset, pairs)
    zones = dataset.column("job_zone")
    moves: list[list[tuple[int, float]]] = [[] for _ in occs]
    for (a, b), h in zip(pairs, hours, strict=True):
        moves[a].append((b, float(h)))
    by_role = np.argsort(dataset.req_occupation, kind="stable")
    starts = np.searchsorted(dataset.req_occupation[by_role], np.arange(len(occs) + 1))
    role_of, desc_of = by_role.tolist(), dataset.req_descriptor.tolist()
    importance, level = dataset.req_importance.tolist(), dataset.req_level.tolist()

    def edges() -> Iterator[dict[str, Any]]:
        for a, code in enumerate(codes):
            for r in role_of[starts[a] : starts[a + 1]]:
                yield {
                    "relation": "requires",
                    "importance": importance[r],
                    "level": level[r],
                    "source": code,
                    "target": ids[desc_of[r]],
                }
            for b, h in moves[a]:
                step = zones[b] - zones[a]
                yield {
                    "relation": "transition",
                    "similarity": round(float(sim[a, b]), 6),
                    "effort": round(h, 3),
                    "job_zone_step": None if np.isnan(step) else int(step),
                    "source": code,
                    "target": codes[b],
                }

    nodes = chain(
        (
            {
                "kind": "occupation",
                "title": o.title,
                "job_zone": o.job_zone,
                "median_wage": o.median_wage,
                "major_group": o.major_group,
                "id": o.code,
            }
            for o in occs
        ),
        ({"kind": d.kind, "name": d.name, "id": d.id} for d in descs),
    )
    return {
        "directed": True,
        "multigraph": False,
        "graph": {
            "dataset": dataset.name,
            "version": dataset.provenance.version,
            "fingerprint": dataset_fingerprint(dataset),
            "neighbours": neighbours,
            "format": GRAPH_FORMAT,
        },
        "nodes": nodes,
        "edges": edges(),
    }


def _node_link_records(g: RoleGraph) -> dict[str, Any]:
    """:func:`graph_to_json`'s document, its node and edge records made as they are read
    (the same keys in the same order as ``nx.node_link_data`` of a directed graph)."""
    if g.is_multigraph():  # not a RoleGraph; the whole document, as networkx makes it
        return graph_to_json(g)
    return {
        "directed": g.is_directed(),
        "multigraph": False,
        "graph": g.graph,
        "nodes": ({**g.nodes[n], "id": n} for n in g),
        "edges": ({**d, "source": u, "target": v} for u, v, d in g.edges(data=True)),
    }


def load_graph(path: Path) -> RoleGraph:
    """Read a graph written by :func:`save_graph`; errors name the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataValidationError("graph file is missing", file=str(path)) from None
    except json.JSONDecodeError as exc:
        raise DataValidationError(
            f"not valid JSON: {exc.msg}", file=str(path), row=exc.lineno
        ) from None
    if data.get("graph", {}).get("format") != GRAPH_FORMAT:
        raise DataValidationError(
            f"graph format {data.get('graph', {}).get('format')!r} is not {GRAPH_FORMAT}; "
            "rebuild it with `careerpivot graph build`",
            file=str(path),
        )
    g = nx.node_link_graph(data, directed=True, multigraph=False, edges="edges")
    assert isinstance(g, nx.DiGraph)
    return g
