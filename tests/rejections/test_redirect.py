import pytest

from careerpivot.profile import Profile, profile_from_role
from careerpivot.rejections.redirect import by_fit, redirect_triggers, suggest_redirect
from tests.rejections.conftest import analysed, make_record

BI = "15-2051.01"
SQL = ("tech:sql", "SQL")


@pytest.fixture(scope="module")
def analyst(starter) -> Profile:
    p = profile_from_role(starter, BI).with_ratings({"tech:sql": 1.5})
    return Profile.model_validate({**p.model_dump(), "current_role": None})


def sql_rejections(codes=(BI, BI, "15-2051.00", BI)):
    return [
        analysed(
            make_record(f"a{i}", occupation_code=c),
            "skill_gap" if i % 2 else "competition_timing",
            (SQL,),
        )
        for i, c in enumerate(codes)
    ]


def test_triggers_on_a_lacked_skill_and_a_role_family(analyst, scorer):
    triggers = redirect_triggers(sql_rejections(), analyst, scorer.dataset_)
    assert [(t.kind, t.key) for t in triggers] == [
        ("skill", "tech:sql"),
        ("family", "Computer and Mathematical"),
    ]
    assert triggers[0].evidence == ("a0", "a1", "a2", "a3")
    assert "4 rejections name SQL, which you rate 1.5/7" in triggers[0].sentence


def test_redirect_roles_need_the_skill_less_and_sit_outside_the_family(starter, analyst, scorer):
    result = suggest_redirect(sql_rejections(), analyst, scorer.dataset_, by_fit(scorer), k=5)
    assert len(result.roles) == 5
    j = starter.descriptor_index["tech:sql"]
    rejected_imp = starter.importance_matrix[starter.occupation_index[BI], j]
    for role in result.roles:
        assert not role.code.startswith("15-")  # the family that kept saying no
        assert role.code not in {BI, "15-2051.00"}
        here = starter.importance_matrix[starter.occupation_index[role.code], j]
        assert here < rejected_imp and role.problem_importance["tech:sql"] == here
        assert any("SQL" in why for why in role.reasons)
        assert any(why.startswith("outside Computer and Mathematical") for why in role.reasons)
    scores = [r.score for r in result.roles]
    assert scores == sorted(scores, reverse=True)


def test_redirect_roles_are_adjacent_and_use_the_persons_strengths(analyst, scorer):
    result = suggest_redirect(
        sql_rejections(), analyst, scorer.dataset_, by_fit(scorer), k=5, pool=25
    )
    eligible = scorer.rank(analyst)
    top = {scorer.dataset_.occupations[i].code for i in eligible[:60]}
    assert all(r.code in top for r in result.roles)  # drawn from the most viable roles
    assert all(r.strengths_used and r.viability > 0.7 for r in result.roles)


def test_a_skill_the_person_has_does_not_trigger(starter, scorer):
    strong = profile_from_role(starter, BI)  # SQL at the role's level
    spread = [
        analysed(make_record(f"a{i}", occupation_code=c), "skill_gap", (SQL,))
        for i, c in enumerate([BI, "13-1111.00", "29-1141.00"])
    ]
    assert redirect_triggers(spread, strong, scorer.dataset_) == []
    assert suggest_redirect(spread, strong, scorer.dataset_, by_fit(scorer)).roles == []


def test_a_single_mention_is_not_enough(analyst, scorer):
    items = [
        analysed(make_record("a1", occupation_code="13-1111.00"), "skill_gap", (SQL,)),
        analysed(make_record("a2", occupation_code="29-1141.00"), "generic"),
    ]
    assert redirect_triggers(items, analyst, scorer.dataset_) == []


def test_family_only_trigger_moves_away_from_the_family(analyst, scorer):
    items = [analysed(make_record(f"a{i}", occupation_code=BI), "interview") for i in range(3)]
    result = suggest_redirect(items, analyst, scorer.dataset_, by_fit(scorer), k=4)
    assert [t.kind for t in result.triggers] == ["family"]
    assert len(result.roles) == 4 and all(not r.code.startswith("15-") for r in result.roles)


def test_a_title_cluster_family_is_not_claimed_as_avoided(analyst, scorer):
    items = [
        analysed(make_record(f"a{i}", occupation_code=None, role_title=t), "interview", (SQL,))
        for i, t in enumerate(["Data Analyst", "Senior Data Analyst", "Data Analyst II"])
    ]
    result = suggest_redirect(items, analyst, scorer.dataset_, by_fit(scorer), k=3)
    assert [t.kind for t in result.triggers] == ["skill", "family"]
    assert result.triggers[1].key == "Data Analyst-type roles"
    assert result.roles and not any("outside" in why for r in result.roles for why in r.reasons)
    # No rejected role to compare with: SQL must merely matter less than "fully important".
    assert all(r.problem_importance["tech:sql"] < 5.0 for r in result.roles)
