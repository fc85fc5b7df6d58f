"""benchmarks/synth.py's district exercises the governance pages at scale: firms shared by
several communities, a warning list, a firm page for each, black-list rows linking to them."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter

import pytest

from generator.analysis.firms import firm_of, firm_records, warning_list
from generator.district.pages import render_district
from generator.pipeline import check
from tests.conftest import ROOT
from tests.district.helpers import AS_OF


def _synth():
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)      # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    data = tmp_path_factory.mktemp("synth") / "data"
    _synth().generate(data, communities=9, years=1)
    portal, problems = check(data, AS_OF)
    assert problems == []                 # synth.py's promise: no error, no warning
    docs = data.parent / "docs"
    render_district(portal, AS_OF, docs, "某区")
    return portal, docs


def test_firms_are_shared_and_each_has_a_page(district):
    portal, docs = district
    served = Counter(firm_of(c, portal) for c in portal.communities.values())
    served.pop(None, None)
    assert len(portal.firms) == 3 and max(served.values()) >= 2
    assert sorted(p.stem for p in (docs / "firms").glob("*.md")) == sorted(portal.firms)


def test_the_warning_list_and_the_black_list_link_to_firm_pages(district):
    portal, docs = district
    index = (docs / "index.md").read_text(encoding="utf-8")
    warned = warning_list(firm_records(portal, AS_OF))
    assert warned, "synth.py gives some community the failing tier"
    section = index[index.index("## 警示名单"):index.index("## 小区一览")]
    assert re.findall(r"\]\((firms/[\w-]+\.md)\)", section) == [f"firms/{r.id}.md" for r in warned]
    black = index[index.index("## 黑榜"):index.index("## 警示名单")]
    assert re.findall(r"\| <span class=\"card ranking\"></span>\[[^]]+\]\((firms/[\w-]+\.md)\) \|", black)


def test_governance_records_are_generated(district):
    portal, _ = district
    assert sum(len(c.meetings) for c in portal.communities.values()) >= 9
    assert any(c.documents for c in portal.communities.values())
