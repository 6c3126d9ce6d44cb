"""``careerpivot workspace``: people's workspaces (their data kept under a private link)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from careerpivot.cli.client_cmd import DbOpt
from careerpivot.cli.common import console, fail
from careerpivot.errors import CareerPivotError

#: A century: more is no real age (and past the calendar's end, 9999, for larger numbers).
MAX_DAYS = 36_500

app = typer.Typer(
    help="People's workspaces: what they entered in the app, kept under a private link.",
    no_args_is_help=True,
)


@app.command(epilog="Example: careerpivot workspace purge --days 90 --dry-run")
def purge(
    days: Annotated[
        int,
        typer.Option(
            "--days",
            min=1,
            max=MAX_DAYS,
            help="Erase workspaces nobody has opened for this many days.",
        ),
    ] = 180,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only count what would be erased.")
    ] = False,
    db: DbOpt = None,
) -> None:
    """Erase workspaces nobody has opened for a set time (their links then open empty).

    Client records are never touched. Run it from cron, for example weekly.
    """
    unopened = dt.timedelta(days=days)
    try:
        from careerpivot.store import Store

        with Store.open(db) as store:
            if dry_run:
                n = store.count_workspaces(unopened_for=unopened)
                total = store.count_workspaces()
                console.print(
                    f"{n} of {total} workspace(s) have not been opened for {days} days; "
                    "nothing was erased (--dry-run)."
                )
                return
            n = store.purge_workspaces(unopened)
            left = store.count_workspaces()
    except CareerPivotError as exc:
        fail(exc)
    console.print(
        f"Erased {n} workspace(s) not opened for {days} days; {left} workspace(s) remain."
    )
