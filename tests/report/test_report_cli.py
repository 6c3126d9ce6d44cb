"""``careerpivot report CLIENT --format pdf|md|csv`` on a stored client."""

from __future__ import annotations

import datetime as dt

import pytest
import typer
from typer.testing import CliRunner

from careerpivot.cli import client_cmd, report_cmd
from careerpivot.engine import Engine
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


# ----- the data set a client's profile was made on ----------------------------------------------
@pytest.fixture
def onet_client(tmp_path, monkeypatch) -> tuple[str, Engine]:
    """A client whose profile was made on an imported O*NET-layout data set (mini release),
    stored as the app stores it (``save_profile(..., dataset=...)``)."""
    from careerpivot.datasets.importing import import_onet
    from careerpivot.profile import profile_from_role
    from tests.test_gap_consistency import mini_release

    data_dir = tmp_path / "data"
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(data_dir))
    name = import_onet(mini_release(tmp_path / "db_99_1_text"), data_dir=data_dir).dataset.name
    eng = Engine.load(name, data_dir)
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv(DB_URL_ENV, url)
    with Store.open(url) as store, store.batch() as w:
        c = w.create_client("Omar Nets")
        w.save_profile(c.id, profile_from_role(eng.dataset, "15-1252.00"), dataset=name)
        w.mark_role(c.id, "15-1254.00", "shortlisted")
    return url, eng


def test_a_client_made_on_onet_is_reported_on_onet_with_the_apps_numbers(onet_client):
    """Before: the report used the starter set whatever the client's profile was made on."""
    url, eng = onet_client
    res = runner.invoke(APP, ["report", "Omar Nets", "--format", "md", "--date", "2025-03-14"])
    assert res.exit_code == 0, res.output
    with Store.open(url) as store:
        snap = store.load_client(1)
    assert snap.profile_dataset == eng.dataset.name
    # The app's report: build_report on the engine of the profile's data set.
    assert res.stdout == render_markdown(build_report(eng, snap, on=dt.date(2025, 3, 14)))
    assert eng.dataset.name in res.stdout


def test_another_data_set_asked_for_is_used_and_the_difference_said(onet_client):
    res = runner.invoke(
        APP, ["report", "Omar Nets", "-f", "md", "--dataset", "starter", "--date", "2025-03-14"]
    )
    assert res.exit_code == 0, res.output
    said = " ".join(res.stderr.split())
    assert "profile was made on data set" in said and "this report uses 'starter'" in said


def test_a_client_whose_data_set_is_not_installed_gets_a_clear_error(onet_client, tmp_path):
    import shutil

    _, eng = onet_client
    shutil.rmtree(tmp_path / "data" / "datasets" / eng.dataset.name)
    res = runner.invoke(APP, ["report", "Omar Nets", "-f", "md"])
    assert res.exit_code == 2
    said = " ".join(res.stderr.split())  # the console wraps long lines
    assert f"made on data set {eng.dataset.name!r}, which is not installed here" in said
