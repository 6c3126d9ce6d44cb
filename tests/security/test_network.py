"""Network: the app listens on loopback; elsewhere needs a flag and a passcode, and warns."""

from __future__ import annotations

import tomllib

import pytest
from typer.testing import CliRunner

from careerpivot.cli import app, app_cmd
from careerpivot.netsafe import ListenRefusedError, check_listen, is_loopback
from careerpivot.store import Store
from tests.conftest import REPO

runner = CliRunner()


@pytest.fixture
def started(monkeypatch, tmp_path) -> list[list[str]]:
    """Commands the app command would run (nothing is started)."""
    calls: list[list[str]] = []
    monkeypatch.setattr(app_cmd, "start_streamlit", lambda cmd: calls.append(cmd) or 0)
    monkeypatch.setenv("CAREERPIVOT_DB_URL", f"sqlite:///{tmp_path / 'net.db'}")
    return calls


def _option(cmd: list[str], name: str) -> str:
    (value,) = [a.split("=", 1)[1] for a in cmd if a.startswith(f"--{name}=")]
    return value


def test_default_is_loopback_without_error_details(started):
    res = runner.invoke(app, ["app", "--headless"])
    assert res.exit_code == 0, res.output
    (cmd,) = started
    assert _option(cmd, "server.address") == "127.0.0.1"
    assert _option(cmd, "client.showErrorDetails") == "none"
    assert _option(cmd, "browser.gatherUsageStats") == "false"


@pytest.mark.parametrize("address", ["0.0.0.0", "::", "192.168.1.20", "example.org", ""])
def test_other_addresses_need_the_flag(started, address: str):
    res = runner.invoke(app, ["app", "--address", address])
    assert res.exit_code == 2 and "--listen-remote" in res.output and not started


def test_the_flag_alone_is_refused_without_a_passcode(started):
    res = runner.invoke(app, ["app", "--address", "0.0.0.0", "--listen-remote"])
    assert res.exit_code == 2 and "passcode" in res.output and not started


def test_with_flag_and_passcode_it_warns_and_listens(started, tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'net.db'}") as store:
        store.set_passcode("a long enough passcode")
    res = runner.invoke(app, ["app", "--address", "0.0.0.0", "--listen-remote"])
    assert res.exit_code == 0 and "WARNING" in res.output
    (cmd,) = started
    assert _option(cmd, "server.address") == "0.0.0.0"


@pytest.mark.parametrize(
    ("host", "loop"),
    [("127.0.0.1", True), ("127.8.9.1", True), ("::1", True), ("[::1]", True),
     ("localhost", True), ("0.0.0.0", False), ("::", False), ("10.0.0.1", False),
     ("localhost.evil.example", False), ("127.0.0.1.nip.io", False)],
)  # fmt: skip
def test_loopback_is_recognised(host: str, loop: bool):
    assert is_loopback(host) is loop
    if not loop:
        with pytest.raises(ListenRefusedError):
            check_listen(host, allow_remote=True, passcode_set=False)


def test_streamlit_run_directly_uses_the_same_settings():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["gatherUsageStats"] is False
