"""`gongshi check`: load and validate everything, print every problem; on a review branch,
also guard what the default branch had published (published/base.py chooses the base)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..exits import ExitCode
from ..pipeline import check
from ..problems import FORMATTERS, sorted_problems


def run(data_dir: Path, as_of, output_format: str, base: str | None = None) -> ExitCode:
    from ..published.base import choose_base

    portal, problems = check(data_dir, as_of)
    chosen = choose_base(data_dir, base)
    # On stderr: stdout is the problem list, parsed as JSON or read as annotations. A run
    # without a guard says so only to a person reading text.
    if chosen.note and (chosen.rev is not None or output_format == "text"):
        print(chosen.note, file=sys.stderr, flush=True)
    if chosen.rev is not None:
        from ..published import guard_against_base
        problems = sorted_problems(problems + guard_against_base(data_dir, chosen.rev, portal, as_of))
    sys.stdout.write(FORMATTERS[output_format](problems))
    return ExitCode.DATA if any(p.is_error for p in problems) else ExitCode.OK
