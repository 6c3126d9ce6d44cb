"""What each question endpoint computes, as plain functions of the served engines and the
validated request, returning the answer's JSON bytes.

They are module-level so that a worker process can run them (:mod:`careerpivot.api.pool`)
as well as the server's own thread pool: either way the same function makes the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.exceptions import HTTPException

from careerpivot.errors import UnknownRoleError
from careerpivot.model import ONET_SOC_PATTERN
from careerpivot.presentation import matched_note, stand_in_note
from careerpivot.profile import Profile
from careerpivot.schemas import (
    Answer,
    DataSource,
    GapAnswer,
    PlanAnswer,
    RecommendAnswer,
    RoleAnswer,
    SearchAnswer,
    WhatIfAnswer,
)

if TYPE_CHECKING:
    from careerpivot.api.app import Engines
    from careerpivot.api.requests import (
        AnalyseRequest,
        ClassifyRequest,
        GapRequest,
        Person,
        PlanRequest,
        RecommendRequest,
        WhatIfRequest,
    )
    from careerpivot.engine import Engine


def search_roles(engines: Engines, q: str, limit: int, dataset: str | None) -> bytes:
    """Roles whose titles match ``q``, best first."""
    eng = engines.get(dataset)
    return _json(SearchAnswer.of(eng.dataset, q, eng.search(q, limit=limit)))


def show_role(engines: Engines, code: str, dataset: str | None) -> bytes:
    """One role's facts and requirements."""
    eng = engines.get(dataset)
    if not ONET_SOC_PATTERN.match(code):
        raise HTTPException(404, f"{code!r} is not an O*NET-SOC code like 15-1252.00")
    return _json(RoleAnswer.of(eng.dataset, eng.dataset.occupation(code)))


def recommend(engines: Engines, req: RecommendRequest) -> bytes:
    """Top-k adjacent roles for a role or a profile."""
    eng = engines.get(req.dataset)
    prof, notes = _person(eng, req)
    pivots = eng.recommend(prof, req.k, filters=req.filters.over(prof.constraints))
    answer = RecommendAnswer.of(eng.dataset, prof.current_role, pivots, req.detail)
    return _json(answer, notes)


def gap(engines: Engines, req: GapRequest) -> bytes:
    """Person (or, given only ``role``, that role) vs a target role."""
    eng = engines.get(req.dataset)
    target, notes = _target(eng, req.target)
    if req.profile is None and req.role is not None:
        source, more = _role(eng, req.role)
        report = eng.role_gap(source, target)
    else:
        prof, more = _person(eng, req)
        report = eng.gap(prof, target)
    return _json(GapAnswer.of(eng.dataset, report), more + notes)


def plan(engines: Engines, req: PlanRequest) -> bytes:
    """Ordered learning steps to a target, and stepping-stone routes."""
    eng = engines.get(req.dataset)
    prof, notes = _person(eng, req)
    target, more = _target(eng, req.target)
    routes = eng.routes(prof, target, k=req.routes) if req.routes else []
    return _json(PlanAnswer.of(eng.dataset, eng.plan(prof, target), routes), notes + more)


def what_if(engines: Engines, req: WhatIfRequest) -> bytes:
    """Roles that move up the list if the person raises one descriptor."""
    eng = engines.get(req.dataset)
    prof, notes = _person(eng, req)
    eng.dataset.descriptor(req.descriptor)  # 404 naming it when unknown
    changes = eng.what_if(prof, req.descriptor, levels=req.levels)
    return _json(WhatIfAnswer.of(eng.dataset, req.descriptor, req.levels, changes), notes)


def classify(engines: Engines, req: ClassifyRequest) -> bytes:
    """Each feedback text's category and the words behind it (no data set involved).

    Run like the other questions, so that a large batch (seconds of CPU) takes a worker,
    not the front process that reads every client's HTTP."""
    from careerpivot.api.responses import ClassifyAnswer
    from careerpivot.rejections import default_classifier

    clf = default_classifier()
    return ClassifyAnswer(results=[clf.classify(t) for t in req.texts]).model_dump_json().encode()


def analyse(engines: Engines, req: AnalyseRequest) -> bytes:
    """A rejection log's categories, patterns, actions and redirect."""
    from careerpivot.api.responses import AnalyseAnswer
    from careerpivot.rejections import review_log

    eng = engines.get(req.dataset)
    prof, notes = _person(eng, req)
    target = _target(eng, req.target)[0] if req.target else None
    review = review_log(req.log, prof, eng, target=target)
    answer = AnalyseAnswer(
        dataset=DataSource.of(eng.dataset),
        analyses=review.analyses,
        patterns=review.patterns,
        plan=review.plan,
        redirect=review.redirect,
    )
    return _json(answer, notes)


def _json(answer: Answer, notes: list[str] | None = None) -> bytes:
    """The answer (with ``notes`` on what was assumed) as JSON, serialised once by pydantic:
    FastAPI would dump it to a dict, validate that again and encode it, several times the
    work for the large answers."""
    if notes:
        answer.notes = notes
    return answer.model_dump_json().encode()


# ----- resolving what the caller named -------------------------------------------------------
def _role(eng: Engine, text: str) -> tuple[str, list[str]]:
    """An O*NET-SOC code from a code or a typed title, and a note saying what matched."""
    if text in eng.dataset.occupation_index:
        return text, []
    hits = eng.search(text, limit=1)
    if not hits:
        raise UnknownRoleError(text, "No title matched; try /v1/roles/search with fewer words.")
    best = hits[0]
    if best.score >= 100:
        return best.code, []
    return best.code, [matched_note(text, best)]


def _target(eng: Engine, text: str) -> tuple[str, list[str]]:
    """A target role, or its closest rated role when it has no ratings (said in a note)."""
    code, notes = _role(eng, text)
    other, note = stand_in_note(eng.dataset, code)
    return other, [*notes, note] if note else notes


def _person(eng: Engine, req: Person) -> tuple[Profile, list[str]]:
    """The profile to score: the one sent (current role resolved) or one seeded from a role."""
    if req.profile is not None:
        prof = req.profile
        notes: list[str] = []
        if req.role is not None:
            code, notes = _role(eng, req.role)
            prof = Profile.model_validate({**prof.model_dump(), "current_role": code})
        return prof.check(eng.dataset), notes
    assert req.role is not None  # the request model requires one of the two
    code, notes = _role(eng, req.role)
    return eng.profile_for(code), notes
