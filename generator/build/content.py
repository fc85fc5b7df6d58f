"""Hand-written pages (content/ beside the data folder) join the generated ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..exits import Stop


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        return text[end + 5:] if end != -1 else text
    return text


def merge_content(content_dir: Path, docs: Path) -> list[dict]:
    """Copy content/ into docs; returns the navigation entries of its top-level pages."""
    nav = []
    if not content_dir.is_dir():
        return nav
    for path in sorted(content_dir.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(content_dir)
        target = docs / rel
        if target.exists():
            raise Stop.data(f"content/{rel.as_posix()} 与生成的页面同名，请改名。")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        if path.suffix == ".md" and len(rel.parts) == 1:
            first = next((line for line in _without_front_matter(path.read_text(encoding="utf-8")).splitlines()
                          if line.startswith("# ")), None)
            nav.append({(first[2:].strip() if first else path.stem): rel.as_posix()})
    return nav
