"""The CLI as a user runs it: every command answers --help with an example and works."""

import json

import pytest
from typer.testing import CliRunner

from careerpivot.cli import app

runner = CliRunner()

COMMANDS = [
    ["recommend"],
    ["gap"],
    ["route"],
    ["app"],
    ["roles", "search"],
    ["roles", "show"],
    ["graph", "build"],
    ["profile", "init"],
    ["profile", "check"],
]


def invoke(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("cmd", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(cmd):
    res = invoke(*cmd, "--help")
    assert res.exit_code == 0
    assert "Example" in res.output and "careerpivot" in res.output


def test_recommend_table_and_json():
    res = invoke("recommend", "--role", "software developer", "-k", "3")
    assert res.exit_code == 0 and "Pivots from Software Developers" in res.output
    assert "estimates" in res.output
    answer = json.loads(invoke("recommend", "--role", "15-1252.00", "-k", "6", "--json").stdout)
    assert answer["start"]["code"] == "15-1252.00" and answer["dataset"]["name"] == "starter"
    data = answer["pivots"]
    shown = [p["code"] for p in data] + [s["code"] for p in data for s in p["similar"]]
    assert "15-1254.00" in shown  # web developers: listed, or under their group's role
    assert len(data) == 6 and {"strengths", "gaps", "components", "wage_change"} <= set(data[0])


def test_recommend_json_in_full_detail_has_every_requirement():
    args = ("recommend", "--role", "15-1252.00", "-k", "2", "--json")
    summary = json.loads(invoke(*args).stdout)
    full = json.loads(invoke(*args, "--detail", "full").stdout)
    assert summary["detail"] == "summary" and full["detail"] == "full"
    assert all(p["rows"] is None for p in summary["pivots"])
    gap = json.loads(
        invoke(
            "gap", "--role", "15-1252.00", "--target", full["pivots"][0]["code"], "--json"
        ).stdout
    )
    assert full["pivots"][0]["rows"] == gap["rows"] and len(gap["rows"]) > 10
    assert invoke(*args, "--detail", "everything").exit_code == 2


def test_recommend_resorts_by_pay():
    answer = json.loads(
        invoke("recommend", "--role", "15-1252.00", "-k", "5", "--sort", "pay", "--json").stdout
    )
    wages = [p["median_wage"] for p in answer["pivots"]]
    assert wages == sorted(wages, reverse=True)
    res = invoke("recommend", "--role", "15-1252.00", "--sort", "vibes")
    assert res.exit_code != 0


def test_gap_role_vs_role_json():
    data = json.loads(
        invoke("gap", "--role", "15-2051.01", "--target", "15-2051.00", "--json").stdout
    )
    assert data["target"] == "15-2051.00"
    key = [(g["unknown_tool"], -g["priority"]) for g in data["gaps"]]
    assert key == sorted(key)  # known gaps by priority, then tools the source never listed


def test_route_prints_plan_and_routes():
    res = invoke("route", "--role", "15-1252.00", "--target", "15-2051.00")
    assert res.exit_code == 0 and "Learning plan" in res.output and "Route 1" in res.output


def test_roles_search_and_show():
    assert "Registered Nurses" in invoke("roles", "search", "regsitered nurse").output
    assert "Job zone" in invoke("roles", "show", "29-1141.00").output


def test_profile_init_and_check(tmp_path):
    out = tmp_path / "me.json"
    assert invoke("profile", "init", "--role", "data analyst", "--out", str(out)).exit_code == 0
    res = invoke("recommend", "--profile", str(out), "-k", "2", "--json")
    assert res.exit_code == 0 and len(json.loads(res.stdout)["pivots"]) == 2
    assert "valid" in invoke("profile", "check", str(out)).output
    again = runner.invoke(app, ["profile", "init", "--role", "nurse", "--out", str(out)])
    assert again.exit_code != 0 and "nothing was overwritten" in again.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["recommend"], "--role"),
        (["recommend", "--role", "qqqq zzzz"], "unknown role"),
        (["gap", "--role", "15-1252.00", "--target", "99-9999.00"], "unknown role"),
        (["recommend", "--role", "15-1252.00", "--dataset", "nope"], "no data set named"),
        (["recommend", "--role", "15-1252.00", "--family", "zzz"], "unknown role family"),
    ],
)
def test_bad_input_gives_a_clear_message_not_a_traceback(args, words):
    res = runner.invoke(app, args)
    assert res.exit_code != 0
    assert words in res.output
    assert "Traceback" not in res.output


def test_bad_profile_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"ratings": {"2.A.1.a": 12}}')
    res = runner.invoke(app, ["recommend", "--profile", str(bad)])
    assert res.exit_code == 2 and "ratings.2.A.1.a" in res.output


def test_graph_build(tmp_path):
    out = tmp_path / "g.json"
    res = invoke("graph", "build", "--out", str(out), "--neighbours", "3")
    assert res.exit_code == 0 and out.exists() and "transition" in res.output
