"""manifest.json: the SHA-256 of every data file and every file of the built site.

Data paths are relative to the repository (the data folder's parent); site paths are
relative to the site. The git commit is recorded when the data lives in a repository.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

MANIFEST = "manifest.json"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _files(root: Path) -> list[Path]:
    """Regular files below root, never following a symbolic link."""
    out = []
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            continue
        if path.is_file():
            out.append(path)
    return out


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        # GIT_OPTIONAL_LOCKS=0: `git status` must not refresh .git/index; a build writes
        # nothing outside --out and its cache.
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=20,
                              env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"})
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def source_revision(data_dir: Path) -> dict:
    commit = _git(["rev-parse", "HEAD"], data_dir)
    if commit is None:
        return {}
    dirty = _git(["status", "--porcelain", "--", "."], data_dir)
    return {"commit": commit, "data_uncommitted": bool(dirty)}


def repository_root(data_dir: Path) -> Path:
    """The git work tree that holds the data, else the data folder's parent."""
    top = _git(["rev-parse", "--show-toplevel"], data_dir)
    root = Path(top).resolve() if top else None
    return root if root is not None and (root == data_dir or root in data_dir.parents) else data_dir.parent


def build_manifest(data_dir: Path, site_dir: Path, as_of) -> dict:
    data_dir = data_dir.resolve()
    repo_root = repository_root(data_dir)
    data = {p.relative_to(repo_root).as_posix(): sha256_file(p) for p in _files(data_dir)}
    site = {p.relative_to(site_dir).as_posix(): sha256_file(p) for p in _files(site_dir)
            if p.relative_to(site_dir).as_posix() != MANIFEST}
    return {
        "generator": "gongshi",
        "build_date": as_of.isoformat(),
        **source_revision(data_dir),
        "data": data,
        "site": site,
    }


def write_manifest(data_dir: Path, site_dir: Path, as_of) -> None:
    manifest = build_manifest(data_dir, site_dir, as_of)
    (site_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                     encoding="utf-8")
