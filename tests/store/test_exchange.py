"""A client as one JSON file: export and import round trip; bad files change nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpivot.store import (
    ClientFileError,
    Store,
    StoreError,
    dump_client_file,
    parse_client_file,
    read_client_file,
    write_client_file,
)
from careerpivot.store import codec as codec_module
from tests.store.helpers import plan, profile

D = dt.date(2025, 3, 4)


def full_client(store: Store) -> int:
    c = store.create_client("Ana Díaz", contact="ana@example.org")
    with store.batch() as w:
        w.save_profile(c.id, profile(3.0))
        w.save_profile(c.id, profile(4.0), dataset="onet-29.2")
        w.add_session(c.id, D, "First session.\nTalked about <data> roles & *stats*.")
        w.add_session(c.id, D + dt.timedelta(days=14), "Second — notes in Ελληνικά too.")
        w.mark_role(c.id, "15-2051.00", "shortlisted", "likes statistics")
        w.mark_role(c.id, "15-1251.00", "dismissed")
        w.save_plan(c.id, plan())
        w.add_rejection(c.id, {"company": "Acme", "stage": "interview"}, schema_version=1)
    store.set_archived(c.id)
    return c.id


def without_identity(data) -> dict:
    return data.model_dump(mode="json", exclude={"exported"})


def test_export_import_round_trip_keeps_everything(store: Store, tmp_path):
    cid = full_client(store)
    exported = store.export_client(cid)
    path = tmp_path / "ana.json"
    write_client_file(exported, path)
    raw = json.loads(path.read_text("utf-8"))
    assert raw["format"] == "careerpivot-client" and raw["schema_version"] == 1
    assert len(raw["profiles"]) == 2 and len(raw["sessions"]) == 2

    with Store.open(f"sqlite:///{tmp_path / 'other.db'}") as other:
        imported = other.import_client(read_client_file(path))
        assert imported.name == "Ana Díaz" and imported.archived
        again = other.export_client(imported.id)
    assert without_identity(again) == without_identity(exported)
    history = [v.profile for v in store.profile_history(cid)]
    assert history == [profile(3.0), profile(4.0)]
    # the data set each profile was made on travels with it (unknown for the first)
    assert [p["dataset"] for p in raw["profiles"]] == [None, "onet-29.2"]
    assert [v.dataset for v in store.profile_history(cid)] == [None, "onet-29.2"]


def test_import_into_the_same_store_adds_a_new_client(store: Store):
    cid = full_client(store)
    copy = store.import_client(store.export_client(cid))
    assert copy.id != cid
    assert len(store.load_client(copy.id).sessions) == 2


def _export(store: Store) -> dict:
    return json.loads(dump_client_file(store.export_client(full_client(store))))


BAD_FILES = [
    (lambda d: "not json {", "not valid JSON"),
    (lambda d: [d], "a client file is a JSON object"),
    (lambda d: {**d, "format": "something-else"}, "field format"),
    (lambda d: {**d, "schema_version": 2}, "schema version 2 is not supported"),
    (lambda d: {**d, "client": {**d["client"], "name": ""}}, "field client.name"),
    (lambda d: {**d, "surprise": 1}, "field surprise"),
    (
        lambda d: {**d, "profiles": [{**d["profiles"][0], "profile": {"ratings": {"x": 9}}}]},
        "field profiles.0.profile.ratings.x",
    ),
    (
        lambda d: {**d, "roles": [{**d["roles"][0], "role_code": "nurse"}]},
        "field roles.0.role_code",
    ),
    (lambda d: {**d, "roles": [d["roles"][0], d["roles"][0]]}, "listed more than once"),
    (
        lambda d: {**d, "sessions": [{**d["sessions"][0], "created": "2025-03-04T10:00:00"}]},
        "field sessions.0.created",
    ),
    (
        lambda d: {**d, "sessions": [{**d["sessions"][0], "notes": "x" * 100_001}]},
        "field sessions.0.notes",
    ),
    (
        lambda d: {**d, "plans": [{**d["plans"][0], "plan": {"target_code": "15-2051.00"}}]},
        "field plans.0.plan.target_title",
    ),
    (
        lambda d: {**d, "rejections": [{**d["rejections"][0], "schema_version": 0}]},
        "field rejections.0.schema_version",
    ),
]


@pytest.mark.parametrize(("corrupt", "words"), BAD_FILES)
def test_a_bad_file_is_refused_naming_the_field_and_nothing_is_stored(
    store: Store, tmp_path, corrupt, words
):
    bad = corrupt(_export(store))
    path = tmp_path / "bad.json"
    path.write_text(bad if isinstance(bad, str) else json.dumps(bad), "utf-8")
    before = [store.load_client(c.id) for c in store.list_clients(include_archived=True)]
    with pytest.raises(ClientFileError, match=words) as info:
        store.import_client(read_client_file(path))
    assert str(path) in str(info.value)
    after = [store.load_client(c.id) for c in store.list_clients(include_archived=True)]
    assert after == before


def test_a_failure_half_way_through_an_import_rolls_it_all_back(store: Store, monkeypatch):
    data = store.export_client(full_client(store))
    before = len(store.list_clients(include_archived=True))
    real = codec_module.payload_to_json

    def fail_on_rejections(payload):
        if payload.get("company") == "Acme":
            raise StoreError("payload: simulated failure after the client row was written")
        return real(payload)

    monkeypatch.setattr(codec_module, "payload_to_json", fail_on_rejections)
    with pytest.raises(StoreError, match="simulated failure"):
        store.import_client(data)
    assert len(store.list_clients(include_archived=True)) == before


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ClientFileError, match="file not found"):
        read_client_file(tmp_path / "nope.json")


# Notes keep line breaks and tabs; other control characters are refused (codec.check_notes).
notes_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n\r"),
    max_size=300,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    notes=notes_text,
    name=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60
    ).filter(lambda s: s.split()),
)
def test_any_notes_and_name_survive_export_and_import(store: Store, notes, name):
    c = store.create_client(name)
    store.add_session(c.id, D, notes)
    data = parse_client_file(dump_client_file(store.export_client(c.id)))
    copy = store.import_client(data)
    assert store.load_client(copy.id).sessions[0].notes == notes
    assert store.get_client(copy.id).name == c.name
