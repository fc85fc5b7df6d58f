"""`gongshi diff BASE [HEAD]`: what a change between two revisions does to the disclosures.

The Markdown summary (summary.py) and every silent edit of a published record
(guard.py), named by the data folder's own paths rather than the temporary copies the
revisions were read into.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..gitrev import data_at_revision, working_tree_name
from ..pipeline import check, load_portal
from ..problems import Problem, sorted_problems
from . import relocate, review
from .changes import compare
from .snapshot import portal_records
from .summary import DiffInput, render_summary

WORKING_TREE = "工作区"


@dataclass(frozen=True)
class Diff:
    summary: str                 # Chinese Markdown, for the job summary
    problems: list[Problem]      # what review() finds, sorted: silent edits, changes mismatches, stale notices

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


def diff_revisions(base: str, head: str | None, data_dir: Path, as_of: date) -> Diff:
    """BASE → HEAD (None: the working tree; named 工作区 only when it has uncommitted
    changes, else by the branch or commit it is). A revision that cannot be read raises
    gitrev.RevisionError (a Stop with its exit code)."""
    head_name = head if head is not None else working_tree_name(data_dir)
    with ExitStack() as stack:
        base_dir = stack.enter_context(data_at_revision(data_dir, base))
        head_dir = data_dir if head is None else stack.enter_context(data_at_revision(data_dir, head))
        base_portal, _ = load_portal(base_dir)
        head_portal, head_problems = check(head_dir, as_of)
        found = review(base_portal, head_portal, as_of, base_root=base_dir, shown_root=data_dir)
        found = sorted_problems(relocate(relocate(found, base_dir, data_dir), head_dir, data_dir))
        changes = compare(portal_records(base_portal), portal_records(head_portal))
        summary = render_summary(DiffInput(
            base_name=base, head_name=head_name or WORKING_TREE, head_is_worktree=head_name is None, as_of=as_of,
            base=base_portal, head=head_portal, changes=changes, problems=found,
            head_errors=sum(1 for p in head_problems if p.is_error), roots=((base_dir, data_dir), (head_dir, data_dir)),
        ))
        return Diff(summary, found)
