"""``careerpivot roles``: find roles by title and show one role."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from careerpivot.cli.common import (
    DEFAULT_DATASET,
    DatasetOpt,
    JsonOpt,
    console,
    engine,
    fail,
    money,
    pct,
    print_model,
    resolve_role,
    styled,
)
from careerpivot.errors import CareerPivotError

app = typer.Typer(
    help="Find roles by title (typo tolerant) and show their details.", no_args_is_help=True
)


@app.command(epilog="Example: careerpivot roles search 'sofware enginer'")
def search(
    query: Annotated[str, typer.Argument(help="A job title, as you would type it.")],
    limit: Annotated[int, typer.Option("-n", min=1, max=100, help="How many roles.")] = 10,
    dataset: DatasetOpt = DEFAULT_DATASET,
    as_json: JsonOpt = False,
) -> None:
    """Search titles and alternate titles, tolerant of typos."""
    try:
        eng = engine(dataset)
        hits = eng.search(query, limit=limit)
    except CareerPivotError as exc:
        fail(exc)
    if as_json:
        from careerpivot.schemas import SearchAnswer

        print_model(SearchAnswer.of(eng.dataset, query, hits))
        return
    if not hits:
        console.print(f"No role matches {query!r}. Try a shorter or more common title.")
        return
    table = Table(title=f"Roles matching {query!r}")
    for col in ("Code", "Title", "Matched title", "Match", "What the role does"):
        table.add_column(col)
    for h in hits:
        table.add_row(
            h.code,
            h.title,
            h.matched,
            "exact" if h.exact else f"{h.score:.0f}",
            h.description,
        )
    console.print(table)
    if hits.loose:
        console.print(
            f"No close match for {query!r}: these only look alike. Did you mean one of them? "
            "Give its code, or try another title."
        )
    elif hits.ambiguous:
        console.print(
            f"The first {len(hits.choices)} fit about equally well: give the code "
            "(or a fuller title) to choose one."
        )


@app.command(epilog="Example: careerpivot roles show 'registered nurse'")
def show(
    role: Annotated[str, typer.Argument(help="Code or title.")],
    dataset: DatasetOpt = DEFAULT_DATASET,
    as_json: JsonOpt = False,
) -> None:
    """Show one role: description, job zone, wage, outlook and top requirements."""
    try:
        eng = engine(dataset)
        occ = eng.dataset.occupation(resolve_role(eng, role))
        reqs = sorted(eng.dataset.requirements_of(occ.code), key=lambda r: -r.importance)
    except CareerPivotError as exc:
        fail(exc)
    if as_json:
        from careerpivot.schemas import RoleAnswer

        print_model(RoleAnswer.of(eng.dataset, occ))
        return
    console.print(styled((occ.title, "bold"), f" ({occ.code}) · {occ.major_group}"))
    console.print(occ.description)
    console.print(
        f"Job zone {eng.dataset.job_zone_label(occ.job_zone)} · "
        f"median wage {money(occ.median_wage)}/year · "
        f"outlook {pct(occ.outlook_pct)} over ten years · Holland code {occ.holland_code or '—'}"
    )
    if occ.unscored_reason:
        console.print(styled(("Cannot be scored: ", "yellow"), occ.unscored_reason))
    areas = eng.dataset.extras.get("interest_areas", {}).get(occ.code, [])
    if areas:
        console.print(
            "Specific interest areas (O*NET, 1-7): "
            + ", ".join(f"{name} {value:.1f}" for name, value in areas[:3]),
            highlight=False,
        )
    if occ.estimate_note:
        console.print(styled(("Estimated: ", "yellow"), occ.estimate_note))
    title = "Most important requirements" + (" (estimated)" if occ.is_estimated else "")
    table = Table(title=title)
    for col in ("Descriptor", "Importance (1-5)", "Level (0-7)"):
        table.add_column(col)
    for r in reqs[:12]:
        table.add_row(
            eng.dataset.descriptor(r.descriptor).name, f"{r.importance:.1f}", f"{r.level:.1f}"
        )
    console.print(table)
