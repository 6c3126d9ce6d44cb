"""Tool families: "covered by" only between genuinely alternative tools.

A tool the team's table does not list falls back to its O*NET commodity class, and a
class is broad: ServiceNow (IT service desks) and Yardi (property management) are both
"Data base user interface and query software". A card told a property manager moving
into IT support that ServiceNow was "covered by Yardi". Within a class, tools are now
alternatives only when the rated roles that list them do the same kind of work.
"""

from __future__ import annotations

import numpy as np
import pytest

from careerpivot.datasets.onet import read_release
from careerpivot.estimation import estimate_unrated
from careerpivot.gaps import person_gap
from careerpivot.model import Descriptor, Occupation, Requirement, build_dataset
from careerpivot.profile import Profile, profile_from_role
from careerpivot.testing import SYNTHETIC
from careerpivot.tool_families import SAME_WORK_FROM, _tool_users, families, same_work_groups

CLASS = "Data base user interface and query software"
SKILLS = [
    Descriptor("2.B.3.e", "Programming", "skill"),
    Descriptor("2.B.4.e", "Troubleshooting", "skill"),
    Descriptor("2.C.1.a", "Administration and Management", "knowledge"),
    Descriptor("2.B.1.d", "Negotiation", "skill"),
]
TOOLS = [
    Descriptor("tech:desk-a", "DeskA", "technology", category=CLASS),  # IT service desks
    Descriptor("tech:desk-b", "DeskB", "technology", category=CLASS),  # IT service desks
    Descriptor("tech:lease", "LeaseSoft", "technology", category=CLASS),  # property managers
]
#: code -> (programming, troubleshooting, administration, negotiation) and its tools.
ROLES = {
    "15-1232.00": ((3.0, 5.0, 2.0, 1.0), ("desk-a", "desk-b", "lease")),  # IT support
    "15-1231.00": ((3.5, 5.5, 2.0, 1.0), ("desk-a", "desk-b")),  # network support
    "15-1244.00": ((3.2, 5.2, 2.5, 1.2), ("desk-a",)),  # network admins
    "15-1299.00": ((3.4, 5.0, 2.2, 1.1), ("desk-b",)),
    "11-9141.00": ((0.5, 1.5, 5.0, 5.5), ("lease",)),  # property managers
    "41-9022.00": ((0.3, 1.0, 4.0, 5.0), ("lease",)),  # real-estate agents
    "43-4051.00": ((0.5, 1.5, 3.0, 2.0), ()),
}


def class_box():
    occs = [Occupation(code, f"Role {code}", job_zone=3) for code in ROLES]
    reqs = []
    for code, (levels, tools) in ROLES.items():
        reqs += [Requirement(code, d.id, 4.0, lv) for d, lv in zip(SKILLS, levels, strict=True)]
        reqs += [Requirement(code, f"tech:{t}", 3.0, 3.0) for t in tools]
    return build_dataset("classbox", SYNTHETIC, SKILLS + TOOLS, occs, reqs)


def test_tools_of_one_class_used_in_different_work_are_not_alternatives():
    ds = class_box()
    fam = families(ds)
    assert fam["tech:desk-a"].id == fam["tech:desk-b"].id  # same class, same kind of work
    assert fam["tech:lease"].id != fam["tech:desk-a"].id
    # A property manager who knows LeaseSoft, aiming at IT support (which lists all three):
    manager = Profile(ratings={"tech:lease": 4.0, "2.C.1.a": 5.0})
    report = person_gap(ds, manager, "15-1232.00")
    notes = {r.name: r.note for r in report.rows}
    assert "covered by LeaseSoft" not in notes["DeskA"] + notes["DeskB"]
    assert {"DeskA", "DeskB"} <= {r.name for r in report.tools_to_check}
    # Knowing DeskA still covers DeskB, its alternative.
    tech = Profile(ratings={"tech:desk-a": 4.0})
    notes = {r.name: r.note for r in person_gap(ds, tech, "15-1232.00").rows}
    assert notes["DeskB"] == "one tool per family: covered by DeskA"


def test_same_work_groups_need_every_pair_alike():
    a, b, c = [1.0, 0.0], [0.85, 0.53], [0.5, 0.87]  # a~b 0.85, b~c 0.89, a~c 0.5
    assert same_work_groups(np.array([a, b, c]), 0.8) in ([[0, 1], [2]], [[0], [1, 2]])
    assert same_work_groups(np.array([a, b, c]), 0.4) == [[0, 1, 2]]
    assert same_work_groups(np.zeros((2, 2))) == [[0], [1]]  # no rated user: on its own


@pytest.fixture(scope="module")
def onet(onet_dir):
    ds, _ = read_release(onet_dir)
    ds, _ = estimate_unrated(ds)
    return ds


@pytest.mark.realdata
def test_onet_servicenow_is_not_covered_by_yardi(onet):
    fam = families(onet)
    assert fam["tech:servicenow"].id != fam["tech:yardi-software"].id
    manager = profile_from_role(onet, "11-9141.00")  # Property, Real Estate ... Managers
    assert manager.ratings.get("tech:yardi-software", 0) > 0
    report = person_gap(onet, manager, "15-1232.00")  # Computer User Support Specialists
    row = next(r for r in report.rows if r.id == "tech:servicenow")
    assert "covered by" not in row.note
    # Alternatives in one class and one kind of work still cover each other.
    assert (
        fam["tech:adp-hr-benefits-solution"].id == fam["tech:ceridian-dayforce-enterprise-hcm"].id
    )


@pytest.mark.realdata
def test_onet_every_class_family_is_one_kind_of_work(onet):
    """Every pair of tools a class family joins has users alike at SAME_WORK_FROM or more."""
    fam = families(onet)
    _, sums, _, _ = _tool_users(onet)
    groups: dict[str, list[int]] = {}
    for did, f in fam.items():
        if f.source == "O*NET commodity class":
            groups.setdefault(f.id, []).append(onet.descriptor_index[did])
    assert groups
    worst = 1.0
    for cols in groups.values():
        unit = sums[cols] / np.linalg.norm(sums[cols], axis=1, keepdims=True)
        worst = min(worst, float((unit @ unit.T).min()))
    assert worst >= SAME_WORK_FROM - 1e-9
