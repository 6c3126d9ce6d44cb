"""The JSON HTTP API over the engine: ``careerpivot serve`` runs it on uvicorn.

Each worker is stateless: it loads the engines of the data sets it serves once, at start,
and answers every request from them (read-only). Counselor endpoints are off unless the
server is started with them; they then need a bearer token issued for the counselor
passcode, signed so that any worker can check it without shared memory.
"""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Annotated

from anyio import to_thread
from fastapi import Depends, FastAPI, Path, Query, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from careerpivot.api import problems
from careerpivot.api.requests import (
    AnalyseRequest,
    ClassifyRequest,
    GapRequest,
    Person,
    PlanRequest,
    RecommendRequest,
    TokenRequest,
    WhatIfRequest,
)
from careerpivot.api.responses import (
    AnalyseAnswer,
    ClassifyAnswer,
    ClientsAnswer,
    DatasetsAnswer,
    DatasetSummary,
    Health,
    Token,
)
from careerpivot.api.tokens import TOKEN_SECONDS, check_token, issue_token
from careerpivot.datasets.starter import STARTER_NAME
from careerpivot.engine import Engine
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

API_VERSION = "1"
DATASETS_ENV = "CAREERPIVOT_API_DATASETS"  # comma-separated names; the first is the default
COUNSELOR_ENV = "CAREERPIVOT_API_COUNSELOR"  # "1" turns the counselor endpoints on
THREADS_ENV = "CAREERPIVOT_API_THREADS"  # requests one worker computes at once

BearerCreds = Annotated[HTTPAuthorizationCredentials | None, Depends(HTTPBearer(auto_error=False))]
DatasetQ = Annotated[
    str | None, Query(max_length=100, description="data set name (default: the first)")
]


@dataclass
class Settings:
    """What one server serves: data sets (the first is the default) and counselor access,
    and how many requests each worker computes at once (``threads``)."""

    datasets: list[str] = field(default_factory=lambda: [STARTER_NAME])
    counselor: bool = False
    db_url: str | None = None
    #: Answers are CPU work under one interpreter lock: threads computing several at once
    #: share one core and make every answer wait, so by default a worker computes one at
    #: a time (its event loop still reads and queues the others). Scale with workers.
    threads: int = 1

    @classmethod
    def from_env(cls) -> Settings:
        """Settings passed to each worker through the environment by ``careerpivot serve``."""
        names = [n.strip() for n in os.environ.get(DATASETS_ENV, "").split(",") if n.strip()]
        return cls(
            datasets=names or [STARTER_NAME],
            counselor=os.environ.get(COUNSELOR_ENV) == "1",
            db_url=os.environ.get("CAREERPIVOT_DB_URL"),
            threads=max(1, int(os.environ.get(THREADS_ENV) or 1)),
        )


