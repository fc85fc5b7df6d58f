"""`gongshi check`: load and validate everything, print every problem."""

from __future__ import annotations

import sys
from pathlib import Path

from ..exits import ExitCode
from ..pipeline import check
from ..problems import FORMATTERS, sorted_problems


def run(data_dir: Path, as_of, output_format: str, base: str | None = None) -> ExitCode:
    portal, problems = check(data_dir, as_of)
    if base:
        from ..published import guard_against_base
        problems = sorted_problems(problems + guard_against_base(data_dir, base, portal, as_of))
    sys.stdout.write(FORMATTERS[output_format](problems))
    return ExitCode.DATA if any(p.is_error for p in problems) else ExitCode.OK
