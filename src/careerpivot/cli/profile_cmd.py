"""``careerpivot profile``: create and check self-assessment profile files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from careerpivot.cli.common import DEFAULT_DATASET, DatasetOpt, console, engine, fail, resolve_role
from careerpivot.errors import CareerPivotError

app = typer.Typer(help="Create and check profile JSON files.", no_args_is_help=True)


@app.command(epilog="Example: careerpivot profile init --role 'data analyst' --out me.json")
def init(
    role: Annotated[
        str, typer.Option("--role", "-r", help="Start from this role (code or title).")
    ],
    out: Annotated[Path, typer.Option(help="Profile file to write.")] = Path("profile.json"),
    dataset: DatasetOpt = DEFAULT_DATASET,
) -> None:
    """Write a profile seeded from a role, to adjust by hand or in the app."""
    try:
        from careerpivot.private import check_write_target

        check_write_target(out)  # a folder or device there: say so before any work
        eng = engine(dataset)
        if out.exists() or out.is_symlink():
            raise typer.BadParameter(
                f"{out} exists; choose another --out (nothing was overwritten)"
            )
        prof = eng.profile_for(resolve_role(eng, role))
        from careerpivot.profile import save_profile

        save_profile(prof, out)
    except CareerPivotError as exc:
        fail(exc)
    console.print(f"Wrote {out} with {len(prof.ratings)} ratings from {prof.current_role}.")


@app.command(epilog="Example: careerpivot profile check me.json")
def check(
    path: Annotated[Path, typer.Argument(help="Profile JSON file.")],
    dataset: DatasetOpt = DEFAULT_DATASET,
) -> None:
    """Validate a profile file against a data set."""
    try:
        from careerpivot.profile import load_profile

        prof = load_profile(path)
        prof.check(engine(dataset).dataset)
    except CareerPivotError as exc:
        fail(exc)
    console.print(f"{path}: valid ({len(prof.ratings)} ratings).")
