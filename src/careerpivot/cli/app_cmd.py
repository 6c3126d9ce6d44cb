"""``careerpivot app``: start the Streamlit front end, on this machine only unless asked."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Annotated

import typer

from careerpivot.cli.common import err_console, fail
from careerpivot.errors import CareerPivotError
from careerpivot.netsafe import LOOPBACK, check_listen, is_loopback
from careerpivot.resources import streamlit_entry

#: Settings every run gets, whatever the config file says: no usage statistics, and
#: browsers see that an error happened, never its details (tracebacks, file paths).
#: The rest repeat the checkout's ``.streamlit/config.toml``, so an installed package run
#: from any folder behaves the same (no magic, viewer toolbar, small uploads). Tables have
#: no built-in CSV download or copy: Streamlit's writes cells as they are (``=HYPERLINK``
#: runs in a spreadsheet); the pages' own CSV downloads neutralise formulas.
SAFE_SETTINGS = (
    "--browser.gatherUsageStats=false",
    "--client.showErrorDetails=none",
    "--client.disableDataExport=true",
    "--runner.magicEnabled=false",
    "--client.toolbarMode=viewer",
    "--server.maxUploadSize=1",
)


def register(app: typer.Typer) -> None:
    """Add the ``app`` command."""
    app.command(
        "app",
        epilog=(
            "Example: careerpivot app --port 8501\n\n"
            "Other machines (needs a counselor passcode): careerpivot app --address 0.0.0.0 "
            "--listen-remote"
        ),
    )(run_app)


def streamlit_command(port: int, headless: bool, address: str) -> list[str]:
    """The ``streamlit run`` command line for these options."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(streamlit_entry()),
        f"--server.port={port}",
        f"--server.address={address}",
        f"--server.headless={'true' if headless else 'false'}",
        *SAFE_SETTINGS,
    ]


def passcode_is_set() -> bool:
    """True when the counselor store has a passcode (the default database)."""
    from careerpivot.store import Store  # imported late: the app command should start fast

    with Store.open() as store:
        return store.passcode_required()


ListenRemote = Annotated[
    bool,
    typer.Option(
        "--listen-remote",
        help="Allow an address other machines can reach; needs a counselor passcode.",
    ),
]


def guard_listen(address: str, listen_remote: bool) -> None:
    """Refuse a non-loopback address unless asked for and a passcode is set; warn if allowed.

    The app and the API share this rule, so neither is ever open to the network by default.
    """
    try:
        warning = check_listen(
            address,
            allow_remote=listen_remote,
            passcode_set=not is_loopback(address) and listen_remote and passcode_is_set(),
        )
    except CareerPivotError as exc:
        fail(exc)
    if warning:
        err_console.print(warning, style="bold yellow", markup=False, highlight=False)


def run_app(
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to serve on.")] = 8501,
    headless: Annotated[bool, typer.Option(help="Do not open a browser.")] = False,
    address: Annotated[
        str,
        typer.Option(help="Address to listen on (default: this machine only)."),
    ] = LOOPBACK,
    listen_remote: ListenRemote = False,
) -> None:
    """Start the web app (Streamlit) on the embedded data, reachable from this machine only."""
    guard_listen(address, listen_remote)
    raise typer.Exit(start_streamlit(streamlit_command(port, headless, address)))


def start_streamlit(cmd: list[str]) -> int:
    """Run ``cmd``: where processes can replace themselves (POSIX) this process becomes
    Streamlit, so stopping ``careerpivot app`` (Ctrl-C, ``kill``, a supervisor) stops the
    server too; a child would outlive a killed parent and keep the port. Elsewhere it runs
    as a child and its exit code is returned."""
    if os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(cmd[0], cmd)
    return subprocess.call(cmd)
