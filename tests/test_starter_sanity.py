"""Starter-data sanity: roles known to be adjacent find each other; unrelated ones do not."""

import pytest

from careerpivot.profile import profile_from_role

ADJACENT = [
    ("15-1252.00", "15-1254.00"),  # software developer <-> web developer
    ("29-1141.00", "29-2061.00"),  # registered nurse <-> licensed practical nurse
    ("13-2011.00", "13-2031.00"),  # accountant and auditor <-> budget analyst
    ("13-2011.00", "13-2061.00"),  # accountant and auditor <-> financial examiner
    ("47-2111.00", "49-2098.00"),  # electrician <-> security and fire alarm (electrical) installer
    ("15-1242.00", "15-1243.00"),  # database administrator <-> database architect
]
UNRELATED = [
    ("15-1252.00", "35-3031.00"),  # software developer vs waiter
    ("29-1141.00", "47-2111.00"),  # nurse vs electrician
    ("13-2011.00", "45-2092.00"),  # accountant vs farmworker
    ("47-2111.00", "27-3043.00"),  # electrician vs writer
]


def _rank(scorer, starter, a, b):
    order = [starter.occupations[i].code for i in scorer.rank(profile_from_role(starter, a))]
    return order.index(b) + 1 if b in order else None


@pytest.mark.parametrize(("a", "b"), ADJACENT)
def test_adjacent_pairs_rank_each_other_in_top_10(scorer, starter, a, b):
    assert _rank(scorer, starter, a, b) <= 10
    assert _rank(scorer, starter, b, a) <= 10


@pytest.mark.parametrize(("a", "b"), UNRELATED)
def test_unrelated_pairs_stay_out_of_the_top_50(scorer, starter, a, b):
    for x, y in ((a, b), (b, a)):
        r = _rank(scorer, starter, x, y)
        assert r is None or r > 50
