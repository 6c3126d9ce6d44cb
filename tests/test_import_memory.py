"""The import's memory-lean path computes exactly what the plain path computes.

The import digests each text signal as soon as it is made (:func:`digest_text`) and
reads only the columns of the role x descriptor matrices it needs; both must give
the same numbers, bit for bit, as the plain calls (the saved files stay the same).
"""

from __future__ import annotations

from itertools import chain

import numpy as np
import pytest

from careerpivot.estimation import KERNEL_WEIGHTS, estimate_unrated, kernel
from careerpivot.model import Dataset, Occupation, build_dataset
from careerpivot.relatedness import (
    SIGNAL_ORDER,
    RelatednessModel,
    digest_text,
    iter_signals,
    signal_views,
    text_likeness,
)
from careerpivot.testing import synthetic_dataset

WORDS = [
    "analyse",
    "data",
    "build",
    "models",
    "write",
    "code",
    "review",
    "designs",
    "test",
    "systems",
    "manage",
    "budgets",
    "negotiate",
    "contracts",
    "inspect",
    "equipment",
    "repair",
    "engines",
    "teach",
    "students",
    "treat",
    "patients",
]


def _with_text(seed: int = 5) -> Dataset:
    """A synthetic data set with tasks, work activities, titles and six unrated roles."""
    ds = synthetic_dataset(80, 15, n_tools=30, seed=seed, families=5)
    rng = np.random.default_rng(seed)
    hidden = {o.code for o in ds.occupations[:6]}
    occs, tasks, dwas = [], {}, {}
    for i, o in enumerate(ds.occupations):
        fam = i % 5
        vocab = WORDS[fam * 3 : fam * 3 + 8]
        occs.append(
            Occupation(
                o.code,
                f"{vocab[0].title()} {vocab[1]} worker {i % 7}",
                description=" ".join(rng.choice(vocab, 12)),
                job_zone=o.job_zone,
                interests=o.interests,
                alternate_titles=(f"{vocab[2]} {vocab[3]} lead",),
            )
        )
        tasks[o.code] = [" ".join(rng.choice(vocab, 8)) for _ in range(4)]
        dwas[o.code] = sorted({f"4.A.{fam}.{int(j)}" for j in rng.integers(0, 6, 4)})
    titles = {f"4.A.{f}.{j}": f"{WORDS[f]} {WORDS[j]} activity" for f in range(5) for j in range(6)}
    reqs = [
        r
        for o in ds.occupations
        for r in ds.requirements_of(o.code)
        if o.code not in hidden or r.descriptor.startswith("tech:")
    ]
    extras = {
        "tasks": tasks,
        "dwas": dwas,
        "dwa_titles": titles,
        "iwa_of_dwa": {d: d.rsplit(".", 1)[0] for d in titles},
    }
    return build_dataset("texty", ds.provenance, ds.descriptors, occs, reqs, extras)


@pytest.fixture(scope="module")
def texty() -> Dataset:
    return _with_text()


def test_matrix_columns_are_the_full_matrix_columns(texty):
    cols = np.flatnonzero([d.kind == "technology" for d in texty.descriptors])[::3]
    fresh = build_dataset(
        "again",
        texty.provenance,
        texty.descriptors,
        texty.occupations,
        [r for o in texty.occupations for r in texty.requirements_of(o.code)],
    )
    for values in ("importance", "level"):
        part = fresh.matrix_columns(values, cols)
        full = getattr(texty, f"{values}_matrix")
        assert np.array_equal(part, full[:, cols])
        assert part.strides == full[:, cols].strides  # the layout fixes later sums' rounding
        assert np.array_equal(texty.matrix_columns(values, cols), full[:, cols])  # cached
        rows = np.arange(len(texty))[1::4]
        for ds in (fresh, texty):
            part = ds.matrix_columns(values, cols, rows)
            assert np.array_equal(part, full[:, cols][rows])
            assert part.strides == full[:, cols][rows].strides
    assert np.array_equal(fresh.listed(cols), texty.importance_matrix[:, cols] > 0)
    assert np.array_equal(texty.listed(cols), texty.importance_matrix[:, cols] > 0)
    assert "importance_matrix" not in vars(fresh) and "level_matrix" not in vars(fresh)


