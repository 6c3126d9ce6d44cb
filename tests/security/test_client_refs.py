"""Client references: ``#ID`` or a full name; a part or a shared name is an error listing who."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from careerpivot.cli import app
from careerpivot.store import AmbiguousClientError, ClientNotFoundError, Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'refs.db'}"
    monkeypatch.setenv("CAREERPIVOT_DB_URL", url)
    monkeypatch.delenv("CAREERPIVOT_PASSCODE", raising=False)
    return url


def cli(*args: str):
    return runner.invoke(app, list(args))


def notes_of(db: str) -> dict[str, list[str]]:
    with Store.open(db) as store:
        return {
            c.name: [s.notes for s in store.load_client(c.id).sessions]
            for c in store.list_clients(include_archived=True)
        }


def test_a_client_named_with_digits_is_not_taken_for_an_id(db: str):
    cli("client", "add", "Someone Else")  # id 1
    cli("client", "add", "1")  # id 2, named "1"
    assert cli("client", "note", "1", "for the client named 1").exit_code == 0
    assert notes_of(db) == {"Someone Else": [], "1": ["for the client named 1"]}
    assert cli("client", "note", "#1", "for id 1").exit_code == 0
    assert notes_of(db)["Someone Else"] == ["for id 1"]


def test_digits_without_such_a_name_say_how_to_give_an_id(db: str):
    cli("client", "add", "Ana Díaz")
    res = cli("client", "note", "1", "x")
    assert res.exit_code == 2 and "write #1" in res.output
    assert notes_of(db) == {"Ana Díaz": []}


def test_a_part_of_a_name_never_erases(db: str):
    cli("client", "add", "Maria Lopez")
    res = cli("client", "delete", "Mari", "--yes")
    assert res.exit_code == 2 and "#1 Maria Lopez" in res.output
    assert list(notes_of(db)) == ["Maria Lopez"]


def test_erasure_needs_the_exact_name_or_id(db: str):
    cli("client", "add", "Maria Lopez")
    res = cli("client", "delete", "maria lopez", "--yes")  # fine for notes, not for erasure
    assert res.exit_code == 2 and "exact name" in res.output
    assert cli("client", "note", "maria lopez", "ok").exit_code == 0
    assert cli("client", "delete", "Maria Lopez", "--yes").exit_code == 0
    assert notes_of(db) == {}


def test_shared_names_list_every_candidate(db: str):
    for _ in range(2):
        cli("client", "add", "Ann Lee")
    res = cli("client", "note", "Ann Lee", "x")
    assert res.exit_code == 2 and "#1 Ann Lee, #2 Ann Lee" in res.output
    assert notes_of(db) == {"Ann Lee": []}


@pytest.mark.parametrize("ref", ["#", "#x", "#-1", "#1.5", "#99999999999999999999999", "#１"])
def test_malformed_ids_are_clean_errors(db: str, ref: str):
    cli("client", "add", "Ana")
    with Store.open(db) as store, pytest.raises(ClientNotFoundError):
        store.resolve_client(ref)
    res = cli("client", "note", ref, "x")
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_store_api(db: str):
    with Store.open(db) as store:
        ana = store.create_client("Ana Díaz")
        assert store.resolve_client(f"#{ana.id}") == ana
        assert store.resolve_client("ANA DIAZ") == ana
        with pytest.raises(AmbiguousClientError, match="exact name"):
            store.resolve_client("ANA DIAZ", exact=True)
        assert store.resolve_client("Ana Díaz", exact=True) == ana
    listed = json.loads(cli("client", "list", "--json").stdout)
    assert listed[0]["name"] == "Ana Díaz"
