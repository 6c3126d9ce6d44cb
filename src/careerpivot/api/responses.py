"""Answers only the API gives (the shared ones live in :mod:`careerpivot.schemas`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from careerpivot.rejections.actions import ActionPlan
from careerpivot.rejections.analysis import RecordAnalysis
from careerpivot.rejections.classify import Classification
from careerpivot.rejections.patterns import Pattern
from careerpivot.rejections.redirect import Redirect
from careerpivot.schemas import Answer, DataSource
from careerpivot.store.records import Client


class Health(BaseModel):
    """The server is up and has loaded these data sets."""

    status: Literal["ok"]
    datasets: list[str]


class DatasetSummary(BaseModel):
    """One served data set: provenance and size."""

    source: DataSource
    roles: int
    descriptors: int
    default: bool


class DatasetsAnswer(BaseModel):
    """The data sets this server answers from."""

    datasets: list[DatasetSummary]


class ClassifyAnswer(BaseModel):
    """One classification per text, in order (the team's TF-IDF + logistic-regression model)."""

    results: list[Classification]


class AnalyseAnswer(Answer):
    """What a rejection log says: each record's category, the patterns, actions, redirect."""

    analyses: list[RecordAnalysis]
    patterns: list[Pattern]
    plan: ActionPlan
    redirect: Redirect


class Token(BaseModel):
    """A bearer token for the counselor endpoints."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="seconds")


class ClientsAnswer(BaseModel):
    """Counselors' clients."""

    clients: list[Client]
