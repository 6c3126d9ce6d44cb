"""``careerpivot data``: list data sets and import the official O*NET and BLS releases."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from careerpivot.cli.common import console, fail
from careerpivot.errors import CareerPivotError

if TYPE_CHECKING:
    from careerpivot.datasets.importing import ImportResult

app = typer.Typer(
    help="List data sets and import official releases (O*NET, BLS).", no_args_is_help=True
)

DataDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--data-dir", help="Where imported data sets live (default: your user data folder)."
    ),
]


def _bar() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


def _print(result: ImportResult) -> None:
    for line in result.lines():
        console.print(line, highlight=False)


@app.command("list", epilog="Example: careerpivot data list")
def list_(data_dir: DataDirOpt = None) -> None:
    """Show the data sets the app and commands can use (`--dataset NAME`)."""
    table = Table(title="Data sets")
    for col in ("Name", "Version", "Source", "Licence", "Location"):
        table.add_column(col, overflow="fold")
    from careerpivot.datasets.registry import available_datasets

    for info in available_datasets(data_dir):
        p = info.provenance
        table.add_row(info.name, p.version, p.source, p.licence, str(info.path))
    console.print(table)


@app.command(
    "import-onet",
    epilog=(
        "Examples: careerpivot data import-onet ~/Downloads/db_29_2_text.zip\n\n"
        "careerpivot data import-onet --version 31.0   (downloads from the O*NET Resource Center;"
        " --version latest is the newest known release)"
    ),
)
def import_onet_cmd(
    path: Annotated[
        Path | None, typer.Argument(help="An O*NET text release: a folder or db_XX_X_text.zip.")
    ] = None,
    version: Annotated[
        str | None,
        typer.Option(
            help="Download this release (29.2, 30.3, 31.0; 'latest' = the newest known) "
            "instead of reading PATH."
        ),
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="Download from this address instead.", hidden=True)
    ] = None,
    name: Annotated[str | None, typer.Option(help="Data set name (default onet-VERSION).")] = None,
    oews: Annotated[
        Path | None, typer.Option(help="BLS OEWS national file (xlsx) for wages.")
    ] = None,
    projections: Annotated[
        Path | None, typer.Option(help="BLS Employment Projections workbook (xlsx) for outlook.")
    ] = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Import O*NET (with BLS wages and outlook if given) as a data set.

    Reads both release layouts: 29.x-30.2 (Skills.txt, Interests.txt, ...) and
    30.3/31.x (Essential Skills.txt, Career Interest Types.txt, ...).
    """
    from careerpivot.datasets.importing import fetch_and_import, import_onet  # heavy: sklearn

    if (path is None) == (version is None):
        raise typer.BadParameter("give either PATH or --version (not both)")
    try:
        with _bar() as bar:
            task = bar.add_task("Reading O*NET", total=12)

            def step(what: str, done: int, total: int) -> None:
                bar.update(
                    task, description=what.capitalize(), completed=done, total=max(total, done)
                )

            if version is not None:
                dl = Progress(
                    TextColumn("[bold]Downloading"), BarColumn(), DownloadColumn(), console=console
                )
                dl_task = dl.add_task("download", total=None)
                with dl:
                    result = fetch_and_import(
                        version,
                        url=url,
                        data_dir=data_dir,
                        download_progress=lambda d, t: dl.update(
                            dl_task, completed=d, total=t or None
                        ),
                        progress=step,
                    )
            else:
                assert path is not None
                result = import_onet(
                    path,
                    name=name,
                    data_dir=data_dir,
                    oews=oews,
                    projections=projections,
                    progress=step,
                )
    except CareerPivotError as exc:
        fail(exc)
    _print(result)


@app.command(
    "import-bls",
    epilog=(
        "Example: careerpivot data import-bls --dataset onet-29.2 "
        "--oews oews_national_M2024_dl.xlsx --projections ep_occupation_2024_34.xlsx"
    ),
)
def import_bls_cmd(
    oews: Annotated[Path, typer.Option(help="BLS OEWS national file (xlsx).")],
    projections: Annotated[Path, typer.Option(help="BLS Employment Projections workbook (xlsx).")],
    dataset: Annotated[
        str, typer.Option("--dataset", "-d", help="Imported data set to update.")
    ] = "onet-29.2",
    data_dir: DataDirOpt = None,
) -> None:
    """Add BLS median wages, employment, outlook, openings and entry education to a data set."""
    from careerpivot.datasets.importing import import_bls  # heavy: sklearn

    try:
        with _bar() as bar:
            task = bar.add_task("Reading BLS", total=1)
            result = import_bls(
                dataset,
                oews,
                projections,
                data_dir=data_dir,
                progress=lambda what, d, t: bar.update(
                    task, description=what.capitalize(), completed=d, total=t
                ),
            )
    except CareerPivotError as exc:
        fail(exc)
    _print(result)
