"""A git revision's copy of the data folder, written into a temporary folder.

Only git's plumbing reads objects here (`rev-parse`, `ls-tree`, `cat-file --batch`):
nothing is checked out, so no hook, filter, textconv or fsmonitor program runs.
Symbolic links and submodules in the revision are skipped, never followed, and a
path that could leave the temporary folder is refused.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .exits import ExitCode, Stop
from .load.yamlread import MAX_FILE_BYTES

REGULAR_FILE_MODES = {"100644", "100755"}
# Config that could make even plumbing start a program is switched off for our calls.
_SAFE_CONFIG = ("-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null")
NO_GIT = "找不到 git 命令：请先安装 git（Debian/Ubuntu：apt-get install git）。"


class RevisionError(Stop):
    """The revision cannot be read: a usage error (no such revision, no repository) unless
    the machine lacks git, which is said where that is found."""

    def __init__(self, message: str, exit_code: ExitCode = ExitCode.USAGE):
        super().__init__(message, exit_code)


@dataclass(frozen=True)
class _TreeFile:
    mode: str
    oid: str
    size: int
    path: PurePosixPath   # relative to the data folder


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_CONFIG_NOSYSTEM": "1"})
    try:
        return subprocess.run(["git", *_SAFE_CONFIG, *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=False)
    except FileNotFoundError:
        raise RevisionError(NO_GIT, ExitCode.ENVIRONMENT) from None


def _existing_ancestor(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.is_dir():
            return candidate
    return Path.cwd()


def repository_paths(data_dir: Path) -> tuple[Path, PurePosixPath]:
    """The repository's top folder and the data folder's path inside it."""
    if shutil.which("git") is None:
        raise RevisionError(NO_GIT, ExitCode.ENVIRONMENT)
    absolute = data_dir.resolve()
    anchor = _existing_ancestor(absolute)
    result = _git(["rev-parse", "--show-toplevel"], anchor)
    if result.returncode != 0:
        raise RevisionError(f"数据目录 {data_dir} 不在 git 仓库中：比较版本需要在仓库里运行。")
    top = Path(result.stdout.decode("utf-8", "replace").strip()).resolve()
    try:
        inside = PurePosixPath(absolute.relative_to(top).as_posix())
    except ValueError:
        raise RevisionError(f"数据目录 {data_dir} 不在 git 仓库 {top} 之内。") from None
    return top, inside


def resolve_commit(top: Path, rev: str) -> str:
    """The commit id REV names; a REV that looks like an option is refused."""
    if not rev or rev.startswith("-") or any(c in rev for c in "\0\n\r"):
        raise RevisionError(f"“{rev}”不是有效的 git 版本名。")
    result = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top)
    if result.returncode != 0:
        raise RevisionError(
            f"找不到 git 版本“{rev}”。请确认分支或提交存在（可先 git fetch）；"
            "在 GitHub Actions 中，actions/checkout 需要设置 fetch-depth: 0 才能看到基准分支。"
        )
    return result.stdout.decode().strip()


def _ok(result: subprocess.CompletedProcess) -> str | None:
    return result.stdout.decode("utf-8", "replace").strip() if result.returncode == 0 else None


def current_branch(top: Path) -> str | None:
    """The branch HEAD is on; None when HEAD is detached (a CI checkout of a merge commit)."""
    return _ok(_git(["symbolic-ref", "-q", "--short", "HEAD"], top)) or None


def has_commit(top: Path, ref: str) -> bool:
    return _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top).returncode == 0


def default_branch(top: Path) -> tuple[str, str] | None:
    """(name, ref) of the repository's default branch: the one origin/HEAD names (set by
    git clone), else `main` or `master`, a local branch or origin's. None when none exists."""
    remote_head = _ok(_git(["symbolic-ref", "-q", "refs/remotes/origin/HEAD"], top))
    prefix = "refs/remotes/origin/"
    if remote_head and remote_head.startswith(prefix) and has_commit(top, remote_head):
        return remote_head[len(prefix):], remote_head
    for name in ("main", "master"):
        for ref in (f"refs/heads/{name}", f"{prefix}{name}"):
            if has_commit(top, ref):
                return name, ref
    return None


def merge_base(top: Path, ref: str) -> str | None:
    """The commit where HEAD's history left `ref`'s; None when they share none (or a shallow
    clone does not hold it)."""
    return _ok(_git(["merge-base", "HEAD", ref], top))


