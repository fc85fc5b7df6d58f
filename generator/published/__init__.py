"""Publication: what a git revision had already published, and what a change does to it.

- snapshot.py: a portal flattened into comparable records (files, entries, members)
- changes.py:  added / changed / removed records between two revisions
- guard.py:    published.silent_edit
- corrections.py: correction.changes_mismatch (a correction's `changes` against the data)
- stale.py:    notice.stale (a notice not yet posted whose records' figures changed)
- figures.py:  the figures that changed, and the numbers a text names
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


def review(base: Portal, head: Portal, as_of: date, *, base_root: Path, shown_root: Path) -> list[Problem]:
    """Everything a change between two revisions is checked for: silent edits of published
    data, corrections whose `changes` do not match the data, and notices not yet posted
    whose records' figures changed (the last ones are warnings)."""
    from .changes import compare
    from .corrections import changes_mismatches
    from .guard import silent_edits
    from .snapshot import portal_records
    from .stale import stale_notices

    base_records, head_records = portal_records(base), portal_records(head)
    changes = {change.key: change for change in compare(base_records, head_records)}
    return (silent_edits(base, head, as_of, base_root=base_root, shown_root=shown_root)
            + changes_mismatches(base, head, base_records, head_records, changes)
            + stale_notices(head, as_of, base_records, head_records, changes))


def guard_against_base(data_dir: Path, base: str, portal: Portal, as_of: date) -> list[Problem]:
    """`check --base REV`: what `review` finds between REV and the working tree's `portal`.
    A revision that cannot be read raises gitrev.RevisionError (a Stop with its exit code)."""
    from ..gitrev import data_at_revision
    from ..pipeline import load_portal

    with data_at_revision(data_dir, base) as base_dir:
        base_portal, _ = load_portal(base_dir)
        problems = review(base_portal, portal, as_of, base_root=base_dir, shown_root=data_dir)
        return relocate(problems, base_dir, data_dir)
