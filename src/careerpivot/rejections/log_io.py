"""Import and export of the rejection log as CSV and JSON.

Readers return a new :class:`RejectionLog` or raise a :class:`RecordValidationError`
naming the file, line (CSV) or record (JSON) and field; they never touch a log
the caller holds. Writers go to a temporary file and rename it over the target,
so a failed write leaves the previous file whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from careerpivot.csvsafe import csv_text, restore
from careerpivot.jsondoc import loads, read_document
from careerpivot.private import write_private
from careerpivot.rejections.records import (
    LOG_SCHEMA_VERSION,
    ApplicationRecord,
    RecordValidationError,
    RejectionLog,
    validate_record,
)

#: CSV columns in export order; the first seven must be present in an import.
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "role_title",
    "occupation_code",
    "organisation",
    "date",
    "channel",
    "stage_reached",
    "outcome",
    "feedback",
    "notes",
)
OPTIONAL_COLUMNS = frozenset({"occupation_code", "feedback", "notes"})
#: Most applications, and characters of feedback and notes in all, one file brings in: the
#: Rejections page reads every text of the log again when it works out the patterns (about
#: 0.15 s per 1000 characters of distinct words on O*NET data, ``bench/hostile_inputs.py``);
#: a 1 MiB file of long feedback held the page for minutes.
MAX_IMPORT_RECORDS, MAX_IMPORT_TEXT = 2_000, 200_000


# ----- CSV ------------------------------------------------------------------------------------
def parse_log_csv(text: str, *, source: str = "log.csv") -> RejectionLog:
    """Read a log from CSV text; quoted cells may span lines.

    >>> log = parse_log_csv(
    ...     "id,role_title,organisation,date,channel,stage_reached,outcome,feedback\\n"
    ...     'a1,Data Analyst,Acme,2024-03-01,posting,screened,rejected,"Your SQL, sadly."\\n')
    >>> log.get("a1").feedback
    'Your SQL, sadly.'
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise RecordValidationError("file is empty (no header row)", file=source, row=1) from None
    except csv.Error as exc:
        raise RecordValidationError(f"malformed CSV: {exc}", file=source, row=1) from None
    absent = [c for c in CSV_COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
    if absent:
        raise RecordValidationError(
            f"header lacks {', '.join(absent)}; expected columns: {', '.join(CSV_COLUMNS)}",
            file=source,
            row=1,
        )
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        raise RecordValidationError(
            f"unexpected columns {unknown}; expected columns: {', '.join(CSV_COLUMNS)}",
            file=source,
            row=1,
        )
    if len(set(header)) != len(header):
        raise RecordValidationError("a column appears twice in the header", file=source, row=1)
    records: list[ApplicationRecord] = []
    seen: dict[str, int] = {}
    line = reader.line_num + 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise RecordValidationError(
                    f"row has {len(cells)} fields, header has {len(header)}",
                    file=source,
                    row=start,
                )
            data = {h: restore(c) for h, c in zip(header, cells, strict=True)}
            record = validate_record(data, file=source, row=start)
            if record.id in seen:
                raise RecordValidationError(
                    f"duplicate id (first used on line {seen[record.id]})",
                    file=source,
                    row=start,
                    record=record.id,
                    field="id",
                )
            seen[record.id] = start
            records.append(record)
    except csv.Error as exc:
        raise RecordValidationError(f"malformed CSV: {exc}", file=source, row=line) from None
    return RejectionLog(records=tuple(_bounded(records, source)))


def format_log_csv(log: RejectionLog) -> str:
    """The log as CSV text with every column (the inverse of :func:`parse_log_csv`)."""
    rows = []
    for r in log.records:
        data = r.model_dump(mode="json")
        rows.append(["" if data[c] is None else data[c] for c in CSV_COLUMNS])
    return csv_text(CSV_COLUMNS, rows)  # formula cells neutralised; RFC 4180 line endings


def _file_error(source: str) -> Callable[[str], RecordValidationError]:
    """Whole-file problems (encoding, JSON syntax, nesting) as errors naming ``source``."""
    return lambda message: RecordValidationError(message.removeprefix(f"{source}: "), file=source)


# ----- JSON -----------------------------------------------------------------------------------
def parse_log_json(text: str, *, source: str = "log.json") -> RejectionLog:
    """Read a log from JSON text: ``{"schema_version": 1, "records": [...]}``."""
    data = loads(text, source, _file_error(source))
    if not isinstance(data, dict):
        raise RecordValidationError(
            f"a rejection log is a JSON object, got {type(data).__name__}", file=source
        )
    unknown = sorted(set(data) - {"schema_version", "records"})
    if unknown:
        raise RecordValidationError(f"unexpected keys {unknown}", file=source)
    version = data.get("schema_version")
    if version != LOG_SCHEMA_VERSION:
        raise RecordValidationError(
            f"schema version {version!r} is not supported (this version reads "
            f"{LOG_SCHEMA_VERSION})",
            file=source,
            field="schema_version",
        )
    items = data.get("records", [])
    if not isinstance(items, list):
        raise RecordValidationError("'records' must be a list", file=source, field="records")
    records: list[ApplicationRecord] = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise RecordValidationError(
                f"record {n} is a {type(item).__name__}, not an object", file=source
            )
        records.append(validate_record(item, file=source, position=n))
    return _log_from(records, source)


def format_log_json(log: RejectionLog) -> str:
    """The log as indented JSON (the inverse of :func:`parse_log_json`)."""
    return log.model_dump_json(indent=2) + "\n"


# ----- stored records -------------------------------------------------------------------------
def records_from_payloads(
    items: Iterable[tuple[int, Mapping[str, Any]]], *, source: str = "stored records"
) -> list[ApplicationRecord | RecordValidationError]:
    """Validate stored records one by one: ``(schema_version, payload)`` pairs.

    Unlike an import, one bad record does not stop the rest: each item gives its
    record, or in its place the error naming it (wrong schema version, a broken
    field, an id already used by an earlier record). The good records always make
    a valid :class:`RejectionLog`, and the caller can name and keep the bad ones.

    >>> good = {"id": "a1", "role_title": "Analyst", "organisation": "Acme",
    ...     "date": "2024-03-01", "channel": "posting", "stage_reached": "applied",
    ...     "outcome": "rejected"}
    >>> out = records_from_payloads([(1, good), (1, {**good, "channel": "fax"}), (2, good)])
    >>> [type(x).__name__ for x in out]
    ['ApplicationRecord', 'RecordValidationError', 'RecordValidationError']
    >>> print(out[2])
    file stored records, record #3: schema version 2 is not supported (this version reads 1)
    """
    out: list[ApplicationRecord | RecordValidationError] = []
    seen: set[str] = set()
    for n, (version, payload) in enumerate(items, start=1):
        if version != LOG_SCHEMA_VERSION:
            out.append(
                RecordValidationError(
                    f"schema version {version} is not supported (this version reads "
                    f"{LOG_SCHEMA_VERSION})",
                    file=source,
                    record=f"#{n}",
                )
            )
            continue
        try:
            record = validate_record(payload, file=source, position=n)
        except RecordValidationError as exc:
            out.append(exc)
            continue
        if record.id in seen:
            out.append(
                RecordValidationError(
                    "id is already used by an earlier record", file=source, record=record.id
                )
            )
            continue
        seen.add(record.id)
        out.append(record)
    return out


def _bounded(records: list[ApplicationRecord], source: str) -> list[ApplicationRecord]:
    """``records``, or an error when there are more, or more text, than a file may bring in."""
    if len(records) > MAX_IMPORT_RECORDS:
        raise RecordValidationError(
            f"the file holds {len(records):,} applications; at most {MAX_IMPORT_RECORDS:,} "
            "are imported at once (split it, or keep the most recent)",
            file=source,
        )
    text = sum(len(r.feedback) + len(r.notes) for r in records)
    if text > MAX_IMPORT_TEXT:
        raise RecordValidationError(
            f"the file's feedback and notes hold {text:,} characters; at most "
            f"{MAX_IMPORT_TEXT:,} are imported at once (split it, or shorten the notes)",
            file=source,
        )
    return records


def _log_from(records: list[ApplicationRecord], source: str) -> RejectionLog:
    records = _bounded(records, source)
    try:
        return RejectionLog(records=tuple(records))
    except ValidationError as exc:
        raise RecordValidationError(
            str(exc.errors()[0]["msg"]).removeprefix("Value error, "), file=source
        ) from None


# ----- files (the edge) -----------------------------------------------------------------------
def read_log(path: Path) -> RejectionLog:
    """Read a log file; ``.csv`` as CSV, anything else as JSON."""
    text = read_document(path, _file_error(path.name), source=path.name)
    if path.suffix.lower() == ".csv":
        return parse_log_csv(text, source=path.name)
    return parse_log_json(text, source=path.name)


def write_log(log: RejectionLog, path: Path) -> None:
    """Write a log file atomically; ``.csv`` as CSV, anything else as JSON."""
    text = format_log_csv(log) if path.suffix.lower() == ".csv" else format_log_json(log)
    atomic_write_text(path, text)


def import_log(log: RejectionLog, path: Path, *, overwrite: bool = False) -> RejectionLog:
    """``log`` with the records of the file at ``path`` merged in (see :meth:`RejectionLog.merged`).

    Any problem raises before anything is merged: the caller's log stays as it was.
    """
    return log.merged(read_log(path).records, overwrite=overwrite)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to a private (0600) temporary file beside ``path``, then rename it."""
    write_private(path, text)


def record_dicts(log: RejectionLog) -> list[dict[str, Any]]:
    """Records as plain JSON-ready dicts (for tables in the app)."""
    return [r.model_dump(mode="json") for r in log.records]
