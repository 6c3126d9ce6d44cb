"""``careerpivot client``: counselors' client records (list, add, notes, export, import, erase)."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer
from rich.table import Table

from careerpivot.cli.common import (
    DEFAULT_DATASET,
    DatasetOpt,
    ProfileOpt,
    RoleOpt,
    console,
    engine,
    fail,
    resolve_profile,
    write_json,
)
from careerpivot.errors import CareerPivotError

if TYPE_CHECKING:  # the store loads SQLAlchemy: imported where a command opens it
    from careerpivot.store import Store

#: careerpivot.store.DB_URL_ENV (a test checks they agree).
DB_URL_ENV = "CAREERPIVOT_DB_URL"

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=DB_URL_ENV,
        help="Database URL: sqlite:///FILE or postgresql://USER@HOST/DB "
        "(default: careerpivot.db in the user data folder).",
    ),
]
ClientArg = Annotated[
    str,
    typer.Argument(
        help="The client: #ID (like #12) or the full name (see `careerpivot client list`)."
    ),
]

app = typer.Typer(
    help="Counselors' client records: profiles, session notes, export and erase.",
    no_args_is_help=True,
)


PASSCODE_ENV = "CAREERPIVOT_PASSCODE"
#: Pause after a wrong passcode on the command line, so a script cannot guess quickly.
WRONG_PASSCODE_DELAY_S = 1.0


def ask_passcode(store: Store, prompt: str = "Counselor passcode") -> str | None:
    """The passcode from ``$CAREERPIVOT_PASSCODE`` or typed at a prompt; ``None`` if none is set."""
    if not store.passcode_required():
        return None
    given = os.environ.get(PASSCODE_ENV)
    if given is not None:
        return given
    try:
        return str(typer.prompt(prompt, hide_input=True, err=True))
    except (typer.Abort, click.exceptions.Abort, EOFError):
        from careerpivot.store import StoreError

        raise StoreError(
            f"a counselor passcode is set: give it in {PASSCODE_ENV} or type it when asked"
        ) from None


def require_passcode(store: Store) -> None:
    """Stop (one-line error, exit 2) unless the right counselor passcode was given."""
    attempt = ask_passcode(store)
    if attempt is not None and not store.check_passcode(attempt):
        time.sleep(WRONG_PASSCODE_DELAY_S)
        from careerpivot.store import StoreError

        raise StoreError("wrong counselor passcode; nothing was read or changed")


@contextmanager
def open_store(db: str | None) -> Iterator[Store]:
    """The client store, after the counselor passcode (when one is set) was given."""
    from careerpivot.store import Store

    with Store.open(db) as store:
        require_passcode(store)
        yield store


def parse_date(text: str | None) -> dt.date:
    """A ``YYYY-MM-DD`` option, today when not given."""
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date like 2025-03-14") from None


@app.command("list", epilog="Example: careerpivot client list --search diaz")
def list_clients(
    search: Annotated[str, typer.Option(help="Part of a name or contact.")] = "",
    include_archived: Annotated[
        bool, typer.Option("--all", help="Include archived clients.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    db: DbOpt = None,
) -> None:
    """List clients by name."""
    try:
        with open_store(db) as store:
            clients = store.list_clients(search=search, include_archived=include_archived)
    except CareerPivotError as exc:
        fail(exc)
    if as_json:
        rows = [
            {
                "id": c.id,
                "name": c.name,
                "contact": c.contact,
                "archived": c.archived,
                "created": c.created.isoformat(),
            }
            for c in clients
        ]
        write_json(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not clients:
        console.print("No clients yet. Add one with `careerpivot client add NAME`.")
        return
    table = Table(title="Clients")
    for col in ("Id", "Name", "Contact", "Since", "Archived"):
        table.add_column(col)
    for c in clients:
        table.add_row(
            f"#{c.id}",
            c.name,
            c.contact or "",
            c.created.date().isoformat(),
            "yes" if c.archived else "",
        )
    console.print(table)


@app.command(epilog="Example: careerpivot client add 'Ana Díaz' --role 'software developer'")
def add(
    name: Annotated[str, typer.Argument(help="The client's name.")],
    contact: Annotated[str | None, typer.Option(help="E-mail or phone (optional).")] = None,
    role: RoleOpt = None,
    profile: ProfileOpt = None,
    dataset: DatasetOpt = DEFAULT_DATASET,
    db: DbOpt = None,
) -> None:
    """Add a client, optionally with a first profile (from a past role or a profile file)."""
    try:
        prof = None
        if role is not None or profile is not None:
            prof = resolve_profile(engine(dataset), role, profile)
        with open_store(db) as store, store.batch() as w:
            client = w.create_client(name, contact=contact)
            if prof is not None:
                w.save_profile(client.id, prof, dataset=dataset)
    except CareerPivotError as exc:
        fail(exc)
    extra = f" with a profile of {len(prof.ratings)} ratings" if prof is not None else ""
    console.print(f"Added client #{client.id} {client.name}{extra}.")


@app.command(epilog="Example: careerpivot client note 'Ana Díaz' 'Explored data roles.'")
def note(
    client: ClientArg,
    text: Annotated[str, typer.Argument(help="The session notes (plain text).")],
    on: Annotated[str | None, typer.Option("--date", help="Session date, YYYY-MM-DD.")] = None,
    db: DbOpt = None,
) -> None:
    """Record a session with its notes."""
    day = parse_date(on)
    try:
        with open_store(db) as store:
            who = store.resolve_client(client)
            entry = store.add_session(who.id, day, text)
    except CareerPivotError as exc:
        fail(exc)
    console.print(f"Saved session {entry.id} of {who.name} on {day.isoformat()}.")


@app.command(epilog="Example: careerpivot client archive '#3' (bring back: --undo)")
def archive(
    client: ClientArg,
    undo: Annotated[bool, typer.Option("--undo", help="Bring an archived client back.")] = False,
    db: DbOpt = None,
) -> None:
    """Archive a client: hidden from the list, every record kept."""
    try:
        with open_store(db) as store:
            who = store.set_archived(store.resolve_client(client).id, not undo)
    except CareerPivotError as exc:
        fail(exc)
    console.print(f"{who.name} is {'archived' if who.archived else 'active'}.")


@app.command(epilog="Example: careerpivot client export 'Ana Díaz' --out ana.json")
def export(
    client: ClientArg,
    out: Annotated[Path | None, typer.Option(help="File to write (default: stdout).")] = None,
    db: DbOpt = None,
) -> None:
    """Write everything about a client to one JSON file (to move to another counselor)."""
    try:
        with open_store(db) as store:
            data = store.export_client(store.resolve_client(client).id)
        if out is None:
            write_json(data.model_dump_json(indent=2))
            return
        from careerpivot.store import write_client_file

        write_client_file(data, out)
    except (CareerPivotError, OSError) as exc:
        fail(exc)
    console.print(
        f"Wrote {out} (sessions: {len(data.sessions)}, profile versions: {len(data.profiles)})."
    )


@app.command("import", epilog="Example: careerpivot client import ana.json")
def import_(
    path: Annotated[Path, typer.Argument(help="A file written by `careerpivot client export`.")],
    db: DbOpt = None,
) -> None:
    """Add a client from an export file; a bad file is refused and nothing is stored."""
    try:
        from careerpivot.store import read_client_file

        data = read_client_file(path)
        with open_store(db) as store:
            who = store.import_client(data)
    except CareerPivotError as exc:
        fail(exc)
    console.print(f"Imported client #{who.id} {who.name} (sessions: {len(data.sessions)}).")


@app.command(epilog="Example: careerpivot client delete '#3' --yes")
def delete(
    client: ClientArg,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    db: DbOpt = None,
) -> None:
    """Erase a client and every record of theirs (for erasure requests). Cannot be undone.

    Name the client exactly: #ID or the name exactly as listed."""
    try:
        with open_store(db) as store:
            who = store.resolve_client(client, exact=True)
            if not yes:
                typer.confirm(
                    f"Erase client {who.id} {who.name} and all their records? "
                    "This cannot be undone",
                    abort=True,
                )
            store.delete_client(who.id, confirm=True)
    except CareerPivotError as exc:
        fail(exc)
    console.print(f"Erased client #{who.id} {who.name}.")


@app.command(epilog="Example: careerpivot client passcode (or --clear to remove it)")
def passcode(
    clear: Annotated[bool, typer.Option("--clear", help="Remove the passcode.")] = False,
    db: DbOpt = None,
) -> None:
    """Set the counselor passcode the app and client commands ask for (stored only as a salted
    hash). Once one is set, changing or clearing it needs the current one; client commands
    then take it from CAREERPIVOT_PASSCODE or ask for it."""
    try:
        from careerpivot.store import Store

        with Store.open(db) as store:
            current = ask_passcode(store, "Current passcode")
            if current is not None and not store.check_passcode(current):
                time.sleep(WRONG_PASSCODE_DELAY_S)
            if clear:
                store.change_passcode(current, None)
                console.print("Passcode removed: counselor pages open without one.")
                return
            if current is not None:
                store.change_passcode(current, current)  # wrong ones stop here, before asking
            new = typer.prompt("New passcode", hide_input=True, confirmation_prompt=True)
            store.change_passcode(current, new)
    except CareerPivotError as exc:
        fail(exc)
    console.print("Passcode set.")
