"""The ``careerpivot`` command line: thin commands over :class:`careerpivot.engine.Engine`."""

from __future__ import annotations

import os
import re
import sys
from typing import NoReturn

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
from careerpivot.cli.common import err_console, one_line, styled

_SURROGATE = re.compile("[\ud800-\udfff]")
DEBUG_ENV = "CAREERPIVOT_DEBUG"  # "1": an unexpected error shows its traceback

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


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: arguments that are not valid text, and decoding or nesting
    problems no command caught, end in a one-line error (exit 2), never a traceback; so
    does any other error no command caught (exit 1: it is a bug, and says so)."""
    args = sys.argv[1:] if argv is None else list(argv)
    for arg in args:
        if _SURROGATE.search(arg):
            _exit(f"argument '{one_line(arg)}' is not valid text (undecodable bytes)")
    try:
        app(args=args, prog_name="careerpivot")
    except (UnicodeError, RecursionError) as exc:
        what = "nested too deeply" if isinstance(exc, RecursionError) else "not valid text"
        _exit(f"the input is {what} ({type(exc).__name__}); nothing was saved")
    except MemoryError:
        _exit("not enough memory for this input; nothing was saved")
    except Exception as exc:  # a bug no command caught: one line, not a traceback
        if os.environ.get(DEBUG_ENV):
            raise
        _exit(
            f"unexpected {type(exc).__name__} ({one_line(str(exc), 200)}): a CareerPivot bug. "
            f"Set {DEBUG_ENV}=1 to see where, and report it",
            code=1,
        )


def _exit(message: str, code: int = 2) -> NoReturn:
    err_console.print(styled(("error: ", "bold red"), message))
    raise SystemExit(code)