def test_signals_come_in_the_one_order(texty):
    names = [name for name, _ in iter_signals(texty)]
    assert names == [n for n in SIGNAL_ORDER if n in names] and "tasks" in names


def test_the_digest_gives_the_plain_kernel_views_and_likeness(texty):
    digest = digest_text(texty, KERNEL_WEIGHTS)
    assert np.array_equal(kernel(texty, digest=digest), kernel(texty))  # bit for bit
    assert digest.weighted is None  # the kernel took it over
    likeness = text_likeness(texty)
    assert likeness is not None and digest.likeness is not None
    assert np.array_equal(digest.likeness, likeness.astype(np.float16))
    plain = signal_views(texty)
    made = signal_views(texty, made=digest.views)
    assert list(made) == list(plain) and not digest.views  # moved over, in the plain order
    for name, view in plain.items():
        assert np.array_equal(view.z, made[name].z) and np.array_equal(view.ranks, made[name].ranks)


def test_a_fit_on_two_threads_gives_the_one_thread_numbers(texty, monkeypatch):
    import careerpivot.relatedness as rel
    import careerpivot.workers as w

    monkeypatch.setattr(w, "worker_count", lambda cap=2: 1)
    one = RelatednessModel().fit(texty)
    monkeypatch.setattr(w, "worker_count", lambda cap=2: 2)
    monkeypatch.setattr(rel, "FEATURE_BLOCK", 5)  # several blocks of source rows
    two = RelatednessModel().fit(texty)
    assert one.stages_ == two.stages_ and one.used_ == two.used_
    assert np.array_equal(one.score_, two.score_)


def test_the_digest_refuses_other_weights_and_a_second_taking(texty):
    digest = digest_text(texty, KERNEL_WEIGHTS)
    with pytest.raises(ValueError, match="summed with"):
        digest.take_weighted({**KERNEL_WEIGHTS, "tasks": 1.0})
    digest.take_weighted(KERNEL_WEIGHTS)
    with pytest.raises(RuntimeError, match="already taken"):
        digest.take_weighted(KERNEL_WEIGHTS)


def test_estimates_and_ranking_through_the_digest_equal_the_plain_ones(texty):
    plain, _ = estimate_unrated(texty)
    digest = digest_text(texty, KERNEL_WEIGHTS)
    lean, summary = estimate_unrated(texty, digest=digest)
    assert summary.estimated == 6
    assert lean.occupations == plain.occupations
    for attr in ("req_occupation", "req_descriptor", "req_importance", "req_level"):
        assert np.array_equal(getattr(lean, attr), getattr(plain, attr))
    a = RelatednessModel(reranker=None).fit(plain)
    b = RelatednessModel(reranker=None).fit(lean, made=digest.views)
    assert np.array_equal(a.score_, b.score_)


def _standardise_rows_plain(m: np.ndarray) -> np.ndarray:
    """The former expression-by-expression version, kept as the reference."""
    x = np.where(np.isfinite(m), m, np.nan).astype(float)
    np.fill_diagonal(x, np.nan)
    valid = np.isfinite(x)
    count = valid.sum(axis=1, keepdims=True)
    mean = np.where(valid, x, 0.0).sum(axis=1, keepdims=True) / np.maximum(count, 1)
    var = np.where(valid, (x - mean) ** 2, 0.0).sum(axis=1, keepdims=True) / np.maximum(count, 1)
    sd = np.sqrt(var)
    z = (x - mean) / np.where(sd > 0, sd, 1.0)
    out: np.ndarray = np.where(valid, z, 0.0)
    return out


