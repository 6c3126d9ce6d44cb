"""Domain errors: every failure a user can cause names what was wrong and where."""

from __future__ import annotations


class CareerPivotError(Exception):
    """Base class for every error CareerPivot raises on purpose."""


class DataValidationError(CareerPivotError, ValueError):
    """A data file broke the schema; names the file, row (line) and field (column)."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.field = field
        self.reason = message
        where = ", ".join(
            part
            for part in (
                f"file {file}" if file else "",
                f"line {row}" if row is not None else "",
                f"column {field!r}" if field else "",
            )
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)


class WriteError(CareerPivotError, OSError):
    """A file could not be written (a folder in its place, no such folder, no permission);
    names the file asked for, never the temporary file beside it. An ``OSError`` too, so
    callers that catch those keep working."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownRoleError(CareerPivotError, KeyError):
    """An occupation code or title that the data set does not contain."""

    def __init__(self, role: str, hint: str = "") -> None:
        self.role = role
        msg = f"unknown role {role!r}"
        super().__init__(f"{msg}. {hint}".strip() if hint else msg)

    def __str__(self) -> str:
        return str(self.args[0])


class AmbiguousRoleError(CareerPivotError, LookupError):
    """A typed title that fits several roles about equally well: the person has to choose."""

    def __init__(self, role: str, choices: list[tuple[str, str, str]], loose: bool = False) -> None:
        self.role = role
        self.choices = choices  # (code, title, one-line description)
        self.loose = loose  # no close match: the choices only look alike
        listed = "; ".join(f"{code} {title}" for code, title, _ in choices)
        super().__init__(
            f"No role closely matches {role!r}. Did you mean: {listed}? "
            "Give the code or another title."
            if loose
            else f"{role!r} fits several roles about equally well: {listed}. "
            "Give the code or a fuller title."
        )


class UnknownDescriptorError(CareerPivotError, KeyError):
    """A skill, knowledge area or tool id that the data set does not contain."""

    def __init__(self, descriptor: str, hint: str = "") -> None:
        self.descriptor = descriptor
        msg = f"unknown descriptor {descriptor!r}"
        super().__init__(f"{msg}. {hint}".strip() if hint else msg)

    def __str__(self) -> str:
        return str(self.args[0])


class ProfileError(CareerPivotError, ValueError):
    """A self-assessment profile that cannot be read or used."""


class NotScorableError(CareerPivotError, ValueError):
    """An occupation that has no ratings, so it cannot be compared or ranked."""


class NoRouteError(CareerPivotError):
    """No path of feasible transitions joins two roles."""


class DatasetNotFoundError(CareerPivotError, LookupError):
    """A data set name that is neither built in nor imported."""


class InputTooLongError(CareerPivotError, ValueError):
    """A typed text longer than CareerPivot reads (a job title of thousands of characters
    made a title search take seconds); says how long it was and the limit."""

    def __init__(self, what: str, length: int, limit: int, hint: str = "") -> None:
        msg = f"{what} is {length:,} characters long; at most {limit:,} are read"
        super().__init__(f"{msg}. {hint}".strip() if hint else msg)
