"""Which files fmt formats, and formatting them: refuse what does not parse, write the rest."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAMLError

from ..exits import Stop
from ..load.discover import DataFile, discover
from ..load.yamlread import decode_source, read_document
from ..model.records import KINDS
from ..problems import Location, Problem, error
from .canonical import canonical_text


@dataclass
class Outcome:
    checked: int = 0
    changed: list[Path] = field(default_factory=list)   # rewritten, or (--check) would be
    problems: list[Problem] = field(default_factory=list)  # files left alone: they do not parse


def data_files(data_dir: Path, chosen: list[Path]) -> list[DataFile]:
    """Every data file under data_dir, or the chosen ones (each must be one of them)."""
    files, problems = discover(data_dir)
    missing = [p for p in problems if p.code == "file.missing" and Path(p.location.path) == data_dir]
    if missing or not data_dir.is_dir():
        raise Stop.usage(f"找不到数据目录 {data_dir}：请用 --data 指定。")
    if not chosen:
        return files
    by_path = {f.path.resolve(): f for f in files}
    picked = []
    for path in chosen:
        found = by_path.get(path.resolve())
        if found is None:
            raise Stop.usage(f"{path} 不是 {data_dir}/ 中的数据文件：fmt 只整理 site.yml 和各小区的数据文件。")
        picked.append(found)
    return picked


def schema_address(data_dir: Path, file: DataFile) -> str:
    """The modeline's target for a file that names none: the project's schemas/ folder."""
    schema = data_dir.resolve().parent / "schemas" / f"{file.kind}.schema.json"
    return Path(os.path.relpath(schema, file.path.resolve().parent)).as_posix()


def format_file(data_dir: Path, file: DataFile) -> tuple[str | None, str | None, list[Problem]]:
    """(text as read, canonical text, problems); no text when the file cannot be read."""
    doc, problems = read_document(file.path)
    if doc is None or any(p.is_error for p in problems):
        return None, None, problems
    raw = file.path.read_bytes()
    text, _ = decode_source(file.path, raw)
    try:
        canonical = canonical_text(text, KINDS[file.kind], schema_address(data_dir, file))
    except YAMLError as exc:  # gongshi's reader took it, ruamel did not: leave the file alone
        mark = getattr(exc, "problem_mark", None)
        where = Location(str(file.path), mark.line + 1, mark.column + 1) if mark else Location(str(file.path))
        return None, None, [error(where, "yaml.syntax", f"无法整理这个文件：{getattr(exc, 'problem', exc)}")]
    return raw.decode("utf-8", errors="replace"), canonical, []


def _write(path: Path, text: str) -> None:
    # Written beside the file and renamed over it: an interrupted run leaves the old file whole.
    temporary = path.with_name(f".{path.name}.gongshi-fmt")
    temporary.write_text(text, encoding="utf-8", newline="\n")
    os.replace(temporary, path)


def format_files(data_dir: Path, chosen: list[Path], *, write: bool) -> Outcome:
    outcome = Outcome()
    for file in data_files(data_dir, chosen):
        outcome.checked += 1
        before, after, problems = format_file(data_dir, file)
        if after is None:
            outcome.problems += problems
            continue
        if after != before:
            outcome.changed.append(file.path)
            if write:
                _write(file.path, after)
    return outcome
