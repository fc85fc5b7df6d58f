"""Notice PDFs carry the records they relate, generated from the data (issue 14, item 1):
read back with pdftotext and compared with the figures of the inline test portal."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.pdf import render_notice_pdf
from generator.pipeline import check
from generator.render.print_view import notice_print_view
from generator.render.views.context import make_context
from tests.pdf_text import pdf_text
from tests.rules.helpers import AS_OF, C, FUND, FUND_PATH, edit, t, write_data

ENTRY_NOTICE_PATH = f"{C}/notices/roof-expense.yml"
ENTRY_NOTICE = t("""
    title: 关于屋面维修支出的公示
    kind: general
    issuer: 测试家园小区业主委员会
    published: 2025-04-05
    period: {from: 2025-04-05, to: 2025-04-20}
    related: [entry/mf-002]
    print: true
    body: |
      屋面维修已完工，支出如下。
""")


def _pdf_text(tmp_path, files: dict, nid: str) -> str:
    data = write_data(tmp_path, files)
    portal, problems = check(data, AS_OF)
    assert [p for p in problems if p.is_error] == []
    community = portal.communities["x"]
    ctx = make_context(portal, community, AS_OF, "https://example.org/t/", True)
    out = tmp_path / f"{nid}.pdf"
    render_notice_pdf(notice_print_view(ctx, nid), out, cache_dir=None)
    return pdf_text(out, "-layout")


def test_a_notice_relating_one_entry_prints_that_entry(tmp_path):
    fund = edit(FUND, "    summary: 屋面维修\n", "    summary: 屋面维修\n    voucher: 记-2025-007\n")
    layout = _pdf_text(tmp_path, {FUND_PATH: fund, ENTRY_NOTICE_PATH: ENTRY_NOTICE}, "roof-expense")
    flat = re.sub(r"\s+", "", layout)
    assert "专项维修资金2025年明细（本公示涉及的）" in flat
    # 4月1日, 屋面维修 80,000.00 out, leaving 100,000.00 + 50,000.00 − 80,000.00 = 70,000.00.
    assert re.search(r"^\s*4月1日\s+屋面维修（记-2025-007）①\s+80,000\.00\s+70,000\.00\s*$", layout, re.M), layout
    assert "授权依据：①表决：使用专项维修资金维修屋面。" in flat
    # Only the entry the notice names, not the period's others.
    assert "新售房屋首期交存" not in flat and "50,000.00" not in layout


def test_a_report_prints_the_statement_and_every_entry(tmp_path):
    report = edit(ENTRY_NOTICE, "related: [entry/mf-002]", "related: [maintenance-fund/2025, entry/mf-002]")
    report = edit(report, "kind: general", "kind: fund_report")
    layout = _pdf_text(tmp_path, {ENTRY_NOTICE_PATH: report}, "roof-expense")
    flat = re.sub(r"\s+", "", layout)
    opening, inflow, outflow = Decimal("100000.00"), Decimal("60000.00"), Decimal("80000.00")
    for label, amount in (("期初余额", opening), ("本期收入合计", inflow), ("本期支出合计", outflow),
                          ("期末余额（截至2025年12月31日）", opening + inflow - outflow)):   # dated: issue 18
        assert f"{label}{amount:,.2f}" in flat
    for day, amount, balance in (("1月10日", "50,000.00", "150,000.00"), ("4月1日", "80,000.00", "70,000.00"),
                                 ("6月30日", "10,000.00", "80,000.00")):
        assert re.search(rf"^\s*{day}\s.*\s{amount}\s+{balance}\s*$", layout, re.M), day
    # The entry it names is in the period's full list already: not printed a second time.
    assert "本公示涉及的" not in flat


def test_a_notice_without_its_own_channel_prints_the_committee_office_phone(tmp_path):
    # Issue 18: every notice names an objection channel, on paper as on the site.
    flat = re.sub(r"\s+", "", _pdf_text(tmp_path, {ENTRY_NOTICE_PATH: ENTRY_NOTICE}, "roof-expense"))
    assert "异议渠道业委会办公电话010-87654321异议截止2025年4月20日" in flat
