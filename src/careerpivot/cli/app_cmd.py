"""``careerpivot app``: start the Streamlit front end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

APP_FILE = Path(__file__).resolve().parents[3] / "app.py"


def register(app: typer.Typer) -> None:
    """Add the ``app`` command."""
    app.command("app", epilog="Example: careerpivot app --port 8501")(run_app)


def run_app(
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8501,
    headless: Annotated[bool, typer.Option(help="Do not open a browser.")] = False,
) -> None:
    """Start the web app (Streamlit) on the embedded data."""
    if not APP_FILE.exists():
        raise typer.BadParameter(f"{APP_FILE} not found: run from a checkout of CareerPivot")
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP_FILE),
        f"--server.port={port}",
        f"--server.headless={'true' if headless else 'false'}",
        "--browser.gatherUsageStats=false",
    ]
    raise typer.Exit(subprocess.call(cmd))
