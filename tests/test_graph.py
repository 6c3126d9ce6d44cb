import dataclasses
import json

import networkx as nx
import pytest

from careerpivot.engine import Engine, starter_graph_path
from careerpivot.errors import DataValidationError, UnknownRoleError
from careerpivot.graph import (
    build_graph,
    dataset_fingerprint,
    load_graph,
    neighbourhood,
    requirements,
    save_graph,
    transitions,
)


def test_nodes_and_edges(tiny):
    g = build_graph(tiny, neighbours=2)
    assert g.nodes["15-0001.00"]["kind"] == "occupation"
    assert g.nodes["2.B.3.e"]["kind"] == "skill"
    assert requirements(g, "15-0001.00")["2.B.3.e"] == {"importance": 4.5, "level": 5.0}
    out = transitions(g, "15-0001.00")
    assert out[0][0] == "15-0002.00"
    assert {"similarity", "effort", "job_zone_step"} <= set(out[0][1])
    assert "43-0005.00" not in [b for b, _ in out]  # unscorable roles get no transitions


def test_transition_effort_is_directional(tiny):
    g = build_graph(tiny, neighbours=3)
    assert g["15-0001.00"]["15-0003.00"]["effort"] > g["15-0003.00"]["15-0001.00"]["effort"]
    assert (
        g["15-0001.00"]["15-0003.00"]["similarity"] == g["15-0003.00"]["15-0001.00"]["similarity"]
    )


def test_round_trip(tmp_path, tiny):
    g = build_graph(tiny, neighbours=2)
    save_graph(g, tmp_path / "g.json")
    h = load_graph(tmp_path / "g.json")
    assert nx.utils.graphs_equal(g, h)
    assert json.loads((tmp_path / "g.json").read_text())["edges"]


def test_bad_graph_files(tmp_path):
    with pytest.raises(DataValidationError, match="missing"):
        load_graph(tmp_path / "none.json")
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(DataValidationError, match="not valid JSON"):
        load_graph(tmp_path / "bad.json")
    (tmp_path / "old.json").write_text('{"graph": {"format": 0}, "nodes": [], "edges": []}')
    with pytest.raises(DataValidationError, match="rebuild"):
        load_graph(tmp_path / "old.json")


def test_domain_errors(tiny):
    g = build_graph(tiny)
    with pytest.raises(UnknownRoleError):
        transitions(g, "2.B.3.e")
    with pytest.raises(UnknownRoleError):
        neighbourhood(g, "00-0000.00")
    assert "15-0002.00" in neighbourhood(g, "15-0001.00")


def test_committed_starter_graph_is_current(starter):
    """graphs/starter.json must be rebuilt whenever the starter data changes."""
    g = load_graph(starter_graph_path())
    assert g.graph["fingerprint"] == dataset_fingerprint(starter), (
        "stale graph: run `careerpivot graph build --dataset starter --out graphs/starter.json`"
    )
    assert nx.utils.graphs_equal(g, build_graph(starter, neighbours=g.graph["neighbours"]))


def test_engine_rebuilds_a_stale_graph(tiny):
    eng = Engine(tiny, graph=None)
    assert eng.graph.graph["fingerprint"] == dataset_fingerprint(tiny)


def _graph_text(tmp_path, name, g) -> str:
    save_graph(g, tmp_path / name)
    return (tmp_path / name).read_text(encoding="utf-8")


def test_the_graph_document_is_the_built_graphs_file(tmp_path, tiny, starter):
    import numpy as np

    from careerpivot.graph import graph_document
    from careerpivot.similarity import role_similarity
    from careerpivot.testing import synthetic_dataset

    synthetic = synthetic_dataset(60, 12, n_tools=20, seed=3)
    for ds in (tiny, starter, synthetic):
        for kwargs in ({}, {"neighbours": 3, "similarity": role_similarity(ds) ** 2}):
            want = _graph_text(tmp_path, "built.json", build_graph(ds, **kwargs))
            got = _graph_text(tmp_path, "doc.json", graph_document(ds, **kwargs))
            assert got == want
    # a role listing one descriptor twice: the graph keeps one edge with the last values
    twice = dataclasses.replace(
        tiny,
        req_occupation=np.append(tiny.req_occupation, tiny.req_occupation[0]),
        req_descriptor=np.append(tiny.req_descriptor, tiny.req_descriptor[0]),
        req_importance=np.append(tiny.req_importance, 1.25),
        req_level=np.append(tiny.req_level, 0.5),
    )
    want = _graph_text(tmp_path, "built.json", build_graph(twice))
    assert _graph_text(tmp_path, "doc.json", graph_document(twice)) == want
    assert '"importance":1.25,"level":0.5' in want
