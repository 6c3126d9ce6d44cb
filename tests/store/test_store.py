"""The store as the app and the CLI use it: clients, history, notes, roles, plans, the log."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from pydantic import BaseModel
from sqlalchemy import text

from careerpivot.store import (
    AmbiguousClientError,
    ClientNotFoundError,
    ConfirmationRequiredError,
    Store,
    StoreError,
)
from tests.store.helpers import plan, profile

D = dt.date(2025, 3, 4)


def count_clients(store: Store) -> int:
    return len(store.list_clients(include_archived=True))


def test_client_lifecycle(store: Store):
    ana = store.create_client("  Ana   Díaz ", contact="ana@example.org")
    assert ana.name == "Ana Díaz" and ana.contact == "ana@example.org" and not ana.archived
    assert ana.created.tzinfo is not None
    assert store.get_client(ana.id) == ana
    renamed = store.update_client(ana.id, name="Ana M. Díaz", contact="")
    assert renamed.name == "Ana M. Díaz" and renamed.contact is None
    assert store.set_archived(ana.id).archived
    assert store.list_clients() == []
    assert [c.id for c in store.list_clients(include_archived=True)] == [ana.id]
    assert not store.set_archived(ana.id, False).archived


def test_every_profile_save_keeps_history(store: Store):
    c = store.create_client("Bo")
    assert store.load_client(c.id).profile is None
    for level in (2.0, 3.0, 4.5):
        store.save_profile(c.id, profile(level))
    snap = store.load_client(c.id)
    assert snap.profile == profile(4.5) and snap.profile_versions == 3
    history = store.profile_history(c.id)
    assert [v.profile.ratings["2.B.3.e"] for v in history] == [2.0, 3.0, 4.5]
    assert [v.created for v in history] == sorted(v.created for v in history)


def test_sessions_are_kept_as_typed_and_sorted_by_date(store: Store):
    c = store.create_client("Cy")
    notes = "Line one\n# not a heading <script>alert(1)</script>\n\n  indented  \t"
    late = store.add_session(c.id, dt.date(2025, 4, 1), "later")
    early = store.add_session(c.id, dt.date(2025, 3, 1), notes)
    sessions = store.load_client(c.id).sessions
    assert [s.id for s in sessions] == [early.id, late.id]
    assert sessions[0].notes == notes  # stored exactly; renderers escape
    edited = store.update_session(late.id, notes="edited", on=dt.date(2025, 2, 1))
    assert edited.notes == "edited"
    assert [s.id for s in store.load_client(c.id).sessions] == [late.id, early.id]


def test_role_marks_replace_and_keep_one_state_per_role(store: Store):
    c = store.create_client("Di")
    store.mark_role(c.id, "15-2051.00", "shortlisted", "likes statistics")
    store.mark_role(c.id, "15-1254.00", "shortlisted")
    again = store.mark_role(c.id, "15-2051.00", "dismissed", "changed her mind")
    assert again.state == "dismissed" and again.note == "changed her mind"
    snap = store.load_client(c.id)
    assert [(r.role_code, r.state) for r in snap.roles] == [
        ("15-1254.00", "shortlisted"),
        ("15-2051.00", "dismissed"),
    ]
    assert snap.dismissed == ["15-2051.00"]
    assert [r.role_code for r in snap.shortlisted] == ["15-1254.00"]
    assert store.unmark_role(c.id, "15-1254.00") and not store.unmark_role(c.id, "15-1254.00")


def test_plans_round_trip_newest_first(store: Store):
    c = store.create_client("Ed")
    store.save_plan(c.id, plan(hours=100.0))
    store.save_plan(c.id, plan("15-1254.00", hours=50.0))
    snap = store.load_client(c.id)
    assert snap.plan is not None and snap.plan.target_code == "15-1254.00"
    assert snap.plans[1].plan == plan(hours=100.0)  # every field back, steps as LearningStep


class Application(BaseModel):
    company: str
    stage: str
    reasons: list[str]


def test_rejection_records_are_json_objects_with_a_schema_version(store: Store):
    c = store.create_client("Flo")
    store.add_rejection(
        c.id, Application(company="Acme", stage="interview", reasons=["SQL"]), schema_version=1
    )
    store.add_rejection(c.id, {"company": "Beta", "score": 0.5}, schema_version=2)
    records = store.load_client(c.id).rejections
    assert [r.payload for r in records] == [
        {"company": "Acme", "stage": "interview", "reasons": ["SQL"]},
        {"company": "Beta", "score": 0.5},
    ]
    assert [r.schema_version for r in records] == [1, 2]
    with pytest.raises(StoreError, match="schema_version"):
        store.add_rejection(c.id, {"a": 1}, schema_version=0)
    with pytest.raises(StoreError, match="payload"):
        store.add_rejection(c.id, {"a": float("nan")}, schema_version=1)
    assert len(store.load_client(c.id).rejections) == 2


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda s, c: s.create_client("   "), "name: must not be empty"),
        (lambda s, c: s.create_client("x" * 201), "name: longer than 200"),
        (lambda s, c: s.create_client("Ana\x07"), "name: contains a control character"),
        (lambda s, c: s.add_session(c, D, "a\x00b"), "notes: contains a NUL"),
        (lambda s, c: s.mark_role(c, "data scientist", "shortlisted"), "role_code"),
        (lambda s, c: s.mark_role(c, "15-2051.00", "maybe"), "state"),
        (lambda s, c: s.add_session(c + 999, D, "x"), "no client with id"),
        (lambda s, c: s.save_profile(c + 999, profile()), "no client with id"),
        (lambda s, c: s.update_session(12345, notes="x"), "no session with id 12345"),
    ],
)
def test_bad_input_names_the_problem_and_changes_nothing(store: Store, call, words):
    c = store.create_client("Gus")
    before = store.load_client(c.id)
    with pytest.raises(StoreError, match=words):
        call(store, c.id)
    assert store.load_client(c.id) == before
    assert count_clients(store) == 1


def test_batch_is_all_or_nothing(store: Store):
    c = store.create_client("Hal")
    with pytest.raises(StoreError), store.batch() as w:
        w.add_session(c.id, D, "kept only if everything works")
        w.save_profile(c.id, profile())
        w.mark_role(c.id, "not-a-code", "shortlisted")
    snap = store.load_client(c.id)
    assert snap.sessions == () and snap.profile is None
    with store.batch() as w:
        w.add_session(c.id, D, "session notes")
        w.save_profile(c.id, profile())
        w.mark_role(c.id, "15-2051.00", "shortlisted")
    snap = store.load_client(c.id)
    assert len(snap.sessions) == 1 and snap.profile is not None and len(snap.roles) == 1


def test_delete_needs_confirmation_and_cascades(store: Store):
    keep = store.create_client("Keep Me")
    gone = store.create_client("Erase Me")
    for c in (keep, gone):
        with store.batch() as w:
            w.save_profile(c.id, profile())
            w.add_session(c.id, D, f"notes of {c.name}")
            w.mark_role(c.id, "15-2051.00", "shortlisted")
            w.save_plan(c.id, plan())
            w.add_rejection(c.id, {"company": "Acme"}, schema_version=1)
    with pytest.raises(ConfirmationRequiredError):
        store.delete_client(gone.id, confirm=False)
    assert count_clients(store) == 2
    store.delete_client(gone.id, confirm=True)
    with pytest.raises(ClientNotFoundError):
        store.load_client(gone.id)
    with store.engine.connect() as conn:
        for table in ("profile_versions", "sessions", "role_marks", "plans", "rejection_records"):
            ids = {r[0] for r in conn.execute(text(f"SELECT client_id FROM {table}"))}
            assert ids == {keep.id}, table
    assert store.load_client(keep.id).sessions[0].notes == "notes of Keep Me"
    assert store.integrity_check() == ["ok"]


def test_resolve_by_id_or_full_name(store: Store):
    ana = store.create_client("Ana Díaz")
    ann = store.create_client("Ann Lee")
    twin = store.create_client("Ann Lee")
    assert store.resolve_client(f"#{ana.id}") == ana
    assert store.resolve_client("ana diaz") == ana  # case and accents ignored
    with pytest.raises(AmbiguousClientError, match=f"#{ana.id} Ana Díaz"):
        store.resolve_client("díaz")  # a part of a name is never enough
    with pytest.raises(AmbiguousClientError, match=f"#{ann.id} Ann Lee, #{twin.id} Ann Lee"):
        store.resolve_client("Ann Lee")
    with pytest.raises(AmbiguousClientError):
        store.resolve_client("an")
    with pytest.raises(ClientNotFoundError, match="no client named 'Zoe'"):
        store.resolve_client("Zoe")
    archived = store.set_archived(store.create_client("Old Timer").id)
    assert store.resolve_client("old timer") == archived


def test_search_matches_name_or_contact(store: Store):
    store.create_client("José Núñez", contact="jn@example.org")
    store.create_client("Mary Smith")
    assert [c.name for c in store.list_clients(search="NUNEZ")] == ["José Núñez"]
    assert [c.name for c in store.list_clients(search="example.org")] == ["José Núñez"]
    assert len(store.list_clients(search="")) == 2


def test_one_store_is_safe_to_share_between_threads(store: Store):
    """The app keeps one Store in st.cache_resource; its threads write at once."""
    clients = [store.create_client(f"Thread client {i}") for i in range(3)]
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for j in range(15):
                c = clients[(n + j) % 3]
                store.add_session(c.id, D, f"t{n}-{j}")
                store.load_client(c.id)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    notes = {s.notes for c in clients for s in store.load_client(c.id).sessions}
    assert notes == {f"t{n}-{j}" for n in range(6) for j in range(15)}
    assert store.integrity_check() == ["ok"]


def test_open_fails_clearly_on_a_bad_url(tmp_path):
    from careerpivot.store import StoreUnavailableError

    with pytest.raises(StoreUnavailableError, match="unsupported database 'mysql'"):
        Store.open("mysql://u@localhost/x")
    with pytest.raises(StoreUnavailableError, match=r"no driver .* use postgresql\+psycopg://"):
        Store.open("postgresql+psycopg2://u:pw@127.0.0.1/x")
    with pytest.raises(StoreUnavailableError, match="not a database URL"):
        Store.open("not a url")
    with pytest.raises(StoreUnavailableError, match="cannot open the database"):
        Store.open("postgresql://nobody:secret@127.0.0.1:1/none")
    try:
        Store.open("postgresql://nobody:secret@127.0.0.1:1/none")
    except StoreUnavailableError as exc:
        assert "secret" not in str(exc)  # passwords never printed
