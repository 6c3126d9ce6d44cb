"""Every endpoint answers with the engine's numbers, the data set's provenance and, on bad
input, a JSON problem document (400, 404, 422) instead of a traceback."""

from __future__ import annotations

import pytest

from careerpivot.engine import Engine
from careerpivot.presentation import ONET_ATTRIBUTION

LOG = {
    "records": [
        {
            "id": f"a{i}",
            "role_title": "Data Scientist",
            "occupation_code": "15-2051.00",
            "organisation": f"Org {i}",
            "date": f"2024-03-0{i}",
            "channel": "posting",
            "stage_reached": "interviewed",
            "outcome": "rejected",
            "feedback": "We need much stronger machine learning and statistics skills.",
        }
        for i in range(1, 5)
    ]
}


@pytest.fixture(scope="module")
def eng() -> Engine:
    return Engine.load()


def _provenance(body: dict) -> None:
    ds = body["dataset"]
    assert ds["name"] == "starter" and ds["version"] and ds["licence"]
    assert ds["estimates"] is True and "estimates" in ds["notice"]


def _problem(resp, status: int) -> dict:
    assert resp.status_code == status, resp.text[:300]
    assert resp.headers["content-type"].startswith("application/problem+json")
    body = resp.json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert "Traceback" not in resp.text
    return body


def test_health(client):
    assert client.get("/health").json() == {"status": "ok", "datasets": ["starter"]}


def test_openapi_and_docs(client):
    doc = client.get("/openapi.json").json()
    for path in (
        "/health",
        "/v1/datasets",
        "/v1/roles/search",
        "/v1/roles/{code}",
        "/v1/recommend",
        "/v1/gap",
        "/v1/plan",
        "/v1/what-if",
        "/v1/feedback/classify",
        "/v1/rejections/analyse",
    ):
        assert path in doc["paths"], path
    assert "/v1/counselor/token" not in doc["paths"]  # off by default
    assert client.get("/docs").status_code == 200


def test_datasets(client, eng):
    (only,) = client.get("/v1/datasets").json()["datasets"]
    assert only["default"] and only["roles"] == len(eng.dataset.occupations)
    assert only["source"]["name"] == "starter"


def test_search_matches_the_engine(client, eng):
    body = client.get("/v1/roles/search", params={"q": "regsitered nurse", "limit": 3}).json()
    _provenance(body)
    assert [m["code"] for m in body["matches"]] == [
        h.code for h in eng.search("regsitered nurse", 3)
    ]
    assert body["matches"][0]["code"] == "29-1141.00"


def test_role(client):
    body = client.get("/v1/roles/29-1141.00").json()
    _provenance(body)
    assert body["role"]["title"] == "Registered Nurses" and body["role"]["major_group"]
    imps = [r["importance"] for r in body["requirements"]]
    assert imps == sorted(imps, reverse=True) and imps


def test_recommend_by_title_matches_the_engine(client, eng):
    body = client.post("/v1/recommend", json={"role": "software developer", "k": 5}).json()
    _provenance(body)
    want = eng.recommend(eng.profile_for("15-1252.00"), 5)
    assert [p["code"] for p in body["pivots"]] == [p.code for p in want]
    assert [p["score"] for p in body["pivots"]] == pytest.approx([p.score for p in want])
    assert body["start"]["code"] == "15-1252.00"
    assert body["pivots"][0]["strengths"] and "gaps" in body["pivots"][0]


def test_recommend_summarises_each_pivot_and_gives_the_full_gap_on_request(client):
    ask = {"role": "15-1252.00", "k": 3}
    summary = client.post("/v1/recommend", json=ask)
    full = client.post("/v1/recommend", json={**ask, "detail": "full"})
    assert summary.json()["detail"] == "summary" and full.json()["detail"] == "full"
    assert len(summary.content) * 3 < len(full.content)
    for short, long in zip(summary.json()["pivots"], full.json()["pivots"], strict=True):
        assert short["rows"] is None and short["totals"]["summary"]
        one = client.post("/v1/gap", json={"role": "15-1252.00", "target": short["code"]}).json()
        assert long["rows"] == one["rows"] and len(one["rows"]) > 3 * len(short["gaps"])
        # the summary's top gaps are the full model's first rows to close, same numbers
        top = [(g["id"], g["status"], g["priority"], g["hours"]) for g in short["gaps"]]
        rows = [(g["id"], g["status"], g["priority"], g["hours"]) for g in one["gaps"]]
        assert top == rows[: len(top)] and all(g["status"] for g in short["gaps"])
        assert short["totals"]["to_close"] == len(one["gaps"])
        assert short["totals"]["total_hours"] == pytest.approx(one["total_hours"])
        assert short["totals"]["summary"] == one["summary"]


def test_recommend_with_a_profile_and_filters(client, eng):
    profile = eng.profile_for("15-2051.00").model_dump(mode="json")
    body = client.post(
        "/v1/recommend",
        json={
            "profile": profile,
            "k": 8,
            "filters": {"min_wage": 80000, "families": ["15"], "max_job_zone_step": 1},
        },
    ).json()
    assert body["pivots"], body
    for p in body["pivots"]:
        assert p["median_wage"] >= 80000 and p["code"].startswith("15-")


def test_recommend_notes_which_title_matched(client):
    body = client.post("/v1/recommend", json={"role": "sofware developr", "k": 1}).json()
    assert body["start"]["code"] == "15-1252.00"
    assert any("Matched" in n for n in body["notes"])


