"""Errors of the client store: each names the client, field or file that was wrong."""

from __future__ import annotations

from careerpivot.errors import CareerPivotError


class StoreError(CareerPivotError):
    """A store operation that cannot be done as asked; nothing was changed."""


class StoreUnavailableError(StoreError):
    """The database cannot be opened or reached (wrong URL, server down, no permission)."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer CareerPivot; refusing to touch it."""


class ClientNotFoundError(StoreError, LookupError):
    """No client with this id or name."""


class AmbiguousClientError(StoreError, LookupError):
    """A name that matches several clients; the message lists their ids."""


class ConfirmationRequiredError(StoreError):
    """A destructive operation (erasing a client) called without the caller's confirmation."""


class ClientFileError(StoreError, ValueError):
    """A client export file that cannot be imported; names the file and the field."""
