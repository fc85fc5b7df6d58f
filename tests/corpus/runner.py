"""Run gongshi the way a CI job does: a subprocess with a time and memory ceiling.

Shared by the corpus, the integrity and the hygiene tests. A project is a folder with
`data/` (a copy of the sample portal) and, beside it, `outside/`: files that symbolic
links in hostile cases point to. Every outside file carries SECRET, so a test can
prove that nothing from outside the data folder reached the output or the site.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import ROOT, SAMPLE_AS_OF, SAMPLE_DATA

TIME_LIMIT_S = 60
MEMORY_LIMIT_BYTES = 2 * 1024**3
COMMUNITY = "communities/shili-jiayuan"
SECRET = f"GONGSHI-SECRET-{uuid.uuid4().hex}"
SITE_URL = "https://example.org/shili/"

# path:line:column: 错误[code]: message  (cli.md)
PROBLEM_LINE = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+):(?P<column>\d+): "
                          r"(?P<severity>错误|警告)\[(?P<code>[a-z_]+(?:\.[a-z_]+)+)\]: (?P<message>.+)$")
SUMMARY_LINE = re.compile(r"^(共 \d+ 个错误，\d+ 个警告。|检查通过：没有发现问题。)$")
CJK = re.compile(r"[\u4e00-\u9fff]")


# The child sets its own memory ceiling, then becomes gongshi. Not a preexec_fn: that runs
# Python between fork and exec, which the subprocess docs call unsafe with threads (the
# browser tests leave Playwright's and the local server's threads in this process), and a
# child can deadlock there on a lock another thread held at the fork.
_LIMITED_GONGSHI = (
    "import os, resource, sys; "
    f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT_BYTES}, {MEMORY_LIMIT_BYTES})); "
    "os.execv(sys.executable, [sys.executable, '-m', 'generator', *sys.argv[1:]])"
)


@dataclass
class Result:
    exit: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def gongshi(args: list[str], cwd: Path, *, env: dict | None = None, timeout: float = TIME_LIMIT_S) -> Result:
    """`python -m generator ARGS` in cwd, killed after `timeout` seconds or at 2 GB."""
    # This tree first; an inherited PYTHONPATH after it (scripts/test-at-date.sh puts its
    # sitecustomize there).
    python_path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    environment = {**os.environ, "PYTHONPATH": python_path, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    done = subprocess.run([sys.executable, "-c", _LIMITED_GONGSHI, *args], cwd=cwd, capture_output=True,
                          timeout=timeout, env=environment)
    # errors="replace": a stray byte must fail an assertion, not crash the test.
    return Result(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def check(project: Path, *extra: str) -> Result:
    return gongshi(["check", "--data", "data", "--as-of", SAMPLE_AS_OF, *extra], project)


def build(project: Path, *extra: str, env: dict | None = None) -> Result:
    return gongshi(["build", "--data", "data", "--out", "site", "--as-of", SAMPLE_AS_OF, *extra], project, env=env)


def make_project(root: Path) -> Path:
    """root/project/data (the sample portal) and root/outside (secret files links may point to)."""
    project = root / "project"
    shutil.copytree(SAMPLE_DATA, project / "data")
    outside = root / "outside"
    notice = (f"title: 泄露 {SECRET}\nkind: general\nissuer: {SECRET}\npublished: 2026-11-01\n"
              f"period: {{from: 2026-11-01, to: 2026-11-30}}\nbody: |\n  {SECRET}\n")
    (outside / "notices").mkdir(parents=True)
    (outside / "secret.yml").write_text(notice, encoding="utf-8")
    (outside / "notices" / "leak.yml").write_text(notice, encoding="utf-8")
    (outside / "community").mkdir()
    (outside / "community" / "community.yml").write_text(
        (SAMPLE_DATA / COMMUNITY / "community.yml").read_text(encoding="utf-8").replace("name: ", f"name: {SECRET}", 1),
        encoding="utf-8")
    shutil.copytree(SAMPLE_DATA, outside / "data")
    site = outside / "data" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("title: ", f"title: {SECRET}", 1), encoding="utf-8")
    (outside / "secret.md").write_text(f"# {SECRET}\n", encoding="utf-8")
    return project


@dataclass(frozen=True)
class Printed:
    path: str
    line: int
    column: int
    severity: str
    code: str
    message: str


def parse_problems(stdout: str) -> list[Printed]:
    """Every line of `gongshi check` output, parsed; anything else fails the test."""
    lines = stdout.splitlines()
    assert lines, "no output at all"
    assert SUMMARY_LINE.match(lines[-1]), f"last line is not the count: {lines[-1][:200]!r}"
    problems = []
    for line in lines[:-1]:
        match = PROBLEM_LINE.match(line)
        assert match, f"not a problem line: {line[:300]!r}"
        problems.append(Printed(match["path"], int(match["line"]), int(match["column"]), match["severity"],
                                match["code"], match["message"]))
    return problems


class _Text(HTMLParser):
    """The text a reader sees: character data outside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(page: Path) -> str:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return "".join(parser.parts)


