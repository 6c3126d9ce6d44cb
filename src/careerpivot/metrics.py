"""Ranking metrics for judging adjacent-role lists against a reference."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence


def recall_at_k(ranked: Sequence[str], relevant: Collection[str], k: int = 10) -> float:
    """Share of the relevant items found in the first ``k`` of ``ranked``.

    >>> recall_at_k(["a", "b", "c"], {"a", "c", "d", "e"}, k=2)
    0.25
    """
    if not relevant:
        raise ValueError("recall is undefined without relevant items")
    return len(set(ranked[:k]) & set(relevant)) / len(relevant)


def ndcg_at_k(ranked: Sequence[str], relevant: Collection[str], k: int = 10) -> float:
    """Normalised discounted cumulative gain with binary relevance.

    >>> ndcg_at_k(["a", "x", "b"], {"a", "b"}, k=3) < 1.0
    True
    >>> ndcg_at_k(["a", "b"], {"a", "b"}, k=2)
    1.0
    """
    if not relevant:
        raise ValueError("nDCG is undefined without relevant items")
    rel = set(relevant)
    dcg = sum(1.0 / math.log2(i + 2) for i, item in enumerate(ranked[:k]) if item in rel)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, len(rel))))
    return dcg / ideal
