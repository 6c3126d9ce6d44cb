"""The two-stage role-to-role ranker: its pieces on small matrices, and the shipped models."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from careerpivot.errors import DataValidationError
from careerpivot.metrics import recall_at_k
from careerpivot.relatedness import (
    CANDIDATES,
    SCORE_FEATURES,
    RelatednessModel,
    Reranker,
    candidate_pairs,
    feature_table,
    load_reranker,
    pair_features,
    ranking_key,
    score_features,
    signal_views,
)


def test_score_features_are_the_named_ones_and_see_reciprocity(rng):
    score = rng.normal(size=(30, 30))
    score[3, 7] = score[7, 3] = 10.0  # 3 and 7 rank each other first
    np.fill_diagonal(score, -np.inf)
    feats = dict(score_features(score))
    assert tuple(feats) == SCORE_FEATURES
    assert feats["s_rr"][3, 7] == 1.0 and feats["s_rr_reverse"][3, 7] == 1.0
    assert all(m.shape == (30, 30) and np.isfinite(m).all() for m in feats.values())


def test_candidate_pairs_are_each_rows_best_others(rng):
    score = rng.normal(size=(12, 12))
    rows, cols = candidate_pairs(score, 4)
    assert len(rows) == 12 * 4 and not (rows == cols).any()
    for i in range(12):
        s = score[i].copy()
        s[i] = -np.inf
        assert set(cols[rows == i]) == set(np.argsort(-s)[:4])


def test_features_at_pairs_equal_the_full_matrices_read_there(starter, rng):
    views = signal_views(starter)
    n = len(starter)
    at = (rng.integers(0, n, 300), rng.integers(0, n, 300))
    full = dict(pair_features(starter, views))
    picked = dict(pair_features(starter, views, at))
    assert list(full) == list(picked) and len(full) > 20
    for name, m in full.items():
        assert np.array_equal(m[at], picked[name]), name


def test_feature_table_orders_columns_and_names_what_is_missing():
    values = [("a", np.array([1.0, 2.0])), ("b", np.array([3.0, 4.0])), ("c", np.zeros(2))]
    assert feature_table(values, ["b", "a"]).tolist() == [[3.0, 1.0], [4.0, 2.0]]
    with pytest.raises(DataValidationError, match="tasks"):
        feature_table(values, ["a", "tasks"])


def test_ranking_key_puts_reranked_candidates_first_in_their_order():
    linear = np.array([[0.0, 5.0, 4.0, 3.0], [1, 0, 1, 1], [1, 1, 0, 1], [1, 1, 1, 0]])
    np.fill_diagonal(linear, -np.inf)
    prob = np.full((4, 4), np.nan)
    prob[0, 2], prob[0, 3] = 0.9, 0.2  # candidates of row 0; 1 was not one
    key = ranking_key(linear, prob)
    assert list(np.argsort(-key[0])[:3]) == [2, 3, 1]


class _Flip:
    """A stand-in classifier: probability rises as the first feature falls."""

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(x[:, 0]))
        return np.column_stack([1 - p, p])


def test_reranker_reorders_only_the_candidates(starter):
    base = RelatednessModel(reranker=None).fit(starter)
    assert base.stages_ == ("weighted sum",) and base.probability_ is None
    model = RelatednessModel(reranker=Reranker(_Flip(), ("s_rr",), candidates=5)).fit(starter)
    assert model.stages_ == ("weighted sum", "reranker")
    i = starter.occupation_index["29-1141.00"]
    # The flipped reranker reverses the first stage's top five and leaves the rest.
    assert model.ranked(i, 5) == base.ranked(i, 5)[::-1]
    assert model.ranked(i)[5:40] == base.ranked(i)[5:40]
    sim = model.similarity()
    assert np.allclose(sim, sim.T) and ((sim >= 0) & (sim <= 1)).all()


def test_reranker_is_skipped_where_a_feature_is_missing(starter):
    model = RelatednessModel(reranker=Reranker(_Flip(), ("tasks_rr",))).fit(starter)
    assert model.stages_ == ("weighted sum",)  # the starter set has no task statements


def test_the_shipped_reranker_is_not_loaded_where_it_cannot_run(starter, monkeypatch):
    import careerpivot.relatedness as relatedness

    def refuse() -> None:
        raise AssertionError("loaded a reranker the starter set cannot feed")

    monkeypatch.setattr(relatedness, "load_reranker", refuse)
    assert RelatednessModel().fit(starter).stages_ == ("weighted sum",)


def test_reranker_predicts_in_chunks_like_at_once(rng):
    x = rng.normal(size=(50, 2)).astype(np.float32)
    model = LogisticRegression().fit(x, x[:, 0] > 0)
    reranker = Reranker(model, ("a", "b"))
    assert np.allclose(reranker.probability(x, chunk=7), model.predict_proba(x)[:, 1])


def test_shipped_reranker_loads_and_reads_known_features():
    reranker = load_reranker()
    assert reranker.candidates == CANDIDATES == 50
    assert set(SCORE_FEATURES) <= set(reranker.features)
    assert reranker.model.n_features_in_ == len(reranker.features)


@pytest.mark.realdata
def test_shipped_ranker_finds_onet_related_occupations(onet_dir, bls_dir):
    """In-sample on 29.2 (held-out figures come from bench/quality.py); a broken stage shows."""
    from careerpivot.datasets.bls import apply_bls, read_oews, read_projections
    from careerpivot.datasets.onet import read_release

    ds, _ = read_release(onet_dir)
    ds, _ = apply_bls(
        ds,
        read_oews(bls_dir / "oews_national_M2024_dl.xlsx"),
        read_projections(bls_dir / "ep_occupation_2024_34.xlsx"),
    )
    model = RelatednessModel().fit(ds)
    assert model.stages_ == ("weighted sum", "reranker")
    idx = ds.occupation_index

    def recall(score: np.ndarray) -> float:
        out = []
        for code, lst in ds.extras["related"].items():
            rel = {c for c, tier, _ in lst if tier.startswith("Primary")}
            if rel and ds.scorable[idx[code]]:
                top = [ds.occupations[j].code for j in np.argsort(-score[idx[code]])[:11]]
                out.append(recall_at_k([c for c in top if c != code][:10], rel, 10))
        return float(np.mean(out))

    first, both = recall(model.linear_score_), recall(model.score_)
    assert first > 0.6  # the weighted sum alone
    assert both > first + 0.02  # the reranker adds to it
