"""Tools to check are ranked by how relevant they are to the target role, and only those
typical of roles like it are named on cards and in short lists.

O*NET's technology lists come from job postings: a software tester's list carries
AutoCAD, MicroStation and Epic Systems, which a person moving into testing does not
need. The gap model orders the tools to check typical-of-the-role first (the rated
roles that list them are like the target), then by relevance; a tool most roles list
(Microsoft Office) or one mostly used by other kinds of roles is counted, not named.
"""

from __future__ import annotations

import pytest

from careerpivot.datasets.onet import read_release
from careerpivot.estimation import estimate_unrated
from careerpivot.gaps import person_gap, role_gap
from careerpivot.model import Descriptor, Occupation, Requirement, build_dataset
from careerpivot.profile import Profile, profile_from_role
from careerpivot.testing import SYNTHETIC
from careerpivot.tool_families import COMMON, OTHER, TYPICAL
from careerpivot.ui import tables

SKILLS = [
    Descriptor("2.B.3.e", "Programming", "skill"),
    Descriptor("2.C.3.b", "Engineering and Technology", "knowledge"),
    Descriptor("2.A.1.a", "Reading Comprehension", "skill"),
]
TOOLS = [
    Descriptor("tech:autocad", "AutoCAD", "technology"),  # sorts first by name
    Descriptor("tech:office", "Office", "technology"),
    Descriptor("tech:selenium", "Selenium", "technology"),
]
#: code -> (programming, engineering, reading) levels and the tools listed (importance).
ROLES = {
    "15-1253.00": ((5.0, 2.0, 4.0), {"autocad": 3.0, "office": 3.0, "selenium": 3.0}),
    "15-1252.00": ((5.5, 2.2, 4.0), {"selenium": 3.0, "office": 3.0}),
    "15-1251.00": ((5.2, 1.8, 3.8), {"selenium": 2.0, "office": 2.0}),
    "15-1254.00": ((4.8, 2.0, 4.2), {"office": 2.0}),
    "17-2051.00": ((1.0, 5.5, 4.0), {"autocad": 3.0, "office": 2.0}),
    "17-3011.00": ((0.8, 5.0, 3.0), {"autocad": 3.0, "office": 2.0}),
    "17-2141.00": ((1.5, 6.0, 4.2), {"autocad": 2.0, "office": 2.0}),
    "43-9061.00": ((0.5, 0.5, 3.0), {"office": 2.0}),
    "43-4051.00": ((0.3, 0.3, 3.5), {"office": 2.0}),
    "11-1021.00": ((1.5, 2.0, 4.5), {"office": 2.0}),
}


def toolbox():
    occs = [Occupation(code, f"Role {code}", job_zone=4) for code in ROLES]
    reqs = []
    for code, (levels, tools) in ROLES.items():
        reqs += [Requirement(code, d.id, 4.0, lv) for d, lv in zip(SKILLS, levels, strict=True)]
        reqs += [Requirement(code, f"tech:{t}", imp, 3.0) for t, imp in tools.items()]
    return build_dataset("toolbox", SYNTHETIC, SKILLS + TOOLS, occs, reqs)


def test_the_tool_typical_of_roles_like_the_target_comes_first_and_alone_is_named():
    ds = toolbox()
    me = Profile(ratings={"2.B.3.e": 5.0, "2.C.3.b": 2.0, "2.A.1.a": 4.0})  # no tools said
    report = person_gap(ds, me, "15-1253.00")
    # Office says little (about 0), AutoCAD belongs to roles unlike this one (below 0)
    assert [r.name for r in report.tools_to_check] == ["Selenium", "Office", "AutoCAD"]
    assert report.tool_words == {
        "tech:selenium": TYPICAL,  # the other software roles list it
        "tech:autocad": OTHER,  # the drafting and engineering roles list it
        "tech:office": COMMON,  # every role lists it
    }
    assert [r.name for r in report.tools_named] == ["Selenium"]
    assert report.tools_text() == "Selenium; 2 more not typical of roles like it"
    line = tables.card_missing(report)[-1]
    assert line == "Tools to check: Selenium; 2 more not typical of roles like it"
    assert "AutoCAD" not in line
    frame = tables.tools_frame(report)  # Compare lists every one, with the words
    assert list(frame["Tool"]) == ["Selenium", "Office", "AutoCAD"]
    assert list(frame["For this role"]) == [TYPICAL, COMMON, OTHER]
    # counted, never dropped: the summary still counts all three
    assert "(3 to check)" in report.summary


def test_an_engineer_moving_into_drafting_sees_autocad_named():
    ds = toolbox()
    report = role_gap(ds, "17-2141.00", "17-3011.00")  # lists AutoCAD itself
    assert not report.tools_to_check  # known from the source role
    me = Profile(ratings={"2.B.3.e": 1.0, "2.C.3.b": 5.0, "2.A.1.a": 3.0})
    report = person_gap(ds, me, "17-3011.00")
    assert report.tool_words["tech:autocad"] == TYPICAL
    assert report.tools_text().startswith("AutoCAD")


@pytest.mark.realdata
def test_onet_software_tester_is_not_told_to_check_autocad_or_epic(onet_dir):
    ds, _ = read_release(onet_dir)
    ds, _ = estimate_unrated(ds)
    developer = profile_from_role(ds, "15-1252.00")  # Software Developers (estimated)
    report = person_gap(ds, developer, "15-1253.00")  # QA Analysts and Testers
    odd = {"Autodesk AutoCAD", "Bentley MicroStation", "Epic Systems"}
    assert odd <= {r.name for r in report.tools_to_check}  # O*NET lists them
    assert not odd & {r.name for r in report.tools_named}
    assert not any(name in tables.card_missing(report)[-1] for name in odd)
    # A nurse's Epic Systems is typical of roles like the nurse's; Office is common.
    clerk = profile_from_role(ds, "43-4171.00")  # Receptionists
    nurse = person_gap(ds, clerk, "29-1141.00")
    assert nurse.tool_words.get("tech:epic-systems") == TYPICAL
    assert nurse.tool_words.get("tech:microsoft-office-software", COMMON) == COMMON
