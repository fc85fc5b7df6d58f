"""`gongshi check`: load and validate everything, print every problem."""

from __future__ import annotations

import sys
from pathlib import Path

from ..pipeline import check
from ..problems import FORMATTERS

EXIT_OK, EXIT_DATA_ERRORS = 0, 1


def run(data_dir: Path, as_of, output_format: str, base: str | None = None, out=None) -> int:
    out = out or sys.stdout   # looked up per call: a default bound at import outlives a redirected stdout
    portal, problems = check(data_dir, as_of)
    if base:
        from ..published import guard_against_base
        extra, env_problem = guard_against_base(data_dir, base, portal, as_of)
        if env_problem:
            print(env_problem, file=sys.stderr)
            return getattr(env_problem, "exit_code", 2)   # 2 bad REV, 3 no git
        from ..problems import sorted_problems
        problems = sorted_problems(problems + extra)
    out.write(FORMATTERS[output_format](problems))
    return EXIT_DATA_ERRORS if any(p.is_error for p in problems) else EXIT_OK
