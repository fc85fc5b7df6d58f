"""gongshi as a committee gets it: the wheel, installed into a fresh virtual environment
outside the checkout, starts a portal with `gongshi init` and checks, builds (with PDFs)
and verifies it; the generated workflows' commands then run here in their order.

Slow by nature (the environment installs every dependency; pip's cache makes it quick
after the first time): one wheel per module, one environment for the whole story.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from datetime import date
from pathlib import Path

import pytest

from generator import __version__
from generator.builddate import epoch_of
from tests.conftest import ROOT
from tests.packaging.workflows import (TIDIED_NOTICE, TIDY_COMMIT, branch_log, git, replay, runner,
                                       save_through_the_forms, stand_in_gh)

AS_OF = date(2026, 11, 25)
NOTICE = textwrap.dedent("""\
    title: 关于冬季供暖试运行的通知
    kind: general
    issuer: 某某小区业主委员会
    published: 2026-11-25
    period: {from: 2026-11-25, to: 2026-12-09}
    body: |
      供暖试运行自12月1日开始，请各户注意检查阀门。
""")


def _run(args: list, cwd: Path, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _pip(args: list, cwd: Path) -> subprocess.CompletedProcess:
    """pip on the real clock: it checks the package index's TLS certificates against it, and
    under scripts/test-at-date.sh (libfaketime) a far date finds every certificate expired."""
    env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "FAKETIME")}
    return _run(args, cwd=cwd, env=env)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = _pip([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
                  "--wheel-dir", out, ROOT], cwd=out)
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("gongshi-*.whl")
    assert found.name == f"gongshi-{__version__}-py3-none-any.whl"
    return found


def _tracked(*paths: str) -> list[str]:
    listed = _run(["git", "ls-files", "-z", "--", *paths], cwd=ROOT)
    assert listed.returncode == 0, listed.stderr
    return [p for p in listed.stdout.split("\0") if p]


def test_the_wheel_holds_the_package_and_every_default_site_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = set(_tracked("generator")) | {f"generator/defaults/{p}" for p in _tracked("mkdocs.yml", "overrides",
                                                                                        "content")}
    dist_info = f"gongshi-{__version__}.dist-info/"
    assert sorted(expected - names) == []
    assert sorted(n for n in names - expected if not n.startswith(dist_info)) == []   # no tests, data or caches
    # Every kind of template is there: Jinja pages and district pages, the PDF's HTML and CSS,
    # `gongshi new`'s YAML, the portal scaffold, and the site's own overrides and pages.
    for wanted in ("generator/render/templates/notice.md.j2", "generator/district/templates/index.md.j2",
                   "generator/pdf/notice.html.j2", "generator/pdf/notice.css", "generator/scaffold/templates/vote.yml",
                   "generator/scaffold/portal/files/repository/dot-github/workflows/check.yml",
                   "generator/scaffold/portal/files/community/notice.yml.in", "generator/defaults/mkdocs.yml",
                   "generator/defaults/overrides/main.html", "generator/defaults/content/guide.md"):
        assert wanted in names
    metadata = zipfile.ZipFile(wheel).read(f"{dist_info}METADATA").decode("utf-8")
    assert f"\nVersion: {__version__}\n" in metadata
    entry_points = zipfile.ZipFile(wheel).read(f"{dist_info}entry_points.txt").decode("utf-8")
    assert "gongshi = generator.cli:main" in entry_points


@pytest.fixture(scope="module")
def user(wheel, tmp_path_factory):
    """A fresh virtual environment with the wheel installed, and the environment of a shell
    in it: the checkout is on no path, the build date is pinned."""
    home = tmp_path_factory.mktemp("committee")
    venv = home / "venv"
    created = _run([sys.executable, "-m", "venv", venv], cwd=home)
    assert created.returncode == 0, created.stderr
    installed = _pip([venv / "bin/python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel],
                     cwd=home)
    assert installed.returncode == 0, installed.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
           and not k.startswith("GIT_")}
    if "FAKETIME" in os.environ:  # scripts/test-at-date.sh: keep its time.sleep fix, nothing else of ours
        env["PYTHONPATH"] = str(ROOT / "scripts" / "faketime")
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}", SOURCE_DATE_EPOCH=str(epoch_of(AS_OF)),
               NO_MKDOCS_2_WARNING="1", GIT_AUTHOR_NAME="委员甲", GIT_AUTHOR_EMAIL="a@example.org",
               GIT_COMMITTER_NAME="委员甲", GIT_COMMITTER_EMAIL="a@example.org", GIT_CONFIG_NOSYSTEM="1",
               GIT_CONFIG_GLOBAL=str(home / "gitconfig"))
    return home, venv, env


def test_a_committee_starts_checks_builds_and_publishes_with_the_wheel(user):
    home, venv, env = user

    def sh(*args, cwd=None) -> subprocess.CompletedProcess:
        return _run(args, cwd=cwd or portal, env=env)

    portal = home / "portal"
    where = sh("python", "-c", "import generator, sys; print(generator.__file__); print(*sys.path, sep='\\n')", cwd=home)
    assert where.stdout.startswith(str(venv)) and str(ROOT) not in where.stdout.splitlines()
    assert sh("gongshi", "--version", cwd=home).stdout == f"gongshi {__version__}\n"

    init = sh("gongshi", "init", "portal", cwd=home)
    assert init.returncode == 0, init.stderr
    # The README's first step: the site's real address instead of the placeholder.
    site_yml = portal / "data/site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("https://example.org/", "https://xiaoqu.gongshi.test/"),
                        encoding="utf-8")
    for step in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "gongshi init"]):
        assert sh(*step).returncode == 0
    check = sh("gongshi", "check")
    assert (check.returncode, check.stdout) == (0, "检查通过：没有发现问题。\n"), check.stdout + check.stderr
    build = sh("gongshi", "build")
    assert build.returncode == 0, build.stdout + build.stderr
    assert "打印版 PDF：新生成 1 份" in build.stdout
    assert len(list((portal / "site").rglob("*.pdf"))) == 1 and (portal / "site/index.html").is_file()
    verify = sh("gongshi", "verify", "site")
    assert verify.returncode == 0 and "核对通过" in verify.stdout
    for hook in ("gongshi check", "gongshi check --base HEAD"):     # .pre-commit-config.yaml's entries
        assert sh(*hook.split()).returncode == 0

    # A hosting service: a bare repository as origin, and a pull request that adds a notice.
    assert sh("git", "init", "-q", "--bare", home / "origin.git").returncode == 0
    for step in (["git", "remote", "add", "origin", home / "origin.git"], ["git", "push", "-q", "origin", "main"],
                 ["git", "fetch", "-q", "origin"], ["git", "switch", "-q", "-c", "new-notice"]):
        assert sh(*step).returncode == 0, step
    (portal / "data/communities/xiaoqu/notices/2026-11-heating.yml").write_text(NOTICE, encoding="utf-8")
    assert sh("git", "add", "-A").returncode == 0 and sh("git", "commit", "-q", "-m", "供暖通知").returncode == 0

    github = portal / ".github/workflows"
    gitea = portal / ".gitea/workflows"
    bin_dir = venv / "bin"
    review = replay(github / "check.yml", "check", portal, bin_dir=bin_dir, base_env=env, base_ref="main")
    assert review.failed is None, review.failed and review.failed[1].stdout + review.failed[1].stderr
    assert review.ran == ["检查数据", "公示内容变化", "生成网站"] and review.uploaded == [portal / "site"]
    summary = (home / "step-summary.md").read_text(encoding="utf-8")
    assert "| 新增 | 关于冬季供暖试运行的通知 | 一般公告 |" in summary

    gitea_review = replay(gitea / "check.yml", "check", portal, bin_dir=bin_dir, base_env=env, base_ref="main")
    assert gitea_review.failed is None and gitea_review.ran == ["检查数据", "公示内容变化", "生成网站"]

    # A pull request that quietly edits the published first notice is stopped at the check.
    assert sh("git", "switch", "-q", "-c", "quiet-edit", "main").returncode == 0
    first = portal / "data/communities/xiaoqu/notices/2026-11-website.yml"
    first.write_text(first.read_text(encoding="utf-8").replace("信息公开网站的公告", "网站的公告"), encoding="utf-8")
    assert sh("git", "commit", "-q", "-am", "改标题").returncode == 0
    stopped = replay(github / "check.yml", "check", portal, bin_dir=bin_dir, base_env=env, base_ref="main")
    assert stopped.failed is not None and stopped.failed[0] == "检查数据"
    assert "::error file=data/communities/xiaoqu/notices/2026-11-website.yml" in stopped.failed[1].stdout
    assert "title=published.silent_edit" in stopped.failed[1].stdout
    assert stopped.ran == ["检查数据", "公示内容变化"] and stopped.skipped == ["生成网站", "上传网站预览"]

    # Merged: the default branch is built and published.
    for step in (["git", "switch", "-q", "main"], ["git", "merge", "-q", "--ff-only", "new-notice"]):
        assert sh(*step).returncode == 0
    published = replay(github / "publish.yml", "publish", portal, bin_dir=bin_dir, base_env=env)
    assert published.failed is None and published.ran == ["检查数据", "生成网站"]
    assert published.uploaded == [portal / "site"]
    assert (portal / "site/notices/2026-11-heating/index.html").is_file()
    self_hosted = replay(gitea / "publish.yml", "publish", portal, bin_dir=bin_dir, base_env=env)
    assert self_hosted.failed is None and self_hosted.ran == ["检查数据", "生成网站"]
    assert self_hosted.skipped == ["发布到网站服务器"]           # no DEPLOY_HOST secret here

    # Nothing generated lands where git would track it.
    assert sh("git", "status", "--porcelain").stdout == ""


def test_a_forms_save_is_tidied_on_origin_and_checked_again(user):
    """The web forms save to a cms/… branch; GitHub's tidy.yml formats it and commits the
    result back, then asks for check.yml on that commit, which passes; Gitea's does the same
    commit. Replayed a second time, neither commits anything."""
    home, venv, env = user
    bin_dir = venv / "bin"
    gh_calls = stand_in_gh(home / "gh")
    env = env | {"PATH": f"{home / 'gh'}{os.pathsep}{env['PATH']}"}
    portal, origin = home / "forms-portal", home / "forms-origin.git"
    assert _run(["gongshi", "init", portal.name], cwd=home, env=env).returncode == 0
    site_yml = portal / "data/site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("https://example.org/", "https://xiaoqu.gongshi.test/"),
                        encoding="utf-8")
    git(home, "init", "-q", "--bare", "-b", "main", origin, env=env)
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "gongshi init"],
                 ["remote", "add", "origin", origin], ["push", "-q", "origin", "main"]):
        git(portal, *step, env=env)

    for platform, branch in ((".github", "cms/xiaoqu--notices/2026-1125-093012"), (".gitea", "cms/forms")):
        save_through_the_forms(portal, branch, "2026-1125-093012", env)
        saved = branch_log(origin, branch, env)
        work, runner_env = runner(origin, home / f"runner{platform}", env)
        tidy = portal / platform / "workflows/tidy.yml"
        for _ in range(2):
            tidied = replay(tidy, "tidy", work, bin_dir=bin_dir, base_env=runner_env, ref=f"refs/heads/{branch}")
            assert tidied.failed is None, tidied.failed and tidied.failed[1].stderr
            assert branch_log(origin, branch, env) == [TIDY_COMMIT, *saved], platform
        assert tidied.printed["提交整理结果"] == "数据文件已是规范格式。\n"
        assert git(origin, "show", f"{branch}:data/communities/xiaoqu/notices/2026-1125-093012.yml",
                   env=env) == TIDIED_NOTICE

    # GitHub's tidy asked once for check.yml on its commit: run by hand, it compares with main.
    branch = "cms/xiaoqu--notices/2026-1125-093012"
    assert gh_calls.read_text(encoding="utf-8") == f"workflow run check.yml --ref {branch}\n"
    work = home / "runner.github/work"
    checked = replay(portal / ".github/workflows/check.yml", "check", work, bin_dir=bin_dir, base_env=env,
                     ref=f"refs/heads/{branch}")
    assert checked.failed is None, checked.failed and checked.failed[1].stdout + checked.failed[1].stderr
    assert checked.ran == ["检查数据", "公示内容变化", "生成网站"] and checked.uploaded == [work / "site"]
    summary = (work.parent / "step-summary.md").read_text(encoding="utf-8")
    assert "| 新增 | 关于电梯年度检验的通知 | 一般公告 |" in summary
