"""Stopping ``careerpivot app`` stops the Streamlit server it started (no orphan keeps the
port): the command becomes the server where the platform allows."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(port: int) -> bool:
    try:
        url = f"http://127.0.0.1:{port}/_stcore/health"
        return urllib.request.urlopen(url, timeout=2).read() == b"ok"
    except OSError:
        return False


@pytest.mark.skipif(os.name != "posix", reason="the command replaces itself only on POSIX")
def test_terminating_the_app_command_stops_the_server(tmp_path):
    port = _free_port()
    env = {**os.environ, "CAREERPIVOT_DB_URL": f"sqlite:///{tmp_path / 'app.db'}"}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from careerpivot.cli import main; main()", "app", "--headless",
         "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while not _healthy(port):
            assert proc.poll() is None, "the app command exited before the server answered"
            assert time.monotonic() < deadline, "the server did not answer within 120 s"
            time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 15
        while _healthy(port) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not _healthy(port), "the Streamlit server outlived the stopped app command"
    finally:
        if proc.poll() is None:
            proc.kill()
