"""A realistic notice for the PDF tests: a quarter's public-income statement that runs
onto a second page, so header repetition and page counters are exercised."""

from __future__ import annotations

from decimal import Decimal

from generator.render.print_types import NoticePrintView, PrintColumn, PrintTable

PAGE_URL = "https://gongshi.example.org/notices/2024-q2-public-income/"

_ENTRIES = [
    ("04-02", "电梯广告位租金（4月）", "18,600.00", ""),
    ("04-05", "地面停车位临时停车费", "9,842.50", ""),
    ("04-08", "物业公司代收快递柜场地费", "3,200.00", ""),
    ("04-12", "3号楼外墙防水维修（维修资金以外部分）", "", "46,380.00"),
    ("04-15", "审计事务所年度审计费", "", "12,000.00"),
    ("04-18", "公共收益账户利息", "1,027.34", ""),
    ("04-22", "业主大会会议材料印刷", "", "1,865.00"),
    ("04-26", "小区监控系统升级（第一期）", "", "128,900.00"),
    ("05-02", "电梯广告位租金（5月）", "18,600.00", ""),
    ("05-06", "地面停车位临时停车费", "10,315.00", ""),
    ("05-09", "儿童游乐设施更换", "", "67,450.00"),
    ("05-13", "通信基站场地租金（年度）", "120,000.00", ""),
    ("05-17", "公共区域照明改造", "", "38,725.60"),
    ("05-21", "业主委员会办公用品", "", "986.40"),
    ("05-24", "垃圾分类亭租赁收入", "4,500.00", ""),
    ("05-28", "绿化补种及养护", "", "23,640.00"),
    ("06-03", "电梯广告位租金（6月）", "18,600.00", ""),
    ("06-06", "地面停车位临时停车费", "11,208.00", ""),
    ("06-10", "消防设施年度检测", "", "15,800.00"),
    ("06-14", "2号楼电梯主板更换", "", "54,300.00"),
    ("06-18", "公共收益账户利息", "1,102.77", ""),
    ("06-21", "法律顾问服务费（半年）", "", "9,000.00"),
    ("06-25", "雨污管网疏通", "", "7,680.00"),
    ("06-28", "中秋业主活动预付场地费", "", "3,500.00"),
]


def _statement_rows() -> tuple[tuple[str, ...], ...]:
    balance = Decimal("1234567.89")
    rows = [("2024-04-01", "上期结余", "", "", f"{balance:,.2f}")]
    for day, summary, income, expense in _ENTRIES:  # long enough to need page 2
        balance += Decimal(income.replace(",", "") or 0) - Decimal(expense.replace(",", "") or 0)
        rows.append((f"2024-{day}", summary, income, expense, f"{balance:,.2f}"))
    return tuple(rows)


SAMPLE_VIEW = NoticePrintView(
    title="阳光花园小区2024年第二季度公共收益收支情况公示",
    issuer="阳光花园小区业主委员会",
    period_from="2024年7月1日",
    period_to="2024年7月15日",
    objection_contact="业委会办公室（5号楼101室），电话 021-5555-0123，邮箱 yewei@example.org",
    objection_until="2024年7月15日17:00",
    body_html=(
        "<p>根据《民法典》第二百八十二条及本小区《管理规约》，现将2024年4月1日至6月30日"
        "公共收益收支情况公示如下。各项支出均经业主委员会会议审议，票据原件存放于业委会办公室，"
        "业主可在工作日9:00–17:00预约查阅。</p>"
        "<p>如对公示内容有异议，请在公示期内通过上述渠道书面提出，并注明房号和联系方式。</p>"
    ),
    tables=(
        PrintTable(
            caption="公共收益收支明细",
            columns=(
                PrintColumn("日期"),
                PrintColumn("摘要"),
                PrintColumn("收入（元）", numeric=True),
                PrintColumn("支出（元）", numeric=True),
                PrintColumn("余额（元）", numeric=True),
            ),
            rows=_statement_rows(),
            note="注：金额单位为人民币元；余额为当日收支后的公共收益账户余额。",
        ),
    ),
    page_url=PAGE_URL,
    fingerprint="1a2b3c4d",
    issued_on="2024年7月1日",
    issued_on_iso="2024-07-01",
)

