"""``careerpivot client`` and ``careerpivot report`` as a counselor runs them."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from careerpivot.cli import client_cmd, report_cmd
from careerpivot.store import DB_URL_ENV, Store

runner = CliRunner()


def make_app() -> typer.Typer:
    """The two command modules on their own app, as ``careerpivot.cli`` registers them."""
    app = typer.Typer(name="careerpivot", no_args_is_help=True)
    report_cmd.register(app)
    app.add_typer(client_cmd.app, name="client")
    return app


APP = make_app()
COMMANDS = [
    ["report"],
    ["client", "list"],
    ["client", "add"],
    ["client", "note"],
    ["client", "archive"],
    ["client", "export"],
    ["client", "import"],
    ["client", "delete"],
    ["client", "passcode"],
]


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv(DB_URL_ENV, url)
    return url


def run(*args: str, input: str | None = None):
    return runner.invoke(APP, list(args), input=input)


@pytest.mark.parametrize("cmd", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(cmd):
    res = run(*cmd, "--help")
    assert res.exit_code == 0
    assert "Example" in res.output and "careerpivot" in res.output


def test_add_note_list_archive(db):
    res = run("client", "add", "Ana Díaz", "--contact", "ana@example.org", "--role", "15-1252.00")
    assert res.exit_code == 0, res.output
    assert "Added client #1 Ana Díaz with a profile of" in res.output
    assert (
        run("client", "note", "ana díaz", "Explored data roles.", "--date", "2025-03-01").exit_code
        == 0
    )
    listed = json.loads(run("client", "list", "--json").stdout)
    assert [(c["id"], c["name"]) for c in listed] == [(1, "Ana Díaz")]
    assert "archived" in run("client", "archive", "#1").output
    assert json.loads(run("client", "list", "--json").stdout) == []
    assert len(json.loads(run("client", "list", "--all", "--json").stdout)) == 1
    with Store.open(db) as store:
        snap = store.load_client(1)
    assert snap.sessions[0].notes == "Explored data roles." and snap.profile is not None


def test_export_import_delete(db, tmp_path):
    run("client", "add", "Bo Berg")
    run("client", "note", "Bo Berg", "first", "--date", "2025-01-02")
    out = tmp_path / "bo.json"
    assert run("client", "export", "Bo Berg", "--out", str(out)).exit_code == 0
    res = run("client", "import", str(out))
    assert res.exit_code == 0 and "Imported client #2 Bo Berg" in res.output
    res = run("client", "delete", "Bo Berg")
    assert res.exit_code != 0 and "names several clients (#1 Bo Berg, #2 Bo Berg)" in res.output
    res = run("client", "delete", "#2", input="n\n")
    assert res.exit_code != 0  # declined: nothing erased
    assert len(json.loads(run("client", "list", "--json").stdout)) == 2
    assert "Erased client #2" in run("client", "delete", "#2", "--yes").output
    assert [c["id"] for c in json.loads(run("client", "list", "--json").stdout)] == [1]


def test_bad_import_file_is_refused(db, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "careerpivot-client", "schema_version": 1}', "utf-8")
    res = run("client", "import", str(bad))
    assert res.exit_code == 2 and "field exported" in res.output and "Traceback" not in res.output
    assert json.loads(run("client", "list", "--json").stdout) == []


def test_passcode_prompts_twice_and_stores_a_hash(db):
    res = run("client", "passcode", input="orange-grove\norange-grove\n")
    assert res.exit_code == 0 and "Passcode set" in res.output
    with Store.open(db) as store:
        assert store.check_passcode("orange-grove")
    assert run("client", "passcode", "--clear").exit_code == 2  # needs the current one
    assert run("client", "passcode", "--clear", input="orange-grove\n").exit_code == 0
    with Store.open(db) as store:
        assert not store.passcode_required()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["client", "note", "nobody", "x"], "no client named 'nobody'"),
        (["client", "add", "   "], "name: must not be empty"),
        (["client", "note", "#1", "x", "--date", "March"], "not a date"),
        (["report", "nobody"], "no client named 'nobody'"),
    ],
)
def test_errors_are_one_line_not_tracebacks(db, args, words):
    run("client", "add", "Someone")
    res = run(*args)
    assert res.exit_code != 0 and words in res.output and "Traceback" not in res.output


def test_unreachable_database_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(DB_URL_ENV, "postgresql://cp:hunter2@127.0.0.1:1/cp")
    res = run("client", "list")
    assert res.exit_code == 2 and "cannot open the database" in res.output
    assert "hunter2" not in res.output
