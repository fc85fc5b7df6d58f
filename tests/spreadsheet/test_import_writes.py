"""gongshi import writes entries a reviewer can read: into the period of their date, with
new ids, money with two decimals, a new period opening at the previous closing, the
closing moved by what was added; an identical row is skipped; `check` passes after."""

from __future__ import annotations

from datetime import date, datetime

from tests.spreadsheet.helpers import FUND, REVENUE, csv_file, set_raw_number, workbook

BOOK = [
    ["示例家园专项维修资金明细账 2026年下半年"],
    [],
    ["记账日期", "凭证字号", "摘要", "借方金额（元）", "贷方金额（元）", "类型", "表决", "余额"],
    [datetime(2026, 7, 3), "记-2026-020", "2号楼1户业主补交维修资金", 11400, None, "交存", None, 3103064.29],
    ["2026/8/5", "记-2026-021", "2026年第三季度存款利息", 0.1 + 0.7, None, "利息", None, None],
    [46273, "记-2026-022", "3号楼1单元电梯钢丝绳更换", None, "￥1,234.50元", "使用", "2025-elevator", None],
    ["2026年9月30日", "记-2026-023", "3号楼2单元电梯钢丝绳更换", None, "1234.5", "使用", "使用专项维修资金更换3号楼1、2单元电梯", None],
    [None, None, "本季合计", 11400.8, 2469, None, None, None],
]

NEW_PERIOD = """\
# yaml-language-server: $schema=../../../../schemas/maintenance-fund.schema.json
# 专项维修资金台账 2026-H2（2026-07-01 至 2026-12-31），由 gongshi import 从 账.xlsx 导入时新建。
# 期初 + 收入 − 支出 = 期末，须精确到分。
period: 2026-H2                # 期间，须与文件名一致
opening_balance: 3091664.29    # 期初余额：等于上一期（2026-H1）的期末余额
entries:                       # 明细，按日期排列；金额一律为正数，方向由 type 决定
  - id: mf-2026-005            # 导入自 账.xlsx 工作表“明细”第4行
    date: 2026-07-03
    type: deposit              # 交存
    amount: 11400.00
    summary: 2号楼1户业主补交维修资金
    voucher: 记-2026-020
  - id: mf-2026-006            # 导入自 账.xlsx 工作表“明细”第5行
    date: 2026-08-05
    type: interest             # 增值收益
    amount: 0.80
    summary: 2026年第三季度存款利息
    voucher: 记-2026-021
  - id: mf-2026-007            # 导入自 账.xlsx 工作表“明细”第6行
    date: 2026-09-08
    type: expense              # 使用
    amount: 1234.50
    summary: 3号楼1单元电梯钢丝绳更换
    voucher: 记-2026-022
    vote: 2025-elevator
  - id: mf-2026-008            # 导入自 账.xlsx 工作表“明细”第7行
    date: 2026-09-30
    type: expense              # 使用
    amount: 1234.50
    summary: 3号楼2单元电梯钢丝绳更换
    voucher: 记-2026-023
    vote: 2025-elevator
closing_balance: 3100596.09    # 期末余额 = 期初余额 + 本期收入 − 本期支出（由 gongshi import 算出，请核对）
"""


def test_a_bookkeepers_workbook_becomes_a_new_period(repo, gongshi):
    workbook(repo / "账.xlsx", BOOK)
    result = gongshi("import", "账.xlsx", "--account", "maintenance-fund")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "读取 账.xlsx 工作表“明细”：表头在第 3 行，其下有 5 行。\n"
        "  日期 ← A列“记账日期”，凭证号 ← B列“凭证字号”，摘要 ← C列“摘要”，收入 ← D列“借方金额（元）”，"
        "支出 ← E列“贷方金额（元）”，类型 ← F列“类型”，表决 ← G列“表决”\n"
        "  未使用的列：H列“余额”\n"
        "跳过 1 行合计、余额行：账.xlsx:明细!C8“本季合计”\n"
        f"已新建 {FUND}/2026-H2.yml：4 条明细 mf-2026-005 至 mf-2026-008；期初余额 3,091,664.29 取自 2026-H1 的期末余额，"
        "期末余额 3,100,596.09（期初 + 收入 − 支出）。\n"
        "请核对新增的明细和期末余额，再运行 gongshi check；通过后提交合并请求。\n")
    assert (repo / FUND / "2026-H2.yml").read_text(encoding="utf-8") == NEW_PERIOD
    # 3,091,664.29 + 11,400.00 + 0.80 − 1,234.50 − 1,234.50 = 3,100,596.09
    check = gongshi("check", "--as-of", "2026-11-25")
    assert check.code == 0, check.out