def _ranks_plain(z: np.ndarray) -> np.ndarray:
    x = np.array(z, dtype=float)
    np.fill_diagonal(x, -np.inf)
    order = np.argsort(-x, axis=1, kind="stable")
    ranks = np.empty(order.shape, dtype=np.int16)
    ranks[np.arange(x.shape[0])[:, None], order] = np.arange(x.shape[1])[None, :]
    return ranks


def _awkward(rng: np.random.Generator, n: int = 300) -> np.ndarray:
    """A role x role matrix with NaN and infinite cells, a flat row and many ties."""
    m = rng.normal(size=(n, n))
    m[rng.random((n, n)) < 0.05] = np.nan
    m[rng.random((n, n)) < 0.01] = np.inf
    m[:, 7] = np.nan
    m[3] = 0.25
    m[10:40] = np.round(m[10:40], 1)  # ties: the stable order decides
    return m


def test_lean_standardise_and_ranks_give_the_plain_bits(rng, starter, monkeypatch):
    import careerpivot.relatedness as rel

    monkeypatch.setattr(rel, "RANK_BLOCK", 37)  # blocks that do not divide the rows
    cases = [_awkward(rng), _awkward(rng).astype(np.float16)]
    cases += [m for name, m in iter_signals(starter) if name in ("titles", "skills", "job_zone")]
    for m in cases:
        z = rel.standardise_rows(m)
        assert z.tobytes() == _standardise_rows_plain(m).tobytes()  # bits, signed zeros too
        mine = np.array(m)
        assert rel.standardise_rows(mine, overwrite=True).tobytes() == z.tobytes()
        assert np.array_equal(rel._ranks(z), _ranks_plain(z))
        assert np.array_equal(rel._ranks(z.astype(np.float16)), _ranks_plain(z.astype(np.float16)))


def test_ranks_order_values_that_differ_only_in_their_last_bits(rng):
    import careerpivot.relatedness as rel

    base = rng.normal(size=(40, 300))
    m = base.copy()
    # neighbours a few units in the last place apart (the sort key's cut-off), exact
    # copies, signed zeros and infinities: each row gets some
    m[:, 10:20] = np.nextafter(base[:, 9:10], np.inf) + np.arange(10)[None, :] * 1e-16
    m[:, 20:30] = base[:, 30:40]
    m[::2, 40:45] = -0.0
    m[1::2, 40:45] = 0.0
    m[::3, 50] = np.inf
    m[::5, 51] = -np.inf
    for z in (m, -m, m[:, ::-1].copy(), m.astype(np.float16)):
        assert np.array_equal(rel._ranks(z), _ranks_plain(z))
    x = np.nextafter(np.full((3, 8), 2.0), 3.0)
    x[:, ::2] = 2.0  # differ in the last bit only: the stable sort's fallback decides
    assert np.array_equal(rel._stable_order(x.copy()), np.argsort(x, axis=1, kind="stable"))


def _candidate_pairs_plain(score: np.ndarray, per_row: int) -> tuple[np.ndarray, np.ndarray]:
    x = np.where(np.isfinite(score), score, -np.inf)
    np.fill_diagonal(x, -np.inf)
    k = min(per_row, x.shape[1] - 1)
    cols = np.argpartition(-x, k - 1, axis=1)[:, :k]
    return np.repeat(np.arange(x.shape[0]), k), cols.ravel()


def test_candidate_pairs_by_blocks_are_the_plain_ones(rng, monkeypatch):
    import careerpivot.relatedness as rel

    monkeypatch.setattr(rel, "RANK_BLOCK", 37)
    score = np.round(_awkward(rng), 1)  # ties and missing scores
    for k in (1, 5, 50):
        rows, cols = rel.candidate_pairs(score, k)
        plain_rows, plain_cols = _candidate_pairs_plain(score, k)
        assert np.array_equal(rows, plain_rows) and np.array_equal(cols, plain_cols)