def title_text(page: Path) -> str:
    match = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.DOTALL)
    return html.unescape(match.group(1)) if match else ""


def logo_titles(page: Path) -> list[str]:
    """The tooltips (title="…", as a browser decodes them) of Material's logo links."""
    from html.parser import HTMLParser

    class Logos(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.titles: list[str] = []

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "a" and "md-logo" in (a.get("class") or "").split():
                self.titles.append(a.get("title") or "")

    parser = Logos()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.titles


def squeeze(text: str) -> str:
    """Without whitespace: pdftotext and browsers wrap long lines where they like."""
    return re.sub(r"\s+", "", text)


def files_containing(root: Path, needle: str) -> list[str]:
    found = []
    raw = needle.encode("utf-8")
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and raw in path.read_bytes():
            found.append(path.relative_to(root).as_posix())
    return found


# ------------------------------------------------------------------ one build in a git repository

def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", "-c", "user.name=语料", "-c", "user.email=corpus@example.org",
                           "-c", "commit.gpgsign=false", *args],
                          cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def snapshot(root: Path) -> dict[str, tuple]:
    """Every path below root (links not followed): kind, size, mtime and, for files, content hash."""
    import hashlib
    state = {}
    for path in sorted(root.rglob("*")):
        st = path.lstat()
        if path.is_symlink():
            entry = ("link", os.readlink(path))
        elif path.is_dir():
            entry = ("dir",)
        else:
            entry = ("file", st.st_size, st.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
        state[path.relative_to(root).as_posix()] = entry
    return state


@dataclass
class RepoBuild:
    root: Path          # holds project/, outside/ and tmp/ (the build's TMPDIR)
    project: Path       # a git repository: data/ committed, the site built into project/site
    commit: str
    before: dict
    after: dict
    result: Result

    @property
    def site(self) -> Path:
        return self.project / "site"


_REPO_BUILDS: dict[Path, RepoBuild] = {}


def repo_build(base: Path) -> RepoBuild:
    """The sample portal committed to a fresh git repository and built once (with PDFs).

    Shared by tests/integrity and tests/hygiene (one build per session; pass
    tmp_path_factory.getbasetemp()). The whole tree is snapshotted before and after.
    """
    if base not in _REPO_BUILDS:
        root = base / "repo-build"
        root.mkdir()
        project = make_project(root)
        git("init", "-q", cwd=project)
        git("add", "data", cwd=project)
        git("commit", "-q", "-m", "示例数据", cwd=project)
        commit = git("rev-parse", "HEAD", cwd=project)
        tmp = root / "tmp"
        tmp.mkdir()
        before = snapshot(root)
        result = build(project, env={"TMPDIR": str(tmp)})
        _REPO_BUILDS[base] = RepoBuild(root, project, commit, before, snapshot(root), result)
    return _REPO_BUILDS[base]