def test_rows_appended_to_an_existing_period_leave_its_entries_as_they_were(repo, gongshi):
    ledger = repo / FUND / "2026-H1.yml"
    before = ledger.read_text(encoding="utf-8")
    workbook(repo / "补记.xlsx", [["日期", "摘要", "金额", "方向", "类型"],
                                   [date(2026, 6, 30), "2026年6月存款利息补记", 12.34, "借", "利息"],
                                   [date(2026, 6, 30), "银行手续费退还", "-2.00", None, "退还"]])
    result = gongshi("import", "补记.xlsx", "--account", "maintenance-fund", "--period", "2026-H1")
    assert result.code == 0, result.out
    assert (f"已在 {FUND}/2026-H1.yml 末尾添加 2 条明细 mf-2026-005 至 mf-2026-006；期末余额 closing_balance 由 3,091,664.29 "
            "改为 3,091,674.63（+10.34，即导入的收入减支出）。\n") in result.out
    assert "注意：之后的期间" not in result.out            # no later period in the sample
    after = ledger.read_text(encoding="utf-8")
    head = before[:before.index("closing_balance:")]
    assert after.startswith(head)                          # every existing line unchanged, in place
    assert after[len(head):] == (
        "  - id: mf-2026-005            # 导入自 补记.xlsx 工作表“明细”第2行\n"
        "    date: 2026-06-30\n"
        "    type: interest             # 增值收益\n"
        "    amount: 12.34\n"
        "    summary: 2026年6月存款利息补记\n"
        "  - id: mf-2026-006            # 导入自 补记.xlsx 工作表“明细”第3行\n"
        "    date: 2026-06-30\n"
        "    type: refund               # 退还\n"
        "    amount: 2.00\n"
        "    summary: 银行手续费退还\n"
        + before[before.index("closing_balance:"):].replace("3091664.29", "3091674.63"))


def test_an_identical_row_already_present_is_skipped_and_reported(repo, gongshi):
    workbook(repo / "账.xlsx", BOOK)
    assert gongshi("import", "账.xlsx", "--account", "maintenance-fund").code == 0
    written = (repo / FUND / "2026-H2.yml").read_bytes()
    again = gongshi("import", "账.xlsx", "--account", "maintenance-fund")
    assert again.code == 0
    assert again.out.split("\n")[4:] == [
        "跳过 4 行（与已有的明细相同，不再重复添加）：",
        "  账.xlsx:明细!A4：与 mf-2026-005 相同",
        "  账.xlsx:明细!A5：与 mf-2026-006 相同",
        "  账.xlsx:明细!A6：与 mf-2026-007 相同",
        "  账.xlsx:明细!A7：与 mf-2026-008 相同",
        "没有要添加的明细。",
        "",
    ]
    assert (repo / FUND / "2026-H2.yml").read_bytes() == written


def test_one_new_row_among_known_ones_is_the_only_one_added(repo, gongshi):
    # An entry of the sample written out as a bookkeeper would, plus one new row.
    workbook(repo / "账.xlsx", [["日期", "摘要", "支出", "收入", "凭证号", "类型", "表决"],
                                  [date(2025, 10, 28), "更换3号楼1、2单元电梯（验收合格后付至95%，余5%为质保金）", 271700, None,
                                   "记-2025-039", "使用", "2025-elevator"],
                                  [date(2025, 12, 30), "2025年12月存款利息补记", None, "8.00", "记-2025-043", "利息", None]])
    result = gongshi("import", "账.xlsx", "--account", "maintenance-fund")
    assert "  账.xlsx:明细!A2：与 mf-2025-009 相同" in result.out
    assert f"已在 {FUND}/2025-H2.yml 末尾添加 1 条明细 mf-2025-012；" in result.out
    assert "注意：之后的期间 2026-H1 的期初余额没有跟着改，gongshi check 会报告 ledger.opening_mismatch" in result.out
    assert "[ledger.opening_mismatch]" in gongshi("check", "--as-of", "2026-11-25").out


