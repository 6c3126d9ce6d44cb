"""Opening the database: where it is, and the connection settings each backend needs.

SQLite (the default, one file in the user's data directory) runs in WAL mode with
foreign keys, ``secure_delete`` (erased clients leave no readable bytes behind) and a
busy timeout; write transactions start with ``BEGIN IMMEDIATE`` so two writers queue
instead of failing half-way. PostgreSQL is reached by URL through psycopg 3.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from careerpivot.datasets.registry import user_data_dir
from careerpivot.private import private_dir, private_file
from careerpivot.store.errors import StoreUnavailableError

DB_URL_ENV = "CAREERPIVOT_DB_URL"
DB_FILE = "careerpivot.db"
BUSY_TIMEOUT_S = 30.0
#: Execution option naming how SQLite begins a transaction (DEFERRED or IMMEDIATE).
BEGIN_OPTION = "careerpivot_sqlite_begin"


def default_url(data_dir: Path | None = None) -> str:
    """The embedded database: ``careerpivot.db`` in the user's data directory."""
    return f"sqlite:///{(data_dir or user_data_dir()) / DB_FILE}"


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else ``$CAREERPIVOT_DB_URL``, else :func:`default_url`.

    >>> database_url("postgresql://u@127.0.0.1/cp")
    'postgresql+psycopg://u@127.0.0.1/cp'
    """
    chosen = url or os.environ.get(DB_URL_ENV) or default_url()
    if chosen.startswith(("postgresql://", "postgres://")):
        chosen = "postgresql+psycopg://" + chosen.split("://", 1)[1]  # psycopg 3 is the driver
    return chosen


def safe_url(url: str | URL) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def make_engine(url: str) -> Engine:
    """A SQLAlchemy engine for ``url`` with the settings of its backend."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreUnavailableError(f"not a database URL: {url!r} ({exc})") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    if backend == "postgresql":
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except (ImportError, NoSuchModuleError) as exc:
            raise StoreUnavailableError(
                f"no driver for {safe_url(parsed)} ({exc}); use postgresql+psycopg://"
            ) from None
    raise StoreUnavailableError(
        f"unsupported database {backend!r} in {safe_url(parsed)}; use sqlite:///FILE or "
        "postgresql+psycopg://USER:PASSWORD@HOST/DB"
    )


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
        path = Path(url.database)
        try:
            if path.parent == user_data_dir() or not path.parent.exists():
                private_dir(path.parent)  # our data folder: 0700
            private_file(path)  # 0600 before SQLite opens it; WAL and SHM files inherit it
        except OSError as exc:
            raise StoreUnavailableError(f"cannot create the database {path}: {exc}") from None
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" hook below emit BEGIN; the driver's own handling
        # would start transactions late (after the first read).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA secure_delete = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine
