"""Files saved before the one ``Filters`` type (constraints held only a job-zone step and a
wage floor) still load: the download file, the client file and profiles in the store."""

from __future__ import annotations

import json

from careerpivot.filters import Filters
from careerpivot.store import Store, dump_client_file, parse_client_file, parse_workspace
from tests.store.helpers import profile

OLD_CONSTRAINTS = {"max_job_zone_step": 2, "min_wage": 45000.0}
OLD_WORKSPACE = {
    "format": "careerpivot-workspace",
    "schema_version": 1,
    "saved": "2026-11-02T09:30:00Z",
    "dataset": "starter",
    "profile": {
        "schema_version": 1,
        "name": "Ana",
        "ratings": {"2.B.3.e": 4.0, "2.A.1.e": 3.5},
        "interests": None,
        "work_values": None,
        "current_role": "15-1252.00",
        "job_zone": None,
        "constraints": OLD_CONSTRAINTS,
        "seeded_from": "15-1252.00",
    },
    "answers": {},
    "shortlist": ["15-2051.00"],
    "dismissed": ["15-1251.00"],
    "target": "15-2051.00",
    "rejections": [],
}


def test_a_workspace_file_with_the_old_constraints_shape_loads():
    data = parse_workspace(json.dumps(OLD_WORKSPACE), source="old.json")
    assert data.profile is not None
    assert data.profile.constraints == Filters(max_job_zone_step=2, min_wage=45_000)
    assert data.profile.constraints.families == () and data.profile.constraints.exclude == ()
    assert data.shortlist == ["15-2051.00"]


def test_a_client_file_with_the_old_constraints_shape_loads(store: Store):
    c = store.create_client("Ana Díaz")
    store.save_profile(c.id, profile(3.0))
    raw = json.loads(dump_client_file(store.export_client(c.id)))
    assert raw["profiles"], "the export holds the saved profile"
    for p in raw["profiles"]:
        p["profile"]["constraints"] = dict(OLD_CONSTRAINTS)
    data = parse_client_file(json.dumps(raw), source="old-client.json")
    assert [p.profile.constraints for p in data.profiles] == [
        Filters(max_job_zone_step=2, min_wage=45_000)
    ]
    again = store.import_client(data)
    assert store.profile_history(again.id)[-1].profile.constraints.min_wage == 45_000
