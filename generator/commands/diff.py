"""`gongshi diff BASE [HEAD]`: what a change does to the published disclosures.

Prints a Chinese Markdown summary on stdout (CI appends it to the job summary) and
every silent edit of a published record as `path:line:column` lines on stderr.
Exit 1 on a silent edit; 2 for a revision that does not exist; 3 without git.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from datetime import date
from pathlib import Path

from ..gitrev import RevisionError, data_at_revision
from ..pipeline import check, load_portal
from ..problems import format_text, sorted_problems
from ..published import relocate
from ..published.changes import compare
from ..published.guard import silent_edits
from ..published.snapshot import portal_records
from ..published.summary import DiffInput, render_summary

EXIT_OK, EXIT_SILENT_EDIT = 0, 1
WORKING_TREE = "工作区"


def diff(base: str, head: str | None, data_dir: Path, as_of: date) -> tuple[str, list]:
    """(Markdown summary, silent edits) for BASE → HEAD (None: the working tree)."""
    with ExitStack() as stack:
        base_dir = stack.enter_context(data_at_revision(data_dir, base))
        head_dir = data_dir if head is None else stack.enter_context(data_at_revision(data_dir, head))
        base_portal, _ = load_portal(base_dir)
        head_portal, head_problems = check(head_dir, as_of)
        silent = silent_edits(base_portal, head_portal, as_of, base_root=base_dir, shown_root=data_dir)
        silent = sorted_problems(relocate(relocate(silent, base_dir, data_dir), head_dir, data_dir))
        changes = compare(portal_records(base_portal), portal_records(head_portal))
        summary = render_summary(DiffInput(
            base_name=base, head_name=head or WORKING_TREE, head_is_worktree=head is None, as_of=as_of, base=base_portal, head=head_portal,
            changes=changes, silent=silent, head_errors=sum(1 for p in head_problems if p.is_error),
            roots=((base_dir, data_dir), (head_dir, data_dir)),
        ))
        return summary, silent


def run(base: str, head: str | None, data_dir: Path, as_of: date, out=None, err=None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        summary, silent = diff(base, head, data_dir, as_of)
    except RevisionError as exc:
        print(f"gongshi diff：{exc}", file=err)
        return exc.exit_code
    out.write(summary)
    if silent:
        err.write(format_text(silent))
    return EXIT_SILENT_EDIT if silent else EXIT_OK
