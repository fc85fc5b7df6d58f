"""axe-core (npm, pinned in package.json) run inside a page: the serious and critical
violations, as lines a reader can act on."""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# The impacts that fail a test: "serious" and "critical" block or seriously hinder some
# readers; "moderate" and "minor" are reported by axe but are judgement calls.
FAILING = ("serious", "critical")


def axe_problems(page) -> list[str]:
    """Run axe-core on the page as it is now; one line per failing rule and element:
    "rule (impact): help — selector"."""
    if not AXE.is_file():
        pytest.fail("找不到 node_modules/axe-core：请先运行 bash scripts/setup.sh（它会执行 npm ci）。")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {' '.join(node['target'][0] if isinstance(node['target'][0], str) else str(node['target']) for node in [n])}"
            for v in results["violations"] if v["impact"] in FAILING for n in v["nodes"]]
