"""Publication: what a git revision had already published, and what a change does to it.

- snapshot.py: a portal flattened into comparable records (files, entries, members)
- changes.py:  added / changed / removed records between two revisions
- guard.py:    published.silent_edit
- summary.py:  the Chinese Markdown summary `gongshi diff` prints
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ..model.portal import Portal
from ..problems import Problem


class EnvProblem(str):
    """A message for stderr when the base revision cannot be read, with its exit code."""

    exit_code: int = 2

    def __new__(cls, message: str, exit_code: int = 2):
        obj = super().__new__(cls, message)
        obj.exit_code = exit_code
        return obj


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


def guard_against_base(data_dir: Path, base: str, portal: Portal, as_of: date) -> tuple[list[Problem], str | None]:
    """`check --base REV`: silent edits of what REV had published, in the working tree's `portal`."""
    from ..gitrev import RevisionError, data_at_revision
    from ..pipeline import load_portal
    from .guard import silent_edits

    try:
        with data_at_revision(data_dir, base) as base_dir:
            base_portal, _ = load_portal(base_dir)
            problems = silent_edits(base_portal, portal, as_of, base_root=base_dir, shown_root=data_dir)
            return relocate(problems, base_dir, data_dir), None
    except RevisionError as exc:
        return [], EnvProblem(f"gongshi check --base：{exc}", exc.exit_code)
