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
from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    RenderableType,
    RenderHook,
    RenderResult,
)
from rich.segment import Segment
from rich.text import Text

from careerpivot.errors import AmbiguousRoleError, CareerPivotError, UnknownRoleError

if TYPE_CHECKING:
    from pydantic import BaseModel

    from careerpivot.engine import Engine
    from careerpivot.profile import Profile


class _Escaped:
    """A renderable whose text segments have their control characters shown escaped."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from careerpivot.textcheck import terminal_safe

        for segment in console.render(self.renderable, options):
            if segment.control:  # rich's own cursor and line controls
                yield segment
            else:
                yield Segment(terminal_safe(segment.text), segment.style)


class TerminalSafe(RenderHook):
    """Every renderable printed goes through :class:`_Escaped`: a title, name or note from
    a file or a person that holds ESC, BEL or an 8-bit CSI prints as ``\\x1b``..., never
    reaching the terminal as a command (clear the screen, retitle the window, a hidden
    hyperlink)."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Escaped(r) for r in renderables]


def _console(*, stderr: bool = False) -> Console:
    out = Console(stderr=stderr, markup=False, emoji=False)
    out.push_render_hook(TerminalSafe())
    return out


# Markup and emoji codes are off: text from people and files ("[/]", ":x:") prints as typed.
# Our own styling goes through rich.text.Text (see styled()). Control characters are shown
# escaped (TerminalSafe).
console = _console()
err_console = _console(stderr=True)

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


def write_json(text: str) -> None:
    """Write a JSON document to stdout with DEL and the C1 controls (U+007F-U+009F; U+009B
    is an 8-bit CSI to a terminal) as ``\\u`` escapes: the same JSON, safe on a terminal
    (encoders escape the C0 controls already)."""
    from careerpivot.textcheck import json_terminal_safe

    sys.stdout.write(json_terminal_safe(text) + "\n")


def write_text(text: str) -> None:
    """Write a document (a Markdown or CSV report) to stdout as it is, but with control
    characters shown escaped when stdout is a terminal (:func:`textcheck.terminal_safe`)."""
    from careerpivot.textcheck import terminal_safe

    sys.stdout.write(terminal_safe(text) if sys.stdout.isatty() else text)


def print_json(obj: Any) -> None:
    """Write JSON to stdout."""
    write_json(json.dumps(to_jsonable(obj), indent=2))


def print_model(answer: BaseModel) -> None:
    """Write one of the shared answer models (:mod:`careerpivot.schemas`) as JSON to stdout:
    the same document the HTTP API returns for the same question."""
    write_json(answer.model_dump_json(indent=2))


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
