"""``careerpivot report``: a client's report as PDF, Markdown or CSV."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpivot.cli.client_cmd import ClientArg, DbOpt, open_store, parse_date
from careerpivot.cli.common import console, engine, err_console, fail, write_text
from careerpivot.errors import CareerPivotError
from careerpivot.private import write_private

if TYPE_CHECKING:
    from careerpivot.engine import Engine
    from careerpivot.report import Section
    from careerpivot.store import ClientSnapshot


ReportDatasetOpt = Annotated[
    str | None,
    typer.Option(
        "--dataset",
        "-d",
        help="Data set to report on (default: the one the client's profile was made on, "
        "as the app does; see `careerpivot data list`).",
    ),
]


class ReportFormat(StrEnum):
    """Output formats."""

    pdf = "pdf"
    md = "md"
    csv = "csv"


def rejections(eng: Engine, snapshot: ClientSnapshot) -> tuple[Section, ...]:
    """The client's rejection-log findings (none without logged applications)."""
    if not snapshot.rejections:
        return ()
    # Imported here: the classifier's scikit-learn import is only paid when it is needed.
    from careerpivot.report.rejections import client_rejection_sections

    return client_rejection_sections(eng, snapshot)


def report_dataset(snapshot: ClientSnapshot, chosen: str | None) -> str:
    """The data set a client's report is made on: the one asked for, else the one their
    profile was made on (so the report shows the app's numbers), else the starter set.

    A profile made on one data set and reported on another loses what that one lacks:
    say so on stderr. A profile's data set that is not installed is an error naming it,
    not a quiet report on other numbers.
    """
    from careerpivot.datasets.registry import available_datasets
    from careerpivot.datasets.starter import STARTER_NAME

    made_on = snapshot.profile_dataset
    if chosen is None:
        if made_on is None:
            return STARTER_NAME
        if made_on not in {i.name for i in available_datasets()}:
            raise CareerPivotError(
                f"{snapshot.client.name}'s profile was made on data set {made_on!r}, which is "
                "not installed here; import it (`careerpivot data import-onet`) or choose "
                "another with --dataset (see `careerpivot data list`)"
            )
        return made_on
    if made_on is not None and made_on != chosen:
        err_console.print(
            f"note: {snapshot.client.name}'s profile was made on data set {made_on!r}; this "
            f"report uses {chosen!r}, without the ratings and roles {chosen!r} lacks.",
            style="yellow",
        )
    return chosen


def register(app: typer.Typer) -> None:
    """Add the ``report`` command to the top-level app."""
    app.command(
        epilog=(
            "Examples: careerpivot report 'Ana Díaz' --format pdf --out ana.pdf\n\n"
            "careerpivot report '#3' --format md > ana.md"
        )
    )(report)


def report(
    client: ClientArg,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="pdf, md (Markdown) or csv.")
    ] = ReportFormat.md,
    out: Annotated[
        Path | None,
        typer.Option(help="File to write (default: stdout for md and csv, report-ID-DATE.pdf)."),
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="Report date, YYYY-MM-DD (default: today).")
    ] = None,
    k: Annotated[int, typer.Option("-k", min=1, max=20, help="How many pivots to list.")] = 5,
    dataset: ReportDatasetOpt = None,
    db: DbOpt = None,
) -> None:
    """Write a client's report: assessment, pivots, gaps, plan, routes, rejection patterns and
    actions, and session notes."""
    day = parse_date(on)
    try:
        with open_store(db) as store:
            snapshot = store.load_client(store.resolve_client(client).id)
        eng = engine(report_dataset(snapshot, dataset))
        from careerpivot.report import build_report, render

        built = build_report(eng, snapshot, on=day, k=k, rejections=rejections(eng, snapshot))
        rendered = render(built, fmt.value)
    except CareerPivotError as exc:
        fail(exc)
    default_name = f"report-{snapshot.client.id}-{day.isoformat()}.{fmt.value}"
    if out is None and fmt is ReportFormat.pdf:
        out = Path(default_name)
    if out is None:
        write_text(rendered.data.decode("utf-8"))
        return
    if out.is_dir() or str(out).endswith(("/", os.sep)):  # a folder: the report goes inside it
        out = out / default_name
    try:
        write_private(out, rendered.data)  # atomic, 0600, temporary file in the same folder
    except OSError as exc:  # a WriteError: it names the file and the reason
        fail(exc)
    console.print(f"Wrote {out} ({fmt.value}, {len(rendered.data):,} bytes).")