def test_gap_person_and_role(client, eng):
    body = client.post("/v1/gap", json={"role": "15-2041.00", "target": "15-2051.00"}).json()
    _provenance(body)
    report = eng.role_gap("15-2041.00", "15-2051.00")
    assert body["target"] == "15-2051.00" and body["summary"] == report.summary
    assert [g["id"] for g in body["gaps"]] == [r.id for r in report.to_close]
    prof = eng.profile_for("15-2041.00").model_dump(mode="json")
    mine = client.post("/v1/gap", json={"profile": prof, "target": "data scientist"}).json()
    assert mine["source"] == "you" and mine["total_hours"] >= 0


def test_plan_steps_and_routes(client, eng):
    body = client.post(
        "/v1/plan", json={"role": "15-1252.00", "target": "15-2051.00", "routes": 2}
    ).json()
    _provenance(body)
    plan = eng.plan(eng.profile_for("15-1252.00"), "15-2051.00")
    assert body["plan"]["total_hours"] == pytest.approx(plan.total_hours)
    assert [s["id"] for s in body["plan"]["steps"]] == [s.id for s in plan.steps]
    assert len(body["routes"]) <= 2
    for r in body["routes"]:
        assert r["codes"][-1] == "15-2051.00" and r["total_hours"] >= 0


def test_what_if(client, eng):
    body = client.post(
        "/v1/what-if", json={"role": "15-2041.00", "descriptor": "2.B.3.e", "levels": 2}
    ).json()
    _provenance(body)
    want = eng.what_if(eng.profile_for("15-2041.00"), "2.B.3.e", levels=2)
    assert [c["code"] for c in body["changes"]] == [c.code for c in want]
    assert all(c["gain"] == c["old_rank"] - c["new_rank"] for c in body["changes"])


def test_feedback_classify(client):
    body = client.post(
        "/v1/feedback/classify",
        json={"texts": ["Your SQL skills were not strong enough.", "Thanks for applying."]},
    ).json()
    first, second = body["results"]
    assert first["category"] == "skill_gap" and first["top_terms"]
    assert second["category"] == "generic"


def test_rejections_analyse(client):
    body = client.post("/v1/rejections/analyse", json={"role": "15-2041.00", "log": LOG}).json()
    _provenance(body)
    assert len(body["analyses"]) == 4 and body["patterns"]
    assert body["plan"]["actions"] and "triggers" in body["redirect"]


# ----- errors --------------------------------------------------------------------------------
def test_unknown_role_code_is_404(client):
    assert "99-9999.00" in _problem(client.get("/v1/roles/99-9999.00"), 404)["detail"]
    _problem(client.get("/v1/roles/not-a-code"), 404)


def test_unknown_title_descriptor_and_dataset_are_404(client):
    _problem(client.post("/v1/recommend", json={"role": "zzzzqqqq xxyy"}), 404)
    _problem(client.post("/v1/what-if", json={"role": "15-1252.00", "descriptor": "9.Z"}), 404)
    body = _problem(client.get("/v1/roles/search", params={"q": "a", "dataset": "../etc"}), 404)
    assert "not served" in body["detail"]


def test_request_the_engine_cannot_use_is_400(client, eng):
    body = _problem(client.post("/v1/recommend", json={"profile": {"name": "empty"}}), 400)
    assert "profile is empty" in body["detail"]
    body = _problem(
        client.post("/v1/recommend", json={"role": "15-1252.00", "filters": {"families": ["zzz"]}}),
        422,
    )
    assert "role family 'zzz'" in body["detail"]
    assert body["errors"][0]["field"] == "body.filters.families"
    prof = {"ratings": {"no.such.descriptor": 3}}
    _problem(client.post("/v1/recommend", json={"profile": prof}), 404)  # unknown descriptor


def test_bad_bodies_are_422_naming_the_field(client):
    body = _problem(client.post("/v1/recommend", json={"role": "x", "k": 0}), 422)
    assert any(e["field"] == "body.k" for e in body["errors"])
    _problem(client.post("/v1/recommend", json={}), 422)  # neither role nor profile
    _problem(client.post("/v1/recommend", json={"role": "x", "extra": 1}), 422)
    _problem(
        client.post(
            "/v1/recommend", content=b"{not json", headers={"content-type": "application/json"}
        ),
        422,
    )
    _problem(client.post("/v1/feedback/classify", json={"texts": []}), 422)
    _problem(client.get("/v1/roles/search"), 422)  # q missing
    bad_log = {"records": [{**LOG["records"][0], "channel": "fax"}]}
    _problem(client.post("/v1/rejections/analyse", json={"role": "x", "log": bad_log}), 422)


def test_unknown_path_and_method_are_problems(client):
    _problem(client.get("/v1/nothing-here"), 404)
    _problem(client.get("/v1/recommend"), 405)


def test_onet_data_carries_the_attribution(tiny_onet_dataset_answer=None):
    from careerpivot.schemas import DataSource
    from careerpivot.testing import tiny_dataset

    ds = tiny_dataset()
    onet = type(ds.provenance)(source="O*NET 29.2 Database", version="29.2", licence="CC BY 4.0")
    from dataclasses import replace

    info = DataSource.of(replace(ds, provenance=onet))
    assert info.attribution == ONET_ATTRIBUTION and ONET_ATTRIBUTION in info.notice
