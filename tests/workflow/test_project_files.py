"""The files a committee's repository relies on: CI workflow, pre-commit hooks, editor settings."""

from __future__ import annotations

import json
import re
from fnmatch import fnmatch
from pathlib import Path

import yaml

from tests.conftest import ROOT, SAMPLE_DATA

WORKFLOW = ROOT / ".github/workflows/gongshi.yml"


def _workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def _runs(steps) -> list[str]:
    return [s.get("run", "") for s in steps]


def _uses(steps) -> list[str]:
    return [s.get("uses", "").split("@")[0] for s in steps]


def test_workflow_triggers():
    wf = _workflow()
    assert "pull_request" in wf["on"] and "push" in wf["on"]
    assert wf["permissions"] == {"contents": "read"}


def test_pull_request_job_checks_diffs_builds_and_uploads():
    job = _workflow()["jobs"]["review"]
    # and run by hand on a branch (the tidy job does so for the commit it adds)
    assert " ".join(job["if"].split()) == ("github.event_name == 'pull_request' || (github.event_name == 'workflow_dispatch' && "
                         "github.ref_name != github.event.repository.default_branch)")
    steps = job["steps"]
    checkout = steps[0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    runs = _runs(steps)
    install = next(r for r in runs if "pip install" in r)
    check = next(i for i, r in enumerate(runs) if r.startswith("gongshi check"))
    diff = next(i for i, r in enumerate(runs) if r.startswith("gongshi diff"))
    build = next(i for i, r in enumerate(runs) if r.startswith("gongshi build"))
    assert runs.index(install) < check < diff < build
    assert "--format github" in runs[check] and '--base "origin/$BASE_REF"' in runs[check]
    assert runs[diff] == 'gongshi diff "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"'
    for i in (check, diff):
        # The branch name reaches the shell through the environment, never pasted into the script.
        assert steps[i]["env"]["BASE_REF"] == "${{ github.base_ref || github.event.repository.default_branch }}"
        assert "${{" not in runs[i]
    assert steps[diff]["if"] == "${{ !cancelled() }}"      # the summary is written even when check failed
    upload = steps[_uses(steps).index("actions/upload-artifact")]
    assert _uses(steps).index("actions/upload-artifact") > build
    assert upload["with"]["path"] == "site/" and "--out site" in runs[build]


def test_push_job_builds_and_publishes_to_pages():
    job = _workflow()["jobs"]["publish"]
    assert "github.event.repository.default_branch" in job["if"] and "schedule" in job["if"]
    assert job["permissions"]["pages"] == "write" and job["permissions"]["id-token"] == "write"
    assert job["environment"]["name"] == "github-pages"
    steps = job["steps"]
    runs, uses = _runs(steps), _uses(steps)
    build = next(i for i, r in enumerate(runs) if r.startswith("gongshi build"))
    assert uses.index("actions/upload-pages-artifact") > build
    assert uses.index("actions/deploy-pages") > uses.index("actions/upload-pages-artifact")
    assert steps[uses.index("actions/upload-pages-artifact")]["with"]["path"] == "site/"


def test_pre_commit_hooks():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"gongshi-check", "gongshi-published"}
    for hook in hooks:
        assert hook["language"] == "python" and hook["pass_filenames"] is False
        assert hook["entry"].startswith("gongshi check")
        assert re.search(hook["files"], "data/communities/x/notices/a.yml")
        assert not re.search(hook["files"], "README.md")
    assert by_id["gongshi-published"]["entry"] == "gongshi check --base HEAD"


def _modeline_schema(path: Path) -> Path | None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = re.match(r"# yaml-language-server: \$schema=(\S+)", first)
    return (path.parent / match.group(1)).resolve() if match else None


def test_vscode_maps_every_schema_to_the_files_their_modelines_name():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    schemas = {p.name for p in (ROOT / "schemas").glob("*.schema.json")}
    assert {Path(k).name for k in mapping} == schemas
    for path in sorted(SAMPLE_DATA.rglob("*.yml")):
        rel = path.relative_to(ROOT).as_posix()
        matched = [schema for schema, globs in mapping.items() if any(fnmatch(rel, g) for g in globs)]
        assert len(matched) == 1, (rel, matched)
        assert (ROOT / matched[0]).resolve() == _modeline_schema(path), rel
    assert settings["[yaml]"]["editor.insertSpaces"] is True


def test_new_files_name_the_schema_their_folder_maps_to(repo, gongshi):
    from generator.scaffold.create import ALL_KINDS

    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    for kind in ALL_KINDS:
        gongshi("new", kind, "--as-of", "2026-11-25")
    for path in sorted((repo / "data").rglob("*.yml")):
        rel = path.relative_to(repo).as_posix()
        schema = _modeline_schema(path)
        assert schema is not None and schema.is_file(), rel
        matched = [s for s, globs in settings["yaml.schemas"].items() if any(fnmatch(rel, g) for g in globs)]
        assert [Path(s).name for s in matched] == [schema.name], rel


def test_form_branches_are_tidied_by_fmt_and_committed_back():
    job = _workflow()["jobs"]["tidy"]
    assert job["if"] == "github.event_name == 'push' && startsWith(github.ref_name, 'cms/')"
    assert job["permissions"] == {"contents": "write", "actions": "write"}
    steps = job["steps"]
    assert [s["name"] for s in steps] == ["取出表单的分支", "准备 Python", "安装", "整理数据文件", "提交整理结果",
                                          "检查整理后的提交"]
    assert steps[0]["with"]["ref"] == "${{ github.ref }}"
    assert steps[3]["run"] == "gongshi fmt"
    assert "${{" not in steps[4]["run"]   # the branch name comes from the runner's environment
    # Its push starts no workflow: it runs this one by hand for the commit it added.
    assert steps[5]["if"] == "steps.commit.outputs.pushed == 'true'" and steps[4]["id"] == "commit"
    assert steps[5]["run"] == 'gh workflow run gongshi.yml --ref "$GITHUB_REF_NAME"'


def test_the_tidy_step_commits_and_pushes_only_when_fmt_changed_something(repo, gongshi, tmp_path):
    import os
    import subprocess

    from tests.workflow.conftest import C, git

    script = next(s["run"] for s in _workflow()["jobs"]["tidy"]["steps"] if s["name"] == "提交整理结果")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(repo, "remote", "add", "origin", str(remote))
    git(repo, "switch", "-q", "-c", "cms/shili-jiayuan--votes/2025-elevator")
    vote = repo / C / "votes/2025-elevator.yml"
    vote.write_text(vote.read_text(encoding="utf-8").replace("budget: 420000.00", "budget: 420000"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "修改表决（网页表单）")
    outputs = tmp_path / "github-output"
    env = dict(os.environ, GITHUB_REF_NAME="cms/shili-jiayuan--votes/2025-elevator", GITHUB_OUTPUT=str(outputs))

    def step() -> str:
        done = subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert gongshi("fmt").code == 0
    step()
    assert git(remote, "log", "-1", "--format=%s", "cms/shili-jiayuan--votes/2025-elevator") == \
        "整理格式（gongshi fmt）：字段顺序、两位小数、单行写法\n"
    assert "budget: 420000.00" in git(remote, "show", f"cms/shili-jiayuan--votes/2025-elevator:{C}/votes/2025-elevator.yml")
    assert outputs.read_text(encoding="utf-8") == "pushed=true\n"    # the next step asks for the check
    outputs.unlink()
    assert gongshi("fmt").code == 0
    assert step() == "数据文件已是规范格式。\n"
    assert not outputs.exists()