class Engines:
    """The engines of the served data sets, each loaded once per worker."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self._loaded: dict[str, Engine] = {}

    def load_all(self) -> None:
        """Load every served data set now (at worker start), graph and title index too."""
        for n in self.names:
            self.get(n)

    def get(self, name: str | None) -> Engine:
        """The engine of ``name`` (default: the first served); 404 for any other name."""
        name = name or self.names[0]
        if name not in self.names:
            raise HTTPException(
                404, f"data set {name!r} is not served here (served: {', '.join(self.names)})"
            )
        if name not in self._loaded:
            eng = Engine.load(name)
            _ = eng.titles, eng.graph
            self._loaded[name] = eng
        return self._loaded[name]


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI application for ``settings`` (default: from the environment)."""
    settings = settings or Settings.from_env()
    engines = Engines(settings.datasets)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        engines.load_all()
        # The loaded engines live as long as the worker: keep their objects out of the
        # garbage collector's full passes (each would walk them all, mid-request).
        gc.collect()
        gc.freeze()
        to_thread.current_default_thread_limiter().total_tokens = settings.threads
        yield

    app = FastAPI(
        title="CareerPivot API",
        version=API_VERSION,
        summary="Adjacent roles, skill gaps and learning routes on O*NET-style data.",
        description=(
            "Every answer names its data set, version, provenance and licence notices "
            "(`dataset`); answers from O*NET data carry O*NET's attribution. Errors are "
            "JSON problem documents (400, 404, 422), never tracebacks.\n\n"
            "`POST /v1/recommend` answers in summary by default: for each role its fit, "
            "why it fits (the strengths it uses), the top gaps with status, priority and "
            "hours, tools to check, totals and the estimate note, which is what a list of "
            "suggestions shows (a few KiB a role). Each role's whole comparison (every "
            "requirement, about 500 rows a role on O*NET data) comes with "
            '`"detail": "full"`, or for one role from `POST /v1/gap`.'
        ),
        lifespan=lifespan,
        responses=problems.RESPONSES,
    )
    app.state.settings = settings
    app.state.engines = engines
    problems.install(app)

    @app.get("/health", tags=["service"])
    def health() -> Health:
        """Liveness: the served data sets are loaded."""
        return Health(status="ok", datasets=engines.names)

    @app.get("/v1/datasets", tags=["data"])
    def datasets() -> DatasetsAnswer:
        """The data sets this server answers from; the first is the default."""
        out = []
        for n in engines.names:
            eng = engines.get(n)
            out.append(
                DatasetSummary(
                    source=DataSource.of(eng.dataset),
                    roles=len(eng.dataset.occupations),
                    descriptors=len(eng.dataset.descriptors),
                    default=n == engines.names[0],
                )
            )
        return DatasetsAnswer(datasets=out)

    @app.get("/v1/roles/search", tags=["roles"], response_model=SearchAnswer)
    def search_roles(
        q: Annotated[str, Query(min_length=1, max_length=200, description="a job title")],
        limit: Annotated[int, Query(ge=1, le=100)] = 10,
        dataset: DatasetQ = None,
    ) -> Response:
        """Roles whose title or alternate titles match ``q`` (typo tolerant), best first."""
        eng = engines.get(dataset)
        return _json(SearchAnswer.of(eng.dataset, q, eng.search(q, limit=limit)))

    @app.get("/v1/roles/{code}", tags=["roles"], response_model=RoleAnswer)
    def show_role(
        code: Annotated[str, Path(max_length=20, description="O*NET-SOC code, e.g. 15-1252.00")],
        dataset: DatasetQ = None,
    ) -> Response:
        """One role: facts and requirements, most important first."""
        eng = engines.get(dataset)
        if not ONET_SOC_PATTERN.match(code):
            raise HTTPException(404, f"{code!r} is not an O*NET-SOC code like 15-1252.00")
        return _json(RoleAnswer.of(eng.dataset, eng.dataset.occupation(code)))

    @app.post("/v1/recommend", tags=["questions"], response_model=RecommendAnswer)
    def recommend(req: RecommendRequest) -> Response:
        """Top-k adjacent roles for a role or a profile, each with why it fits, its top
        gaps (status, priority, hours) and totals; ``detail="full"`` adds every
        requirement of each role (``POST /v1/gap`` gives the same for one role)."""
        eng = engines.get(req.dataset)
        prof, notes = _person(eng, req)
        pivots = eng.recommend(prof, req.k, filters=req.filters.over(prof.constraints))
        answer = RecommendAnswer.of(eng.dataset, prof.current_role, pivots, req.detail)
        return _json(answer, notes)

    @app.post("/v1/gap", tags=["questions"], response_model=GapAnswer)
    def gap(req: GapRequest) -> Response:
        """Person (or, given only ``role``, that role) vs a target role."""
        eng = engines.get(req.dataset)
        target, notes = _target(eng, req.target)
        if req.profile is None and req.role is not None:
            source, more = _role(eng, req.role)
            report = eng.role_gap(source, target)
        else:
            prof, more = _person(eng, req)
            report = eng.gap(prof, target)
        answer = GapAnswer.of(eng.dataset, report)
        return _json(answer, more + notes)

    @app.post("/v1/plan", tags=["questions"], response_model=PlanAnswer)
    def plan(req: PlanRequest) -> Response:
        """Ordered learning steps to a target, and stepping-stone routes."""
        eng = engines.get(req.dataset)
        prof, notes = _person(eng, req)
        target, more = _target(eng, req.target)
        routes = eng.routes(prof, target, k=req.routes) if req.routes else []
        answer = PlanAnswer.of(eng.dataset, eng.plan(prof, target), routes)
        return _json(answer, notes + more)

    @app.post("/v1/what-if", tags=["questions"], response_model=WhatIfAnswer)
    def what_if(req: WhatIfRequest) -> Response:
        """Roles that move up the list if the person raises one descriptor."""
        eng = engines.get(req.dataset)
        prof, notes = _person(eng, req)
        eng.dataset.descriptor(req.descriptor)  # 404 naming it when unknown
        changes = eng.what_if(prof, req.descriptor, levels=req.levels)
        answer = WhatIfAnswer.of(eng.dataset, req.descriptor, req.levels, changes)
        return _json(answer, notes)

    @app.post("/v1/feedback/classify", tags=["rejections"])
    def classify(req: ClassifyRequest) -> ClassifyAnswer:
        """The category of each rejection-feedback text, with the words behind it."""
        from careerpivot.rejections import default_classifier

        clf = default_classifier()
        return ClassifyAnswer(results=[clf.classify(t) for t in req.texts])

    @app.post("/v1/rejections/analyse", tags=["rejections"])
    def analyse(req: AnalyseRequest) -> AnalyseAnswer:
        """A rejection log in; each record's category, the patterns, actions and redirect out."""
        from careerpivot.rejections import review_log

        eng = engines.get(req.dataset)
        prof, notes = _person(eng, req)
        target = _target(eng, req.target)[0] if req.target else None
        review = review_log(req.log, prof, eng, target=target)
        return AnalyseAnswer(
            dataset=DataSource.of(eng.dataset),
            notes=notes,
            analyses=review.analyses,
            patterns=review.patterns,
            plan=review.plan,
            redirect=review.redirect,
        )

    if settings.counselor:
        _counselor_routes(app, settings)
    return app