class _RowWise:
    """A stand-in classifier whose each probability reads only its own row, every column."""

    def __init__(self, n_features: int) -> None:
        self.w = np.random.default_rng(1).normal(size=n_features)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-(x.astype(float) * self.w).sum(axis=1)))
        return np.column_stack([1 - p, p])


def test_blocked_fit_gives_the_whole_matrix_numbers(texty, monkeypatch):
    import careerpivot.relatedness as rel

    monkeypatch.setattr(rel, "FEATURE_BLOCK", 7)
    monkeypatch.setattr(rel, "PAIR_BLOCK", 123)
    views = rel.signal_views(texty)
    names = [name for name, _ in rel.pair_features(texty, views)]
    chosen = [n for n in names if n.endswith(("_rr_reverse", "_centrality", "_top5"))]
    chosen += ["tasks", "zone_same", "zone_unknown", "same_minor_group", *rel.SCORE_FEATURES]
    reranker = rel.Reranker(_RowWise(len(chosen)), tuple(chosen), candidates=9)
    # every kind of feature, some left out (weight 0) and some weighing against
    weights = {
        n: (0.0 if i % 9 == 4 else (0.1 + 0.01 * i) * (-1) ** i) for i, n in enumerate(names)
    }
    assert {n for n in names if weights[n] == 0.0} >= {"tasks_rr_reverse", "zone_unknown"}
    model = rel.RelatednessModel(weights, reranker).fit(texty)
    # the former way: whole role x role features, then one table at the candidate pairs
    linear = np.zeros((len(texty), len(texty)))
    for name, feature in rel.pair_features(texty, views):
        if weights[name]:
            linear += weights[name] * feature
    np.fill_diagonal(linear, -np.inf)
    assert linear.tobytes() == model.linear_score_.tobytes()
    at = rel.candidate_pairs(linear, 9)
    table = rel.feature_table(
        chain(rel.pair_features(texty, views, at), rel.at_pairs(rel.score_features(linear), at)),
        chosen,
    )
    prob = np.full(linear.shape, np.nan)
    prob[at] = reranker.probability(table)
    assert model.probability_ is not None
    assert prob.tobytes() == model.probability_.tobytes()


def test_streamed_json_is_the_dumped_text(starter, monkeypatch, tmp_path):
    import io
    import json

    import careerpivot.jsonstream as js
    from careerpivot.graph import build_graph, graph_to_json, save_graph

    monkeypatch.setattr(js, "BATCH", 3)  # batches that do not divide the lists
    doc = {
        "n": 1,
        "empty": {},
        "none": [],
        "odd": {1: "int key", "x": True},
        "t": ("é", float("nan"), -0.0, 1e300),
        "deep": {"a": [{"b": [1, 2]}] * 7, "c": {"d": "\u2013 \n"}},
    }
    for depth in (0, 1, 2, 3):
        for seps in ((", ", ": "), (",", ":")):
            buf = io.StringIO()
            js.write_json(buf, doc, separators=seps, depth=depth)
            assert buf.getvalue() == json.dumps(doc, separators=seps)
    g = build_graph(starter)
    save_graph(g, tmp_path / "g.json")
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == json.dumps(
        graph_to_json(g), separators=(",", ":")
    )


def test_dense_matrices_are_saved_as_np_save_writes_them(rng, tmp_path, monkeypatch):
    import careerpivot.datasets.saved as saved

    monkeypatch.setattr(saved, "DENSE_BLOCK", 7)
    shape = (50, 23)
    rows, cols = rng.integers(0, 50, 400), rng.integers(0, 23, 400)  # repeated cells too
    values = rng.normal(size=400)
    m = np.zeros(shape)
    m[rows, cols] = values
    np.save(tmp_path / "plain.npy", m)
    saved.save_dense(tmp_path / "blocks.npy", shape, (rows, cols), values)
    assert (tmp_path / "blocks.npy").read_bytes() == (tmp_path / "plain.npy").read_bytes()
