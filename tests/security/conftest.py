"""Fixtures for the security tests, and the tally of hostile inputs printed at the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpivot.store import Store
from tests.report.conftest import ana, report  # noqa: F401  (fixtures reused here)
from tests.security.hostile import TRIED


@pytest.fixture
def kept_client_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A private data folder and a SQLite client store holding one client, "Kept Client"
    (a hostile command must leave it as it was); the store's URL."""
    url = f"sqlite:///{tmp_path / 'cp.db'}"
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CAREERPIVOT_DB_URL", url)
    monkeypatch.delenv("CAREERPIVOT_PASSCODE", raising=False)
    with Store.open(url) as store:
        store.create_client("Kept Client")
    return url


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many hostile inputs the security tests fed in, by kind."""
    if TRIED:
        total = sum(TRIED.values())
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(TRIED.items()))
        terminalreporter.write_line(f"hostile inputs tried: {total} ({kinds})")
