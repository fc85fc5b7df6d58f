"""`gongshi init DIR [--district]`: a committee's new repository, ready to push.

The generated workflows are replayed for real in tests/test_wheel.py (with the installed
wheel); here: what is written, that its data passes `check`, and what refuses."""

from __future__ import annotations

import json
import os
import re
import sys
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml

from generator import __version__
from generator.cli import main
from tests.conftest import ROOT

AS_OF = "2026-11-25"
FILES = [
    ".gitea/workflows/check.yml",
    ".gitea/workflows/publish.yml",
    ".gitea/workflows/tidy.yml",
    ".github/workflows/check.yml",
    ".github/workflows/publish.yml",
    ".github/workflows/tidy.yml",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".vscode/settings.json",
    "README.md",
    "data/communities/xiaoqu/committee.yml",
    "data/communities/xiaoqu/community.yml",
    "data/communities/xiaoqu/maintenance-fund/2026.yml",
    "data/communities/xiaoqu/notices/2026-11-website.yml",
    "data/communities/xiaoqu/public-revenue/2026.yml",
    "data/site.yml",
    "requirements.txt",
    *(f"schemas/{kind}.schema.json" for kind in ("committee", "community", "document", "evaluation", "firm",
                                                  "inspection", "maintenance-fund", "meeting", "notice",
                                                  "public-revenue", "site", "vote")),
]


def _init(tmp_path, monkeypatch, capsys, *extra: str) -> tuple[Path, str]:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "portal", "--as-of", AS_OF, *extra]) == 0
    return tmp_path / "portal", capsys.readouterr().out


def _written(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def workflow(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))   # YAML 1.1 reads the key `on` as true
    return data


def test_init_writes_the_repository_and_lists_it(tmp_path, monkeypatch, capsys):
    root, out = _init(tmp_path, monkeypatch, capsys)

    assert _written(root) == FILES
    lines = out.splitlines()
    assert lines[0] == f"已新建公示网站仓库 portal/，共 {len(FILES)} 个文件："
    assert lines[1:1 + len(FILES)] == [f"  {rel}" for rel in FILES]
    assert "cd portal，运行 gongshi check" in out


def test_the_new_data_passes_check(tmp_path, monkeypatch, capsys):
    root, _ = _init(tmp_path, monkeypatch, capsys)
    monkeypatch.chdir(root)

    assert main(["check", "--as-of", AS_OF, "--format", "json"]) == 0
    # Only the reminder that site.yml's base_url is still the placeholder: the README asks
    # the committee to set its real address before the first push.
    assert [(p["path"], p["code"]) for p in json.loads(capsys.readouterr().out)] == [
        ("data/site.yml", "site.base_url_example")]


def test_a_district_repository_has_two_communities_that_build(tmp_path, monkeypatch, capsys):
    root, _ = _init(tmp_path, monkeypatch, capsys, "--district")
    monkeypatch.chdir(root)

    assert sorted(p.name for p in (root / "data/communities").iterdir()) == ["dongyuan", "xiyuan"]
    assert "title: 某某街道小区信息公开" in (root / "data/site.yml").read_text(encoding="utf-8")
    assert main(["check", "--as-of", AS_OF, "--format", "json"]) == 0
    assert [p["code"] for p in json.loads(capsys.readouterr().out)] == ["site.base_url_example"]
    assert main(["build", "--as-of", AS_OF, "--no-pdf"]) == 0
    assert (root / "site/dongyuan/index.html").is_file() and (root / "site/xiyuan/index.html").is_file()


def test_dates_follow_the_build_date(tmp_path, monkeypatch, capsys):
    root, _ = _init(tmp_path, monkeypatch, capsys)
    committee = yaml.safe_load((root / "data/communities/xiaoqu/committee.yml").read_text(encoding="utf-8"))
    notice = yaml.safe_load((root / "data/communities/xiaoqu/notices/2026-11-website.yml").read_text(encoding="utf-8"))

    assert str(committee["term_start"]) == "2026-09-26" and str(committee["term_end"]) == "2031-09-25"
    assert str(committee["filed"]["date"]) == "2026-10-16"
    assert [m["role"] for m in committee["members"]] == ["chair", "vice_chair", "member", "member", "member"]
    assert str(notice["published"]) == AS_OF and notice["period"] == {"from": notice["published"],
                                                                    "to": notice["objection"]["until"]}
    assert str(notice["period"]["to"]) == "2026-12-09" and notice["print"] is True


