"""The JSON HTTP API over the engine: ``careerpivot serve`` runs it on uvicorn.

The server is stateless: it loads the engines of the data sets it serves once, at start,
and answers every request from them (read-only); with several workers they are forked
after that load and share it (:mod:`careerpivot.api.pool`). Counselor endpoints are off unless the
server is started with them; they then need a bearer token issued for the counselor
passcode, signed so that any worker can check it without shared memory.
"""

from __future__ import annotations

import gc
import math
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Annotated, Any

import numpy as np
from anyio import to_thread
from fastapi import Depends, FastAPI, Path, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from careerpivot.api import answers, problems
from careerpivot.api.attempts import TokenAttempts
from careerpivot.api.limits import MAX_BODY_BYTES, BodyLimit
from careerpivot.api.pool import Failed, Question, WorkerPool, one_blas_thread, run
from careerpivot.api.requests import (
    AnalyseRequest,
    ClassifyRequest,
    GapRequest,
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
from careerpivot.schemas import (
    DataSource,
    GapAnswer,
    PlanAnswer,
    RecommendAnswer,
    RoleAnswer,
    SearchAnswer,
    WhatIfAnswer,
)
from careerpivot.store.lockout import Attempt

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
    how many worker processes compute answers (``processes``; 1: this process) and how
    many requests this process computes at once (``threads``)."""

    datasets: list[str] = field(default_factory=lambda: [STARTER_NAME])
    counselor: bool = False
    db_url: str | None = None
    #: Answers are CPU work under one interpreter lock: threads computing several at once
    #: share one core and make every answer wait, so by default a worker computes one at
    #: a time (its event loop still reads and queues the others). Scale with workers.
    threads: int = 1
    #: Worker processes forked after the engines load (:class:`WorkerPool`); 1 computes
    #: answers in this process.
    processes: int = 1
    #: Request bodies over this many bytes get a 413 problem before they are parsed.
    max_body_bytes: int = MAX_BODY_BYTES

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
            _warm(eng)
            self._loaded[name] = eng
        return self._loaded[name]


def _warm(eng: Engine) -> None:
    """Answer one question so the engine's lazily built tables exist before the first
    request (and, with worker processes, before the fork, so they share them)."""
    rows = np.flatnonzero(eng.dataset.scorable)
    rated = [eng.dataset.occupations[int(rows[0])].code] if rows.size else []
    if rated:
        eng.recommend(eng.profile_for(rated[0]), 10)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI application for ``settings`` (default: from the environment)."""
    settings = settings or Settings.from_env()
    engines = Engines(settings.datasets)
    pool: WorkerPool | None = None
    if settings.processes > 1:  # load, then fork the workers before any thread starts
        _load(engines)
        pool = WorkerPool(engines, settings.processes)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        _load(engines)
        one_blas_thread()  # questions answered here run side by side on the thread pool
        to_thread.current_default_thread_limiter().total_tokens = settings.threads
        yield
        if pool is not None:
            await pool.close()

    app = FastAPI(
        title="CareerPivot API",
        version=API_VERSION,
        summary="Adjacent roles, skill gaps and learning routes on O*NET-style data.",
        description=(
            "Every answer names its data set, version, provenance and licence notices "
            "(`dataset`); answers from O*NET data carry O*NET's attribution. Errors are "
            "JSON problem documents (400, 404, 413, 422; 503 when a worker died), never "
            "tracebacks; request bodies are limited to 4 MiB.\n\n"
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
    app.state.pool = pool
    problems.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)

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

    async def ask(question: Question, *args: Any) -> Response:
        """The question's answer, from the next free worker process or this process's
        thread pool; an error becomes its problem document."""
        if pool is not None:
            reply = await pool.ask(question, *args)
        else:
            reply = await to_thread.run_sync(run, question, engines, *args)
        if isinstance(reply, Failed):
            return problems.problem(reply.status, reply.title, reply.detail)
        return Response(reply, media_type="application/json")

    @app.get("/v1/roles/search", tags=["roles"], response_model=SearchAnswer)
    async def search_roles(
        q: Annotated[str, Query(min_length=1, max_length=200, description="a job title")],
        limit: Annotated[int, Query(ge=1, le=100)] = 10,
        dataset: DatasetQ = None,
    ) -> Response:
        """Roles whose title or alternate titles match ``q`` (typo tolerant), best first."""
        return await ask(answers.search_roles, q, limit, dataset)

    @app.get("/v1/roles/{code}", tags=["roles"], response_model=RoleAnswer)
    async def show_role(
        code: Annotated[str, Path(max_length=20, description="O*NET-SOC code, e.g. 15-1252.00")],
        dataset: DatasetQ = None,
    ) -> Response:
        """One role: facts and requirements, most important first."""
        return await ask(answers.show_role, code, dataset)

    @app.post("/v1/recommend", tags=["questions"], response_model=RecommendAnswer)
    async def recommend(req: RecommendRequest) -> Response:
        """Top-k adjacent roles for a role or a profile, each with why it fits, its top
        gaps (status, priority, hours) and totals; ``detail="full"`` adds every
        requirement of each role (``POST /v1/gap`` gives the same for one role)."""
        return await ask(answers.recommend, req)

    @app.post("/v1/gap", tags=["questions"], response_model=GapAnswer)
    async def gap(req: GapRequest) -> Response:
        """Person (or, given only ``role``, that role) vs a target role."""
        return await ask(answers.gap, req)

    @app.post("/v1/plan", tags=["questions"], response_model=PlanAnswer)
    async def plan(req: PlanRequest) -> Response:
        """Ordered learning steps to a target, and stepping-stone routes."""
        return await ask(answers.plan, req)

    @app.post("/v1/what-if", tags=["questions"], response_model=WhatIfAnswer)
    async def what_if(req: WhatIfRequest) -> Response:
        """Roles that move up the list if the person raises one descriptor."""
        return await ask(answers.what_if, req)

    @app.post("/v1/feedback/classify", tags=["rejections"], response_model=ClassifyAnswer)
    async def classify(req: ClassifyRequest) -> Response:
        """The category of each rejection-feedback text, with the words behind it."""
        return await ask(answers.classify, req)

    @app.post("/v1/rejections/analyse", tags=["rejections"], response_model=AnalyseAnswer)
    async def analyse(req: AnalyseRequest) -> Response:
        """A rejection log in; each record's category, the patterns, actions and redirect out."""
        return await ask(answers.analyse, req)

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

    app.state.token_attempts = TokenAttempts()  # a test may put one with its own clock

    @app.post(
        "/v1/counselor/token",
        tags=["counselor"],
        responses={429: {"model": problems.Problem, "description": "Too many wrong passcodes"}},
    )
    def token(req: TokenRequest, request: Request) -> Token:
        """Exchange the counselor passcode for a bearer token (valid for eight hours).

        Each wrong passcode makes its address wait longer before the next is heard (1 s,
        2 s, 4 s, ... up to 5 minutes); an attempt during the wait is a 429 with
        ``Retry-After``, and its passcode is not checked."""
        key = secret()
        host = request.client.host if request.client else None
        attempts: TokenAttempts = request.app.state.token_attempts
        result = attempts.attempt(host, store.check_passcode, req.passcode)
        if not result.ok:
            raise _refused(result)
        return Token(access_token=issue_token(key), expires_in=TOKEN_SECONDS)

    @app.get("/v1/counselor/clients", tags=["counselor"], dependencies=[Depends(counselor)])
    def clients(
        search: Annotated[str, Query(max_length=200)] = "",
        archived: bool = False,
    ) -> ClientsAnswer:
        """Counselors' clients (name search; ``archived`` includes archived ones)."""
        return ClientsAnswer(clients=store.list_clients(search=search, include_archived=archived))


def _refused(result: Attempt) -> HTTPException:
    """A wrong passcode (401) or one sent before the wait after the last ran out (429), each
    saying in ``Retry-After`` when the next attempt will be heard."""
    wait = max(1, math.ceil(result.wait_s))
    headers = {"Retry-After": str(wait), "WWW-Authenticate": "Bearer"}
    if result.checked:
        return HTTPException(
            401, f"wrong passcode; the next attempt is heard after {wait} s", headers=headers
        )
    return HTTPException(
        429,
        f"too many wrong passcodes: wait {wait} s before the next attempt (it was not checked)",
        headers=headers,
    )


#: Allocations between the garbage collector's young passes in a server process (Python's
#: default is 700). An answer allocates thousands of objects that reference counting
#: frees; at 700 a pass ran about 1.4 times an answer (0.15-0.2 ms of a ~7 ms answer on
#: O*NET), at 10,000 about once in 600 answers.
YOUNG_GC_THRESHOLD = 10_000


def _load(engines: Engines) -> None:
    """Load the served engines (once) and keep their objects out of the garbage
    collector's full passes: they live as long as the server, and each pass would walk
    them all, mid-request (a full pass over an O*NET engine took 0.15-0.4 s). Young
    passes run less often, for the same reason (:data:`YOUNG_GC_THRESHOLD`)."""
    from careerpivot.rejections import default_classifier

    engines.load_all()
    default_classifier()  # fitted once here, so forked workers share it
    gc.collect()
    gc.freeze()
    gc.set_threshold(max(YOUNG_GC_THRESHOLD, gc.get_threshold()[0]), *gc.get_threshold()[1:])


def app_from_env() -> FastAPI:
    """Factory for uvicorn workers (``--factory``): settings from the environment."""
    return create_app()


__all__ = ["Settings", "app_from_env", "create_app"]
