"""The CLI's --role/--target and `profile init` resolve titles through Engine.search."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from careerpivot.cli import app
from careerpivot.engine import Engine

runner = CliRunner()


@pytest.fixture
def searched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = Engine.search

    def spy(self: Engine, query: str, limit: int = 10):  # type: ignore[no-untyped-def]
        calls.append(query)
        return real(self, query, limit=limit)

    monkeypatch.setattr(Engine, "search", spy)
    return calls


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_role_and_target_go_through_the_shared_search(searched):
    res = invoke("gap", "--role", "RN", "--target", "nurse practitioner", "--json")
    assert res.exit_code == 0, res.output
    assert sorted(searched) == ["RN", "nurse practitioner"]
    data = json.loads(res.stdout)
    assert data["target"] == "29-1171.00"


def test_profile_init_goes_through_the_shared_search(searched, tmp_path):
    out = tmp_path / "me.json"
    res = invoke("profile", "init", "--role", "ux designer", "--out", str(out))
    assert res.exit_code == 0, res.output
    assert searched == ["ux designer"]
    assert json.loads(out.read_text())["current_role"] == "15-1255.00"


def test_a_title_with_close_matches_is_refused_with_the_choices(searched):
    res = runner.invoke(app, ["recommend", "--role", "teacher"])
    assert res.exit_code == 2
    assert searched == ["teacher"]
    assert "about equally well" in res.output
    assert "25-2021.00" in res.output and "25-2031.00" in res.output


def test_roles_search_json_says_whether_the_first_matches_are_close():
    data = json.loads(invoke("roles", "search", "teacher", "--json").stdout)
    assert data["ambiguous"] is True
    assert data["matches"][0]["description"]
    clear = json.loads(invoke("roles", "search", "registered nurse", "--json").stdout)
    assert clear["ambiguous"] is False and clear["matches"][0]["code"] == "29-1141.00"


def test_roles_search_shows_markup_like_text_as_typed():
    res = invoke("roles", "search", "[/]")
    assert res.exit_code == 0


def test_a_look_alike_is_refused_as_no_close_match(searched):
    res = runner.invoke(app, ["recommend", "--role", "barrista"])
    assert res.exit_code == 2
    assert "No role closely matches" in res.output and "23-1011.00" in res.output


def test_roles_search_json_says_when_nothing_is_a_close_match():
    data = json.loads(invoke("roles", "search", "barrista", "--json").stdout)
    assert data["loose"] is True and data["ambiguous"] is True
    exact = json.loads(invoke("roles", "search", "nurse", "--json").stdout)
    assert exact["loose"] is False
