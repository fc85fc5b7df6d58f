"""Problems are data: every stage returns them, one printer shows them.

A `Problem` carries where (path, line, column; both counted from 1), how bad
(error or warning), a stable code from the spec's table, and a Chinese message.
Code that finds a problem never prints it and never exits.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path

from .control_chars import escape


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "错误" if self is Severity.ERROR else "警告"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a text file (line, column), or a cell of a spreadsheet (`gongshi import`).

    A cell has `sheet` set: `line` is its row, `column` its column (A = 1), and it is
    printed as Excel names it, `FILE:SHEET!C12`; a CSV file has no sheets (`sheet=""`),
    its cells print as `FILE:C12`.
    """

    path: str
    line: int = 1
    column: int = 1
    sheet: str | None = None

    @property
    def position(self) -> str:
        """`12:3` in a text file, `明细!C12` in a workbook, `C12` in a CSV file."""
        if self.sheet is None:
            return f"{self.line}:{self.column}"
        cell = f"{column_letters(self.column)}{self.line}"
        return f"{sheet_reference(self.sheet)}!{cell}" if self.sheet else cell

    def __str__(self) -> str:
        return f"{self.path}:{self.position}"


def column_letters(column: int) -> str:
    """1 → A, 27 → AA: a column as spreadsheets name it."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


_PLAIN_SHEET_NAME = re.compile(r"[^\W\d]\w*")


def sheet_reference(name: str) -> str:
    """A sheet name as a formula writes it: quoted when it holds spaces or punctuation."""
    if _PLAIN_SHEET_NAME.fullmatch(name):
        return name
    return "'" + name.replace("'", "''") + "'"


@dataclass(frozen=True)
class Problem:
    location: Location
    code: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self):
        return (self.location.path, self.location.line, self.location.column, self.code, self.message)


def error(location: Location, code: str, message: str) -> Problem:
    return Problem(location, code, message, Severity.ERROR)


def warning(location: Location, code: str, message: str) -> Problem:
    return Problem(location, code, message, Severity.WARNING)


def display_path(path: str | Path) -> str:
    """Paths are printed relative to the current directory, as editors expect."""
    return _relative_to(str(path), os.getcwd())


@lru_cache(maxsize=4096)
def _relative_to(path: str, cwd: str) -> str:
    # Cached: one hostile file can hold hundreds of thousands of problems, and
    # computing the same relative path for each took most of a minute.
    p = Path(path)
    try:
        rel = os.path.relpath(p, cwd)
    except ValueError:  # another drive on Windows
        return p.as_posix()
    return Path(rel).as_posix()


def sorted_problems(problems) -> list[Problem]:
    return sorted(set(problems), key=Problem.sort_key)


def summary_line(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if not problems:
        return "检查通过：没有发现问题。"
    return f"共 {errors} 个错误，{warnings} 个警告。"


def _one_line(text: str) -> str:
    # One problem per line (cli.md): a line break quoted from the data must not start a new one.
    # Control characters and bytes that are not UTF-8 (a file name) are written out: an ESC
    # quoted from the data must not reach the terminal, nor a stray byte crash the printer.
    return escape(text.replace("\r\n", "⏎").replace("\r", "⏎").replace("\n", "⏎"))


def shown_path(problem: Problem) -> str:
    return escape(display_path(problem.location.path))


def format_text(problems: list[Problem]) -> str:
    lines = [
        _one_line(f"{display_path(p.location.path)}:{p.location.position}: "
                  f"{p.severity.label}[{p.code}]: {p.message}")
        for p in problems
    ]
    lines.append(summary_line(problems))
    return "\n".join(lines) + "\n"


def print_text(problems: list[Problem]) -> None:
    """The text listing on stdout, when there is anything to list (a build prints it as
    soon as the check is done, before it builds)."""
    if problems:
        sys.stdout.write(format_text(problems))


def format_json(problems: list[Problem]) -> str:
    rows = [
        {
            "path": shown_path(p),
            "line": p.location.line,
            "column": p.location.column,
            "severity": p.severity.value,
            "code": p.code,
            "message": escape(p.message),
            # a spreadsheet cell (gongshi import) also says where as spreadsheets do
            **({"sheet": p.location.sheet, "cell": p.location.position} if p.location.sheet is not None else {}),
        }
        for p in problems
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    # Same escaping as the GitHub Actions toolkit's escapeData.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # Same escaping as the toolkit's escapeProperty.
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: list[Problem]) -> str:
    """Annotations, then the full GNU-style list: GitHub shows only 10 annotations per step.

    The list quotes data from the pull request, so it is printed between
    `::stop-commands::TOKEN` and `::TOKEN::`: a line in it that looks like a workflow
    command is not run. The token is derived from the text (the output stays
    byte-identical), and the text cannot contain its own hash.
    """
    lines = []
    for p in problems:
        command = "error" if p.is_error else "warning"
        props = (
            f"file={_escape_property(shown_path(p))},"
            f"line={p.location.line},col={p.location.column},"
            f"title={_escape_property(p.code)}"
        )
        lines.append(f"::{command} {props}::{_escape_data(escape(f'[{p.code}] {p.message}'))}")
    text = format_text(problems)
    token = "gongshi-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    return "\n".join([*lines, f"::stop-commands::{token}"]) + "\n" + text + f"::{token}::\n"


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}

