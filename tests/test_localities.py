"""docs/localities.md: each preset is a valid site.yml `rules`, names every setting, and says
where each number comes from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.load.yamlread import parse_text
from generator.model.records import DisclosureRules, Rules, Site
from generator.validate import validate_document
from tests.conftest import ROOT

PAGE = (ROOT / "docs" / "localities.md").read_text(encoding="utf-8")
PRESETS = dict(re.findall(r"^## (\S+).*?\n```yaml\n(.*?)^```$", PAGE, re.M | re.S))
SITE = "title: 示例\npublisher: 示例\nbase_url: https://example.org/\n"


def test_the_page_has_the_three_presets():
    assert len(PRESETS) == 3 and {"北京", "上海"} <= set(PRESETS) and any(name.startswith("全国") for name in PRESETS)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_each_preset_is_a_valid_site_yml(name):
    doc, problems = parse_text(Path("site.yml"), SITE + PRESETS[name])
    assert doc is not None and not problems
    site, problems = validate_document(doc, Site)
    assert site is not None, problems


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_each_preset_names_every_setting_with_its_source(name):
    text = PRESETS[name]
    for field in [*Rules.model_fields, *DisclosureRules.model_fields]:
        assert re.search(rf"^\s*#?\s*{field}:", text, re.M), f"{name}: {field} missing"
    for line in text.splitlines()[1:]:
        if re.match(r"^\s+\w+:\s*\S", line) and not line.strip().startswith(("disclosure:", "period_counting:")):
            assert "#" in line, f"{name}: no source for {line.strip()}"


def test_the_national_preset_is_the_default():
    doc, _ = parse_text(Path("site.yml"), SITE + PRESETS[next(n for n in PRESETS if n.startswith("全国"))])
    site, _ = validate_document(doc, Site)
    assert site.rules == Rules()


def test_the_shanghai_cadence():
    doc, _ = parse_text(Path("site.yml"), SITE + PRESETS["上海"])
    site, _ = validate_document(doc, Site)
    assert (site.rules.disclosure.maintenance_fund_months, site.rules.disclosure.public_revenue_months) == (6, 3)
