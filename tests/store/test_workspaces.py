"""Workspaces: a person's data kept under a private link, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from careerpivot.store import (
    Store,
    WorkspaceData,
    WorkspaceError,
    WorkspaceRejection,
    dump_client_file,
    dump_workspace,
    parse_client_file,
    parse_workspace,
)
from careerpivot.store.workspace import token_hash
from tests.store.helpers import plan, profile

ANSWERS = {"instrument": "values", "form": "long", "answers": {"wv01": 5, "wv02": 2}}
RECORD = {"id": "r1", "role_title": "Data Analyst", "organisation": "Acme", "outcome": "rejected"}


def filled() -> WorkspaceData:
    return WorkspaceData(
        dataset="starter",
        profile=profile(),
        answers={"values": ANSWERS},
        shortlist=["15-2051.00", "15-1211.00"],
        dismissed=["13-1111.00"],
        target="15-2051.00",
        rejections=[WorkspaceRejection(schema_version=1, payload=RECORD)],
    )


def test_a_workspace_comes_back_from_its_token(store: Store):
    token = store.create_workspace()
    assert len(token) == 32
    assert store.open_workspace(token) == WorkspaceData()
    store.save_workspace(token, filled())
    assert store.open_workspace(token) == filled()
    other = store.create_workspace(filled())
    assert other != token
    assert store.count_workspaces() == 2


def test_the_database_never_holds_the_token(store: Store):
    token = store.create_workspace(filled())
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT token_hash, data_json FROM workspaces")).all()
    assert [r[0] for r in rows] == [token_hash(token)]
    assert token not in rows[0][0] and token not in rows[0][1]


@pytest.mark.parametrize("bad", ["", "x" * 31, "../" * 11, "A" * 33, "é" * 32])
def test_unknown_or_malformed_tokens_find_nothing(store: Store, bad: str):
    store.create_workspace(filled())
    assert store.open_workspace(bad) is None
    assert store.open_workspace("A" * 32) is None
    assert store.delete_workspace(bad) is False
    with pytest.raises(WorkspaceError, match="token"):
        store.save_workspace(bad, filled())


def test_start_over_erases_the_workspace(store: Store):
    token = store.create_workspace(filled())
    assert store.delete_workspace(token) is True
    assert store.open_workspace(token) is None
    assert store.delete_workspace(token) is False


def test_saving_a_purged_workspace_keeps_the_data(store: Store):
    token = store.create_workspace()
    store.delete_workspace(token)
    store.save_workspace(token, filled())  # the tab was open while it was purged
    assert store.open_workspace(token) == filled()


def test_purge_erases_only_workspaces_unopened_for_the_time_given(store: Store):
    old = store.create_workspace(filled())
    store.clock.now += dt.timedelta(days=100)  # type: ignore[attr-defined]
    opened_again = store.create_workspace(filled())
    recent = store.create_workspace()
    store.clock.now += dt.timedelta(days=20)  # type: ignore[attr-defined]
    assert store.open_workspace(opened_again) is not None
    assert store.count_workspaces(unopened_for=dt.timedelta(days=90)) == 1
    assert store.purge_workspaces(dt.timedelta(days=90)) == 1
    assert store.open_workspace(old) is None
    assert store.open_workspace(recent) is not None
    assert store.purge_workspaces(dt.timedelta(days=90)) == 0
    with pytest.raises(Exception, match="positive"):
        store.purge_workspaces(dt.timedelta(0))


def test_a_workspace_becomes_a_client_with_everything_carried_over(store: Store):
    token = store.create_workspace(filled())
    client = store.workspace_to_client(
        token, "Ana Díaz", contact="ana@example.org", plans=(plan(),)
    )
    snap = store.load_client(client.id)
    assert snap.client.name == "Ana Díaz" and snap.client.contact == "ana@example.org"
    assert snap.profile == profile()
    assert snap.profile_dataset == "starter"  # the workspace's data set goes with it
    assert [r.role_code for r in snap.shortlisted] == ["15-2051.00", "15-1211.00"]
    assert snap.dismissed == ["13-1111.00"]
    assert snap.plan is not None and snap.plan.target_code == "15-2051.00"
    assert [(r.schema_version, r.payload) for r in snap.rejections] == [(1, RECORD)]
    assert snap.answers == {"values": ANSWERS}
    assert store.open_workspace(token) is None  # moved, not copied
    # the client file carries the answers too, and reads back
    exported = store.export_client(client.id)
    again = store.import_client(parse_client_file(dump_client_file(exported)))
    assert store.load_client(again.id).answers == {"values": ANSWERS}
    assert store.integrity_check() == ["ok"]


def test_turning_a_missing_workspace_into_a_client_creates_nothing(store: Store):
    with pytest.raises(WorkspaceError, match="no workspace"):
        store.workspace_to_client("B" * 32, "Nobody")
    token = store.create_workspace(filled())
    with pytest.raises(Exception, match="name"):
        store.workspace_to_client(token, "   ")
    assert store.list_clients() == []
    assert store.open_workspace(token) == filled()  # still there


def test_the_data_file_round_trips_and_bad_files_name_the_problem():
    data = filled().model_copy(update={"saved": dt.datetime(2025, 3, 1, tzinfo=dt.UTC)})
    assert parse_workspace(dump_workspace(data)) == data
    raw = json.loads(dump_workspace(data))
    cases = {
        "not json": ("{", "not valid JSON"),
        "wrong format": (json.dumps({**raw, "format": "careerpivot-client"}), "field format"),
        "newer": (json.dumps({**raw, "schema_version": 2}), "schema version 2"),
        "bad code": (json.dumps({**raw, "shortlist": ["nurse"]}), "field shortlist"),
        "extra": (json.dumps({**raw, "password": "x"}), "field password"),
        "a list": ("[]", "JSON object"),
    }
    for name, (body, message) in cases.items():
        with pytest.raises(WorkspaceError, match=message):
            parse_workspace(body, source="mine.json")
        with pytest.raises(WorkspaceError, match=r"mine\.json"):
            parse_workspace(body, source="mine.json")
        assert name


def test_an_unreadable_stored_workspace_is_reported_and_left_alone(store: Store):
    token = store.create_workspace(filled())
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE workspaces SET schema_version = 9"))
    with pytest.raises(WorkspaceError, match="schema version 9"):
        store.open_workspace(token)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM workspaces")).scalar() == 1


def test_page_choices_are_kept_and_documents_from_before_them_still_read(store: Store):
    choices = {"pivots": {"sort": "pay", "count": 20, "filters": {"min_wage": 50000.0}}}
    mine = filled().model_copy(update={"choices": choices})
    token = store.create_workspace(mine)
    assert store.open_workspace(token) == mine
    assert "choices on the pages" in mine.summary()
    # A download file and a stored document written before choices were kept.
    old = json.loads(dump_workspace(filled()))
    del old["choices"]
    assert parse_workspace(json.dumps(old)) == filled()
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE workspaces SET data_json = :d"), {"d": json.dumps(old)})
    assert store.open_workspace(token) == filled()
    # Each page's choices are checked by the app, value by value; the shape here is only a
    # JSON object per page name.
    with pytest.raises(WorkspaceError, match="field choices"):
        parse_workspace(json.dumps({**old, "choices": ["pivots"]}))
    with pytest.raises(WorkspaceError, match="page names"):
        parse_workspace(json.dumps({**old, "choices": {"": {}}}))
