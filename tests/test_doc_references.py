"""Every file README.md and docs/ point a reader to exists in the repository.

A reference is a relative Markdown link, any `name.md` mentioned in the text, or a path
in backticks: one that starts with a folder of the repository (`generator/`), names a
file in a folder (`render/escape.py`) or climbs out of one (`../shared/`).
It resolves beside the document, from the repository root, from `generator/` (module
paths such as `build/district.py`) or from `content/` (the site's own pages, `guide.md`),
as the documents use all four.
The spec lives outside the repository: documents name it, they do not give a path to it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Generated, git-ignored folders (.gitignore) are not the repository's.
GENERATED = {".git", ".cache", ".venv", ".hypothesis", ".pytest_cache", "site", "build"}
TOP_FOLDERS = {p.name for p in ROOT.iterdir() if p.is_dir() and p.name not in GENERATED}

_LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MD_NAME = re.compile(r"(?<![\w/.-])((?:\.{1,2}/|[\w.-]+/)*[\w.-]+\.md)(?:#[\w-]*)?(?![\w/-]|\.\w)")  # not x.md.j2
_CODE = re.compile(r"`([^`\s]+)`")


def references(text: str) -> set[str]:
    found = set()
    for target in _LINK.findall(text):
        if not re.match(r"[a-z][a-z0-9+.-]*:|#|/", target):   # not a URL, an anchor or a site path
            found.add(target.split("#", 1)[0])
    found.update(_MD_NAME.findall(text))
    for code in _CODE.findall(text):
        if "/" not in code or re.search(r"[<>*{}…]", code):   # not a path, or a pattern
            continue
        if code.split("/", 1)[0] in TOP_FOLDERS or code.startswith("../") or re.search(r"/[\w-]+\.\w+$", code):
            found.add(code)
    return found


def unresolved(document: Path, root: Path = ROOT) -> list[str]:
    """The references that name no file or folder inside root (climbing out of it counts as dead)."""
    def inside(path: Path) -> bool:
        return path.exists() and path.resolve().is_relative_to(root.resolve())

    refs = references(document.read_text(encoding="utf-8"))
    bases = (document.parent, root, root / "generator", root / "content")
    return sorted(ref for ref in refs if not any(inside(base / ref) for base in bases))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_reference_resolves_in_the_repository(document):
    assert unresolved(document) == [], f"{document.relative_to(ROOT)} points to files the repository does not have"


def test_a_dead_reference_is_found(tmp_path):
    # A repository in tmp_path with a spec folder beside it: ../shared/ exists, but outside.
    (tmp_path / "shared" / "spec").mkdir(parents=True)
    (tmp_path / "shared" / "spec" / "data-format.md").write_text("", encoding="utf-8")
    root = tmp_path / "repo"
    (root / "generator").mkdir(parents=True)
    (root / "generator" / "codes.py").write_text("", encoding="utf-8")
    (root / "docs").mkdir()
    page = root / "docs" / "page.md"
    page.write_text(
        "见 [规格](../../shared/spec/data-format.md)、regulations.md 第 7 节、`docs/data-format.md`、"
        "`generator/no_such_module.py`、`render/escape.py`、`../shared/spec/`、`../../shared/spec/`，"
        "以及 [字段](fields.md#top)、`docs/fields.md`、`generator/codes.py`、[官网](https://example.org/a.md)、"
        "[本节](#x)。\n",
        encoding="utf-8",
    )
    (root / "docs" / "fields.md").write_text("", encoding="utf-8")
    assert unresolved(page, root) == ["../../shared/spec/", "../../shared/spec/data-format.md", "../shared/spec/",
                                      "docs/data-format.md", "generator/no_such_module.py", "regulations.md",
                                      "render/escape.py"]
