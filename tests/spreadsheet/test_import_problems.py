"""Every cell gongshi import cannot read is a problem at FILE:SHEET!C12 with its code,
printed as `check` prints problems; then nothing is written (exit 1)."""

from __future__ import annotations

from datetime import date

from tests.spreadsheet.helpers import csv_file, set_raw_number, tree, workbook

D = date(2026, 7, 1)
HEADER = ["记账日期", "凭证字号", "摘要", "借方金额", "贷方金额", "类型", "表决"]
NOTHING_WRITTEN = "没有写入任何文件：请改正表格中的这些格后重新导入。"


def _problems(out: str) -> list[str]:
    return [line for line in out.split("\n") if "错误[" in line or "警告[" in line]


def test_each_bad_cell_is_reported_at_its_sheet_cell_and_nothing_is_written(repo, gongshi):
    before = tree(repo)
    workbook(repo / "bad.xlsx", [
        HEADER,
        ["2026-13-01", "记-1", "a", 1, None, "交存", None],
        [D, "记-2", "b", "12元5", None, "交存", None],
        [D, "记-3", "c", 12.345, None, "交存", None],
        [D, "记-4", "d", -5, None, "交存", None],
        [D, "记-5", "e", 5, 6, "交存", None],
        [D, "记-6", None, 5, None, "交存", None],
        [D, "记-7", "g", 5, None, "捐款", None],
        [D, "记-8", "h", 5, None, None, None],
        [D, "记-9", "i", None, 5, "交存", None],
        [D, "记-10", "j", None, 5, "使用", "2099-nothing"],
        [D, "记-11", "联系人 13812345678", 5, None, "交存", None],
        [D, "记-12", "l", None, None, "交存", None],
        [D, "记-13", "good row", 5, None, "交存", None],
    ])
    result = gongshi("import", "bad.xlsx", "--account", "maintenance-fund")
    assert result.code == 1, result.err
    assert _problems(result.out) == [
        "bad.xlsx:明细!A2: 错误[import.date_invalid]: “2026-13-01”不是真实存在的日期。",
        "bad.xlsx:明细!D3: 错误[import.amount_invalid]: 无法把“12元5”读成金额：应为数字，例如 1234.50、1,234.50、¥1,234.50 或 1234.50元。",
        "bad.xlsx:明细!D4: 错误[import.amount_precision]: 金额 12.345 不是精确到分的数：最多两位小数。请核对这一格（是否是公式算出的结果？），改成到分的金额。",
        "bad.xlsx:明细!D5: 错误[import.amount_negative]: 收入为负数 -5.00（红字冲销？）：台账明细的金额必须为正数。冲销一笔错账，请把原来那一行改对，不要再加负数行。",
        "bad.xlsx:明细!E6: 错误[import.amount_both]: 同一行既有收入 5.00 又有支出 6.00：每一行只能是一笔收入或一笔支出，请拆成两行。",
        "bad.xlsx:明细!C7: 错误[import.field_missing]: 摘要为空：每一行明细都要写明摘要。",
        "bad.xlsx:明细!F8: 错误[import.value_invalid]: 类型“捐款”不是可用的值：应为 交存（deposit）、增值收益（interest）、使用（expense）、退还（refund）、转入（transfer_in）。",
        "bad.xlsx:明细!D9: 错误[import.type_missing]: 这是一笔收入，但没有写类型：请加一列“类型”，填 交存（deposit）、增值收益（interest）、转入（transfer_in） 之一。",
        "bad.xlsx:明细!F10: 错误[import.direction_mismatch]: 类型“交存”是收入，金额却在支出一方：请核对类型或金额。",
        "bad.xlsx:明细!G11: 错误[import.vote_unknown]: 找不到表决“2099-nothing”：请写 votes/ 下的表决编号（已有：2023-covenant、2023-rules、2025-elevator、2026-advertising、2026-monitoring）。",
        "bad.xlsx:明细!C12: 错误[privacy.mobile]: 摘要中疑似有未遮盖的手机号码“138****5678”：公示内容不能包含个人信息（个人信息保护法第25条），请在表格中删除或遮盖（例如 138****1234）后再导入。",
        "bad.xlsx:明细!D13: 错误[import.field_missing]: 没有金额：收入和支出都是空的（或为 0）。",
    ]
    assert result.out.rstrip("\n").endswith("共 12 个错误，0 个警告。\n" + NOTHING_WRITTEN)
    assert tree(repo) == before          # the good row on line 14 was not written either


