"""Load the embedded starter data set from ``data/starter/`` (CSV files written by the team)."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from careerpivot.datasets.tables import Column, choice, integer, number, read_rows
from careerpivot.errors import DataValidationError
from careerpivot.model import (
    DESCRIPTOR_KINDS,
    ONET_SOC_PATTERN,
    PROFILE_RANGE,
    WORK_VALUES,
    Dataset,
    Descriptor,
    Occupation,
    Provenance,
    Requirement,
    build_dataset,
)
from careerpivot.resources import data_dir

STARTER_NAME = "starter"
_PROFILE = number(*PROFILE_RANGE)


def starter_dir() -> Path:
    """Where the starter CSV files are: ``$CAREERPIVOT_STARTER_DIR`` or shipped ``data/starter``."""
    env = os.environ.get("CAREERPIVOT_STARTER_DIR")
    if env:
        return Path(env)
    return data_dir("starter")


def _code(text: str) -> str:
    if not ONET_SOC_PATTERN.match(text):
        raise ValueError(f"{text!r} is not an O*NET-SOC code like 15-1252.00")
    return text


def _aliases(text: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in text.split(";") if a.strip())


DESCRIPTOR_COLUMNS = [
    Column("id"),
    Column("name"),
    Column("kind", choice(*DESCRIPTOR_KINDS)),
    Column("category"),
    Column("difficulty", number(0.2, 5.0)),
    Column("aliases", _aliases, required=False),
    Column("description"),
]

OCCUPATION_COLUMNS = [
    Column("code", _code),
    Column("title"),
    Column("description"),
    Column("job_zone", integer(1, 5)),
    Column("median_wage", number(0, 1_000_000)),
    Column("employment", number(0), required=False),
    Column("outlook_pct", number(-100, 1000)),
    Column("annual_openings", number(0), required=False),
    Column("education", required=False),
    *[Column(f"riasec_{c}", _PROFILE) for c in "riasec"],
    *[Column(f"wv_{v}", _PROFILE) for v in WORK_VALUES],
]

REQUIREMENT_COLUMNS = [
    Column("code", _code),
    Column("descriptor_id"),
    Column("importance", number(1, 5)),
    Column("level", number(0, 7)),
]

TITLE_COLUMNS = [Column("code", _code), Column("title")]


def load_starter(directory: Path | None = None) -> Dataset:
    """Read and validate the starter data set; errors name the file, line and column."""
    root = directory or starter_dir()
    if not root.is_dir():
        raise DataValidationError(
            "starter data folder not found; run from a checkout or set CAREERPIVOT_STARTER_DIR",
            file=str(root),
        )
    provenance = _provenance(root / "provenance.json")

    descriptors: list[Descriptor] = []
    seen_desc: set[str] = set()
    for line, row in read_rows(root / "descriptors.csv", DESCRIPTOR_COLUMNS):
        if row["id"] in seen_desc:
            raise DataValidationError(
                f"duplicate descriptor id {row['id']!r}",
                file="descriptors.csv",
                row=line,
                field="id",
            )
        seen_desc.add(row["id"])
        descriptors.append(
            Descriptor(
                id=row["id"],
                name=row["name"],
                kind=row["kind"],
                category=row["category"],
                description=row["description"],
                difficulty=row["difficulty"],
                aliases=row["aliases"] or (),
            )
        )

    alternates: dict[str, list[str]] = defaultdict(list)
    title_rows = list(read_rows(root / "alternate_titles.csv", TITLE_COLUMNS))

    occupations: list[Occupation] = []
    codes: set[str] = set()
    for line, row in read_rows(root / "occupations.csv", OCCUPATION_COLUMNS):
        if row["code"] in codes:
            raise DataValidationError(
                f"duplicate occupation {row['code']}",
                file="occupations.csv",
                row=line,
                field="code",
            )
        codes.add(row["code"])
        occupations.append(
            Occupation(
                code=row["code"],
                title=row["title"],
                description=row["description"],
                job_zone=row["job_zone"],
                median_wage=row["median_wage"],
                employment=row["employment"],
                outlook_pct=row["outlook_pct"],
                annual_openings=row["annual_openings"],
                education=row["education"] or "",
                interests=tuple(row[f"riasec_{c}"] for c in "riasec"),
                work_values=tuple(row[f"wv_{v}"] for v in WORK_VALUES),
            )
        )
    for line, row in title_rows:
        if row["code"] not in codes:
            raise DataValidationError(
                f"unknown occupation code {row['code']}",
                file="alternate_titles.csv",
                row=line,
                field="code",
            )
        alternates[row["code"]].append(row["title"])
    occupations = [
        replace(o, alternate_titles=tuple(alternates.get(o.code, ()))) for o in occupations
    ]

    requirements: list[Requirement] = []
    pairs: set[tuple[str, str]] = set()
    for line, row in read_rows(root / "requirements.csv", REQUIREMENT_COLUMNS):
        if row["code"] not in codes:
            raise DataValidationError(
                f"unknown occupation code {row['code']}",
                field="code",
                file="requirements.csv",
                row=line,
            )
        if row["descriptor_id"] not in seen_desc:
            raise DataValidationError(
                f"unknown descriptor id {row['descriptor_id']!r}",
                field="descriptor_id",
                file="requirements.csv",
                row=line,
            )
        key = (row["code"], row["descriptor_id"])
        if key in pairs:
            raise DataValidationError(
                f"duplicate requirement {key}",
                field="descriptor_id",
                file="requirements.csv",
                row=line,
            )
        pairs.add(key)
        requirements.append(
            Requirement(row["code"], row["descriptor_id"], row["importance"], row["level"])
        )
    return build_dataset(STARTER_NAME, provenance, descriptors, occupations, requirements)


def _provenance(path: Path) -> Provenance:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataValidationError("provenance record is missing", file=str(path)) from None
    except json.JSONDecodeError as exc:
        raise DataValidationError(
            f"invalid JSON: {exc.msg}", file=path.name, row=exc.lineno
        ) from None
    try:
        return Provenance.from_dict(data)
    except KeyError as exc:
        raise DataValidationError(
            "field is missing", file=path.name, field=str(exc.args[0])
        ) from None
