"""Fixtures for the security tests, and the tally of hostile inputs printed at the end."""

from __future__ import annotations

import pytest

from tests.report.conftest import ana, report  # noqa: F401  (fixtures reused here)
from tests.security.hostile import TRIED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many hostile inputs the security tests fed in, by kind."""
    if TRIED:
        total = sum(TRIED.values())
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(TRIED.items()))
        terminalreporter.write_line(f"hostile inputs tried: {total} ({kinds})")