def test_float_noise_is_read_as_the_cent_and_a_third_decimal_is_refused(repo, gongshi):
    book = workbook(repo / "noise.xlsx", [HEADER, [D, "记-1", "利息", 0.3, None, "利息", None],
                                             [D, "记-2", "利息", 12.345, None, "利息", None]])
    set_raw_number(book, "D2", "0.30000000000000004")       # =0.1+0.2, as Excel stores it
    result = gongshi("import", "noise.xlsx", "--account", "maintenance-fund")
    assert _problems(result.out) == [
        "noise.xlsx:明细!D3: 错误[import.amount_precision]: 金额 12.345 不是精确到分的数：最多两位小数。"
        "请核对这一格（是否是公式算出的结果？），改成到分的金额。"]
    workbook(repo / "noise.xlsx", [HEADER, [D, "记-1", "利息", 0.3, None, "利息", None]])
    set_raw_number(book, "D2", "0.30000000000000004")
    assert gongshi("import", "noise.xlsx", "--account", "maintenance-fund").code == 0
    assert "    amount: 0.30\n" in (repo / "data/communities/shili-jiayuan/maintenance-fund/2026-H2.yml").read_text(encoding="utf-8")


def test_a_csv_file_names_its_cells_without_a_sheet(repo, gongshi):
    csv_file(repo / "流水.csv", [["日期", "摘要", "金额", "类型"], ["2026-07-01", "利息", "1,234.567", "利息"]], "gb18030")
    result = gongshi("import", "流水.csv", "--account", "maintenance-fund")
    assert _problems(result.out) == [
        "流水.csv:C2: 错误[import.amount_precision]: 金额 1,234.567 不是精确到分的数：最多两位小数。"
        "请核对这一格（是否是公式算出的结果？），改成到分的金额。"]


def test_header_problems(repo, gongshi):
    workbook(repo / "h.xlsx", [["某某小区 2026 年账"], ["序号", "备注"], ["1", "x"]])
    result = gongshi("import", "h.xlsx", "--account", "maintenance-fund")
    assert _problems(result.out) == [
        "h.xlsx:明细!A1: 错误[import.header_missing]: 前 20 行中找不到表头：表头一行要有“日期”“摘要”和金额列"
        "（“收入”“支出”或“金额”）。列名不同时，用 --map 对照表说明哪一列是什么。"]
    workbook(repo / "h.xlsx", [["标题"], ["日期", "说明", "摘要", "收入"]])
    assert _problems(gongshi("import", "h.xlsx", "--account", "maintenance-fund").out) == [
        "h.xlsx:明细!C2: 错误[import.column_duplicate]: “摘要”列和“说明”列都是摘要：只能有一列。"
        "请删去一列，或在 --map 对照表中把不用的那一列写成“忽略”。"]
    workbook(repo / "h.xlsx", [["日期", "摘要", "余额"]])
    assert _problems(gongshi("import", "h.xlsx", "--account", "maintenance-fund").out) == [
        "h.xlsx:明细!A1: 错误[import.column_missing]: 表头中没有金额列（第 1 行）：要有“收入”和“支出”两列（或“借方”“贷方”），"
        "或者一列“金额”。列名不同时，用 --map 对照表说明哪一列是什么。"]
    workbook(repo / "h.xlsx", [["日期", "金额", "收入"]])
    assert _problems(gongshi("import", "h.xlsx", "--account", "maintenance-fund").out) == [
        "h.xlsx:明细!A1: 错误[import.column_missing]: 表头中没有“摘要”列（第 1 行）。列名不同时，用 --map 对照表说明哪一列是什么。",
        "h.xlsx:明细!B1: 错误[import.column_duplicate]: 表头中既有“金额”列，又有“收入”或“支出”列：金额只能写在一处。"
        "请在 --map 对照表中把不用的列写成“忽略”。"]


def test_a_bad_map_file_is_reported_at_its_lines(repo, gongshi):
    (repo / "map.yml").write_text("发生额: 金额\n单据号: vocher\n收款方: 对方单位\n", encoding="utf-8")
    workbook(repo / "m.xlsx", [["日期", "摘要", "发生额"], [D, "a", 1]])
    result = gongshi("import", "m.xlsx", "--account", "maintenance-fund", "--map", "map.yml")
    assert result.code == 1
    assert _problems(result.out)[0].startswith(
        "map.yml:2:6: 错误[import.map_invalid]: 表头“单据号”对应的字段“vocher”不存在。可用的字段：日期（date）、摘要（summary）、")


def test_no_period_before_the_first_and_outside_a_forced_period(repo, gongshi):
    workbook(repo / "p.xlsx", [["日期", "摘要", "金额", "类型"], [date(2019, 5, 1), "旧账", 10, "利息"],
                                  [date(2026, 8, 1), "利息", 10, "利息"]])
    assert _problems(gongshi("import", "p.xlsx", "--account", "maintenance-fund").out) == [
        "p.xlsx:明细!A2: 错误[import.no_period]: 日期 2019-05-01 早于最早的期间 2025-H1：没有可以放入的台账期间"
        "（新期间的期初余额取自上一期）。请核对日期，或先建立那一期的台账文件。"]
    assert _problems(gongshi("import", "p.xlsx", "--account", "maintenance-fund", "--period", "2026-H2").out) == [
        "p.xlsx:明细!A2: 错误[import.outside_period]: 日期 2019-05-01 不在指定的期间 2026-H2（2026-07-01 至 2026-12-31）之内。"]


