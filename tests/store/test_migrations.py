"""Schema migrations: upgrades keep every row, failures change nothing, newer schemas are refused."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp

import pytest
from sqlalchemy import column, insert, inspect, select, table, text

from careerpivot.store import LATEST_VERSION, SchemaTooNewError, Store, StoreError, migrate
from careerpivot.store import migrations as mig
from careerpivot.store.database import make_engine
from careerpivot.store.schema import Base
from tests.store import workers
from tests.store.helpers import plan, profile

T0 = dt.datetime(2024, 11, 5, 10, 30, tzinfo=dt.UTC)


def versions(url: str) -> list[int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [r[0] for r in conn.execute(text("SELECT version FROM careerpivot_schema"))]
    finally:
        engine.dispose()


def test_a_new_database_is_at_the_latest_version(db_url):
    Store.open(db_url).close()
    assert versions(db_url) == list(range(1, LATEST_VERSION + 1))
    Store.open(db_url).close()  # opening again applies nothing twice
    assert versions(db_url) == list(range(1, LATEST_VERSION + 1))


def test_the_orm_classes_match_what_the_migrations_build(db_url):
    engine = make_engine(db_url)
    migrate(engine)
    found = inspect(engine)
    for name, tbl in Base.metadata.tables.items():
        columns = {c["name"]: c for c in found.get_columns(name)}
        assert set(columns) == set(tbl.columns.keys()), name
        for col in tbl.columns:
            assert columns[col.name]["nullable"] == col.nullable, f"{name}.{col.name}"
        fks = found.get_foreign_keys(name)
        assert [fk["options"].get("ondelete") for fk in fks] == ["CASCADE"] * len(fks), name
        indexes = {i["name"] for i in found.get_indexes(name)}
        assert {i.name for i in tbl.indexes} <= indexes, name
    engine.dispose()


def _v1_database_with_data(url: str) -> None:
    """A database as version 1 of CareerPivot left it, with one client's records."""
    engine = make_engine(url)
    assert migrate(engine, target=1) == 1
    p = profile()
    with engine.begin() as conn:
        clients = table(
            "clients", column("id"), column("name"), column("archived"), column("created")
        )
        conn.execute(insert(clients).values(id=7, name="Vera Early", archived=False, created=T0))
        rows = {
            "profile_versions": dict(
                client_id=7, created=T0, profile_schema=1, profile_json=p.model_dump_json()
            ),
            "sessions": dict(client_id=7, date=dt.date(2024, 11, 5), notes="v1 notes", created=T0),
            "role_marks": dict(
                client_id=7, role_code="15-2051.00", state="shortlisted", note="n", updated=T0
            ),
            "plans": dict(
                client_id=7,
                target_code="15-2051.00",
                plan_json='{"target_code":"15-2051.00","target_title":"Data Scientists","steps":[]}',
                created=T0,
            ),
        }
        for name, values in rows.items():
            conn.execute(insert(table(name, *map(column, values))).values(**values))
        if conn.dialect.name == "postgresql":  # explicit ids do not move the sequence
            conn.execute(text("SELECT setval('clients_id_seq', 7)"))
    engine.dispose()


def test_upgrade_from_version_1_keeps_every_record(db_url):
    _v1_database_with_data(db_url)
    assert versions(db_url) == [1]
    with pytest.raises(StoreError, match="schema version 1"):
        Store.open(db_url, upgrade=False)
    with Store.open(db_url) as store:
        assert versions(db_url) == list(range(1, LATEST_VERSION + 1))
        snap = store.load_client(7)
        assert snap.client.name == "Vera Early" and snap.client.contact is None
        assert snap.client.created == T0
        assert snap.profile == profile()
        assert [(s.date, s.notes) for s in snap.sessions] == [(dt.date(2024, 11, 5), "v1 notes")]
        assert [(r.role_code, r.state) for r in snap.roles] == [("15-2051.00", "shortlisted")]
        assert snap.plan is not None and snap.plan.plan.target_title == "Data Scientists"
        # what version 2 added works on the upgraded data
        store.update_client(7, contact="vera@example.org")
        store.add_rejection(7, {"company": "Acme"}, schema_version=1)
        assert store.load_client(7).rejections[0].payload == {"company": "Acme"}
        # version 4: an old profile's data set is unknown; a new save records it
        assert snap.profile_dataset is None
        store.save_profile(7, profile(), dataset="onet-29.2")
        assert store.load_client(7).profile_dataset == "onet-29.2"
        assert store.create_client("New").id == 8
        assert store.integrity_check() == ["ok"]


def test_a_failing_migration_changes_nothing(db_url, monkeypatch):
    Store.open(db_url).close()
    with Store.open(db_url) as store:
        c = store.create_client("Kept")
        store.save_plan(c.id, plan())

    def broken(conn):
        conn.execute(text("CREATE TABLE half_done (id INTEGER PRIMARY KEY)"))
        conn.execute(text("DELETE FROM plans"))
        raise RuntimeError("step failed")

    monkeypatch.setattr(mig, "MIGRATIONS", (*mig.MIGRATIONS, ("broken step", broken)))
    monkeypatch.setattr(mig, "LATEST_VERSION", LATEST_VERSION + 1)
    engine = make_engine(db_url)
    with pytest.raises(RuntimeError, match="step failed"):
        mig.migrate(engine, target=LATEST_VERSION + 1)
    assert not inspect(engine).has_table("half_done")
    engine.dispose()
    monkeypatch.undo()
    assert versions(db_url) == list(range(1, LATEST_VERSION + 1))
    with Store.open(db_url) as store:
        assert store.load_client(c.id).plan is not None


def test_a_newer_schema_is_refused_untouched(db_url):
    with Store.open(db_url) as store:
        store.create_client("From the future")
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO careerpivot_schema VALUES (99, 'from a newer CareerPivot', :t)"),
            {"t": T0},
        )
    engine.dispose()
    with pytest.raises(SchemaTooNewError, match="version 99"):
        Store.open(db_url)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(select(text("count(*)")).select_from(text("clients"))).scalar() == 1
    engine.dispose()


@pytest.mark.slow
def test_processes_opening_a_new_database_at_once_migrate_it_once(db_url):
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(3)
    procs = [ctx.Process(target=workers.open_store, args=(db_url, start)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert versions(db_url) == list(range(1, LATEST_VERSION + 1))
