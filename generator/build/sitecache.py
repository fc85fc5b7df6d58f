"""Built community sites, kept on disk under a key of everything their bytes depend on.

A community's site is a pure function of its own data folder, the register of firms
(data/firms/: its 物业服务 page shows its firm's), site.yml, the generator
(code, templates, and the versions of MkDocs, Material, jieba, WeasyPrint …), mkdocs.yml,
overrides/ and content/ (gongshi's defaults and the portal's own), the build date and the PDF switch. Same key, same bytes: a rebuild copies an
unchanged community's site from here instead of rendering and building it again, and the
result is identical to a full build. An entry appears by a rename of a finished build
(build/staging.py) and counts only once its file list is recorded beside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..files import sha256_file, write_atomically
from ..resources import SITE_FILES
from .project import Project

# Bump when the meaning of the key's ingredients changes, so old entries are never matched.
KEY_FORMAT = 2
# Distributions whose version can change a page's or a PDF's bytes.
DISTRIBUTIONS = ("mkdocs", "mkdocs-material", "jieba", "markdown", "pymdown-extensions", "jinja2",
                 "matplotlib", "weasyprint", "segno", "pydantic", "pyyaml")
_KEY_RE = re.compile(r"[0-9a-f]{64}")


def _hash_tree(digest, root: Path, label: str, *, skip_dotfiles: bool) -> None:
    """Every regular file below root, by relative path and content; symbolic links are skipped
    (the loader refuses them in data, the site build never follows them)."""
    digest.update(f"tree {label}\0".encode())
    if not root.is_dir():
        digest.update(b"absent\0")
        return
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_symlink() or not path.is_file() or "__pycache__" in rel.parts:
            continue
        if skip_dotfiles and any(part.startswith(".") for part in rel.parts):
            continue  # .gitkeep and editor files are not data (load/discover.py)
        digest.update(rel.as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def _hash_file(digest, path: Path, label: str) -> None:
    digest.update(f"file {label}\0".encode())
    digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"absent")


@lru_cache(maxsize=1)
def generator_digest() -> str:
    """The generator's own code and templates, the Python version and the site stack's versions."""
    digest = hashlib.sha256()
    _hash_tree(digest, Path(__file__).resolve().parent.parent, "generator", skip_dotfiles=True)
    digest.update(f"python {sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    for name in DISTRIBUTIONS:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class KeyInputs:
    """What every community of one build shares."""

    site_yml: Path
    firms_dir: Path
    project: Project
    as_of: date
    pdf: bool

    @classmethod
    def of_build(cls, data_dir: Path, as_of: date, pdf: bool) -> KeyInputs:
        return cls(data_dir.resolve() / "site.yml", data_dir.resolve() / "firms", Project.around(data_dir), as_of, pdf)

    def digest(self) -> str:
        digest = hashlib.sha256(f"gongshi-site-cache {KEY_FORMAT}\0".encode())
        digest.update(generator_digest().encode())
        _hash_file(digest, self.site_yml, "site.yml")
        # The whole register, not only the community's firm: the key stays computable before the
        # data is read (workers.py estimates with it), and firms change seldom.
        _hash_tree(digest, self.firms_dir, "firms", skip_dotfiles=True)
        # Each layer of the site files (gongshi's defaults, then the portal's own), in the
        # order build/site_files.py lays them over each other.
        for name in SITE_FILES:
            for number, layer in enumerate(self.project.layers(name)):
                if name == "mkdocs.yml":
                    _hash_file(digest, layer, f"{name} {number}")
                else:
                    _hash_tree(digest, layer, f"{name} {number}", skip_dotfiles=False)
        digest.update(f"as_of {self.as_of.isoformat()}\0pdf {int(self.pdf)}\0".encode())
        return digest.hexdigest()


def community_key(shared: str, slug: str, folder: Path) -> str:
    digest = hashlib.sha256(f"{shared}\0{slug}\0".encode())
    _hash_tree(digest, folder, "community", skip_dotfiles=True)
    return digest.hexdigest()


class SiteCache:
    """<root>/<slug>/<key>/ holds one built site per community and key, and <key>.files.json
    the SHA-256, size and modification time of each of its files.

    Reused sites are hard-linked into the output (copied when the output is on another
    file system): linking costs a fraction of copying. A published file edited in place
    would therefore change the cached one too, so an entry is reused only while every file
    still has the size and modification time recorded when it was built.
    """

    def __init__(self, root: Path):
        self.root = root

    def entry(self, slug: str, key: str) -> Path:
        return self.root / slug / key

    def _record_path(self, slug: str, key: str) -> Path:
        return self.root / slug / f"{key}.files.json"

    def record(self, slug: str, key: str) -> None:
        """After a build: what the entry's files are, so later builds can trust and reuse them."""
        entry = self.entry(slug, key)
        files = {}
        for path in sorted(entry.rglob("*")):
            if path.is_file() and not path.is_symlink():
                stat = path.stat()
                files[path.relative_to(entry).as_posix()] = [sha256_file(path), stat.st_size, stat.st_mtime_ns]
        write_atomically(self._record_path(slug, key), json.dumps(files, sort_keys=True).encode("utf-8"))

    def recorded(self, slug: str, key: str) -> dict[str, list] | None:
        """The entry's file list as recorded, without looking at the files."""
        try:
            return json.loads(self._record_path(slug, key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def files(self, slug: str, key: str) -> dict[str, list] | None:
        """The entry's recorded files, or None if there is no usable entry (missing, or a
        file changed since it was built)."""
        recorded = self.recorded(slug, key)
        if recorded is None:
            return None
        entry = self.entry(slug, key)
        present = {}
        for path in entry.rglob("*"):
            if path.is_file() and not path.is_symlink():
                stat = path.stat()
                present[path.relative_to(entry).as_posix()] = (stat.st_size, stat.st_mtime_ns)
        expected = {rel: (size, mtime) for rel, (_, size, mtime) in recorded.items()}
        return recorded if present == expected else None

    def link_out(self, slug: str, key: str, target: Path) -> None:
        entry = self.entry(slug, key)
        try:
            shutil.copytree(entry, target, copy_function=os.link)
        except OSError:
            # Another file system (or no hard links): copy instead.
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(entry, target, copy_function=shutil.copyfile)

    def prune(self, slug: str, keep: str) -> None:
        """Drop the community's older entries: the cache holds about one site's worth."""
        folder = self.root / slug
        if not folder.is_dir():
            return
        for child in folder.iterdir():
            stem = child.name.removesuffix(".files.json")
            if stem == keep or not _KEY_RE.fullmatch(stem):
                continue
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)

