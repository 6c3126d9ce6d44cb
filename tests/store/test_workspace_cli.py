"""``careerpivot workspace purge`` as an operator runs it (from cron, say)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text
from typer.testing import CliRunner

from careerpivot.cli import app
from careerpivot.store import DB_URL_ENV, Store, WorkspaceData

runner = CliRunner()


def test_purge_has_help_with_an_example():
    res = runner.invoke(app, ["workspace", "purge", "--help"])
    assert res.exit_code == 0
    assert "Example" in res.output and "careerpivot workspace purge" in res.output


def test_purge_erases_old_workspaces_and_keeps_clients(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv(DB_URL_ENV, url)
    with Store.open(url) as store:
        old = store.create_workspace(WorkspaceData(shortlist=["15-2051.00"]))
        fresh = store.create_workspace()
        store.create_client("Kept Client")
        with store.engine.begin() as conn:  # as if it was last opened 200 days ago
            conn.execute(
                text("UPDATE workspaces SET opened = :t WHERE id = 1"),
                {"t": dt.datetime.now(dt.UTC) - dt.timedelta(days=200)},
            )
    res = runner.invoke(app, ["workspace", "purge", "--days", "90", "--dry-run"])
    assert res.exit_code == 0, res.output
    assert "1 of 2 workspace(s)" in res.output and "nothing was erased" in res.output
    res = runner.invoke(app, ["workspace", "purge", "--days", "90"])
    assert res.exit_code == 0, res.output
    assert "Erased 1 workspace(s)" in res.output and "1 workspace(s) remain" in res.output
    with Store.open(url) as store:
        assert store.open_workspace(old) is None
        assert store.open_workspace(fresh) is not None
        assert [c.name for c in store.list_clients()] == ["Kept Client"]


def test_purge_refuses_a_zero_day_window(tmp_path, monkeypatch):
    monkeypatch.setenv(DB_URL_ENV, f"sqlite:///{tmp_path / 'cli.db'}")
    res = runner.invoke(app, ["workspace", "purge", "--days", "0"])
    assert res.exit_code != 0
    assert "--days" in res.output
