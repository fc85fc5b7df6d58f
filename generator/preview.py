"""The live preview of `gongshi serve`: on 127.0.0.1, rebuilt when the sources change.

The site is built (without PDFs, for speed; build/portal.py) into a temporary folder and
served from there with http.server. Once a second the watcher compares an (mtime, size) snapshot of
data/, content/, overrides/ and mkdocs.yml; on a change it rebuilds. A build replaces
the folder only when everything succeeded, so a failed rebuild prints its problems and
the browser keeps the last good site. Served pages (never the built files) carry a small
script that reloads the page after a successful rebuild.
"""

from __future__ import annotations

import functools
import shutil
import signal
import tempfile
import threading
import time
from datetime import datetime
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .build.portal import build_portal
from .build.project import Project
from .builddate import CHINA, BadDate, resolve_build_date
from .exits import ExitCode, Stop
from .problems import print_text

POLL_SECONDS = 1.0
# An editor saving several files (or one file in two writes) settles within this time.
SETTLE_SECONDS = 0.3
VERSION_PATH = "/__gongshi__/version"
# Polls the build counter and reloads when it changes; only in served responses.
RELOAD_SCRIPT = (
    "<script>/* gongshi serve：重新生成后自动刷新 */(function(){var seen=null;"
    "setInterval(function(){fetch('" + VERSION_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(v){if(seen===null){seen=v}"
    "else if(v!==seen){location.reload()}}).catch(function(){})},1000)})();</script>"
).encode("utf-8")

Snapshot = dict[str, tuple[int, int]]


def watched_paths(data_dir: Path) -> list[Path]:
    """What a rebuild depends on: the data and the project's site files beside it."""
    return [data_dir.resolve()] + [path.resolve() for path in Project.around(data_dir).watched()]


def snapshot(paths: list[Path]) -> Snapshot:
    """(mtime_ns, size) of every file under paths; editor swap and backup files are skipped."""
    state: Snapshot = {}
    for root in paths:
        candidates = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in candidates:
            if path.name.startswith((".", "#")) or path.name.endswith("~"):
                continue
            try:
                stat = path.stat()
            except OSError:  # deleted between listing and stat: the next poll sees it
                continue
            if path.is_file():
                state[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return state


class _Preview:
    """The served folder and a counter that changes with every successful build."""

    def __init__(self, data_dir: Path, site_dir: Path) -> None:
        self.data_dir, self.site_dir = data_dir, site_dir
        self.version = 0

    def rebuild(self) -> ExitCode:
        """Build into site_dir; print the outcome. Returns the build's exit code.
        A build that stops does not stop the preview: the next edit may fix it."""
        as_of = resolve_build_date(None)
        started = time.monotonic()
        try:
            build_portal(self.data_dir, self.site_dir, as_of, pdf=False, on_checked=print_text)
        except Stop as stop:
            print(f"{_now()} 生成失败：{stop.message}", flush=True)
            if self.version:
                print("            预览继续显示上一次成功生成的版本；改正后会自动重新生成。", flush=True)
            return stop.exit_code
        except Exception as exc:  # a crash must not stop the preview; the data may be the cause
            print(f"{_now()} 生成时出现内部错误：{type(exc).__name__}: {exc}", flush=True)
            return ExitCode.DATA
        self.version += 1
        print(f"{_now()} 已生成（数据截至 {as_of}，用时 {time.monotonic() - started:.1f} 秒）", flush=True)
        return ExitCode.OK


# The only names a browser on this machine uses for the preview. Any other Host header
# means a page elsewhere resolved its own name to 127.0.0.1 (DNS rebinding) to read the
# unpublished preview: it gets nothing.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})


def is_local_host(header: str | None) -> bool:
    """True for a Host header naming this machine: localhost, 127.0.0.1 or [::1], with or
    without a port."""
    if not header:
        return False
    host = header.strip().lower()
    name, colon, port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
    if not colon:
        name, port = host, ""
    return name in LOCAL_HOSTS and (port == "" and not colon or port.isdigit())


class _Handler(SimpleHTTPRequestHandler):
    preview: _Preview

    def log_message(self, format, *args):  # requests would drown the build messages
        pass

    def _refuse_foreign_host(self) -> bool:
        if is_local_host(self.headers.get("Host")):
            return False
        page = ("<!doctype html><meta charset=utf-8><title>gongshi serve</title>"
                "<p>gongshi serve 只接受以 localhost、127.0.0.1 或 [::1] 访问的请求。</p>").encode("utf-8")
        self._send(HTTPStatus.FORBIDDEN, "text/html; charset=utf-8", page)
        return True

    def do_HEAD(self):
        if self._refuse_foreign_host():
            return None
        return super().do_HEAD()

    def end_headers(self):
        # A preview must never show a stale page from the browser's cache.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        if self._refuse_foreign_host():
            return None
        path = unquote(urlsplit(self.path).path)
        if path == VERSION_PATH:
            return self._send(HTTPStatus.OK, "text/plain; charset=utf-8", str(self.preview.version).encode())
        if not self.preview.version:
            message = "网站尚未生成：数据有错误，请看终端里的问题列表。改正后会自动生成并刷新本页。"
            page = f"<!doctype html><meta charset=utf-8><title>gongshi serve</title><p>{message}</p>".encode("utf-8")
            return self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/html; charset=utf-8", page + RELOAD_SCRIPT)
        target = Path(self.translate_path(self.path))
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            html = target.read_bytes()
            cut = html.rfind(b"</body>")
            html = html[:cut] + RELOAD_SCRIPT + html[cut:] if cut >= 0 else html + RELOAD_SCRIPT
            return self._send(HTTPStatus.OK, "text/html; charset=utf-8", html)
        return super().do_GET()

    def _send(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _now() -> str:
    return datetime.now(tz=CHINA).strftime("%H:%M:%S")


def _stop_on_sigterm() -> None:
    # `kill` and process managers send SIGTERM: clean up as for Ctrl-C.
    def handler(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handler)


def serve(data_dir: Path, port: int) -> ExitCode:
    """Build, serve and watch until Ctrl-C (exit 0) or SIGTERM; a first build that lacks
    something of the machine (exit 3) ends it, since no edit of the data can fix that."""
    if not data_dir.is_dir():
        raise Stop.usage(f"找不到数据目录 {data_dir}")
    try:
        resolve_build_date(None)
    except BadDate as exc:
        raise Stop.usage(f"用法错误：{exc}") from None
    temp = Path(tempfile.mkdtemp(prefix="gongshi-serve-"))
    preview = _Preview(data_dir, temp / "site")
    handler = type("Handler", (_Handler,), {"preview": preview})
    try:
        # 127.0.0.1 only: a preview of unpublished data is not for the local network.
        server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(preview.site_dir)))
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise Stop.environment(f"无法在 127.0.0.1:{port} 上监听（{exc.strerror or exc}）；请用 --port 换一个端口。") from None
    server.daemon_threads = True
    _stop_on_sigterm()
    paths = watched_paths(data_dir)
    serving = False
    try:
        seen = snapshot(paths)
        if preview.rebuild() == ExitCode.ENVIRONMENT:
            return ExitCode.ENVIRONMENT  # e.g. jieba missing: no later edit of the data can fix it
        threading.Thread(target=server.serve_forever, name="gongshi-serve", daemon=True).start()
        serving = True
        print(f"预览地址：http://127.0.0.1:{server.server_address[1]}/", flush=True)
        print("正在监视 " + "、".join(_display(p) for p in paths) + "；按 Ctrl-C 退出。", flush=True)
        while True:
            time.sleep(POLL_SECONDS)
            current = snapshot(paths)
            if current == seen:
                continue
            time.sleep(SETTLE_SECONDS)
            seen = snapshot(paths)
            print(f"{_now()} 检测到改动，重新生成……", flush=True)
            preview.rebuild()
    except KeyboardInterrupt:
        print("\n已停止预览。", flush=True)
        return ExitCode.OK
    finally:
        if serving:  # shutdown() waits for serve_forever, which must have started
            server.shutdown()
        server.server_close()
        shutil.rmtree(temp, ignore_errors=True)


def _display(path: Path) -> str:
    """Relative to the working folder when inside it, else absolute."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
