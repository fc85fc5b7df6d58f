"""`gongshi diff BASE [HEAD]`: what a change does to the published disclosures.

Prints a Chinese Markdown summary on stdout (CI appends it to the job summary) and every
problem of the change (silent edits of published records, corrections that do not match
the data, notices not yet posted whose figures changed) as `path:line:column` lines on
stderr. Exit 1 on an error among them; 2 for a revision that does not exist; 3 without git.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from ..control_chars import escape
from ..exits import ExitCode
from ..problems import format_text
from ..published.diff import diff_revisions


def run(base: str, head: str | None, data_dir: Path, as_of: date) -> ExitCode:
    diff = diff_revisions(base, head, data_dir, as_of)
    sys.stdout.write(escape(diff.summary))   # it quotes data titles: no control character reaches the log
    if diff.problems:
        sys.stderr.write(format_text(diff.problems))
    return ExitCode.DATA if diff.has_errors else ExitCode.OK
