"""What an integrator's careless or hostile requests get: a problem document that names the
problem and says what to send instead, never a traceback, a 500 or an echo as HTML."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from careerpivot.api.app import Settings, create_app
from careerpivot.api.limits import MAX_BODY_BYTES
from tests.api.test_endpoints import _problem


@pytest.fixture(scope="module")
def small() -> Iterator[TestClient]:
    """An app with a 64 KiB body cap, so the tests need not send megabytes."""
    app = create_app(Settings(max_body_bytes=64 * 1024))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_default_cap_is_a_few_mib():
    assert 1024 * 1024 <= Settings().max_body_bytes == MAX_BODY_BYTES <= 16 * 1024 * 1024


def test_declared_oversized_body_is_413_before_parsing(small):
    body = b'{"texts": ["' + b"x" * (70 * 1024) + b'"]}'
    p = _problem(
        small.post(
            "/v1/feedback/classify", content=body, headers={"Content-Type": "application/json"}
        ),
        413,
    )
    assert "65536 bytes" in p["detail"] and "smaller" in p["detail"]


def test_chunked_oversized_body_is_413(small):
    def chunks() -> Iterator[bytes]:
        yield b'{"texts": ["'
        for _ in range(20):
            yield b"y" * 8192
        yield b'"]}'

    resp = small.post(
        "/v1/feedback/classify", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in {k.lower() for k in resp.request.headers}
    _problem(resp, 413)


def test_body_under_the_cap_is_answered(small):
    resp = small.post("/v1/feedback/classify", json={"texts": ["x" * 4000] * 10})
    assert resp.status_code == 200


def test_wrong_content_type_says_to_send_json(client):
    resp = client.post(
        "/v1/recommend", content=b'{"role": "nurse"}', headers={"Content-Type": "text/plain"}
    )
    p = _problem(resp, 422)
    assert "Content-Type: application/json" in p["detail"] and "text/plain" in p["detail"]


def test_invalid_json_names_where_and_why(client):
    resp = client.post(
        "/v1/recommend", content=b'{"role": "nurse"', headers={"Content-Type": "application/json"}
    )
    p = _problem(resp, 422)
    assert "not valid JSON at character 16" in p["detail"]


def test_missing_body_says_to_send_one(client):
    resp = client.post("/v1/recommend", headers={"Content-Type": "application/json"})
    assert "no body" in _problem(resp, 422)["detail"]


def test_deeply_nested_json_is_a_400_problem(client):
    body = b'{"role": "nurse", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    resp = client.post("/v1/recommend", content=body, headers={"Content-Type": "application/json"})
    assert "nested too deeply" in _problem(resp, 400)["detail"]


@pytest.mark.parametrize("number", ["Infinity", "-Infinity", "NaN", "1e400"])
def test_non_finite_wage_floor_is_422(client, number):
    body = b'{"role": "nurse", "filters": {"min_wage": ' + number.encode() + b"}}"
    resp = client.post("/v1/recommend", content=body, headers={"Content-Type": "application/json"})
    assert "finite" in _problem(resp, 422)["detail"]


def test_markup_in_a_title_is_never_answered_as_html(client):
    resp = client.post("/v1/recommend", json={"role": "<script>alert(1)</script>"})
    _problem(resp, 404)
    assert "html" not in resp.headers["content-type"]


@pytest.mark.parametrize("schema", ["PivotOut", "RankChangeOut", "GapTotals"])
def test_every_number_in_an_answer_says_what_it_measures(client, schema):
    props = client.get("/openapi.json").json()["components"]["schemas"][schema]["properties"]

    def numeric(p: dict) -> bool:
        kinds = [p.get("type")] + [a.get("type") for a in p.get("anyOf", [])]
        return "number" in kinds or "integer" in kinds

    bare = [f for f, p in props.items() if numeric(p) and f != "rank" and not p.get("description")]
    assert bare == []


def test_unknown_profile_role_points_to_the_api_search_not_the_cli(client):
    body = {"profile": {"ratings": {"2.A.1.a": 3}, "current_role": "99-9999.99"}}
    detail = _problem(client.post("/v1/recommend", json=body), 404)["detail"]
    assert "GET /v1/roles/search?q=TITLE" in detail and "careerpivot roles" not in detail


def test_validator_messages_read_as_sentences(client):
    body = {"role": "cook", "filters": {"families": ["zz"]}}
    detail = _problem(client.post("/v1/recommend", json=body), 422)["detail"]
    assert "unknown role family 'zz'" in detail and "Value error" not in detail


def _log(n: int, feedback: str) -> dict[str, object]:
    records = [
        {
            "id": f"a{i}",
            "role_title": "Data Analyst",
            "organisation": f"Org {i}",
            "date": "2024-03-01",
            "channel": "posting",
            "stage_reached": "interviewed",
            "outcome": "rejected",
            "feedback": feedback,
        }
        for i in range(n)
    ]
    return {"role": "registered nurse", "log": {"schema_version": 1, "records": records}}


@pytest.mark.parametrize(
    ("n", "feedback", "words"),
    [(501, "", "501 applications"), (120, "Your SQL was weak. " * 250, "characters")],
)
def test_a_log_too_big_to_analyse_quickly_is_422(client, n: int, feedback: str, words: str):
    """A body under 4 MiB could hold 800 applications of long feedback: about a tenth of a
    second of a worker per 1000 characters, minutes in all. It is refused at once."""
    got = client.post("/v1/rejections/analyse", json=_log(n, feedback))
    assert got.status_code == 422, got.status_code
    assert words in got.json()["detail"] and "at most" in got.json()["detail"]


def test_a_long_real_log_is_still_analysed(client):
    got = client.post("/v1/rejections/analyse", json=_log(40, "Your SQL was weak."))
    assert got.status_code == 200 and len(got.json()["analyses"]) == 40
