"""Where BLS publishes one wage for a pivot and the current role (Data Scientists and
Business Intelligence Analysts share SOC 15-2051's row), every page and command says so
instead of showing "+$0", which reads as "the same pay"."""

import json

from typer.testing import CliRunner

from careerpivot.cli import app
from careerpivot.presentation import SAME_WAGE_FIGURE
from careerpivot.schemas import RecommendAnswer
from careerpivot.ui.tables import pivot_numbers

DATA_SCIENTIST, BI_ANALYST = "15-2051.00", "15-2051.01"


def test_the_pivot_says_its_wage_is_one_figure_with_the_current_role(engine):
    pivots = {p.code: p for p in engine.recommend(engine.profile_for(DATA_SCIENTIST), 10)}
    shared = pivots[BI_ANALYST]
    assert shared.same_wage_figure and shared.wage_change == 0
    others = [p for c, p in pivots.items() if c != BI_ANALYST]
    assert others and not any(p.same_wage_figure for p in others)
    assert all(p.wage_change for p in others)  # each has its own published wage


def test_without_a_current_role_nothing_is_said_to_share_a_figure(engine):
    prof = engine.profile_for(DATA_SCIENTIST).model_copy(
        update={"current_role": None, "seeded_from": None}
    )
    assert not any(p.same_wage_figure for p in engine.recommend(prof, 20))


def test_json_card_and_cli_say_it_in_the_same_words(engine):
    pivots = engine.recommend(engine.profile_for(DATA_SCIENTIST), 5)
    answer = json.loads(
        RecommendAnswer.of(engine.dataset, DATA_SCIENTIST, pivots).model_dump_json()
    )
    flags = {p["code"]: p["same_wage_figure"] for p in answer["pivots"]}
    assert flags[BI_ANALYST] is True and sum(flags.values()) == 1

    shared = next(p for p in pivots if p.code == BI_ANALYST)
    assert dict(pivot_numbers(shared))["Wage change"] == SAME_WAGE_FIGURE
    other = next(p for p in pivots if p.code != BI_ANALYST)
    assert dict(pivot_numbers(other))["Wage change"].startswith(("+$", "-$", "−$"))

    res = CliRunner().invoke(
        app,
        ["recommend", "--role", DATA_SCIENTIST, "-k", "5"],
        env={"COLUMNS": "240"},
        catch_exceptions=False,
    )
    assert res.exit_code == 0
    flat = " ".join(res.output.split())
    assert "one BLS figure" in flat and "+$0" not in flat