def test_income_needs_its_source_and_a_fund_sheet_has_no_source(repo, gongshi):
    workbook(repo / "r.xlsx", [["日期", "摘要", "收入", "支出", "收入来源"], [D, "广告费", 100, None, None],
                                  [D, "停车费", 100, None, "停车费"]])
    assert _problems(gongshi("import", "r.xlsx", "--account", "public-revenue").out) == [
        "r.xlsx:明细!E2: 错误[import.field_missing]: 收入要写明收入来源：请加一列“收入来源”，填 广告、停车、场地租赁 或 其他。",
        "r.xlsx:明细!E3: 错误[import.value_invalid]: 收入来源“停车费”不是可用的值：应为 广告、停车、场地租赁 或 其他。"]
    workbook(repo / "r.xlsx", [["日期", "摘要", "收入", "支出", "收入来源", "类型"], [D, "利息", 100, None, "其他", "利息"]])
    assert _problems(gongshi("import", "r.xlsx", "--account", "maintenance-fund").out) == [
        "r.xlsx:明细!E2: 错误[import.value_invalid]: 专项维修资金的明细没有“收入来源”：请清空这一格，或检查 --account。"]


def test_files_that_cannot_be_imported_stop_with_a_hint(repo, gongshi):
    (repo / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    result = gongshi("import", "old.xls", "--account", "maintenance-fund")
    assert (result.code, result.out) == (2, "")
    assert result.err == ("gongshi import：old.xls 是 .xls 格式，无法读取：请在 Excel 或 WPS 中打开它，"
                          "“另存为” Excel 工作簿（*.xlsx）或 CSV 文件后再导入。\n")
    (repo / "renamed.xlsx").write_bytes((repo / "old.xls").read_bytes())
    assert "实际上是旧的 .xls 格式" in gongshi("import", "renamed.xlsx", "--account", "maintenance-fund").err
    workbook(repo / "two.xlsx", [["日期", "摘要", "金额"], [D, "a", 1]], more={"另一张": [["x"]]})
    result = gongshi("import", "two.xlsx", "--account", "maintenance-fund")
    assert result.code == 2
    assert result.err == "gongshi import：two.xlsx 有 2 张有内容的工作表（明细、另一张）：请用 --sheet 工作表名称 指定要导入的一张。\n"
    result = gongshi("import", "two.xlsx", "--account", "maintenance-fund", "--sheet", "第三张")
    assert (result.code, result.err) == (2, "gongshi import：two.xlsx 中没有工作表“第三张”。已有：明细、另一张。\n")
    (repo / "bad.csv").write_bytes(b"\xff\xfe\x00\xd8")       # UTF-16 with a lone surrogate
    result = gongshi("import", "bad.csv", "--account", "maintenance-fund")
    assert (result.code, result.err) == (1, "gongshi import：bad.csv 的编码无法识别：请在 Excel 中“另存为” CSV UTF-8（逗号分隔）后再导入。\n")
    assert gongshi("import", "missing.xlsx", "--account", "maintenance-fund").code == 2
    assert gongshi("import", "two.xlsx", "--account", "maintenance-fund", "--community", "nowhere").code == 2
    assert gongshi("import", "two.xlsx", "--account", "maintenance-fund", "--period", "2026-H3").code == 2


def test_a_sheet_name_with_spaces_is_quoted_as_in_a_formula(repo, gongshi):
    workbook(repo / "s.xlsx", [["日期", "摘要", "金额", "类型"], ["3月5日", "利息", 1, "利息"]], sheet="2026 明细")
    assert _problems(gongshi("import", "s.xlsx", "--account", "maintenance-fund").out) == [
        "s.xlsx:'2026 明细'!A2: 错误[import.date_invalid]: 无法把“3月5日”读成日期：应写成 2024-03-05、2024/3/5 或 2024年3月5日，"
        "或使用日期格式的单元格。"]


def test_json_output_of_a_cell_keeps_check_fields_and_adds_the_cell():
    from generator.problems import Location, error, format_json
    import json
    rows = json.loads(format_json([error(Location("a.xlsx", 12, 3, "明细"), "import.amount_invalid", "m"),
                                   error(Location("a.yml", 4, 5), "schema.type", "m")]))
    assert rows[0] == {"path": "a.xlsx", "line": 12, "column": 3, "severity": "error", "code": "import.amount_invalid",
                       "message": "m", "sheet": "明细", "cell": "明细!C12"}
    assert rows[1] == {"path": "a.yml", "line": 4, "column": 5, "severity": "error", "code": "schema.type", "message": "m"}

