"""The vectorised gap model gives exactly what a plain per-descriptor loop gives.

:func:`careerpivot.gaps.compare_vector` classifies, costs and orders whole arrays at
once (a card on O*NET reads about 500 descriptors). The reference below is the
straightforward loop it replaced, kept here only: for random (profile, target) pairs
on the starter set, a mini O*NET import and (``realdata``) the O*NET 29.2 release,
every row must be equal, in the same order: ids, levels, statuses, hours, notes.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import numpy as np
import pytest

from careerpivot.datasets.onet import read_release
from careerpivot.effort import hours_between
from careerpivot.engine import Engine
from careerpivot.gaps import (
    GapReport,
    GapRow,
    _estimate,
    _order,
    _scorable_row,
    classify,
    compare_vector,
    person_levels,
)
from careerpivot.model import Dataset, DescriptorKind, FloatArray, as_saved
from careerpivot.tool_families import (
    COMMON,
    COMMON_FROM,
    OTHER,
    PRIOR,
    SHRINK,
    TYPICAL,
    TYPICAL_FROM,
    _family_groups,
)
from tests.test_gap_consistency import mini_onet, random_profile, random_target  # noqa: F401

PAIRS = 150


def reference_covered_by(
    dataset: Dataset, importance: FloatArray, current: FloatArray, unknown_tool: np.ndarray
) -> np.ndarray:
    """One tool per family, family by family (what :func:`covered_by` computes)."""
    by = np.full(len(dataset.descriptors), -1, dtype=int)
    for group in _family_groups(dataset):
        members = [j for j in group if importance[j] > 0]
        known = [j for j in members if not unknown_tool[j] and current[j] > 0]
        if len(members) < 2 or not known:
            continue
        anchor = max(known, key=lambda j: (current[j], importance[j], -j))
        for j in members:
            if j != anchor:
                by[j] = anchor
    return by


def reference_compare(
    dataset: Dataset,
    current: FloatArray,
    target: str,
    *,
    rated: Sequence[bool] | None = None,
    kinds: Sequence[DescriptorKind] | None = None,
) -> GapReport:
    """The gap model one descriptor at a time, on ratings as saved (5.47, not float32's
    5.46999979019165)."""
    i = _scorable_row(dataset, target)
    imp = as_saved(dataset.importance_matrix[i])
    lev = as_saved(dataset.level_matrix[i])
    wanted = set(kinds) if kinds else None
    estimated_kinds, note = _estimate(dataset, i)
    tools = np.array([d.kind == "technology" for d in dataset.descriptors])
    stated = np.ones(len(tools), dtype=bool) if rated is None else np.asarray(rated, dtype=bool)
    by = reference_covered_by(dataset, imp, current, tools & ~stated & (current == 0))
    rows = []
    for j in map(int, np.flatnonzero((imp > 0) | (current > 0))):
        d = dataset.descriptors[j]
        if wanted is not None and d.kind not in wanted:
            continue
        have, need, im = float(current[j]), float(lev[j]), float(imp[j])
        known = True if rated is None else bool(rated[j])
        status = classify(im, need, have, d.kind == "technology" and not known and have == 0)
        if by[j] >= 0 and status != "minor":
            status = "minor"
        costed = status in ("gap", "small gap", "tool to check")
        est = im > 0 and d.kind in estimated_kinds
        cover = f"one tool per family: covered by {dataset.descriptors[by[j]].name}"
        rows.append(
            GapRow(
                id=d.id,
                name=d.name,
                kind=d.kind,
                importance=im,
                required=need,
                current=have,
                rated=known,
                status=status,
                hours=hours_between(d, have, need) if costed else 0.0,
                estimated=est,
                note=cover if by[j] >= 0 else note if est else "",
            )
        )
    rows.sort(key=_order)
    # Tools to check: those typical of roles like the target first, then by relevance
    # (the sort is stable, so ties keep _order's order).
    words, score = reference_tool_relevance(dataset, i)
    check = [r for r in rows if r.status == "tool to check"]
    check.sort(key=lambda r: (words[r.id] != TYPICAL, -score[r.id]))
    start = next((n for n, r in enumerate(rows) if r.status == "tool to check"), 0)
    rows[start : start + len(check)] = check
    occ = dataset.occupations[i]
    tool_words = {r.id: words[r.id] for r in check}
    return GapReport("you", occ.code, occ.title, rows, bool(estimated_kinds), note, tool_words)


def reference_tool_relevance(dataset: Dataset, i: int) -> tuple[dict[str, str], dict[str, float]]:
    """Per tool the role lists, its words and ranking score, one tool and one role at a time."""
    imp, lev = np.asarray(dataset.importance_matrix), np.asarray(dataset.level_matrix)
    tools = [j for j, d in enumerate(dataset.descriptors) if d.kind == "technology"]
    rest = [j for j, d in enumerate(dataset.descriptors) if d.kind != "technology"]
    rated = [
        k for k, o in enumerate(dataset.occupations) if dataset.scorable[k] and not o.estimated
    ]
    x = imp[:, rest] * lev[:, rest]
    x = x - x[rated].mean(axis=0)
    with_tools = sum(1 for k in range(len(dataset)) if (imp[k, tools] > 0).any())
    words, score = {}, {}
    for j in tools:
        if imp[i, j] <= 0:
            continue
        sims = [
            float(x[i] @ x[k]) / float(np.linalg.norm(x[i]) * np.linalg.norm(x[k]))
            for k in rated
            if k != i and imp[k, j] > 0
        ]
        likeness = (sum(sims) + SHRINK * PRIOR) / (len(sims) + SHRINK)
        common = (imp[:, j] > 0).sum() >= COMMON_FROM * with_tools
        d = dataset.descriptors[j].id
        words[d] = COMMON if common else TYPICAL if likeness >= TYPICAL_FROM else OTHER
        score[d] = likeness * max((imp[i, j] - 1.0) / 2.0, 0.0)
    return words, score


def fields_of(report: GapReport) -> list[tuple[object, ...]]:
    """Every field of every row with its type (a numpy scalar is not a plain float)."""
    return [tuple((v, type(v)) for v in vars(r).values()) for r in report.rows]


def check_pairs(ds: Dataset, engine: Engine | None, seed: int, pairs: int = PAIRS) -> int:
    """Compare both on random pairs; returns how many had something to close."""
    rng = random.Random(seed)
    eng = engine or Engine(ds, relatedness=lambda: None)
    nonempty = 0
    for n in range(pairs):
        profile = random_profile(eng, rng)
        target = random_target(eng, profile, rng)
        vec, rated = person_levels(ds, profile)
        kinds: list[DescriptorKind] | None = [rng.choice(["skill", "technology"])]
        if n % 3:
            kinds = None
        for mask in (rated, None):
            want = reference_compare(ds, vec, target, rated=mask, kinds=kinds)
            got = compare_vector(ds, vec, target, rated=mask, kinds=kinds)
            assert fields_of(got) == fields_of(want), (profile, target)
            assert got == want
            assert all(type(r) is GapRow and r == GapRow(**vars(r)) for r in got.rows)
        nonempty += bool(want.to_close)
    return nonempty


def test_same_rows_as_the_loop_on_the_starter_set(engine):
    assert check_pairs(engine.dataset, engine, seed=11) >= PAIRS // 2


def test_same_rows_as_the_loop_on_a_mini_onet_import(mini_onet):  # noqa: F811
    covered = 0
    rng = random.Random(5)
    ds = mini_onet.dataset
    for _ in range(50):  # the mini import's tools form one family: "covered" rows occur
        profile = random_profile(mini_onet, rng)
        report = mini_onet.gap(profile, random_target(mini_onet, profile, rng))
        covered += any(r.note.startswith("one tool per family") for r in report.rows)
    assert covered
    assert check_pairs(ds, mini_onet, seed=12) >= PAIRS // 3


def test_a_role_source_compares_the_same(engine):
    ds = engine.dataset
    rng = random.Random(3)
    codes = [o.code for o, ok in zip(ds.occupations, ds.scorable, strict=True) if ok]
    tools = np.array([d.kind == "technology" for d in ds.descriptors])
    for _ in range(40):
        source, target = rng.sample(codes, 2)
        i = ds.occupation_index[source]
        levels = np.asarray(ds.level_matrix[i])
        listed = list((ds.importance_matrix[i] > 0) | ~tools)
        want = reference_compare(ds, levels, target, rated=listed)
        assert fields_of(compare_vector(ds, levels, target, rated=listed)) == fields_of(want)


@pytest.mark.realdata
def test_same_rows_as_the_loop_on_onet(onet_dir):
    ds, _ = read_release(onet_dir)
    assert check_pairs(ds, None, seed=13, pairs=120) >= 40
