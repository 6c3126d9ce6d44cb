"""Counselor endpoints: absent by default; with them on, a bearer token issued for the
passcode is needed, and a wrong passcode or token is refused with a problem document."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from careerpivot.api.app import Settings, create_app
from careerpivot.api.attempts import TokenAttempts
from careerpivot.api.tokens import check_token, issue_token
from careerpivot.store import Store


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cp.db'}"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _client(db: str, clock: Clock | None = None) -> TestClient:
    app = create_app(Settings(counselor=True, db_url=db))
    if clock is not None:
        app.state.token_attempts = TokenAttempts(clock=clock)
    return TestClient(app, raise_server_exceptions=False)


def test_counselor_endpoints_are_off_by_default(client):
    assert client.get("/v1/counselor/clients").status_code == 404
    assert client.post("/v1/counselor/token", json={"passcode": "x"}).status_code == 404


def test_token_for_the_passcode_opens_the_client_list(db):
    with Store.open(db) as store:
        store.set_passcode("correct horse")
        store.create_client("Ada Lovelace")
    clock = Clock()
    with _client(db, clock) as c:
        refused = c.get("/v1/counselor/clients")
        assert refused.status_code == 401 and refused.json()["detail"]
        assert refused.headers["www-authenticate"] == "Bearer"
        assert c.post("/v1/counselor/token", json={"passcode": "wrong"}).status_code == 401
        clock.now += 1
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


def _token(c: TestClient, passcode: str, address: str = "192.0.2.1"):
    c._transport.client = (address, 50000)  # type: ignore[attr-defined]  # the peer address
    return c.post("/v1/counselor/token", json={"passcode": passcode})


def test_wrong_passcodes_meet_a_growing_wait_with_retry_after(db):
    """Guessing is slowed: each wrong passcode doubles the wait, attempts during it are 429
    with Retry-After and are not checked (not even the right passcode), and other
    addresses are not held up; the right passcode after the wait works and resets it."""
    with Store.open(db) as store:
        store.set_passcode("correct horse")
    clock = Clock()
    with _client(db, clock) as c:
        waits = []
        for n in range(4):
            wrong = _token(c, f"guess {n}")
            assert wrong.status_code == 401 and "wrong passcode" in wrong.json()["detail"]
            waits.append(int(wrong.headers["retry-after"]))
            too_soon = _token(c, "correct horse")
            assert too_soon.status_code == 429, too_soon.text
            body = too_soon.json()
            assert body["title"] == "Too many attempts" and "wait" in body["detail"]
            assert int(too_soon.headers["retry-after"]) == waits[-1]
            assert _token(c, "correct horse", "198.51.100.9").status_code == 200
            clock.now += waits[-1]
        assert waits == [1, 2, 4, 8]
        assert _token(c, "correct horse").status_code == 200
        assert int(_token(c, "wrong again").headers["retry-after"]) == 1  # reset


def test_many_addresses_together_meet_the_shared_wait(db):
    """Spreading guesses over addresses (or filling the bounded table of addresses) does
    not escape the limit: after 20 wrong passcodes in a row every address waits."""
    with Store.open(db) as store:
        store.set_passcode("correct horse")
    clock = Clock()
    with _client(db, clock) as c:
        codes = [_token(c, "guess", f"203.0.113.{n}").status_code for n in range(21)]
        assert codes == [401] * 21
        assert _token(c, "correct horse", "198.51.100.9").status_code == 429
        clock.now += 1
        assert _token(c, "correct horse", "198.51.100.9").status_code == 200


def test_ipv6_addresses_count_by_their_64_network():
    gate = TokenAttempts(clock=lambda: 0.0)
    assert not gate.attempt("2001:db8::1", lambda code: False, "x").ok
    assert not gate.attempt("2001:db8::ffff", lambda code: True, "right").checked
    assert gate.attempt("2001:db8:0:1::1", lambda code: True, "right").ok


def test_the_table_of_addresses_stays_bounded():
    gate = TokenAttempts(max_addresses=10, shared_free=10_000, clock=lambda: 0.0)
    for n in range(1000):
        gate.attempt(f"10.0.{n // 256}.{n % 256}", lambda code: False, "x")
    assert len(gate._gates) == 10


@pytest.mark.parametrize(
    "token", ["1.\u00e9", "\u00ff.\u00fe", "9" * 5000 + ".x", "1." + "a" * 9000]
)
def test_odd_bearer_tokens_are_401_not_errors(db, token: str):
    """A token with non-ASCII or very long parts is refused like any bad token (it was a
    500: ``hmac.compare_digest`` refuses non-ASCII text)."""
    with Store.open(db) as store:
        store.set_passcode("correct horse")
    with _client(db) as c:
        got = c.get(
            "/v1/counselor/clients", headers={"Authorization": f"Bearer {token}".encode("latin-1")}
        )
        assert got.status_code == 401, got.text
        assert not check_token(token, "k")
