"""Store fixtures: every store test runs on SQLite, and on PostgreSQL when a server is given.

Set ``CAREERPIVOT_TEST_PG_URL`` (for example
``postgresql://careerpivot:careerpivot@127.0.0.1:5432/careerpivot_test``) to run them
on PostgreSQL too; each test gets its own schema, dropped afterwards. Those runs carry
the ``postgres`` marker, so CI (``CAREERPIVOT_CI=1``) can fail instead of skipping.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from careerpivot.store import Store, database_url

PG_ENV = "CAREERPIVOT_TEST_PG_URL"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "postgres: runs against a PostgreSQL server given by CAREERPIVOT_TEST_PG_URL"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that needs a database on each backend (marks resolve after configure)."""
    if "db_url" in metafunc.fixturenames:
        backends = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
        metafunc.parametrize("db_url", backends, indirect=True)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A URL of an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'careerpivot.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"set {PG_ENV} to run the store tests on PostgreSQL")
    schema = f"cp_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database_url(base))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(database_url(base)).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


class Clock:
    """A clock that moves one second per reading, from 2025-01-06 09:00 UTC."""

    def __init__(self) -> None:
        self.now = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url, clock=Clock()) as s:
        yield s
