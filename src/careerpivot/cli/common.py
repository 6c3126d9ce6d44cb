"""Shared CLI plumbing: loading the engine, resolving roles and profiles, printing.

Heavy modules (the engine with numpy, scikit-learn and networkx, pydantic models, the
store's SQLAlchemy) are imported inside the functions that need them, so that
``careerpivot --help`` and each command's ``--help`` start in a fraction of a second
(``tests/cli/test_cli_startup.py`` checks which modules a bare start loads).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from careerpivot.errors import AmbiguousRoleError, CareerPivotError, UnknownRoleError

if TYPE_CHECKING:
    from pydantic import BaseModel

    from careerpivot.engine import Engine
    from careerpivot.profile import Profile

# Markup and emoji codes are off: text from people and files ("[/]", ":x:") prints as typed.
# Our own styling goes through rich.text.Text (see styled()).
console = Console(markup=False, emoji=False)
err_console = Console(stderr=True, markup=False, emoji=False)

DatasetOpt = Annotated[
    str, typer.Option("--dataset", "-d", help="Data set name (see `careerpivot data list`).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
RoleOpt = Annotated[
    str | None,
    typer.Option("--role", "-r", help="Current or last role: an O*NET-SOC code or a title."),
]
ProfileOpt = Annotated[
    Path | None,
    typer.Option("--profile", "-p", help="Profile JSON file (see `careerpivot profile init`)."),
]

#: The embedded data set (careerpivot.datasets.starter.STARTER_NAME; a test checks they agree).
DEFAULT_DATASET = "starter"


def engine(name: str) -> Engine:
    """Load the engine, turning domain errors into a clean exit."""
    with console.status(f"Loading data set {name!r}...", spinner="dots"):
        from careerpivot.engine import Engine

        return Engine.load(name)


def resolve_role(eng: Engine, text: str) -> str:
    """An O*NET-SOC code from a code or a typed title (through :meth:`Engine.search`, the
    search every picker uses); says which title was matched. A title that fits several
    roles about equally well is refused with the choices, never silently resolved."""
    if text in eng.dataset.occupation_index:
        return text
    result = eng.search(text, limit=6)
    if not result:
        raise UnknownRoleError(
            text, "No title matched; try `careerpivot roles search` with fewer words."
        )
    best = result.best
    if best is None:
        raise AmbiguousRoleError(
            text, [(m.code, m.title, m.description) for m in result.choices], loose=result.loose
        )
    if not best.exact:
        from careerpivot.presentation import matched_note

        err_console.print(matched_note(text, best), style="dim")
    return best.code


def rated_target(eng: Engine, code: str) -> str:
    """The target to compare with: ``code``, or its closest rated role when it has no ratings
    (said on stderr, so the person knows what they are looking at)."""
    from careerpivot.presentation import stand_in_note

    other, note = stand_in_note(eng.dataset, code)
    if note:
        err_console.print(note, style="yellow")
    return other


def resolve_profile(eng: Engine, role: str | None, profile: Path | None) -> Profile:
    """A profile from a JSON file, else seeded from a role; one of the two is required."""
    from careerpivot.profile import Profile, load_profile

    if profile is not None:
        p = load_profile(profile)
        if role is not None:
            p = Profile.model_validate({**p.model_dump(), "current_role": resolve_role(eng, role)})
        return p.check(eng.dataset)
    if role is not None:
        return eng.profile_for(resolve_role(eng, role))
    raise typer.BadParameter("give --role TITLE_OR_CODE or --profile FILE")


def to_jsonable(obj: Any) -> Any:
    """Dataclasses and containers to plain JSON types."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        for prop in (
            "deficit",
            "priority",
            "priority_words",
            "required_words",
            "current_words",
            "unknown_tool",
            "total_hours",
            "codes",
            "gain",
            "summary",
            "hours_low",
            "hours_high",
            "hours",
            "check",
        ):
            if hasattr(type(obj), prop) and isinstance(getattr(type(obj), prop), property):
                out[prop] = to_jsonable(getattr(obj, prop))
        return out
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, float):
        return round(obj, 4)
    return obj


def print_json(obj: Any) -> None:
    """Write JSON to stdout."""
    sys.stdout.write(json.dumps(to_jsonable(obj), indent=2) + "\n")


def print_model(answer: BaseModel) -> None:
    """Write one of the shared answer models (:mod:`careerpivot.schemas`) as JSON to stdout:
    the same document the HTTP API returns for the same question."""
    sys.stdout.write(answer.model_dump_json(indent=2) + "\n")


def fail(exc: Exception) -> None:
    """Print an error in one line and exit 2."""
    err_console.print(styled(("error: ", "bold red"), one_line(str(exc))))
    raise typer.Exit(2)


def styled(*parts: str | tuple[str, str]) -> Text:
    """Text with some parts styled, e.g. ``styled(("Route 1", "bold"), " (40 h)")``;
    never parsed as markup, so it is safe for any text."""
    return Text.assemble(*parts)


def one_line(text: str, limit: int = 2000) -> str:
    r"""``text`` on one line: line breaks and other control characters shown escaped.

    >>> print(one_line("bad\nthing\x1b[31m"))
    bad\nthing\x1b[31m
    """
    out = "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )
    return out if len(out) <= limit else out[:limit] + "…"


def money(value: float | None) -> str:
    """A wage in US dollars, "—" when missing (careerpivot.presentation.usd)."""
    from careerpivot.presentation import usd

    return usd(value)


def signed_money(value: float | None) -> str:
    """A wage change with its sign (careerpivot.presentation.usd_change)."""
    from careerpivot.presentation import usd_change

    return usd_change(value)


def pct(value: float | None) -> str:
    """A percent change with its sign (careerpivot.presentation.percent_change)."""
    from careerpivot.presentation import percent_change

    return percent_change(value)


__all__ = ["CareerPivotError", "console", "engine", "fail", "resolve_profile", "resolve_role"]
