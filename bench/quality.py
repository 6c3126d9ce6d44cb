"""Pivot quality on O*NET: recall@10 and nDCG@10 of O*NET's Primary related occupations.

For every occupation with skill ratings, each ranker lists the other occupations;
the reference is O*NET's Primary-Short and Primary-Long related occupations
(index 1-10 of Related Occupations.txt). No ranker here reads that file except
the "expert list", reported separately because it does.

    python bench/quality.py [--onet DIR] [--bls DIR] [--folds 5]
    python bench/quality.py --fit     # also refit both stages and write them to data/models/

Two references are reported: all Primary related occupations, and only those
that carry ratings ("rated-only": a ratings-based ranker cannot find the others;
the issue's baseline figure, 0.387, is close to that column, 0.380 here).

The engine's ranker (careerpivot.relatedness) has two stages. The first is a
weighted sum of pair features, its weights fit by logistic regression on (source,
candidate -> is a Primary related occupation) pairs; negatives are subsampled
(25%, fixed seed) to keep memory low, which shifts only the intercept. The second
re-orders each source's top 50 with gradient-boosted trees over the same features
plus features of the first stage's ranking; it learns from first-stage scores
cross-fitted over inner folds, so it sees them as it will on roles the weights
never saw. K-fold cross-validation over SOURCE occupations, both stages refit on
the other folds, gives the held-out figure, the honest one.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from careerpivot.datasets.bls import apply_bls, read_oews, read_projections
from careerpivot.datasets.onet import read_release
from careerpivot.estimation import estimate_unrated
from careerpivot.metrics import ndcg_at_k, recall_at_k
from careerpivot.model import Dataset
from careerpivot.relatedness import (
    CANDIDATES,
    RERANKER_FILE,
    SCORE_FEATURES,
    WEIGHTS_FILE,
    RelatednessModel,
    at_pairs,
    candidate_pairs,
    feature_table,
    pair_features,
    ranking_key,
    score_features,
    signal_views,
)
from careerpivot.testing import shared_dir

K = 10
NEGATIVE_SHARE = 0.25
#: Second-stage settings, chosen before measuring and not tuned on the folds
#: (early stopping holds out 10% of the training pairs to pick the number of trees).
RERANKER_PARAMS = {
    "learning_rate": 0.05,
    "max_iter": 300,
    "max_leaf_nodes": 31,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "early_stopping": True,
    "random_state": 0,
}


def primary(dataset: Dataset) -> dict[int, set[int]]:
    """Source row -> rows of its Primary related occupations (index 1-10), rated sources only
    (roles with survey ratings; not those whose ratings are estimated)."""
    idx = dataset.occupation_index
    rated = dataset.scorable & ~dataset.estimated
    out: dict[int, set[int]] = {}
    for code, lst in dataset.extras.get("related", {}).items():
        rel = {idx[c] for c, tier, _ in lst if tier.startswith("Primary") and c in idx}
        if rel and rated[idx[code]]:
            out[idx[code]] = rel
    return out


def evaluate(
    score: np.ndarray,
    truth: dict[int, set[int]],
    sources: Sequence[int],
    rated: np.ndarray | None = None,
) -> tuple[float, float]:
    """Mean recall@10 and nDCG@10 over ``sources`` for a role x role score matrix.

    With ``rated``, the reference keeps only related occupations that carry ratings
    (the only ones a ratings-based ranker such as the baseline can find).
    """
    rec, nd = [], []
    for i in sources:
        s = np.where(np.isfinite(score[i]), score[i], -np.inf)
        s[i] = -np.inf
        top = [str(j) for j in np.argsort(-s, kind="stable")[:K]]
        rel = {str(j) for j in truth[i] if rated is None or rated[j]}
        if not rel:
            continue
        rec.append(recall_at_k(top, rel, K))
        nd.append(ndcg_at_k(top, rel, K))
    return float(np.mean(rec)), float(np.mean(nd))


def baseline(dataset: Dataset) -> np.ndarray:
    """Cosine similarity over Skills + Knowledge level vectors (the issue's baseline)."""
    cols = [j for j, d in enumerate(dataset.descriptors) if d.kind != "technology"]
    x = dataset.level_matrix[:, cols]
    norm = np.linalg.norm(x, axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(norm > 0, x / norm, 0.0)
    s = z @ z.T
    s[~dataset.scorable, :] = -np.inf
    s[:, ~dataset.scorable] = -np.inf
    return s


def sample_pairs(
    truth: dict[int, set[int]], n: int, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(source, candidate, label) for all positives and a fixed share of negatives."""
    rng = np.random.default_rng(seed)
    src, cand, lab = [], [], []
    for i in sorted(truth):
        others = np.array([j for j in range(n) if j != i])
        pos = np.isin(others, list(truth[i]))
        keep = pos | (rng.random(len(others)) < NEGATIVE_SHARE)
        src.append(np.full(keep.sum(), i))
        cand.append(others[keep])
        lab.append(pos[keep])
    return np.concatenate(src), np.concatenate(cand), np.concatenate(lab)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--onet", type=Path, default=shared_dir() / "onet" / "db_29_2_text")
    ap.add_argument("--bls", type=Path, default=shared_dir() / "bls")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument(
        "--candidates", type=int, default=CANDIDATES, help="first-stage pool the reranker re-orders"
    )
    ap.add_argument(
        "--fit", action="store_true", help="refit on all sources and write the weights file"
    )
    ap.add_argument(
        "--save-heldout",
        type=Path,
        help="write the cross-validated two-stage ranking key (.npy; rows of held-out "
        "sources, NaN elsewhere) for bench/pivots.py's held-out recall of the default list",
    )
    args = ap.parse_args()

    t0 = time.perf_counter()
    ds, _ = read_release(args.onet)
    ds, _ = apply_bls(
        ds,
        read_oews(args.bls / "oews_national_M2024_dl.xlsx"),
        read_projections(args.bls / "ep_occupation_2024_34.xlsx"),
    )
    ds, _ = estimate_unrated(ds)  # as the import does: unrated roles get estimated ratings
    truth = primary(ds)
    sources = sorted(truth)
    n = len(ds)
    views = signal_views(ds)
    print(
        f"O*NET {ds.provenance.version}: {len(sources)} rated occupations with Primary related lists; "
        f"candidates: all {n} occupations; {len(views)} signals "
        f"({time.perf_counter() - t0:.1f} s to read and compute signals)"
    )

    def show(name: str, score: np.ndarray, on: Sequence[int] = sources) -> None:
        r, nd = evaluate(score, truth, on)
        rr, _ = evaluate(score, truth, on, ds.scorable & ~ds.estimated)
        print(f"  {name:<52} recall@10 {r:.3f}  nDCG@10 {nd:.3f} | rated-only recall@10 {rr:.3f}")

    print("\nThe baseline and single signals (nothing fit):")
    show("baseline: cosine of Skills+Knowledge levels", baseline(ds))
    for name in ("dwa", "tasks", "titles", "knowledge", "all_text"):
        if name in views:
            show(f"signal {name}", views[name].z.astype(float))

    # Every pair feature for every pair, held once (float32, about 0.4 GB on O*NET 29.2):
    # the folds refit weights and move the candidate pools, never the features.
    names = [name for name, _ in pair_features(ds, views)]
    feats = np.empty((n, n, len(names)), dtype=np.float32)
    for f, (_, feature) in enumerate(pair_features(ds, views)):
        feats[:, :, f] = feature
    labels = np.zeros((n, n), dtype=bool)
    for i, rel in truth.items():
        labels[i, list(rel)] = True
    s_src, s_cand, s_lab = sample_pairs(truth, n)
    print(
        f"\n{len(names)} pair features; first stage: {len(s_lab)} training pairs "
        f"({int(s_lab.sum())} positive); second stage: each role's top {args.candidates}"
    )

    def fit_linear(on: np.ndarray) -> dict[str, float]:
        rows = np.isin(s_src, on)
        lr = LogisticRegression(C=1.0, max_iter=3000)
        lr.fit(feats[s_src[rows], s_cand[rows]], s_lab[rows])
        return dict(zip(names, (float(c) for c in lr.coef_[0]), strict=True))

    def linear_score(weights: dict[str, float]) -> np.ndarray:
        score = feats @ np.array([weights.get(x, 0.0) for x in names], dtype=np.float32)
        score = score.astype(float)
        np.fill_diagonal(score, -np.inf)
        return score

    def cross_fitted(on: np.ndarray) -> tuple[dict[str, float], np.ndarray]:
        """First-stage weights on ``on``, and scores whose ``on`` rows come from inner folds.

        The reranker learns from first-stage scores of roles those weights never saw,
        as it meets them on new data.
        """
        weights = fit_linear(on)
        score = linear_score(weights)
        for a, b in KFold(args.folds, shuffle=True, random_state=1).split(on):
            score[on[b]] = linear_score(fit_linear(on[a]))[on[b]]
        return weights, score

    def reranker_table(score: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        extra = feature_table(at_pairs(score_features(score), (rows, cols)), SCORE_FEATURES)
        return np.hstack([feats[rows, cols], extra])

    def fit_reranker(score: np.ndarray, on: np.ndarray) -> HistGradientBoostingClassifier:
        rows, cols = candidate_pairs(score, args.candidates)
        keep = np.isin(rows, on)
        model = HistGradientBoostingClassifier(**RERANKER_PARAMS)
        model.fit(reranker_table(score, rows[keep], cols[keep]), labels[rows[keep], cols[keep]])
        return model

    def cascade(score: np.ndarray, model: HistGradientBoostingClassifier) -> np.ndarray:
        rows, cols = candidate_pairs(score, args.candidates)
        prob = np.full(score.shape, np.nan)
        prob[rows, cols] = model.predict_proba(reranker_table(score, rows, cols))[:, 1]
        return ranking_key(score, prob)

    print(
        f"\n{args.folds}-fold cross-validation over source occupations "
        "(both stages fit on the other folds):"
    )
    src = np.array(sources)
    held: dict[str, list[tuple[float, float, float]]] = {"weighted sum": [], "two stages": []}
    heldout_key = np.full((n, n), np.nan, dtype=np.float32)
    for f, (tr, te) in enumerate(KFold(args.folds, shuffle=True, random_state=0).split(src), 1):
        t1 = time.perf_counter()
        weights, score = cross_fitted(src[tr])
        # Held-out rows are scored by weights fit on all training folds, as in the product.
        score[src[te]] = linear_score(weights)[src[te]]
        final = cascade(score, fit_reranker(score, src[tr]))
        heldout_key[src[te]] = final[src[te]]
        line = []
        for name, s in (("weighted sum", score), ("two stages", final)):
            r, nd = evaluate(s, truth, src[te].tolist())
            rr, _ = evaluate(s, truth, src[te].tolist(), ds.scorable & ~ds.estimated)
            held[name].append((r, nd, rr))
            line.append(f"{name} {r:.3f} / {nd:.3f} / {rr:.3f}")
        took = time.perf_counter() - t1
        print(f"  fold {f} (recall@10 / nDCG@10 / rated-only): {'; '.join(line)}  [{took:.0f} s]")
    summary = {}
    for name, rows_ in held.items():
        rs = np.array(rows_)
        summary[name] = float(rs[:, 0].mean())
        print(
            f"  HELD-OUT MEAN, {name:<12}: recall@10 {rs[:, 0].mean():.3f} (sd {rs[:, 0].std():.3f})  "
            f"nDCG@10 {rs[:, 1].mean():.3f} | rated-only recall@10 {rs[:, 2].mean():.3f}"
        )
    print(
        "  (target recall@10 >= 0.65; the issue's baseline, 0.387, is close to the rated-only column)"
    )
    if args.save_heldout:
        np.save(args.save_heldout, heldout_key)
        print(f"  wrote the held-out ranking key to {args.save_heldout}")

    if args.fit:
        import sklearn

        from careerpivot.boosted_trees import BoostedTrees

        t1 = time.perf_counter()
        weights, score = cross_fitted(src)
        model = fit_reranker(score, src)
        BoostedTrees.of(model).save(RERANKER_FILE)
        WEIGHTS_FILE.write_text(
            json.dumps(
                {
                    "fit_on": f"O*NET {ds.provenance.version}: {len(sources)} source occupations, "
                    f"{len(s_lab)} pairs (all positives, {NEGATIVE_SHARE:.0%} of negatives, seed 0)",
                    "method": "scikit-learn LogisticRegression(C=1.0) on careerpivot.relatedness.pair_features",
                    "held_out_recall_at_10": round(summary["weighted sum"], 4),
                    "weights": {k: round(v, 6) for k, v in weights.items()},
                    "reranker": {
                        "file": RERANKER_FILE.name,
                        "method": f"scikit-learn {sklearn.__version__} "
                        f"HistGradientBoostingClassifier({RERANKER_PARAMS}) on each source's top "
                        f"{args.candidates} first-stage candidates (first-stage scores cross-fitted, "
                        f"{args.folds} folds); saved as arrays (careerpivot.boosted_trees)",
                        "candidates": args.candidates,
                        "features": [*names, *SCORE_FEATURES],
                        "held_out_recall_at_10": round(summary["two stages"], 4),
                    },
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        took = time.perf_counter() - t1
        print(f"\nWrote {WEIGHTS_FILE} and {RERANKER_FILE} ({took:.0f} s)")

    print(
        "\nShipped models (data/models; in-sample, fit on all of 29.2), as the product runs them:"
    )
    t1 = time.perf_counter()
    shipped = RelatednessModel().fit(ds)
    print(f"  (fit in {time.perf_counter() - t1:.1f} s; stages: {', '.join(shipped.stages_)})")
    show("engine default ranker, weighted sum only", shipped.linear_score_)
    show("engine default ranker (both stages)", shipped.score_)
    print(
        "\nExpert list (READS Related Occupations.txt: the reference itself, so 1.000 by"
        " construction;\nthe product does not rank this way, shown only as the ceiling):"
    )
    expert = shipped.score_.copy()
    idx = ds.occupation_index
    for code, lst in ds.extras.get("related", {}).items():
        for c, _, index in lst:
            expert[idx[code], idx[c]] += 1000.0 - index
    show("O*NET's related list first, then the default ranker", expert)


if __name__ == "__main__":
    main()
