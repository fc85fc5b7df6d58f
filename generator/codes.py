"""Every problem code gongshi reports, with its severity and a Chinese explanation.

The spec's table (data-format.md) is a subset; codes it does not name are ours and
are documented in docs/error-codes.md, which is generated from this table.
"""

from __future__ import annotations

E, W = "错误", "警告"

CODES: dict[str, tuple[str, str]] = {
    # reading
    "yaml.syntax": (E, "YAML 格式错误（缩进、冒号、引号、Tab 等）"),
    "yaml.duplicate_key": (E, "同一层中字段重复"),
    "yaml.multiple_documents": (E, "一个文件里有多个 YAML 文档（“---”分隔）"),
    "yaml.tag": (E, "使用了 YAML 标签（如 !!python/…），不允许"),
    "yaml.too_complex": (E, "锚点/别名展开过大或嵌套过深"),
    "file.encoding": (E, "文件不是 UTF-8 编码"),
    "file.too_large": (E, "文件超过 5 MB"),
    "file.symlink": (E, "数据目录中有符号链接"),
    "file.unreadable": (E, "文件或目录无法读取"),
    "file.missing": (E, "缺少必需的文件（site.yml、community.yml）或数据目录"),
    "file.unexpected": (W, "数据目录中有不会被读取的文件"),
    "schema.unknown_field": (E, "未知字段（提示最接近的字段名）"),
    "schema.missing_field": (E, "缺少必填字段"),
    "schema.type": (E, "类型不对：日期、金额（最多两位小数、不加引号、不为负）、整数、列表等"),
    "schema.enum": (E, "不是允许的取值（列出可选值及中文含义）"),
    "id.invalid": (E, "文件名或小区文件夹名不是 [a-z0-9-]+"),
    "id.duplicate": (E, "编号重复"),
    "ref.missing": (E, "引用的记录不存在或引用格式不对"),
    # ledgers
    "period.invalid": (E, "期间格式不对，或 period 与文件名不同"),
    "period.overlap": (E, "同一账目的期间重叠"),
    "period.gap": (E, "同一账目的期间之间有空缺"),
    "ledger.unbalanced": (E, "期初 + 收入 − 支出 ≠ 期末"),
    "ledger.opening_mismatch": (E, "期初余额与上一期期末余额不符"),
    "ledger.negative_balance": (E, "按日期累计的余额小于零"),
    "ledger.date_outside_period": (E, "明细日期不在本期之内"),
    "ledger.expense_unauthorized": (E, "支出没有表决、紧急使用或管理规约授权"),
    "ledger.vote_not_passed": (E, "引用的表决未通过，或不是使用维修资金的表决"),
    "ledger.over_budget": (E, "引用同一表决的支出累计超过预算"),
    "ledger.transfer_unmatched": (E, "公共收益转出与维修资金转入不能一一对应"),
    # votes
    "vote.tally_mismatch": (E, "同意 + 反对 + 弃权 ≠ 参与表决"),
    "vote.turnout_exceeds_electorate": (E, "参与表决超过全体业主"),
    "vote.result_mismatch": (E, "公告的结果与按计票计算的结果不同"),
    "vote.not_reported": (W, "重大事项未在表决前报告党组织并报街道备案"),
    # notices
    "notice.period_too_short": (E, "公示期短于最短天数"),
    "notice.pre_vote_too_late": (E, "表决前公示开始得太晚"),
    "notice.result_too_late": (E, "表决结果公告得太晚"),
    "markdown.raw_html": (E, "正文中有 HTML 标签"),
    "markdown.unsafe_link": (E, "正文中的链接不是 http(s)、mailto 或站内链接"),
    # committee
    "committee.size": (E, "现任委员人数不在范围内或不是单数"),
    "committee.chair": (E, "现任主任不是恰好一名"),
    "committee.term_too_long": (E, "任期超过 5 年"),
    "committee.filing_late": (E, "任期开始后 30 日内未备案"),
    "committee.left_reason_missing": (E, "有离任日期但没有离任原因"),
    "committee.election_due": (W, "任期 90 天内届满且没有换届选举表决"),
    "party.organisation_missing": (W, "现任委员中有 3 名以上党员，但小区和业委会都没有党组织"),
    # governance records (data-format-2 §3)
    "document.vote_mismatch": (E, "管理规约、议事规则、物业服务合同没有写明通过它的表决，或表决的事项、结果、日期对不上"),
    "document.file_invalid": (E, "files/ 中的文件不是 PDF、超过 20 MB、文件名不对或是文件夹；或制度文件的 file 没有写成 files/<文件名>.pdf"),
    "meeting.quorum": (E, "业委会会议出席委员未过在任委员半数，或在任人数与委员名单不符"),
    "meeting.decision_not_passed": (E, "业委会会议的决定未获全体委员过半数同意"),
    "meeting.published_late": (W, "会议决定没有在会后规定天数内公布"),
    "firm.name_mismatch": (E, "物业服务企业名称与全区名录（data/firms/）中的名称不同"),
    "firm.credit_code": (E, "统一社会信用代码不是 18 位、含有不允许的字符，或校验码不对（GB 32100-2015）"),
    # others
    "evaluation.score_out_of_range": (E, "分项得分超出 0 至满分"),
    "evaluation.grade_mismatch": (E, "公布的等级与按得分率计算的等级不同"),
    "evaluation.satisfaction_invalid": (E, "满意户数超过调查户数"),
    "inspection.overdue": (W, "不合格项目逾期未整改"),
    # personal data
    "privacy.id_number": (E, "未遮盖的身份证号码"),
    "privacy.mobile": (E, "未遮盖的手机号码"),
    "privacy.bank_card": (E, "未遮盖的银行卡号"),
    # publication
    "published.silent_edit": (E, "已公示的记录被修改或删除，却没有更正公告"),
    # settings
    "site.admin_invalid": (E, "site.yml 的 admin（网页表单）设置不全或不对"),
    # gongshi import: a cell of a spreadsheet, reported as FILE:SHEET!C12 (nothing is written)
    "import.header_missing": (E, "前 20 行中找不到表头（日期、摘要、金额等列名）"),
    "import.column_missing": (E, "表头中缺少日期、摘要或金额列"),
    "import.column_duplicate": (E, "两列表示同一个字段，或“金额”列与“收入”“支出”列并存"),
    "import.map_invalid": (E, "--map 列名对照表写错：不是“表头: 字段”，或字段不存在"),
    "import.date_invalid": (E, "日期无法识别，或不是真实存在的日期"),
    "import.amount_invalid": (E, "金额无法识别（不是数字、逻辑值、错误值，或数字格超过 15 位有效数字）"),
    "import.amount_precision": (E, "金额不是精确到分的数（超过两位小数，如 12.345）"),
    "import.amount_negative": (E, "收入或支出列中的金额为负数"),
    "import.amount_both": (E, "同一行既有收入又有支出"),
    "import.field_missing": (E, "必填的日期、摘要、金额、收入来源等为空"),
    "import.value_invalid": (E, "类型、方向、收入来源、分摊方式等不是可用的值，或该账目没有这一字段"),
    "import.type_missing": (E, "没有类型列，而金额的方向对应不止一种类型"),
    "import.direction_mismatch": (E, "类型或方向与金额所在的收入/支出一方不一致"),
    "import.vote_unknown": (E, "表决列写的表决不存在"),
    "import.no_period": (E, "日期早于最早的台账期间，无处放入"),
    "import.outside_period": (E, "日期不在 --period 指定的期间之内"),
    # gongshi itself
    "internal.rule_failed": (E, "某条检查规则内部出错（请报告给维护者），其余检查照常进行"),
}


def markdown_table() -> str:
    lines = ["# 问题代码一览", "", "由 `generator/codes.py` 生成，请勿手改（`python -m generator.codes > docs/error-codes.md`）。", "",
             "| 代码 | 级别 | 含义 |", "| --- | --- | --- |"]
    lines += [f"| `{code}` | {severity} | {meaning} |" for code, (severity, meaning) in CODES.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
