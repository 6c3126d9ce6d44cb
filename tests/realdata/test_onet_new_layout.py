"""The real 29.2 release rewritten into the 30.3 layout imports to the same data.

``onet_convert.convert`` changes only file names, headers, ids and the merged job
zone; so the two imports must agree on every code and every rating that did not
change, and differ exactly where the layout says they do.
"""

import numpy as np
import pytest

from careerpivot.datasets.onet import read_release
from tests.realdata.onet_convert import convert, new_dwa

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def both(onet_dir, tmp_path_factory):
    converted = convert(onet_dir, tmp_path_factory.mktemp("onet") / "db_30_3_text")
    return read_release(onet_dir), read_release(converted)


def test_counts_of_the_converted_release(both):
    _, (ds, summary) = both
    assert ds.name == "onet-30.3" and ds.extras["release"]["layout"] == "30.3"
    assert summary.occupations == 1016 and summary.scorable == 879
    assert summary.with_job_zone == 923 and summary.with_interests == 923
    assert summary.with_related == 923
    assert sum(1 for d in ds.descriptors if d.kind == "skill") == 35
    assert sum(1 for d in ds.descriptors if d.kind == "knowledge") == 33
    assert summary.files["Essential Skills.txt + Transferable Skills.txt"].kept > 0
    assert not ds.publishes("work_values") and ds.job_zone_label(2) == "1\u20132"


def test_same_codes_and_same_ratings(both):
    (old, _), (new, _) = both
    assert [o.code for o in old.occupations] == [o.code for o in new.occupations]
    assert [d.id for d in old.descriptors] == [d.id for d in new.descriptors]
    assert np.array_equal(old.importance_matrix, new.importance_matrix)
    assert np.array_equal(old.level_matrix, new.level_matrix)
    assert np.array_equal(old.scorable, new.scorable)
    for a, b in zip(old.occupations, new.occupations, strict=True):
        assert (a.title, a.description, a.interests, a.education, a.alternate_titles) == (
            b.title,
            b.description,
            b.interests,
            b.education,
            b.alternate_titles,
        )
    assert old.extras["tasks"] == new.extras["tasks"]
    assert old.extras["related"] == new.extras["related"]


def test_differences_are_exactly_the_layout_changes(both):
    (old, _), (new, _) = both
    moved = 0
    for a, b in zip(old.occupations, new.occupations, strict=True):
        assert b.work_values is None  # retired in 30.3
        if a.job_zone == 1:
            assert b.job_zone == 2  # zone 1 merged into "1-2"
            moved += 1
        else:
            assert a.job_zone == b.job_zone
    assert moved > 0 and sum(o.work_values is not None for o in old.occupations) > 800
    old_dwas, new_dwas = old.extras["dwas"], new.extras["dwas"]
    assert set(old_dwas) == set(new_dwas)
    assert all(sorted(new_dwa(d) for d in old_dwas[c]) == new_dwas[c] for c in old_dwas)
    assert {new_dwa(d): t for d, t in old.extras["dwa_titles"].items()} == new.extras["dwa_titles"]
