"""manifest.json: the SHA-256 of every data file and every file of the built site.

Data paths are relative to the repository (the data folder's parent); site paths are
relative to the site. The git commit is recorded when the data lives in a repository.
`gongshi verify` (integrity/verify.py) re-hashes a site against it.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..files import regular_files, sha256_file
from ..site_layout import MANIFEST


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


def _site_files(site_dir: Path, skip: set[str]) -> Iterator[Path]:
    """The site's regular files, but for the manifest itself and the top-level folders in skip."""
    for top in sorted(site_dir.iterdir()):
        if top.name in skip or top.name == MANIFEST or top.is_symlink():
            continue
        if top.is_dir():
            yield from regular_files(top)
        elif top.is_file():
            yield top


def build_manifest(data_dir: Path, site_dir: Path, as_of, *,
                   hashed: Mapping[str, Mapping[str, str]] | None = None) -> dict:
    """hashed: top-level folders of the site whose files were hashed already (a district's
    communities, hashed once when their site was built: build/sitecache.py), as
    {folder: {path inside it: SHA-256}}; those folders are not read again."""
    hashed = hashed or {}
    data_dir = data_dir.resolve()
    repo_root = repository_root(data_dir)
    # Hidden files (.env, a draft) are never read and their names never published (file.hidden).
    data = {p.relative_to(repo_root).as_posix(): sha256_file(p) for p in regular_files(data_dir)
            if not any(part.startswith(".") for part in p.relative_to(data_dir).parts)}
    site = {p.relative_to(site_dir).as_posix(): sha256_file(p) for p in _site_files(site_dir, skip=set(hashed))}
    for folder, files in hashed.items():
        site.update((f"{folder}/{rel}", sha) for rel, sha in files.items())
    return {
        "generator": "gongshi",
        "build_date": as_of.isoformat(),
        **source_revision(data_dir),
        "data": data,
        "site": site,
    }


def write_manifest(data_dir: Path, site_dir: Path, as_of, *,
                   hashed: Mapping[str, Mapping[str, str]] | None = None) -> None:
    manifest = build_manifest(data_dir, site_dir, as_of, hashed=hashed)
    (site_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                     encoding="utf-8")