def working_tree_name(data_dir: Path) -> str | None:
    """None when the data folder has uncommitted changes (added, changed, deleted or new
    untracked files): the working tree is then its own revision. Otherwise the name of
    what is checked out, the branch or, detached, the short commit id."""
    top, inside = repository_paths(data_dir)
    spec = [] if str(inside) == "." else ["--", str(inside)]
    # --no-optional-locks: looking must not take the index lock another git may hold.
    status = _git(["--no-optional-locks", "status", "--porcelain", "-z", "--untracked-files=all", *spec], top)
    if status.returncode != 0:
        raise RevisionError(f"无法读取工作区的状态：{status.stderr.decode('utf-8', 'replace').strip()}")
    if status.stdout:
        return None
    branch = _git(["symbolic-ref", "--quiet", "--short", "HEAD"], top)
    if branch.returncode == 0:
        return branch.stdout.decode("utf-8", "replace").strip()
    return resolve_commit(top, "HEAD")[:12]


def _safe_relative(path: str) -> PurePosixPath | None:
    parts = path.split("/")
    if any(part in ("", ".", "..", ".git") or "\\" in part for part in parts):
        return None
    return PurePosixPath(*parts)


def _list_tree(top: Path, commit: str, inside: PurePosixPath) -> list[_TreeFile]:
    spec = [] if str(inside) == "." else ["--", str(inside)]
    result = _git(["ls-tree", "-r", "-z", "-l", "--full-tree", commit, *spec], top)
    if result.returncode != 0:
        raise RevisionError(f"无法读取 git 版本 {commit[:12]} 的文件列表：{result.stderr.decode('utf-8', 'replace').strip()}")
    files = []
    prefix = "" if str(inside) == "." else str(inside) + "/"
    for record in result.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, oid, size = meta.decode().split(maxsplit=3)
        # Symbolic links (120000) and submodules (160000) are skipped, never followed.
        if kind != "blob" or mode not in REGULAR_FILE_MODES:
            continue
        path = raw_path.decode("utf-8", "surrogateescape")
        if not path.startswith(prefix):
            continue
        rel = _safe_relative(path[len(prefix):])
        if rel is not None:
            files.append(_TreeFile(mode, oid, int(size.strip()), rel))
    return files


def _read_blobs(top: Path, oids: list[str]) -> dict[str, bytes]:
    """Contents of the given blobs, with one `git cat-file --batch` (no filters, no textconv)."""
    if not oids:
        return {}
    result = _git(["cat-file", "--batch"], top, stdin=("\n".join(oids) + "\n").encode())
    if result.returncode != 0:
        raise RevisionError(f"无法读取 git 对象：{result.stderr.decode('utf-8', 'replace').strip()}")
    out, pos, blobs = result.stdout, 0, {}
    for oid in oids:
        end = out.index(b"\n", pos)
        header = out[pos:end].decode().split()
        if len(header) != 3 or header[1] != "blob":
            raise RevisionError(f"git 对象 {oid} 不是文件内容。")
        size = int(header[2])
        blobs[oid] = out[end + 1:end + 1 + size]
        pos = end + 1 + size + 1
    return blobs


def write_revision(data_dir: Path, rev: str, dest: Path) -> Path:
    """Write REV's copy of the data folder under `dest`; returns the folder to load.

    The returned folder may not exist (the revision had no data folder): loading it
    then gives an empty portal, so everything in the other revision counts as added.
    """
    top, inside = repository_paths(data_dir)
    commit = resolve_commit(top, rev)
    files = _list_tree(top, commit, inside)
    small = [f for f in files if f.size <= MAX_FILE_BYTES]
    blobs = _read_blobs(top, list(dict.fromkeys(f.oid for f in small)))
    root = dest / "data"
    for file in files:
        target = root.joinpath(*file.path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as handle:
            if file.size <= MAX_FILE_BYTES:
                handle.write(blobs[file.oid])
            else:
                # The loader refuses it by its size alone: a sparse file of that size, never its bytes.
                handle.truncate(file.size)
    return root


@contextmanager
def data_at_revision(data_dir: Path, rev: str) -> Iterator[Path]:
    """REV's copy of `data_dir`, in a temporary folder removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="gongshi-rev-") as tmp:
        yield write_revision(data_dir, rev, Path(tmp))
