"""Client records for counselors: SQLite by default, PostgreSQL by URL.

:class:`Store` opens the database (applying schema migrations), reads clients and
writes through :class:`Writer`, one transaction at a time. Everything handed out
is a plain frozen record (:mod:`careerpivot.store.records`).
"""

from careerpivot.store.database import DB_URL_ENV, database_url, default_url
from careerpivot.store.errors import (
    AmbiguousClientError,
    ClientFileError,
    ClientNotFoundError,
    ConfirmationRequiredError,
    SchemaTooNewError,
    StoreError,
    StoreUnavailableError,
)
from careerpivot.store.exchange import (
    EXPORT_SCHEMA_VERSION,
    ClientFile,
    dump_client_file,
    parse_client_file,
    read_client_file,
    write_client_file,
)
from careerpivot.store.migrations import LATEST_VERSION, migrate
from careerpivot.store.records import (
    Client,
    ClientSnapshot,
    PlanEntry,
    ProfileVersion,
    RejectionEntry,
    RoleMark,
    SessionEntry,
)
from careerpivot.store.store import Store
from careerpivot.store.workspace import (
    WORKSPACE_SCHEMA_VERSION,
    WorkspaceData,
    WorkspaceError,
    WorkspaceRejection,
    dump_workspace,
    parse_workspace,
)
from careerpivot.store.writer import Writer

__all__ = [
    "DB_URL_ENV",
    "EXPORT_SCHEMA_VERSION",
    "LATEST_VERSION",
    "WORKSPACE_SCHEMA_VERSION",
    "AmbiguousClientError",
    "Client",
    "ClientFile",
    "ClientFileError",
    "ClientNotFoundError",
    "ClientSnapshot",
    "ConfirmationRequiredError",
    "PlanEntry",
    "ProfileVersion",
    "RejectionEntry",
    "RoleMark",
    "SchemaTooNewError",
    "SessionEntry",
    "Store",
    "StoreError",
    "StoreUnavailableError",
    "WorkspaceData",
    "WorkspaceError",
    "WorkspaceRejection",
    "Writer",
    "database_url",
    "default_url",
    "dump_client_file",
    "dump_workspace",
    "migrate",
    "parse_client_file",
    "parse_workspace",
    "read_client_file",
    "write_client_file",
]
