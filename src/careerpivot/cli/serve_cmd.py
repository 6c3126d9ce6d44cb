"""``careerpivot serve``: the JSON HTTP API on uvicorn, on this machine only unless asked."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Annotated

import typer

from careerpivot.cli.app_cmd import ListenRemote, guard_listen, passcode_is_set
from careerpivot.cli.common import err_console, fail
from careerpivot.errors import CareerPivotError
from careerpivot.netsafe import LOOPBACK


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command."""
    app.command(
        "serve",
        epilog=(
            "Example: careerpivot serve --port 8000   (then open http://127.0.0.1:8000/docs)\n\n"
            "Two workers on O*NET data: careerpivot serve --workers 2 --dataset onet-29.2\n\n"
            "Other machines (needs a counselor passcode): careerpivot serve --host 0.0.0.0 "
            "--listen-remote"
        ),
    )(serve)


def serve(
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    host: Annotated[
        str, typer.Option(help="Address to listen on (default: this machine only).")
    ] = LOOPBACK,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Worker processes computing answers. On Linux they are forked once the "
            "engine is loaded, share its memory, and take requests from one queue.",
        ),
    ] = 1,
    threads: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Requests one process computes at once (default 1: answers are CPU work, "
            "so more only share a core and slow each answer; add workers instead).",
        ),
    ] = 1,
    dataset: Annotated[
        list[str] | None,
        typer.Option(
            "--dataset", "-d", help="Data set to serve (repeatable; the first is the default)."
        ),
    ] = None,
    counselor: Annotated[
        bool,
        typer.Option(
            "--counselor",
            help="Turn on the counselor endpoints (bearer token issued for the passcode).",
        ),
    ] = False,
    listen_remote: ListenRemote = False,
) -> None:
    """Serve the JSON API (OpenAPI at /openapi.json, interactive docs at /docs)."""
    import uvicorn

    from careerpivot.api.app import COUNSELOR_ENV, DATASETS_ENV, THREADS_ENV, Settings, create_app
    from careerpivot.api.pool import can_fork
    from careerpivot.datasets.registry import load_dataset

    guard_listen(host, listen_remote)
    try:
        names = list(dict.fromkeys(dataset or ["starter"]))
        for n in names:  # fail here, clearly, rather than in every worker
            load_dataset(n)
        if counselor and not passcode_is_set():
            raise CareerPivotError(
                "the counselor endpoints need a passcode: run `careerpivot client passcode`"
            )
    except CareerPivotError as exc:
        fail(exc)
    err_console.print(
        f"CareerPivot API on http://{host}:{port} (docs: /docs, schema: /openapi.json); "
        f"data sets: {', '.join(names)}; workers: {workers}",
        markup=False,
        highlight=False,
    )
    os.environ[DATASETS_ENV] = ",".join(names)
    os.environ[COUNSELOR_ENV] = "1" if counselor else "0"
    os.environ[THREADS_ENV] = str(threads)
    if workers == 1 or can_fork():
        # one process reads HTTP; with workers > 1 it forks them once the engines load
        settings = replace(Settings.from_env(), processes=workers)
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
    else:  # no fork: each uvicorn worker imports the factory and loads its engines once
        uvicorn.run(
            "careerpivot.api.app:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
        )
