import numpy as np
import pytest

from careerpivot.errors import UnknownDescriptorError, UnknownRoleError
from careerpivot.model import (
    Descriptor,
    Occupation,
    Provenance,
    Requirement,
    build_dataset,
    slugify,
    soc_code,
    technology_id,
)


def test_lookups_raise_domain_errors(tiny):
    assert tiny.occupation("15-0001.00").title == "Alpha Developer"
    with pytest.raises(UnknownRoleError, match=r"99-9999\.00"):
        tiny.occupation("99-9999.00")
    with pytest.raises(UnknownDescriptorError, match=r"2\.Z"):
        tiny.descriptor("2.Z")


def test_matrices_align_with_requirements(tiny):
    i = tiny.occupation_index["15-0001.00"]
    j = tiny.descriptor_index["2.B.3.e"]
    assert tiny.level_matrix[i, j] == 5.0
    assert tiny.importance_matrix[i, j] == 4.5
    assert not tiny.level_matrix.flags.writeable


def test_scorable_marks_roles_without_ratings(tiny):
    assert tiny.scorable.tolist() == [True, True, True, True, False]


def test_holland_code_orders_interests():
    occ = Occupation("15-0001.00", "x", interests=(2, 6, 3, 2, 5, 4))
    assert occ.holland_code == "IEC"
    assert Occupation("15-0001.00", "x").holland_code == ""


def test_duplicate_names_across_kinds_get_suffixes():
    ds = build_dataset(
        "t",
        Provenance("s", "1", "l"),
        [
            Descriptor("2.A.1.e", "Mathematics", "skill"),
            Descriptor("2.C.4.a", "Mathematics", "knowledge"),
        ],
        [Occupation("15-0001.00", "x")],
        [Requirement("15-0001.00", "2.A.1.e", 3, 3)],
    )
    assert [d.name for d in ds.descriptors] == ["Mathematics (skill)", "Mathematics (knowledge)"]


def test_build_rejects_unknown_ids():
    with pytest.raises(UnknownDescriptorError):
        build_dataset(
            "t",
            Provenance("s", "1", "l"),
            [],
            [Occupation("15-0001.00", "x")],
            [Requirement("15-0001.00", "nope", 3, 3)],
        )


def test_small_helpers():
    assert slugify("Microsoft Excel") == "microsoft-excel"
    assert technology_id("C++") == "tech:c-plus-plus"
    assert soc_code("15-2051.01") == "15-2051"
    assert np.isnan(
        build_dataset(
            "t", Provenance("s", "1", "l"), [], [Occupation("15-0001.00", "x")], []
        ).column("median_wage")[0]
    )
