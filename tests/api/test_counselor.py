"""Counselor endpoints: absent by default; with them on, a bearer token issued for the
passcode is needed, and a wrong passcode or token is refused with a problem document."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from careerpivot.api.app import Settings, create_app
from careerpivot.api.tokens import check_token, issue_token
from careerpivot.store import Store


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cp.db'}"


def _client(db: str) -> TestClient:
    return TestClient(create_app(Settings(counselor=True, db_url=db)))


def test_counselor_endpoints_are_off_by_default(client):
    assert client.get("/v1/counselor/clients").status_code == 404
    assert client.post("/v1/counselor/token", json={"passcode": "x"}).status_code == 404


def test_token_for_the_passcode_opens_the_client_list(db):
    with Store.open(db) as store:
        store.set_passcode("correct horse")
        store.create_client("Ada Lovelace")
    with _client(db) as c:
        refused = c.get("/v1/counselor/clients")
        assert refused.status_code == 401 and refused.json()["detail"]
        assert refused.headers["www-authenticate"] == "Bearer"
        assert c.post("/v1/counselor/token", json={"passcode": "wrong"}).status_code == 401
        token = c.post("/v1/counselor/token", json={"passcode": "correct horse"}).json()
        assert token["token_type"] == "bearer" and token["expires_in"] > 0
        auth = {"Authorization": f"Bearer {token['access_token']}"}
        names = [x["name"] for x in c.get("/v1/counselor/clients", headers=auth).json()["clients"]]
        assert names == ["Ada Lovelace"]
        forged = {"Authorization": "Bearer 9999999999.AAAA"}
        assert c.get("/v1/counselor/clients", headers=forged).status_code == 401


def test_a_new_passcode_revokes_old_tokens(db):
    with Store.open(db) as store:
        store.set_passcode("first passcode")
    with _client(db) as c:
        tok = c.post("/v1/counselor/token", json={"passcode": "first passcode"}).json()[
            "access_token"
        ]
        with Store.open(db) as store:
            store.set_passcode("second passcode")
        got = c.get("/v1/counselor/clients", headers={"Authorization": f"Bearer {tok}"})
        assert got.status_code == 401


def test_without_a_passcode_the_counselor_endpoints_say_how_to_set_one(db):
    with _client(db) as c:
        body = c.post("/v1/counselor/token", json={"passcode": "x"}).json()
        assert body["status"] == 403 and "careerpivot client passcode" in body["detail"]


def test_tokens_expire_and_are_bound_to_their_key():
    tok = issue_token("k", now=1000, seconds=60)
    assert check_token(tok, "k", now=1059)
    assert not check_token(tok, "k", now=1061)
    assert not check_token(tok, "other", now=1000)
    assert not check_token("garbage", "k") and not check_token("123.", "k")
