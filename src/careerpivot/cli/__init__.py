"""The ``careerpivot`` command line: thin commands over :class:`careerpivot.engine.Engine`."""

from __future__ import annotations

import typer

from careerpivot.cli import (
    app_cmd,
    client_cmd,
    data_cmd,
    graph_cmd,
    profile_cmd,
    query_cmd,
    report_cmd,
    roles_cmd,
    serve_cmd,
    workspace_cmd,
)

app = typer.Typer(
    name="careerpivot",
    help=(
        "Find adjacent roles your skills already fit, see the gaps, plan the route.\n\n"
        "Example: careerpivot recommend --role 'software developer'"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
query_cmd.register(app)
app.add_typer(roles_cmd.app, name="roles")
app.add_typer(graph_cmd.app, name="graph")
app.add_typer(data_cmd.app, name="data")
app.add_typer(profile_cmd.app, name="profile")
report_cmd.register(app)
app.add_typer(client_cmd.app, name="client")
app.add_typer(workspace_cmd.app, name="workspace")
app_cmd.register(app)
serve_cmd.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
