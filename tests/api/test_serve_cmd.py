"""``careerpivot serve``: loopback by default; other addresses need the flag and a passcode;
several workers start from the factory so each loads its engines once."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from careerpivot.api.app import COUNSELOR_ENV, DATASETS_ENV
from careerpivot.cli import app

runner = CliRunner()


@pytest.fixture
def started(monkeypatch) -> list[tuple[Any, dict[str, Any]]]:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: calls.append((target, kw)))
    monkeypatch.setenv("CAREERPIVOT_DB_URL", "sqlite:///:memory:")
    monkeypatch.delenv(DATASETS_ENV, raising=False)
    monkeypatch.delenv(COUNSELOR_ENV, raising=False)
    return calls


def test_serves_on_loopback_by_default(started):
    res = runner.invoke(app, ["serve", "--port", "8581"])
    assert res.exit_code == 0, res.output
    ((target, kw),) = started
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8581
    assert not isinstance(target, str)  # one worker: the app object itself


def test_several_workers_are_forked_after_the_engines_load(started, monkeypatch):
    import careerpivot.api.app as api_app

    made: list[api_app.Settings] = []
    monkeypatch.setattr(api_app, "create_app", lambda settings: made.append(settings) or "app")
    assert runner.invoke(app, ["serve", "--workers", "2"]).exit_code == 0
    ((target, kw),) = started
    assert target == "app" and "workers" not in kw  # one front process
    assert made[0].processes == 2  # which forks two workers once its engines load


def test_without_fork_several_workers_use_the_factory(started, monkeypatch):
    import careerpivot.api.pool as pool

    monkeypatch.setattr(pool, "can_fork", lambda: False)
    assert runner.invoke(app, ["serve", "--workers", "2"]).exit_code == 0
    ((target, kw),) = started
    assert target == "careerpivot.api.app:app_from_env" and kw["factory"] is True
    assert kw["workers"] == 2


def test_other_addresses_need_the_flag_and_a_passcode(started):
    res = runner.invoke(app, ["serve", "--host", "0.0.0.0"])
    assert res.exit_code == 2 and "--listen-remote" in res.output
    res = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--listen-remote"])
    assert res.exit_code == 2 and "passcode" in res.output
    assert started == []


def test_unknown_dataset_and_counselor_without_passcode_are_refused(started):
    res = runner.invoke(app, ["serve", "--dataset", "nope"])
    assert res.exit_code == 2 and "no data set named 'nope'" in res.output
    res = runner.invoke(app, ["serve", "--counselor"])
    assert res.exit_code == 2 and "passcode" in res.output
    assert started == []


def test_workers_compute_one_answer_at_a_time_unless_told(started, monkeypatch):
    from careerpivot.api.app import THREADS_ENV, Settings

    monkeypatch.setenv(THREADS_ENV, "7")  # restored afterwards; serve sets it
    assert runner.invoke(app, ["serve"]).exit_code == 0
    assert Settings.from_env().threads == 1
    assert runner.invoke(app, ["serve", "--threads", "4"]).exit_code == 0
    assert Settings.from_env().threads == 4
    assert runner.invoke(app, ["serve", "--threads", "0"]).exit_code == 2


def test_the_app_sets_its_thread_pool_from_the_settings():
    from anyio import to_thread
    from fastapi.testclient import TestClient

    from careerpivot.api.app import Settings, create_app

    def tokens() -> float:
        return to_thread.current_default_thread_limiter().total_tokens

    for n in (1, 3):
        with TestClient(create_app(Settings(threads=n))) as c:
            assert c.portal is not None and c.portal.call(tokens) == n
            assert c.get("/health").status_code == 200
