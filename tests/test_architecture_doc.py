"""docs/architecture.md stays true to the tree: every path and `python -m` module it names
exists, every package of generator/ is in it, and its layer table is tests/test_architecture.py's.

A path may hold placeholders (`generator/rules/<前缀>.py`, `schemas/*.schema.json`): each
`<…>` or `*` stands for one path segment or part of one, and at least one file must match.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_architecture import LAYERS

DOC = ROOT / "docs" / "architecture.md"
TEXT = DOC.read_text(encoding="utf-8")
PACKAGE = ROOT / "generator"

# Repository paths: a top-level folder of the repository, then anything up to a space, a
# backtick or Chinese punctuation. Not when glued to a longer path (/tmp/demo/data/…).
REPO_PATH = re.compile(r"(?<![\w./-])((?:generator|tests|docs|benchmarks|scripts|schemas|content|data)/[\w./<>*-]*)")
# Short module paths inside generator/ (`load/discover.py`, `site/mkdocs_build.py`).
SHORT_PATH = re.compile(r"`([a-z_]+/[\w./<>*-]*\.(?:py|j2|yml))`")
RUN_MODULE = re.compile(r"python -m (generator(?:\.\w+)*)")


def _glob(pattern: str) -> str:
    return re.sub(r"<[^>]*>", "*", pattern)


def missing_paths(text: str) -> list[str]:
    """Paths in `text` that match nothing in the repository."""
    missing = []
    for found in REPO_PATH.findall(text):
        path = found.rstrip(".")
        if not list(ROOT.glob(_glob(path).rstrip("/") or ".")):
            missing.append(path)
    for found in SHORT_PATH.findall(text):
        if found.split("/")[0] in {p.name for p in PACKAGE.iterdir() if p.is_dir()} \
                and not list(PACKAGE.glob(_glob(found))):
            missing.append(found)
    return sorted(set(missing))


def not_runnable(text: str) -> list[str]:
    """`python -m` modules in `text` that do not exist or cannot be run."""
    bad = []
    for module in set(RUN_MODULE.findall(text)):
        path = ROOT.joinpath(*module.split("."))
        if (path / "__main__.py").is_file():
            continue
        source = path.with_suffix(".py")
        if not (source.is_file() and '__name__ == "__main__"' in source.read_text(encoding="utf-8")):
            bad.append(module)
    return sorted(bad)


def test_every_path_the_doc_names_exists():
    assert missing_paths(TEXT) == []


def test_every_module_the_doc_runs_exists_and_runs():
    modules = set(RUN_MODULE.findall(TEXT))
    assert {"generator", "generator.codes", "generator.reference"} <= modules   # the doc says how to regenerate
    assert not_runnable(TEXT) == []


def test_every_package_is_in_the_doc():
    packages = sorted(p.parent.relative_to(ROOT).as_posix() + "/" for p in PACKAGE.rglob("__init__.py"))
    assert [p for p in packages if p not in TEXT] == []


def _module_of(path: str) -> str:
    """`generator/load/` → generator.load; `generator/gitrev.py` → generator.gitrev."""
    parts = path.rstrip("/").removesuffix(".py").split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def doc_layers(text: str) -> list[tuple[str, set[str], set[str]]]:
    """The rows of the doc's layer table: (layer, modules, layers it may import)."""
    names = {layer for layer, _, _ in LAYERS}
    rows = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].strip("`") in names:
            members = {_module_of(p) for p in re.findall(r"`([^`]+)`", cells[1])}
            allowed = set(re.findall(r"`([^`]+)`", cells[2]))
            rows.append((cells[0].strip("`"), members, allowed))
    return rows


def test_the_layer_table_is_the_tests_own():
    assert doc_layers(TEXT) == LAYERS


@pytest.mark.parametrize("text, missing, bad_modules", [
    ("见 `generator/rules/ledger.py` 和 `generator/render/views/`", [], []),
    ("规则放在 `generator/rules/<前缀>.py`；`schemas/*.schema.json`", [], []),
    ("见 `generator/rules/ledgers.py`", ["generator/rules/ledgers.py"], []),
    ("见 `load/discover.py` 和 `load/discovery.py`", ["load/discovery.py"], []),
    ("`python -m generator.codes > docs/error-codes.md`", [], []),
    ("`python -m generator.problems`", [], ["generator.problems"]),      # exists, but runs nothing
    ("`python -m generator.docs`", [], ["generator.docs"]),
])
def test_the_checks_themselves_tell_good_from_bad(text, missing, bad_modules):
    assert (missing_paths(text), not_runnable(text)) == (missing, bad_modules)
