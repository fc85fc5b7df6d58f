"""Re-hash a built or downloaded site against its manifest (build/manifest.py)."""

from __future__ import annotations

import json
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..build.manifest import MANIFEST
from ..exits import Stop
from ..files import regular_files, sha256_file


@dataclass
class Differences:
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    # Named pipes, sockets, devices: no build writes them, and a web server may hang on or
    # expose them. Never opened (a pipe would block the reader), only named.
    special: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.changed or self.missing or self.unlisted or self.special)


def verify_site(site_dir: Path) -> Differences:
    """What differs from the site's manifest; a SITE without a readable one is a usage error."""
    try:
        manifest = json.loads((site_dir / MANIFEST).read_text(encoding="utf-8"))
        listed = manifest["site"]
        if not isinstance(listed, dict):
            raise TypeError
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise Stop.usage(f"无法读取 {site_dir / MANIFEST}：{exc}") from None
    diff = Differences()
    present = {p.relative_to(site_dir).as_posix(): p for p in regular_files(site_dir)}
    present.pop(MANIFEST, None)
    for rel, digest in sorted(listed.items()):
        path = present.pop(rel, None)
        if path is None:
            diff.missing.append(rel)
        elif sha256_file(path) != digest:
            diff.changed.append(rel)
    # A symbolic link is no file of the build: a web server would serve whatever it points to.
    links, special = [], []
    for path in site_dir.rglob("*"):
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            links.append(path.relative_to(site_dir).as_posix())
        elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            special.append(path.relative_to(site_dir).as_posix())
    diff.unlisted = sorted(set(present) | set(links))
    diff.special = sorted(special)
    for rel in diff.special:   # listed in the manifest or not, it is not the file that was built
        if rel in diff.missing:
            diff.missing.remove(rel)
    return diff
