"""Store latency: save and load a client with 50 sessions, and a person's workspace
saved on every change while other workspaces exist (p50/p95 in ms).

Target: p95 <= 50 ms on SQLite for every operation. Prints figures; asserts nothing.

    .venv/bin/python bench/store.py                      # SQLite in a temporary folder
    .venv/bin/python bench/store.py --pg-url postgresql://USER:PASS@127.0.0.1/DB

On PostgreSQL the benchmark works in a schema of its own and drops it afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from careerpivot.engine import Engine
from careerpivot.profile import Profile
from careerpivot.routes import LearningPlan
from careerpivot.store import Store, WorkspaceData, WorkspaceRejection, database_url

SESSIONS = 50
NOTE = (
    "Reviewed the week's applications and the feedback received. Two rejections at the "
    "interview stage mentioned SQL and presenting results; agreed to practise both with a "
    "small project. Looked at the gap table for data analyst roles and the route through "
    "junior analyst positions. Next session: portfolio review and mock interview. "
) * 2
TARGET_P95_MS = 50.0
OTHER_WORKSPACES = 2000  # workspaces of other people in the same database
LOGGED = 40  # applications in the benchmark person's rejection log


def workspace(engine: Engine, n: int) -> WorkspaceData:
    """A well-filled workspace: a profile, both questionnaires, roles and 40 applications."""
    record = {
        "role_title": "Data Analyst",
        "occupation_code": "15-2051.01",
        "organisation": "Northwind Retail",
        "date": "2025-01-14",
        "channel": "posting",
        "stage_reached": "screened",
        "outcome": "rejected",
        "feedback": NOTE[:300],
        "notes": "",
    }
    return WorkspaceData(
        dataset="starter",
        profile=engine.profile_for("15-1252.00").with_ratings({"2.A.1.e": 4.0 + n % 3}),
        answers={
            "interests": {"instrument": "interests", "form": "short",
                          "answers": {f"ip{i:02d}": 1 + i % 5 for i in range(1, 31)}},
            "values": {"instrument": "values", "form": "long",
                       "answers": {f"wv{i:02d}": 1 + i % 5 for i in range(1, 25)}},
        },
        shortlist=["15-2051.00", "15-1254.00", "15-1211.00"],
        dismissed=["13-1111.00"],
        target="15-2051.00",
        rejections=[
            WorkspaceRejection(schema_version=1, payload={**record, "id": f"a{i}"})
            for i in range(1, LOGGED + 1)
        ],
    )  # fmt: skip


def seed(store: Store, name: str, engine: Engine, plan: LearningPlan) -> int:
    """A client with a profile, 50 sessions, marks, plans and rejection records."""
    profile = engine.profile_for("15-1252.00")
    with store.batch() as w:
        cid = w.create_client(name, contact=f"{name.lower().replace(' ', '.')}@example.org").id
        w.save_profile(cid, profile)
        for i in range(SESSIONS):
            w.add_session(cid, dt.date(2025, 1, 1) + dt.timedelta(days=7 * i), f"#{i}. {NOTE}")
        for code in ("15-2051.00", "15-1254.00", "15-1211.00", "13-1111.00", "11-3021.00"):
            w.mark_role(cid, code, "shortlisted", "agreed in session")
        w.save_plan(cid, plan)
        for i in range(10):
            w.add_rejection(
                cid, {"company": f"Company {i}", "stage": "interview"}, schema_version=1
            )
    return cid


def timed(fn: Callable[[], object], n: int, warmup: int = 5) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000.0)
    return out


def run(url: str, label: str, n: int, engine: Engine) -> list[tuple[str, str, float, float, float]]:
    plan = engine.plan(engine.profile_for("15-1252.00"), "15-2051.00")
    profile = engine.profile_for("15-1252.00").with_ratings({"2.A.1.e": 4.5})
    rows = []
    with Store.open(url) as store:
        reader = seed(store, "Load Client", engine, plan)
        writer = seed(store, "Save Client", engine, plan)
        snap = store.load_client(reader)
        assert len(snap.sessions) == SESSIONS
        day = dt.date(2025, 6, 1)
        ops: dict[str, Callable[[], object]] = {
            "load client (50 sessions)": lambda: store.load_client(reader),
            "save profile version": lambda: store.save_profile(writer, profile),
            "save session notes": lambda: store.add_session(writer, day, NOTE),
            "save session+profile+mark (1 txn)": lambda: _batch(store, writer, profile, day),
            "list clients": lambda: store.list_clients(),
            "export client (JSON)": lambda: store.export_client(reader).model_dump_json(),
        }
        for i in range(OTHER_WORKSPACES):
            store.save_workspace(f"{i:032d}", WorkspaceData(shortlist=["15-2051.00"]))
        token = store.create_workspace(workspace(engine, 0))
        changes = iter(range(1, 10**9))
        doc_kb = len(workspace(engine, 0).model_dump_json()) / 1000
        print(f"# workspace document {doc_kb:.0f} kB; {OTHER_WORKSPACES} other workspaces")
        ops[f"save workspace (every change, {LOGGED} apps)"] = lambda: store.save_workspace(
            token, workspace(engine, next(changes))
        )
        ops["open workspace (reload / link)"] = lambda: store.open_workspace(token)
        for name, fn in ops.items():
            ms = timed(fn, n)
            q = statistics.quantiles(ms, n=20)
            rows.append((label, name, statistics.median(ms), q[18], max(ms)))
        if store.engine.dialect.name == "sqlite":
            with store.engine.connect() as conn:
                mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
                sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
            print(f"# SQLite journal_mode={mode} synchronous={sync} (2 = FULL)")
    return rows


def _batch(store: Store, cid: int, profile: Profile, day: dt.date) -> None:
    with store.batch() as w:
        w.add_session(cid, day, NOTE)
        w.save_profile(cid, profile)
        w.mark_role(cid, "15-2051.00", "shortlisted", "updated")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg-url", help="also measure on this PostgreSQL database")
    parser.add_argument("-n", type=int, default=200, help="timed repetitions per operation")
    args = parser.parse_args()
    engine = Engine.load()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        rows += run(f"sqlite:///{Path(folder) / 'bench.db'}", "sqlite", args.n, engine)
    if args.pg_url:
        base = database_url(args.pg_url)
        schema = f"cp_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(base)
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        try:
            url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
            rows += run(url.render_as_string(hide_password=False), "postgres", args.n, engine)
        finally:
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()
    print(f"{'backend':9} {'operation':40} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for label, name, p50, p95, worst in rows:
        print(f"{label:9} {name:40} {p50:8.2f} {p95:8.2f} {worst:8.2f}")
    sqlite_p95 = max(r[3] for r in rows if r[0] == "sqlite")
    verdict = "met" if sqlite_p95 <= TARGET_P95_MS else "NOT met"
    print(f"SQLite worst p95 {sqlite_p95:.2f} ms; target p95 <= {TARGET_P95_MS:.0f} ms: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
