"""Both account pages show where the money came from: a chart and a table, from the YAML."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.build.helpers import COMMUNITY, INFLOW_TYPES, cn_date, read_page, read_yaml

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


def expected_balances(account: str) -> list[tuple[str, str]]:
    """(date, balance) after each entry of every period, after the opening (期初), from the YAML."""
    ledgers = [read_yaml(path) for path in sorted((COMMUNITY / account).glob("*.yml"))]
    balance = Decimal(ledgers[0]["opening_balance"])
    rows = [("期初", f"{balance:,.2f}")]
    for ledger in ledgers:
        for entry in ledger["entries"]:
            amount = Decimal(entry["amount"])
            balance += amount if entry["type"] in INFLOW_TYPES[account] else -amount
            rows.append((cn_date(entry["date"]), f"{balance:,.2f}"))
    return rows


@pytest.mark.parametrize("account, chart_title", [
    ("maintenance-fund", "专项维修资金余额变化"),
    ("public-revenue", "公共收益余额变化"),
])
def test_balance_chart_starts_at_zero_and_has_its_figures_as_a_table_beside_it(built_sample_site, account, chart_title):
    # Issue 18: an axis starting near 2.95 million made a 1% drop look like a crash, and
    # the chart's figures were not available as text.
    html = (built_sample_site / account / "index.html").read_text(encoding="utf-8")
    svg = re.search(rf'<svg[^>]*class="gongshi-chart"[^>]*>\s*<title>{chart_title}</title>.*?</svg>', html, re.S)
    assert svg is not None
    texts = re.findall(r"<text\b[^>]*>([^<]*)</text>", svg.group(0))
    y_ticks = [text for text in texts if re.fullmatch(r"-?[\d,]+", text)]   # the value axis, bottom up
    assert y_ticks[0] == "0", y_ticks
    table = re.search(rf"<details class=\"chart-data\">\s*<summary>数据表：{chart_title}</summary>(.*?)</details>",
                      html[svg.end():], re.S)
    assert table is not None
    rows = re.findall(r"<tr><td>([^<]*)</td><td class=\"num\">([^<]*)</td></tr>", table.group(1))
    assert rows == expected_balances(account)
