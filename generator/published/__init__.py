"""Publication: what a git revision had already published, and what a change does to it.

- snapshot.py: a portal flattened into comparable records (files, entries, members)
- changes.py:  added / changed / removed records between two revisions
- guard.py:    published.silent_edit
- summary.py:  the Chinese Markdown summary `gongshi diff` prints
- diff.py:     `gongshi diff`: both, between two revisions
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ..model.portal import Portal
from ..problems import Problem


def relocate(problems: list[Problem], loaded_root: Path, shown_root: Path) -> list[Problem]:
    """Problems found in a revision's temporary copy, named by the data folder's own paths."""
    out = []
    root = str(loaded_root)
    for p in problems:
        path = p.location.path
        if path == root or path.startswith(root + "/"):
            path = str(shown_root / Path(path).relative_to(loaded_root))
            p = replace(p, location=replace(p.location, path=path))
        out.append(p)
    return out


def guard_against_base(data_dir: Path, base: str, portal: Portal, as_of: date) -> list[Problem]:
    """`check --base REV`: silent edits of what REV had published, in the working tree's `portal`.
    A revision that cannot be read raises gitrev.RevisionError (a Stop with its exit code)."""
    from ..gitrev import data_at_revision
    from ..pipeline import load_portal
    from .guard import silent_edits

    with data_at_revision(data_dir, base) as base_dir:
        base_portal, _ = load_portal(base_dir)
        problems = silent_edits(base_portal, portal, as_of, base_root=base_dir, shown_root=data_dir)
        return relocate(problems, base_dir, data_dir)
