"""Run a generated workflow's job on this machine, step by step, as a runner would.

`run:` steps run in bash (`-e`, as GitHub's default shell) in the repository, with the
workflow's, the job's and the step's environment. Expressions may appear only in `env:`
values and `if:` conditions, and only those listed here; anything else fails the replay,
so a new expression in a workflow cannot slip through untested. `uses:` steps are what
a runner does around the commands: the checkout is the repository itself (a checkout of
`ref:` switches it to origin's branch, as actions/checkout does), Python is the test's
virtual environment, an upload needs its folder. A step's outputs (`$GITHUB_OUTPUT`) are
kept for later conditions. Two steps are stood in for:
`system-packages` (the machine has the fonts: scripts/setup.sh) and `install-gongshi`
(the wheel under test is installed in the virtual environment already).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

STOOD_IN = {"system-packages", "install-gongshi"}


@dataclass
class Replay:
    ran: list[str] = field(default_factory=list)          # the names of the steps that ran their command
    skipped: list[str] = field(default_factory=list)      # steps whose `if:` was false
    uploaded: list[Path] = field(default_factory=list)
    printed: dict[str, str] = field(default_factory=dict)   # step name → what its command wrote to stdout
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)   # step id → its outputs
    failed: tuple[str, subprocess.CompletedProcess] | None = None


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))   # YAML 1.1 reads the key `on` as true
    return data


def _value(text, contexts: dict[str, str]) -> str:
    text = str(text)
    if "${{" not in text:
        return text
    expression = text.strip()
    assert expression.startswith("${{") and expression.endswith("}}"), f"expression inside text: {text}"
    name = expression[3:-2].strip()
    assert name in contexts, f"an expression the replay does not know: {name}"
    return contexts[name]


def _condition(condition: str | None, env: dict[str, str], outputs: dict[str, dict[str, str]]) -> bool:
    if condition is None:
        return True
    known = {
        "${{ !cancelled() }}": True,
        "${{ env.DEPLOY_HOST != '' }}": env.get("DEPLOY_HOST", "") != "",
        "steps.commit.outputs.pushed == 'true'": outputs.get("commit", {}).get("pushed") == "true",
    }
    assert condition in known, f"a condition the replay does not know: {condition}"
    return known[condition]


def _read_outputs(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if line)


def _checkout(repo: Path, ref: str) -> None:
    """actions/checkout with `ref: refs/heads/B`: origin's branch B, fetched afresh, as a local branch."""
    assert ref.startswith("refs/heads/"), ref
    branch = ref.removeprefix("refs/heads/")
    for args in (["fetch", "-q", "origin"], ["checkout", "-q", "--force", "-B", branch, f"refs/remotes/origin/{branch}"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def replay(path: Path, job_name: str, repo: Path, *, bin_dir: Path, base_env: dict[str, str],
           base_ref: str = "", ref: str = "refs/heads/main", default_branch: str = "main") -> Replay:
    """Run `job_name` of the workflow at `path` in `repo` for an event on `ref` (a pull
    request's when `base_ref` is given); returns what ran. A failing step ends the job, as on
    a runner, unless a later step's `if:` says to run anyway."""
    workflow = load(path)
    job = workflow["jobs"][job_name]
    contexts = {"github.base_ref": base_ref, "github.ref": ref, "github.token": "token-of-the-run",
                "github.base_ref || github.event.repository.default_branch": base_ref or default_branch,
                **{f"secrets.{k}": "" for k in
                   ("DEPLOY_HOST", "DEPLOY_USER", "DEPLOY_PATH", "DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS")}}
    env = {**base_env, "PATH": f"{bin_dir}{os.pathsep}{base_env['PATH']}",
           "GITHUB_REF": ref, "GITHUB_REF_NAME": ref.removeprefix("refs/heads/"),
           "GITHUB_STEP_SUMMARY": str(repo.parent / "step-summary.md"),
           "GITHUB_PATH": str(repo.parent / "github-path")}
    for scope in (workflow.get("env", {}), job.get("env", {})):
        env.update({key: _value(value, contexts) for key, value in scope.items()})
    result = Replay()
    for number, step in enumerate(job["steps"]):
        name = step.get("name", step.get("uses", ""))
        if result.failed and step.get("if") != "${{ !cancelled() }}":
            result.skipped.append(name)
            continue
        step_env = {**env, **{key: _value(value, contexts) for key, value in step.get("env", {}).items()}}
        if not _condition(step.get("if"), step_env, result.outputs):
            result.skipped.append(name)
            continue
        if "uses" in step:
            action = step["uses"].split("@")[0]
            given = {key: _value(value, contexts) for key, value in step.get("with", {}).items()}
            if action.startswith(("actions/upload-artifact", "actions/upload-pages-artifact")):
                folder = repo / given["path"]
                assert folder.is_dir() and any(folder.iterdir()), f"{name}: nothing to upload in {folder}"
                result.uploaded.append(folder)
            else:
                assert action in ("actions/checkout", "actions/setup-python", "actions/deploy-pages"), action
                if action == "actions/checkout" and "ref" in given:
                    _checkout(repo, given["ref"])
            continue
        run = step["run"]
        assert "${{" not in run, f"{name}: an expression inside the script"
        if step.get("id") in STOOD_IN:
            continue
        outputs = repo.parent / f"github-output-{number}"
        outputs.unlink(missing_ok=True)
        done = subprocess.run(["bash", "-e", "-c", run], cwd=repo, env={**step_env, "GITHUB_OUTPUT": str(outputs)},
                              capture_output=True, text=True, timeout=300)
        result.ran.append(name)
        result.printed[name] = done.stdout
        if "id" in step:
            result.outputs[step["id"]] = _read_outputs(outputs)
        if done.returncode != 0 and result.failed is None:
            result.failed = (name, done)
    return result


# A save in the web forms as Decap CMS writes it (issue 17): no comments, not even the
# schema line; keys in its own order; every mapping on lines of its own.
FORM_NOTICE = """\
kind: general
title: 关于电梯年度检验的通知
issuer: 某某小区业主委员会
published: 2026-11-25
body: |
  12月3日电梯年度检验，当天上午停运。
period:
  to: 2026-12-09
  from: 2026-11-25
"""
TIDIED_NOTICE = """\
# yaml-language-server: $schema=../../../../schemas/notice.schema.json
title: 关于电梯年度检验的通知
kind: general
issuer: 某某小区业主委员会
published: 2026-11-25
period: {from: 2026-11-25, to: 2026-12-09}
body: |
  12月3日电梯年度检验，当天上午停运。
"""
TIDY_COMMIT = "gongshi fmt|整理格式（gongshi fmt）：字段顺序、两位小数、单行写法"


def git(repo: Path, *args, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *map(str, args)], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout


def save_through_the_forms(portal: Path, branch: str, notice: str, env: dict[str, str]) -> None:
    """The forms' commit of FORM_NOTICE as data/communities/<only one>/notices/<notice>.yml,
    on `branch` made from main, pushed to origin."""
    (community,) = (portal / "data/communities").iterdir()
    git(portal, "switch", "-q", "-c", branch, "main", env=env)
    (community / "notices" / f"{notice}.yml").write_text(FORM_NOTICE, encoding="utf-8")
    git(portal, "add", "-A", env=env)
    git(portal, "commit", "-q", "-m", f"新建公示“{notice}”（网页表单）", env=env)
    git(portal, "push", "-q", "origin", branch, env=env)


def runner(origin: Path, folder: Path, env: dict[str, str]) -> tuple[Path, dict[str, str]]:
    """A runner's workspace (a fresh clone of origin in a folder of its own) and its
    environment: no git identity but the one a workflow sets."""
    folder.mkdir()
    git(folder, "clone", "-q", origin, "work", env=env)
    return folder / "work", {k: v for k, v in env.items() if not k.startswith(("GIT_AUTHOR_", "GIT_COMMITTER_"))}


def branch_log(origin: Path, branch: str, env: dict[str, str]) -> list[str]:
    """`author|subject` of each commit on origin's branch, newest first."""
    return git(origin, "log", "--format=%an|%s", branch, env=env).splitlines()


def stand_in_gh(bin_dir: Path) -> Path:
    """A `gh` in bin_dir that only notes its arguments (one call a line) in the file returned:
    the GitHub command line tool talks to GitHub, which a test cannot."""
    bin_dir.mkdir(exist_ok=True)
    calls = bin_dir / "gh-calls"
    gh = bin_dir / "gh"
    gh.write_text(f'#!/bin/sh\nprintf \'%s\\n\' "$*" >> "{calls}"\n', encoding="utf-8")
    gh.chmod(0o755)
    return calls