def test_gbk_and_utf8_csv_files_with_text_amounts_and_dates(repo, gongshi):
    rows = [["日期", "摘要", "收入", "支出", "收入来源", "对方单位"],
            ["2026年7月5日", "电梯广告位使用费", "￥1,234.50", "", "广告", "某某传媒有限公司"],
            ["2026-07-06", "快递柜场地租赁费", "1234.5元", "", "场地租赁", "某某智能科技有限公司"],
            ["20260707", "公共收益转入专项维修资金", "", "1,000.00", "", "示例家园小区专项维修资金账户"]]
    with_type = [row + [kind] for row, kind in zip(rows, ["类型", "收入", "收入", "转出"])]
    for encoding, name in (("gbk", "gbk.csv"), ("utf-8-sig", "bom.csv")):
        csv_file(repo / name, with_type, encoding)
    result = gongshi("import", "gbk.csv", "--account", "public-revenue")
    assert result.code == 0, result.out
    text = (repo / REVENUE / "2026-H2.yml").read_text(encoding="utf-8")
    assert ("  - id: pr-2026-022            # 导入自 gbk.csv 第2行\n"
            "    date: 2026-07-05\n"
            "    type: income               # 收入\n"
            "    source: advertising        # 广告\n"
            "    amount: 1234.50\n"
            "    summary: 电梯广告位使用费\n"
            "    counterparty: 某某传媒有限公司\n") in text
    assert ("    type: transfer_out         # 转出\n"
            "    to: maintenance-fund       # 转出去向：专项维修资金\n"
            "    amount: 1000.00\n") in text
    # the same rows in UTF-8 with a byte-order mark are the same entries: all three skipped
    again = gongshi("import", "bom.csv", "--account", "public-revenue")
    assert "跳过 3 行（与已有的明细相同，不再重复添加）：" in again.out and "没有要添加的明细。" in again.out


def test_a_map_file_names_other_headers(repo, gongshi):
    (repo / "map.yml").write_text("# 本单位账簿的列名\n发生额: 金额\n收支: 方向\n单据号: 凭证号\n收款方: counterparty\n余额: 忽略\n",
                                     encoding="utf-8")
    workbook(repo / "m.xlsx", [["业务日期", "单据号", "摘要", "发生额", "收支", "类型", "收款方", "余额"],
                                  [date(2026, 8, 1), "付-8", "消防栓维修", -880.0, "贷", "使用", "某某消防工程有限公司", 0],
                                  [date(2026, 8, 2), "收-9", "利息", 9.99, "借", "利息", None, 0]])
    result = gongshi("import", "m.xlsx", "--account", "maintenance-fund", "--map", "map.yml")
    assert result.code == 0, result.out
    assert "凭证号 ← B列“单据号”" in result.out and "金额 ← D列“发生额”" in result.out and "未使用的列" not in result.out
    text = (repo / FUND / "2026-H2.yml").read_text(encoding="utf-8")
    assert ("    type: expense              # 使用\n    amount: 880.00\n    summary: 消防栓维修\n"
            "    counterparty: 某某消防工程有限公司\n    voucher: 付-8\n") in text
    # an expense without a vote is written; check then asks for its authorisation
    assert "[ledger.expense_unauthorized]" in gongshi("check", "--as-of", "2026-11-25").out


def test_text_that_yaml_would_read_otherwise_is_quoted(repo, gongshi):
    workbook(repo / "q.xlsx", [["日期", "摘要", "金额", "类型", "凭证号", "对方单位"],
                                  [date(2026, 8, 1), "利息: 第三季度 # 含补息", 1, "利息", 18, "null"],
                                  [date(2026, 8, 2), "- 利息\n补记", 1, "利息", "2026-08-02", "true"]])
    assert gongshi("import", "q.xlsx", "--account", "maintenance-fund").code == 0
    text = (repo / FUND / "2026-H2.yml").read_text(encoding="utf-8")
    assert '    summary: "利息: 第三季度 # 含补息"\n    counterparty: "null"\n    voucher: "18"\n' in text
    assert '    summary: "- 利息\\n补记"\n    counterparty: "true"\n    voucher: "2026-08-02"\n' in text
    assert gongshi("check", "--as-of", "2026-11-25").code == 0


def test_a_raw_float_noise_cell_in_a_two_column_book(repo, gongshi):
    book = workbook(repo / "n.xlsx", [["日期", "摘要", "收入", "支出", "类型"], [date(2026, 8, 1), "利息", 0.3, None, "利息"]])
    set_raw_number(book, "C2", "0.30000000000000004")
    assert gongshi("import", "n.xlsx", "--account", "maintenance-fund").code == 0
    assert "    amount: 0.30\n" in (repo / FUND / "2026-H2.yml").read_text(encoding="utf-8")
