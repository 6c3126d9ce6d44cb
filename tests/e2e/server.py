"""Start the Streamlit app on a free loopback port for a browser test, and stop it after."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import REPO

LOOPBACK_FLAGS = ["--server.address=127.0.0.1", "--browser.gatherUsageStats=false"]


def free_port() -> int:
    """A loopback port nobody is listening on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_app(
    env: dict[str, str], log_path: Path, *, wait_s: float = 60, config_only: bool = False
) -> Iterator[str]:
    """Run ``app.py`` headless, wait for ``/_stcore/health``, yield its URL.

    The flags mirror ``.streamlit/config.toml`` (loopback, no usage statistics);
    ``config_only`` leaves them out, so a test sees what the shipped config alone does.
    The file watcher is off so that edits elsewhere in the tree cannot rerun the app.
    """
    port = free_port()
    log = log_path.open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(REPO / "app.py"),
            "--server.headless=true",
            f"--server.port={port}",
            "--server.fileWatcherType=none",
            *([] if config_only else LOOPBACK_FLAGS),
        ],
        cwd=REPO,  # .streamlit/config.toml: loopback, no error details, no statistics
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait_s
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read().decode().strip() == "ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not become healthy in {wait_s:.0f} s; see {log.name}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()
