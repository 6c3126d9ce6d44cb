import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpivot.errors import ProfileError, UnknownDescriptorError, UnknownRoleError
from careerpivot.filters import Filters
from careerpivot.profile import (
    Profile,
    load_profile,
    parse_profile,
    profile_from_role,
    save_profile,
)


def test_seed_from_role_then_adjust(starter):
    p = profile_from_role(starter, "15-2051.01")
    assert p.current_role == "15-2051.01" and p.seeded_from == "15-2051.01"
    assert p.interests and set(p.interests) == set("RIASEC")
    q = p.with_ratings({"tech:sql": 5.0}).without_ratings(["2.C.5.a"])
    assert q.ratings["tech:sql"] == 5.0 and "2.C.5.a" not in q.ratings
    assert p.ratings != q.ratings  # the original is unchanged (profiles are values)


def test_json_round_trip(tmp_path, starter):
    p = profile_from_role(starter, "29-1141.00", name="Sam")
    path = tmp_path / "me.json"
    save_profile(p, path)
    assert load_profile(path) == p
    assert json.loads(path.read_text())["schema_version"] == 1


@pytest.mark.parametrize(
    ("doc", "words"),
    [
        ('{"ratings": {"2.A.1.a": 9}}', "ratings.2.A.1.a"),
        ('{"ratings": {"2.A.1.a": "lots"}}', "ratings.2.A.1.a"),
        ('{"interests": {"X": 3}}', "unknown interest types"),
        ('{"work_values": {"fun": 3}}', "unknown work values"),
        ('{"schema_version": 99}', "not supported"),
        ('{"colour": "blue"}', "colour"),
        ('{"constraints": {"max_job_zone_step": -1}}', "constraints.max_job_zone_step"),
        ("[1, 2]", "JSON object"),
        ("{nope", "not valid JSON"),
    ],
)
def test_bad_profiles_name_the_field(doc, words):
    with pytest.raises(ProfileError, match=words.replace(".", r"\.")):
        parse_profile(doc, source="me.json")


def test_check_against_dataset(starter):
    with pytest.raises(UnknownDescriptorError, match=r"2\.Z\.1"):
        Profile(ratings={"2.Z.1": 3}).check(starter)
    with pytest.raises(UnknownRoleError):
        Profile(current_role="99-9999.00").check(starter)
    kept, dropped = Profile(ratings={"2.Z.1": 3, "2.A.1.a": 4}).restricted_to(starter)
    assert dropped == ["2.Z.1"] and kept.ratings == {"2.A.1.a": 4}


def test_missing_file(tmp_path):
    with pytest.raises(ProfileError, match="not found"):
        load_profile(tmp_path / "none.json")


def test_save_is_atomic_and_leaves_no_temp(tmp_path):
    path = tmp_path / "p.json"
    save_profile(Profile(ratings={"2.A.1.a": 3}), path)
    save_profile(Profile(ratings={"2.A.1.a": 4}), path)
    assert [x.name for x in tmp_path.iterdir()] == ["p.json"]


@given(
    ratings=st.dictionaries(st.sampled_from(["2.A.1.a", "2.B.3.e", "tech:sql"]), st.floats(0, 7)),
    step=st.integers(0, 4),
)
def test_round_trip_property(ratings, step):
    p = Profile(ratings=ratings, constraints=Filters(max_job_zone_step=step))
    assert parse_profile(p.model_dump_json()) == p


@given(level=st.one_of(st.floats(allow_nan=True), st.text(max_size=3), st.integers()))
def test_any_bad_level_is_a_profile_error(level):
    doc = json.dumps({"ratings": {"2.A.1.a": level}}, allow_nan=True)
    try:
        p = parse_profile(doc)
    except ProfileError as exc:
        assert "ratings.2.A.1.a" in str(exc)
    else:
        assert 0 <= p.ratings["2.A.1.a"] <= 7
