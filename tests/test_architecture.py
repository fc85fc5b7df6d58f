"""The layout is the architecture: every module of generator/ sits in one layer, imports only
from the layers its own may use, and no import (not even one inside a function) closes a
cycle. Data flows load → validate → model → (analysis) → rules → render → build →
commands → cli; nothing earlier imports from something later.

Imports are read with `ast` from the source, so a test run imports nothing of generator/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"

# (layer, the modules and packages in it, the other layers it may import). A module belongs
# to the layer naming it or its nearest package; the package `generator` itself (PACKAGE_ROOT)
# is foundation. Foundation modules may be imported by every layer and import no other.
LAYERS: list[tuple[str, set[str], set[str]]] = [
    ("foundation", {"generator", "generator.exits", "generator.problems", "generator.codes", "generator.formatting",
                    "generator.builddate", "generator.cachedir", "generator.files", "generator.markdown_text",
                    "generator.resources", "generator.control_chars", "generator.site_layout",
                    "generator.search_markup", "generator.css_text"},
     set()),
    # YAML → documents with positions; gitrev writes a revision's data folder for the loader (its size limit).
    ("load", {"generator.load", "generator.gitrev"}, {"foundation"}),
    # a document against its model class (passed in), pydantic's errors as problems
    ("validate", {"generator.validate"}, {"foundation", "load"}),
    ("model", {"generator.model"}, {"foundation", "load", "validate"}),
    ("analysis", {"generator.analysis"}, {"foundation", "load", "model"}),
    # pipeline runs load → validate → model → rules: the whole `gongshi check`
    ("rules", {"generator.rules", "generator.pipeline"}, {"foundation", "load", "validate", "model", "analysis"}),
    # editors' tools on checked data: `check --base` and `diff` (published/), `new` (scaffold/), `fmt`,
    # `import` (spreadsheet/)
    ("workflow", {"generator.published", "generator.scaffold", "generator.fmt", "generator.spreadsheet"},
     {"foundation", "load", "validate", "model", "analysis", "rules"}),
    # pages from checked records: they never run or read the rules that checked them
    ("render", {"generator.render", "generator.district"}, {"foundation", "load", "model", "analysis"}),
    # notice-board PDFs print a view that render/ made
    ("pdf", {"generator.pdf"}, {"foundation", "load", "model", "analysis", "render"}),
    # MkDocs: Markdown in, a site out; it knows nothing of the data
    ("site", {"generator.site"}, {"foundation"}),
    # a whole run (build/), the manifest's reader (integrity/), the live preview of `serve`,
    # the web forms that `build --admin` adds (admin/)
    ("build", {"generator.build", "generator.integrity", "generator.preview", "generator.admin"},
     {"foundation", "load", "validate", "model", "analysis", "rules", "render", "pdf", "site"}),
    ("commands", {"generator.commands"},
     {"foundation", "load", "validate", "model", "analysis", "rules", "workflow", "render", "pdf", "site", "build"}),
    ("cli", {"generator.cli", "generator.__main__"}, {"foundation", "commands"}),
    # docs/fields.md and docs/cli.md, generated from the models and the command line's help
    ("docs", {"generator.reference"}, {"foundation", "model", "cli"}),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """The generator modules `name` imports anywhere in its source, functions included."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:  # `from package import module` imports the module
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target)
    return {target for target in found if target in MODULES}


GRAPH = {name: imports_of(name) for name in MODULES}


def layer_of(name: str) -> str | None:
    best = None
    for layer, members, _ in LAYERS:
        for member in members:
            inside = name == member or (member != "generator" and name.startswith(member + "."))
            if inside and (best is None or len(member) > len(best[1])):
                best = (layer, member)
    return best[0] if best else None


MAY_IMPORT = {layer: allowed for layer, _, allowed in LAYERS}


def upward_arrows() -> set[tuple[str, str]]:
    return {(source, target) for source, targets in GRAPH.items() for target in targets
            if layer_of(source) != layer_of(target) and layer_of(target) not in MAY_IMPORT[layer_of(source)]}


def test_the_table_names_real_layers():
    names = [layer for layer, _, _ in LAYERS]
    assert len(names) == len(set(names))
    assert all(allowed <= set(names) for allowed in MAY_IMPORT.values())
    members = [m for _, group, _ in LAYERS for m in group]
    assert sorted(m for m in members if m not in MODULES) == []   # no stale entry


def test_every_module_is_in_a_layer():
    assert sorted(name for name in MODULES if layer_of(name) is None) == []


def test_no_import_runs_up_the_flow():
    arrows = upward_arrows()
    assert sorted(f"{s} ({layer_of(s)}) imports {t} ({layer_of(t)})" for s, t in arrows) == []


def test_no_command_imports_another_command():
    commands = {name for name in MODULES if layer_of(name) == "commands"}
    assert sorted((s, t) for s in commands for t in GRAPH[s] if t in commands and t != s) == []


def test_no_import_cycle():
    # Tarjan's strongly connected components; a component of two or more modules is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(GRAPH[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in GRAPH[node]:
                cycles.append(sorted(component))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    assert cycles == []


@pytest.mark.parametrize("source, target, expected", [
    ("generator.build.portal", "generator.pipeline", True),
    ("generator.render.pages", "generator.build.portal", False),      # render may not reach the build
    ("generator.model.records", "generator.validate", True),
    ("generator.validate", "generator.model.records", False),
    ("generator.exits", "generator.load.yamlread", False),            # foundation imports no stage
    ("generator.render.pages", "generator.rules.refs", False),
])
def test_the_check_itself_tells_up_from_down(source, target, expected):
    """The rule the tests above apply, on arrows chosen to pass and to fail."""
    allowed = layer_of(source) == layer_of(target) or layer_of(target) in MAY_IMPORT[layer_of(source)]
    assert allowed is expected
