"""Run a generated workflow's job on this machine, step by step, as a runner would.

`run:` steps run in bash (`-e`, as GitHub's default shell) in the repository, with the
workflow's, the job's and the step's environment. Expressions may appear only in `env:`
values and `if:` conditions, and only those listed here; anything else fails the replay,
so a new expression in a workflow cannot slip through untested. `uses:` steps are what
a runner does around the commands: the checkout is the repository itself, Python is the
test's virtual environment, an upload needs its folder. Two steps are stood in for:
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


def _condition(condition: str | None, env: dict[str, str]) -> bool:
    if condition is None:
        return True
    known = {
        "${{ !cancelled() }}": True,
        "${{ env.DEPLOY_HOST != '' }}": env.get("DEPLOY_HOST", "") != "",
    }
    assert condition in known, f"a condition the replay does not know: {condition}"
    return known[condition]


def replay(path: Path, job_name: str, repo: Path, *, bin_dir: Path, base_env: dict[str, str],
           base_ref: str = "") -> Replay:
    """Run `job_name` of the workflow at `path` in `repo`; returns what ran. A failing step
    ends the job, as on a runner, unless a later step's `if:` says to run anyway."""
    workflow = load(path)
    job = workflow["jobs"][job_name]
    contexts = {"github.base_ref": base_ref, **{f"secrets.{k}": "" for k in
                ("DEPLOY_HOST", "DEPLOY_USER", "DEPLOY_PATH", "DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS")}}
    env = {**base_env, "PATH": f"{bin_dir}{os.pathsep}{base_env['PATH']}",
           "GITHUB_STEP_SUMMARY": str(repo.parent / "step-summary.md"),
           "GITHUB_PATH": str(repo.parent / "github-path")}
    for scope in (workflow.get("env", {}), job.get("env", {})):
        env.update({key: _value(value, contexts) for key, value in scope.items()})
    result = Replay()
    for step in job["steps"]:
        name = step.get("name", step.get("uses", ""))
        if result.failed and step.get("if") != "${{ !cancelled() }}":
            result.skipped.append(name)
            continue
        step_env = {**env, **{key: _value(value, contexts) for key, value in step.get("env", {}).items()}}
        if not _condition(step.get("if"), step_env):
            result.skipped.append(name)
            continue
        if "uses" in step:
            action = step["uses"].split("@")[0]
            if action.startswith(("actions/upload-artifact", "actions/upload-pages-artifact")):
                folder = repo / step["with"]["path"]
                assert folder.is_dir() and any(folder.iterdir()), f"{name}: nothing to upload in {folder}"
                result.uploaded.append(folder)
            else:
                assert action in ("actions/checkout", "actions/setup-python", "actions/deploy-pages"), action
            continue
        run = step["run"]
        assert "${{" not in run, f"{name}: an expression inside the script"
        if step.get("id") in STOOD_IN:
            continue
        done = subprocess.run(["bash", "-e", "-c", run], cwd=repo, env=step_env, capture_output=True, text=True,
                              timeout=300)
        result.ran.append(name)
        if done.returncode != 0 and result.failed is None:
            result.failed = (name, done)
    return result
