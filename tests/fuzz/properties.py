"""What every problem must be, whatever the input: coded, Chinese, located inside the data."""

from __future__ import annotations

import re
from pathlib import Path

from generator.codes import CODES, allows
from generator.problems import Problem

CJK = re.compile(r"[\u4e00-\u9fff]")


def line_count(text: str) -> int:
    """Lines as YAML and editors count them: CRLF, CR or LF ends a line."""
    return len(re.findall(r"\r\n|\r|\n", text)) + 1


def assert_well_formed(problems: list[Problem], inside: Path, *, lines: int | None = None) -> None:
    """inside: the data folder (or the one file) every location must name. lines: the
    file's line count; libyaml reports an unexpected end one line past the last."""
    root = inside.resolve()
    for p in problems:
        assert p.code in CODES, f"unregistered code {p.code}: {p}"
        assert not p.code.startswith("internal."), f"a rule crashed: {p}"
        assert allows(p.code, p.severity.label), p
        assert CJK.search(p.message), f"message is not Chinese: {p}"
        where = Path(p.location.path).resolve()
        assert where == root or root in where.parents, f"{where} is outside {root}"
        assert p.location.line >= 1 and p.location.column >= 1, p
        if lines is not None:
            assert p.location.line <= lines + 1, f"line {p.location.line} of a {lines}-line file: {p}"