# ----- counselor endpoints (off unless asked for) --------------------------------------------
def _counselor_routes(app: FastAPI, settings: Settings) -> None:
    from careerpivot.store import Store

    store = Store.open(settings.db_url)

    def secret() -> str:
        from careerpivot.store.store import PASSCODE_KEY

        encoded = store._setting(PASSCODE_KEY)
        if encoded is None:
            raise HTTPException(
                403, "no counselor passcode is set: run `careerpivot client passcode` first"
            )
        return encoded

    def counselor(creds: BearerCreds) -> None:
        if creds is None or not check_token(creds.credentials, secret()):
            raise HTTPException(
                401,
                "a valid bearer token is required: POST the passcode to /v1/counselor/token",
                headers={"WWW-Authenticate": "Bearer"},
            )

    @app.post("/v1/counselor/token", tags=["counselor"])
    def token(req: TokenRequest) -> Token:
        """Exchange the counselor passcode for a bearer token (valid for eight hours)."""
        key = secret()
        if not store.check_passcode(req.passcode):
            raise HTTPException(401, "wrong passcode", headers={"WWW-Authenticate": "Bearer"})
        return Token(access_token=issue_token(key), expires_in=TOKEN_SECONDS)

    @app.get("/v1/counselor/clients", tags=["counselor"], dependencies=[Depends(counselor)])
    def clients(
        search: Annotated[str, Query(max_length=200)] = "",
        archived: bool = False,
    ) -> ClientsAnswer:
        """Counselors' clients (name search; ``archived`` includes archived ones)."""
        return ClientsAnswer(clients=store.list_clients(search=search, include_archived=archived))


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


def _json(answer: Answer, notes: list[str] | None = None) -> Response:
    """The answer (with ``notes`` on what was assumed) as JSON, serialised once by pydantic:
    FastAPI would dump it to a dict, validate that again and encode it, several times the
    work for the large answers."""
    if notes:
        answer.notes = notes
    return Response(answer.model_dump_json(), media_type="application/json")


def app_from_env() -> FastAPI:
    """Factory for uvicorn workers (``--factory``): settings from the environment."""
    return create_app()


__all__ = ["Settings", "app_from_env", "create_app"]