@pytest.mark.parametrize("occupant", ["file", "folder"])
def test_a_folder_that_is_not_empty_is_refused_and_left_alone(tmp_path, monkeypatch, capsys, occupant):
    target = tmp_path / "portal"
    target.mkdir()
    (target / "notes.txt").write_text("委员会的笔记\n", encoding="utf-8") if occupant == "file" \
        else (target / "data").mkdir()
    monkeypatch.chdir(tmp_path)

    assert main(["init", "portal"]) == 2
    err = capsys.readouterr().err
    assert err == "gongshi init：文件夹 portal 不是空的：gongshi init 只在空文件夹里新建仓库，不覆盖已有的文件。\n"
    assert sorted(p.name for p in target.iterdir()) == (["notes.txt"] if occupant == "file" else ["data"])


def test_a_file_is_refused(tmp_path, monkeypatch, capsys):
    (tmp_path / "portal").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "portal"]) == 2
    assert "portal 已存在，且不是文件夹" in capsys.readouterr().err


def test_an_empty_clone_is_empty_enough(tmp_path, monkeypatch, capsys):
    # A repository made on GitHub or Gitea first, cloned, then filled by init.
    (tmp_path / "portal/.git").mkdir(parents=True)
    (tmp_path / "portal/.git/HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    root, _ = _init(tmp_path, monkeypatch, capsys)
    assert (root / ".git/HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
    assert (root / "data/site.yml").is_file()


def test_the_requirement_pins_this_version(tmp_path, monkeypatch, capsys):
    root, _ = _init(tmp_path, monkeypatch, capsys)
    lines = [line for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines == [f"gongshi=={__version__}"]
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"gongshi {__version__}" in readme and f"`gongshi=={__version__}`" in readme
    assert "gongshi @ git+https://" in readme and "./vendor/gongshi-" in readme


def test_editor_settings_match_gongshis_own_and_every_modeline(tmp_path, monkeypatch, capsys):
    root, _ = _init(tmp_path, monkeypatch, capsys, "--district")
    settings = json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings == json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert {Path(k).name for k in mapping} == {p.name for p in (root / "schemas").iterdir()}
    for path in sorted((root / "data").rglob("*.yml")):
        rel = path.relative_to(root).as_posix()
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        modeline = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        matched = [schema for schema, globs in mapping.items() if any(fnmatch(rel, g) for g in globs)]
        assert modeline and len(matched) == 1, rel
        assert (path.parent / modeline.group(1)).resolve() == (root / matched[0]).resolve(), rel


def test_pre_commit_works_without_editing(tmp_path, monkeypatch, capsys):
    root, _ = _init(tmp_path, monkeypatch, capsys)
    text = (root / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "<owner>" not in text and "rev:" not in text
    (repo,) = yaml.safe_load(text)["repos"]
    assert repo["repo"] == "local"
    assert {h["id"]: h["entry"] for h in repo["hooks"]} == {"gongshi-check": "gongshi check",
                                                          "gongshi-published": "gongshi check --base HEAD"}
    for hook in repo["hooks"]:
        assert hook["language"] == "system" and hook["pass_filenames"] is False
        assert re.search(hook["files"], "data/communities/xiaoqu/notices/a.yml")
        assert not re.search(hook["files"], "README.md")


def test_gitignore_keeps_generated_files_out(tmp_path, monkeypatch, capsys):
    root, _ = _init(tmp_path, monkeypatch, capsys)
    assert {"/site/", "/.cache/", "/.venv/"} <= set((root / ".gitignore").read_text(encoding="utf-8").splitlines())


def _steps(path: Path, job: str) -> list[dict]:
    return workflow(path)["jobs"][job]["steps"]


def test_github_checks_every_pull_request_and_publishes_to_pages(tmp_path, monkeypatch, capsys):
    root, _ = _init(tmp_path, monkeypatch, capsys)
    check = workflow(root / ".github/workflows/check.yml")
    # run by hand too: tidy.yml does so for the commit it adds to a form's pull request
    assert list(check["on"]) == ["pull_request", "workflow_dispatch"] and check["permissions"] == {"contents": "read"}
    steps = check["jobs"]["check"]["steps"]
    assert steps[0]["uses"] == "actions/checkout@v4" and steps[0]["with"]["fetch-depth"] == 0
    runs = [s.get("run", "") for s in steps]
    assert 'gongshi check --format github --base "origin/$BASE_REF"' in runs
    for step in steps:
        if "BASE_REF" in step.get("env", {}):    # the pull request's base, or the default branch when run by hand
            assert step["env"]["BASE_REF"] == "${{ github.base_ref || github.event.repository.default_branch }}"
    assert steps[runs.index('gongshi diff "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"')]["if"] == "${{ !cancelled() }}"

    publish = workflow(root / ".github/workflows/publish.yml")
    job = publish["jobs"]["publish"]
    assert "github.event.repository.default_branch" in job["if"] and "schedule" in publish["on"]
    assert job["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [s.get("uses", "").split("@")[0] for s in job["steps"]]
    assert uses.index("actions/deploy-pages") > uses.index("actions/upload-pages-artifact") > \
        [s.get("run", "") for s in job["steps"]].index("gongshi build --out site")


def test_gitea_builds_and_publishes_by_its_own_means(tmp_path, monkeypatch, capsys):
    root, _ = _init(tmp_path, monkeypatch, capsys)
    check = _steps(root / ".gitea/workflows/check.yml", "check")
    assert 'gongshi check --base "origin/$BASE_REF"' in [s.get("run") for s in check]
    publish = workflow(root / ".gitea/workflows/publish.yml")["jobs"]["publish"]
    assert set(publish["env"]) == {"DEPLOY_HOST", "DEPLOY_USER", "DEPLOY_PATH", "DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS"}
    uses = [s.get("uses") for s in publish["steps"] if "uses" in s]
    assert "actions/upload-artifact@v3" in uses and not any("pages" in u for u in uses)   # Gitea has no Pages
    deploy = publish["steps"][-1]
    assert deploy["if"] == "${{ env.DEPLOY_HOST != '' }}" and "rsync" in deploy["run"]


@pytest.mark.parametrize("platform", [".github", ".gitea"])
def test_workflows_install_from_requirements_and_keep_expressions_out_of_scripts(tmp_path, monkeypatch, capsys,
                                                                                  platform):
    root, _ = _init(tmp_path, monkeypatch, capsys)
    for path in sorted((root / platform / "workflows").glob("*.yml")):
        for job in workflow(path)["jobs"].values():
            steps = job["steps"]
            ids = [s.get("id") for s in steps]
            install = ids.index("install-gongshi")
            assert "pip install -r requirements.txt" in steps[install]["run"]
            if "system-packages" in ids:
                assert ids.index("system-packages") < install
            if any("gongshi build" in s.get("run", "") for s in steps):   # the PDFs need the fonts
                assert "fonts-noto-cjk" in steps[ids.index("system-packages")]["run"]
            for number, step in enumerate(steps):
                run = step.get("run", "")
                # Branch names reach the shell through env, never pasted into the script.
                assert "${{" not in run, (path.name, step["name"])
                if "gongshi " in run and "pip install" not in run:
                    assert number > install, (path.name, step["name"])


@pytest.mark.parametrize("extra", [[], ["--district"]])
def test_the_data_init_writes_is_already_canonical(tmp_path, monkeypatch, capsys, extra):
    # Else the first form's pull request would carry fmt's changes to files nobody edited.
    root, _ = _init(tmp_path, monkeypatch, capsys, *extra)
    monkeypatch.chdir(root)
    assert main(["fmt", "--check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("platform", [".github", ".gitea"])
def test_the_tidy_workflow_runs_on_the_forms_branches_only(tmp_path, monkeypatch, capsys, platform):
    root, _ = _init(tmp_path, monkeypatch, capsys)
    tidy = workflow(root / platform / "workflows/tidy.yml")
    assert tidy["on"] == {"push": {"branches": ["cms/**"]}}
    # One run at a time per branch: two quick saves must not push over each other.
    assert tidy["concurrency"] == {"group": "tidy-${{ github.ref }}", "cancel-in-progress": False}
    assert tidy["permissions"]["contents"] == "write"
    steps = tidy["jobs"]["tidy"]["steps"]
    assert steps[0]["uses"] == "actions/checkout@v4" and steps[0]["with"] == {"ref": "${{ github.ref }}"}
    runs = [s.get("run", "") for s in steps]
    assert runs.index("gongshi fmt") == [s.get("id") for s in steps].index("install-gongshi") + 1
    commit = next(s for s in steps if s["name"] == "提交整理结果")
    assert 'git push origin "HEAD:${GITHUB_REF_NAME}"' in commit["run"] and "git add -- data" in commit["run"]
    if platform == ".github":
        # A push with the run's own token starts no workflow: the check of the commit it adds is asked for.
        assert tidy["permissions"] == {"contents": "write", "actions": "write"}
        assert steps[-1]["if"] == "steps.commit.outputs.pushed == 'true'" and commit["id"] == "commit"
        assert steps[-1]["run"] == 'gh workflow run check.yml --ref "$GITHUB_REF_NAME"'
    else:
        assert "python3-venv" in steps[[s.get("id") for s in steps].index("system-packages")]["run"]


@pytest.mark.parametrize("platform, branch", [(".github", "cms/xiaoqu--notices/2026-1125-093012"),
                                              (".gitea", "cms/forms")])
def test_the_tidy_job_commits_the_formatted_files_to_the_forms_branch_once(tmp_path, monkeypatch, capsys,
                                                                          platform, branch):
    from tests.packaging.workflows import (TIDIED_NOTICE, TIDY_COMMIT, branch_log, git, replay, runner,
                                           save_through_the_forms, stand_in_gh)

    portal, _ = _init(tmp_path, monkeypatch, capsys)
    bin_dir = tmp_path / "bin"     # `gongshi` is this checkout's generator, `gh` a stand-in
    bin_dir.mkdir()
    (bin_dir / "gongshi").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m generator "$@"\n', encoding="utf-8")
    (bin_dir / "gongshi").chmod(0o755)
    gh_calls = stand_in_gh(bin_dir)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | {
        "PYTHONPATH": str(ROOT), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_AUTHOR_NAME": "委员甲", "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "委员甲", "GIT_COMMITTER_EMAIL": "a@example.org"}
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", origin, env=env)
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "gongshi init"],
                 ["remote", "add", "origin", origin], ["push", "-q", "origin", "main"]):
        git(portal, *step, env=env)
    save_through_the_forms(portal, branch, "2026-1125-093012", env)
    saved = branch_log(origin, branch, env)

    work, runner_env = runner(origin, tmp_path / "runner", env)
    tidy = portal / platform / "workflows/tidy.yml"
    first = replay(tidy, "tidy", work, bin_dir=bin_dir, base_env=runner_env, ref=f"refs/heads/{branch}")
    assert first.failed is None, first.failed and first.failed[1].stderr
    assert branch_log(origin, branch, env) == [TIDY_COMMIT, *saved]
    notice = "data/communities/xiaoqu/notices/2026-1125-093012.yml"
    assert git(origin, "show", f"{branch}:{notice}", env=env) == TIDIED_NOTICE
    # Only the form's file changed: what init wrote is canonical already.
    assert git(origin, "diff", "--name-only", f"{branch}~1", branch, env=env) == f"{notice}\n"
    dispatched = [f"workflow run check.yml --ref {branch}"] if platform == ".github" else []
    assert (gh_calls.read_text(encoding="utf-8").splitlines() if gh_calls.exists() else []) == dispatched

    again = replay(tidy, "tidy", work, bin_dir=bin_dir, base_env=runner_env, ref=f"refs/heads/{branch}")
    assert again.failed is None and again.printed["提交整理结果"] == "数据文件已是规范格式。\n"
    assert branch_log(origin, branch, env) == [TIDY_COMMIT, *saved]
    assert again.skipped == (["检查整理后的提交"] if platform == ".github" else [])
    assert len(gh_calls.read_text(encoding="utf-8").splitlines() if gh_calls.exists() else []) == len(dispatched)
