"""Estimated ratings for unrated roles: flagged, explained, and built only from other roles."""

from __future__ import annotations

import numpy as np
import pytest

from careerpivot.datasets.saved import load_saved, save_dataset
from careerpivot.estimation import estimate_unrated, kernel
from careerpivot.model import Occupation, build_dataset
from careerpivot.testing import synthetic_dataset

FAMILY = ("Alpha", "Bravo", "Charlie", "Delta")


def _with_unrated(n_unrated: int = 5):
    """A synthetic data set whose first roles lose their skill and knowledge ratings."""
    ds = synthetic_dataset(60, 12, n_tools=20, seed=3, families=4)
    hidden = {o.code for o in ds.occupations[:n_unrated]}
    occs = [
        Occupation(o.code, f"{FAMILY[i % 4]} worker", job_zone=o.job_zone, interests=o.interests)
        for i, o in enumerate(ds.occupations)
    ]
    reqs = []
    for o in ds.occupations:
        for r in ds.requirements_of(o.code):
            if o.code in hidden and not r.descriptor.startswith("tech:"):
                continue
            reqs.append(r)
    return ds, build_dataset("partly-rated", ds.provenance, ds.descriptors, occs, reqs), hidden


def test_unrated_roles_get_flagged_estimates_with_named_sources():
    _, ds, hidden = _with_unrated()
    assert not ds.scorable[[ds.occupation_index[c] for c in hidden]].any()
    out, summary = estimate_unrated(ds)
    assert summary.estimated == len(hidden)
    for code in hidden:
        occ = out.occupation(code)
        assert occ.is_estimated and "skills" in occ.estimated and not occ.unscored_reason
        assert occ.estimated_from and all(c not in hidden for c, _, _ in occ.estimated_from)
        assert occ.estimate_note.startswith(f"Estimated from {len(occ.estimated_from)} similar")
        assert out.scorable[out.occupation_index[code]]
    assert out.estimated.sum() == len(hidden)


def test_rated_roles_are_untouched():
    _, ds, hidden = _with_unrated()
    out, _ = estimate_unrated(ds)
    rated = [i for i, o in enumerate(ds.occupations) if o.code not in hidden]
    assert np.array_equal(out.level_matrix[rated], ds.level_matrix[rated])
    assert np.array_equal(out.importance_matrix[rated], ds.importance_matrix[rated])
    assert all(out.occupations[i] == ds.occupations[i] for i in rated)


def test_estimates_follow_the_role_family():
    """Roles share SOC group and title words with their family: estimates lean on it."""
    full, ds, hidden = _with_unrated()
    out, _ = estimate_unrated(ds)
    cols = [j for j, d in enumerate(ds.descriptors) if d.kind != "technology"]
    rows = [ds.occupation_index[c] for c in sorted(hidden)]
    truth = full.level_matrix[rows][:, cols]
    est_error = np.abs(out.level_matrix[rows][:, cols] - truth).mean()
    mean_error = np.abs(full.level_matrix[5:, cols].mean(axis=0) - truth).mean()
    assert est_error < mean_error
    same_family = [out.occupations[i].estimated_from[0][1] == ds.occupations[i].title for i in rows]
    assert sum(same_family) >= 4


def test_a_fully_rated_data_set_is_unchanged(starter):
    out, summary = estimate_unrated(starter)
    assert out is starter and summary.estimated == 0


def test_the_kernel_reads_no_ratings():
    """Changing every rating leaves the similarity that picks neighbours unchanged."""
    _, ds, _ = _with_unrated()
    noisy = build_dataset(
        "noisy",
        ds.provenance,
        ds.descriptors,
        ds.occupations,
        [
            type(r)(r.occupation, r.descriptor, r.importance, 7.0 - r.level)
            if not r.descriptor.startswith("tech:")
            else r
            for o in ds.occupations
            for r in ds.requirements_of(o.code)
        ],
    )
    assert np.allclose(kernel(ds), kernel(noisy))


def test_estimate_flags_survive_save_and_load(tmp_path):
    _, ds, hidden = _with_unrated()
    out, _ = estimate_unrated(ds)
    again = load_saved(save_dataset(out, tmp_path / "ds"))
    for code in hidden:
        assert again.occupation(code) == out.occupation(code)


@pytest.mark.parametrize("n_unrated", [1, 59])
def test_works_with_one_or_almost_no_rated_roles(n_unrated):
    _, ds, _ = _with_unrated(n_unrated)
    out, summary = estimate_unrated(ds)
    assert summary.estimated == n_unrated and out.scorable.all()
