"""The answer models carry every field of the engine objects they copy, so a field added
to the engine shows up in the API and the CLI's --json (this test names what is missing)."""

from __future__ import annotations

from dataclasses import fields

import pytest

from careerpivot import schemas
from careerpivot.gaps import GapRow
from careerpivot.model import Occupation
from careerpivot.routes import LearningPlan, RankChange, Route, RouteStep
from careerpivot.search import TitleMatch


@pytest.mark.parametrize(
    ("engine_type", "model"),
    [
        (Occupation, schemas.RoleOut),
        (GapRow, schemas.GapRowOut),
        (TitleMatch, schemas.TitleMatchOut),
        (RankChange, schemas.RankChangeOut),
        (RouteStep, schemas.RouteStepOut),
        (Route, schemas.RouteOut),
        (LearningPlan, schemas.PlanOut),
    ],
)
def test_models_copy_every_engine_field(engine_type, model):
    missing = {f.name for f in fields(engine_type)} - set(model.model_fields)
    assert not missing, f"add {sorted(missing)} to careerpivot.schemas.{model.__name__}"


def test_a_pivot_summary_copies_every_pivot_field_but_its_whole_gap_model():
    from careerpivot.scoring import Pivot

    # gap: the whole model (detail=full gives its rows); n_named: how many gaps and tools
    # the card names, which the summary's gaps and tools_to_check lists are
    left_out = {"gap", "n_named"}
    missing = {f.name for f in fields(Pivot)} - set(schemas.PivotOut.model_fields)
    assert missing == left_out, f"add {sorted(missing - left_out)} to careerpivot.schemas.PivotOut"


def test_cli_json_is_the_api_document(engine):
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from careerpivot.api.app import Settings, create_app
    from careerpivot.cli import app

    cli = CliRunner().invoke(
        app, ["gap", "--role", "15-2041.00", "--target", "15-2051.00", "--json"]
    )
    with TestClient(create_app(Settings())) as c:
        api = c.post("/v1/gap", json={"role": "15-2041.00", "target": "15-2051.00"}).json()
    import json

    assert json.loads(cli.stdout) == api
