"""Both account pages show where the money came from: a chart and a table, from the YAML."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.build.helpers import COMMUNITY, read_page, read_yaml

# Labels the pages use, written out here so a renamed label fails the test.
FUND_TYPES = {"deposit": "交存", "interest": "增值收益", "transfer_in": "转入"}
REVENUE_SOURCES = {"advertising": "广告", "parking": "停车", "lease": "场地租赁", "other": "其他"}


def expected_sources(account: str) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for path in sorted((COMMUNITY / account).glob("*.yml")):
        for entry in read_yaml(path)["entries"]:
            if account == "maintenance-fund" and entry["type"] in FUND_TYPES:
                label = FUND_TYPES[entry["type"]]
            elif account == "public-revenue" and entry["type"] == "income":
                label = REVENUE_SOURCES[entry["source"]]
            else:
                continue
            totals[label] = totals.get(label, Decimal("0")) + Decimal(entry["amount"])
    return totals


@pytest.mark.parametrize("account, heading, chart_title", [
    ("maintenance-fund", "资金来源", "专项维修资金来源"),
    ("public-revenue", "收入来源", "公共收益收入来源"),
])
def test_account_page_shows_inflows_by_source_as_chart_and_table(built_sample_site, account, heading, chart_title):
    html = (built_sample_site / account / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<svg[^>]*class="gongshi-chart"[^>]*>\s*<title>([^<]*)</title>', html)
    assert chart_title in titles, titles
    page = read_page(built_sample_site, f"{account}/")
    expected = expected_sources(account)
    assert expected  # the sample has inflows, so the test can tell
    section = page.text.split(heading, 1)[1]
    for label, amount in expected.items():
        assert f"{label} {amount:,.2f}" in section, (label, amount)
