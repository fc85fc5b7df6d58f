"""Files as every stage writes and hashes them: one atomic writer, one SHA-256, one walk.

A cache entry, a chart or a PDF is written under a temporary name and renamed into
place, so a parallel or interrupted build never leaves half a file where a reader (or
the next build's cache lookup) would take it as complete.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write data to path via a temporary file in the same folder and one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # open(), not mkstemp(): PDFs and pages are published, so they get the umask's usual
    # mode (0644) rather than mkstemp's private 0600.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    try:
        with tmp.open("xb") as file:
            file.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def regular_files(root: Path) -> list[Path]:
    """Regular files below root, in path order, never following a symbolic link."""
    out = []
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            continue
        if path.is_file():
            out.append(path)
    return out
