"""`gongshi serve` in a subprocess on a copy of the sample: it serves the site on 127.0.0.1,
rebuilds after an edit, keeps the last good site after a bad edit and exits 0 on Ctrl-C.

serve has no --as-of: its build date comes from SOURCE_DATE_EPOCH, else today. The test
pins it to the sample's date, so what the home page lists does not depend on the day it runs."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import date

import pytest

from generator.builddate import epoch_of
from tests.build.helpers import copy_sample, replace_in
from tests.conftest import ROOT, SAMPLE_AS_OF

TIMEOUT = 60  # seconds for the first build and for each rebuild to show
OLD_TITLE = "关于示例街道小区公共设施检查结果及整改情况的公示"
NEW_TITLE = "关于井盖整改进展的公示（已改标题）"


class Serve:
    """The running `gongshi serve` process and the lines it has printed so far."""

    def __init__(self, data, cwd):
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1",
                   SOURCE_DATE_EPOCH=str(epoch_of(date.fromisoformat(SAMPLE_AS_OF))))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--data", str(data), "--port", "0"],
            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for(self, fragment: str, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            self.output.append(line)
            if fragment in line:
                return line
        pytest.fail(f"serve did not print {fragment!r}:\n" + "".join(self.output))


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_until(condition, timeout: float = TIMEOUT) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(0.5)
    pytest.fail("condition not met in time")


@pytest.fixture
def serve(tmp_path):
    data = copy_sample(tmp_path)
    server = Serve(data, cwd=tmp_path)
    try:
        yield server, data
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait(timeout=10)


def test_serve_rebuilds_on_change_and_keeps_the_last_good_site(serve):
    server, data = serve
    address = server.wait_for("预览地址：").split("预览地址：", 1)[1].strip()
    assert f"数据截至 {SAMPLE_AS_OF}" in "".join(server.output)   # the pinned date, not today
    assert address.startswith("http://127.0.0.1:") and address.endswith("/")
    notice_url = address + "notices/2026-11-inspection/"
    home = fetch(address)
    assert OLD_TITLE in home
    assert f"<title>{OLD_TITLE}" in fetch(notice_url)
    # The built page as it is, plus the reload script (only in what serve sends).
    assert home.count("__gongshi__/version") == 1 and home.rstrip().endswith("</html>")
    css = fetch(address + "assets/stylesheets/gongshi.css")
    assert css == (ROOT / "overrides/assets/stylesheets/gongshi.css").read_text(encoding="utf-8")
    version = fetch(address + "__gongshi__/version")

    notice = data / "communities/shili-jiayuan/notices/2026-11-inspection.yml"
    replace_in(notice, f"title: {OLD_TITLE}", f"title: {NEW_TITLE}")
    wait_until(lambda: NEW_TITLE in fetch(address) and NEW_TITLE in fetch(notice_url))
    assert OLD_TITLE not in fetch(address)
    # The counter moves just after the new site is in place: the open page then reloads itself.
    wait_until(lambda: fetch(address + "__gongshi__/version") != version, timeout=10)

    # A bad edit: the problems are printed and the last good site stays.
    notice.write_text(notice.read_text(encoding="utf-8") + "title: [\n", encoding="utf-8")
    server.wait_for("错误[yaml.syntax]")
    server.wait_for("生成失败")
    assert NEW_TITLE in fetch(notice_url)
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch(address + "no-such-page/")
    assert missing.value.code == 404

    server.process.send_signal(signal.SIGINT)  # Ctrl-C
    assert server.process.wait(timeout=20) == 0
    with pytest.raises(OSError):
        fetch(address)


def test_snapshot_sees_edits_but_not_editor_swap_files(tmp_path):
    from generator.preview import snapshot

    (tmp_path / "a.yml").write_text("title: x\n", encoding="utf-8")
    before = snapshot([tmp_path])
    (tmp_path / ".a.yml.swp").write_text("swap", encoding="utf-8")
    (tmp_path / "a.yml~").write_text("backup", encoding="utf-8")
    assert snapshot([tmp_path]) == before
    (tmp_path / "a.yml").write_text("title: xy\n", encoding="utf-8")  # size changes even within one mtime tick
    assert snapshot([tmp_path]) != before


def test_busy_port_is_named_and_exits_3(tmp_path, capsys):
    import socket

    from generator.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert main(["serve", "--data", str(copy_sample(tmp_path)), "--port", str(taken.getsockname()[1])]) == 3
    assert "--port" in capsys.readouterr().err


def test_before_the_first_good_build_the_preview_says_why(tmp_path):
    import functools
    from http.server import ThreadingHTTPServer

    from generator.preview import _Handler, _Preview

    preview = _Preview(tmp_path, tmp_path / "site")  # nothing built yet
    handler = type("Handler", (_Handler,), {"preview": preview})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(preview.site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(urllib.error.HTTPError) as answer:
            fetch(f"http://127.0.0.1:{server.server_address[1]}/")
        assert answer.value.code == 503
        assert "数据有错误" in answer.value.read().decode("utf-8")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def preview_server(tmp_path):
    """The preview's handler over a built folder (no build: the Host check comes first)."""
    import functools
    from http.server import ThreadingHTTPServer

    from generator.preview import _Handler, _Preview

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>未公开的预览</title><body>内部数据</body>", encoding="utf-8")
    preview = _Preview(tmp_path, site)
    preview.version = 1
    handler = type("Handler", (_Handler,), {"preview": preview})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _get(port: int, host: str | None, method: str = "GET") -> tuple[int, str]:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest(method, "/", skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        connection.close()


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.evil.example:{port}",
                                  "192.168.1.5:{port}", "localhost.evil.example", None])
def test_the_preview_answers_no_other_host(preview_server, host):
    # DNS rebinding: a page on evil.example that resolves its name to 127.0.0.1 sends Host: evil.example.
    status, body = _get(preview_server, host.format(port=preview_server) if host else None)
    assert status == 403
    assert "只接受以 localhost、127.0.0.1 或 [::1] 访问的请求" in body and "内部数据" not in body
    assert _get(preview_server, "evil.example", "HEAD")[0] == 403


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST", "[::1]:{port}"])
def test_the_preview_answers_this_machine(preview_server, host):
    status, body = _get(preview_server, host.format(port=preview_server))
    assert status == 200 and "内部数据" in body
