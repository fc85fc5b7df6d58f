"""axe-core (npm, pinned in package.json) run inside a page: its serious and critical
violations, one readable line per element, and the tap targets that are too small."""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# "serious" and "critical" block or seriously hinder some readers; "moderate" and "minor"
# are reported by axe too, but are judgement calls that do not fail a test.
FAILING = {"serious", "critical"}


def axe_problems(page) -> list[str]:
    """Run axe-core on the page as it is now: "rule (impact): help — element" per failing element."""
    if not AXE.is_file():
        pytest.fail("找不到 node_modules/axe-core：请先运行 bash scripts/setup.sh（它会执行 npm ci）。")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{rule['id']} ({rule['impact']}): {rule['help']} — {' '.join(map(str, node['target']))}"
            for rule in results["violations"] if rule["impact"] in FAILING for node in rule["nodes"]]


# Visible elements matching a selector, as (text or class, width, height) in CSS pixels.
_SIZES = """selector => [...document.querySelectorAll(selector)]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .map(e => { const r = e.getBoundingClientRect();
              return [e.textContent.trim().slice(0, 20) || e.className, r.width, r.height]; })"""


def tap_targets(page, selector: str) -> list[tuple[str, float, float]]:
    return [tuple(size) for size in page.evaluate(_SIZES, selector)]
