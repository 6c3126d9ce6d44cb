import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.similarity import directional_fit, role_similarity, transition_hours
from careerpivot.testing import synthetic_dataset


@given(st.integers(0, 1000))
@settings(max_examples=10, deadline=None)
def test_similarity_symmetric_and_in_range(seed):
    ds = synthetic_dataset(25, 12, seed=seed, families=4)
    s = role_similarity(ds)
    assert np.array_equal(s, s.T)
    assert ((s >= 0) & (s <= 1)).all()
    assert np.allclose(np.diag(s), 1.0)


def test_unscorable_roles_have_zero_similarity(tiny):
    s = role_similarity(tiny)
    e = tiny.occupation_index["43-0005.00"]
    assert (s[e] == 0).all() and (s[:, e] == 0).all()


def test_twins_are_most_similar(tiny):
    s = role_similarity(tiny)
    a, b, d = (tiny.occupation_index[c] for c in ("15-0001.00", "15-0002.00", "29-0004.00"))
    assert s[a, b] > s[a, d]


def test_directional_fit_and_hours(tiny):
    f = directional_fit(tiny)
    a, c = tiny.occupation_index["15-0001.00"], tiny.occupation_index["15-0003.00"]
    assert f[a, c] < f[c, a]  # moving up to the architect is harder than the reverse
    up, down = transition_hours(tiny, [(a, c), (c, a)])
    assert up > 0 and down == 0
