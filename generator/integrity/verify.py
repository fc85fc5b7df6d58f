"""Re-hash a built or downloaded site against its manifest."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .manifest import MANIFEST, _files, sha256_file


class ManifestUnreadable(Exception):
    pass


@dataclass
class Differences:
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.changed or self.missing or self.unlisted)


def verify_site(site_dir: Path) -> Differences:
    try:
        manifest = json.loads((site_dir / MANIFEST).read_text(encoding="utf-8"))
        listed = manifest["site"]
        if not isinstance(listed, dict):
            raise TypeError
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ManifestUnreadable(f"无法读取 {site_dir / MANIFEST}：{exc}") from None
    diff = Differences()
    present = {p.relative_to(site_dir).as_posix(): p for p in _files(site_dir)}
    present.pop(MANIFEST, None)
    for rel, digest in sorted(listed.items()):
        path = present.pop(rel, None)
        if path is None:
            diff.missing.append(rel)
        elif sha256_file(path) != digest:
            diff.changed.append(rel)
    # A symbolic link is no file of the build: a web server would serve whatever it points to.
    links = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_symlink()]
    diff.unlisted = sorted(set(present) | set(links))
    return diff
