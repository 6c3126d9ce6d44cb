"""``careerpivot report CLIENT --format pdf|md|csv`` on a stored client."""

from __future__ import annotations

import datetime as dt

import pytest
import typer
from typer.testing import CliRunner

from careerpivot.cli import client_cmd, report_cmd
from careerpivot.report import build_report, read_csv, render_markdown
from careerpivot.report.rejections import client_rejection_sections
from careerpivot.store import DB_URL_ENV, Store
from tests.report.conftest import NOTES, application_payloads

runner = CliRunner()
APP = typer.Typer(name="careerpivot")
report_cmd.register(APP)
APP.add_typer(client_cmd.app, name="client")


@pytest.fixture
def stored(tmp_path, monkeypatch, ana) -> str:
    """Ana saved in a SQLite store the CLI finds through the environment."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv(DB_URL_ENV, url)
    with Store.open(url) as store, store.batch() as w:
        c = w.create_client("Ana Díaz")
        assert ana.profile is not None
        w.save_profile(c.id, ana.profile)
        for s in ana.sessions:
            w.add_session(c.id, s.date, s.notes)
        for r in ana.roles:
            w.mark_role(c.id, r.role_code, r.state, r.note)
    return url


def test_markdown_to_stdout_is_the_core_renderer_output(stored, engine):
    res = runner.invoke(APP, ["report", "Ana Díaz", "--format", "md", "--date", "2025-03-14"])
    assert res.exit_code == 0, res.output
    with Store.open(stored) as store:
        snap = store.load_client(1)
    assert res.stdout == render_markdown(build_report(engine, snap, on=dt.date(2025, 3, 14)))
    assert NOTES[0].splitlines()[0] in res.stdout


def test_pdf_to_file(stored, tmp_path):
    out = tmp_path / "ana.pdf"
    res = runner.invoke(
        APP, ["report", "#1", "-f", "pdf", "--out", str(out), "--date", "2025-03-14"]
    )
    assert res.exit_code == 0 and "Wrote" in res.output
    assert out.read_bytes().startswith(b"%PDF-")


def test_pdf_default_file_name(stored, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(APP, ["report", "Ana Díaz", "-f", "pdf", "--date", "2025-03-14"])
    assert res.exit_code == 0
    assert (tmp_path / "report-1-2025-03-14.pdf").read_bytes().startswith(b"%PDF-")


def test_csv_to_file_reads_back(stored, tmp_path):
    out = tmp_path / "ana.csv"
    res = runner.invoke(
        APP, ["report", "Ana Díaz", "-f", "csv", "--out", str(out), "--date", "2025-03-14"]
    )
    assert res.exit_code == 0
    with out.open(encoding="utf-8", newline="") as fh:
        rep = read_csv(fh.read())
    assert rep.client == "Ana Díaz" and rep.target_code == "15-2051.00"
    assert [n.text for n in rep.notes] == list(NOTES)


def test_unknown_format_is_refused(stored):
    res = runner.invoke(APP, ["report", "#1", "-f", "docx"])
    assert res.exit_code != 0 and "docx" in res.output


def test_logged_applications_bring_their_patterns_and_actions(stored, engine):
    with Store.open(stored) as store:
        for payload in application_payloads():
            store.add_rejection(1, payload, schema_version=1)
        snap = store.load_client(1)
    res = runner.invoke(APP, ["report", "Ana Díaz", "--format", "md", "--date", "2025-03-14"])
    assert res.exit_code == 0, res.output
    sections = client_rejection_sections(engine, snap)
    expected = build_report(engine, snap, on=dt.date(2025, 3, 14), rejections=sections)
    assert res.stdout == render_markdown(expected)
    assert "Applications logged: 5." in res.stdout
    assert "### Patterns" in res.stdout and "### Action: Close the skill gaps" in res.stdout
    assert "No rejection patterns analysed" not in res.stdout
