"""decap-server (the local backend of the web forms) for tests: started on 127.0.0.1 on a
free port over a git repository, stopped at the end."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.error import URLError
from urllib.request import Request, urlopen

import pytest

from tests.conftest import ROOT

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def decap_server(repo: Path, port: int, log: Path):
    """decap-server in git mode (editorial branches cms/…) over `repo`; yields its API URL."""
    if not DECAP_SERVER.is_file():
        pytest.fail("找不到 node_modules/decap-server：请先运行 bash scripts/setup.sh（它会执行 npm ci）。")
    env = dict(os.environ, MODE="git", GIT_REPO_DIRECTORY=str(repo), PORT=str(port), BIND_HOST="127.0.0.1",
               LOG_LEVEL="info")
    with log.open("w") as out:
        server = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=out, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/api/v1"
    try:
        _wait_until_up(api, server, log)
        yield api
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(api: str, server: subprocess.Popen, log: Path, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"decap-server 退出了：{log.read_text(encoding='utf-8')[-500:]}")
        try:
            request = Request(api, data=b'{"action":"info","params":{}}', headers={"Content-Type": "application/json"})
            with urlopen(request, timeout=2):
                return
        except URLError:
            time.sleep(0.2)
    pytest.fail(f"decap-server 在 {seconds} 秒内没有启动：{log.read_text(encoding='utf-8')[-500:]}")
