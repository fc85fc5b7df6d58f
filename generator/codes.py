"""Every problem code gongshi reports, with its severity, a Chinese explanation, the legal
source of its rule and, for an "N days" rule, how its days are counted.

The spec's tables (data-format.md, data-format-2.md) are a subset; codes they do not name
are ours. docs/error-codes.md is generated from this module.
"""

from __future__ import annotations

E, W = "错误", "警告"
# Either, by the record concerned: data-format-2.md makes notice.figure_unmatched an error in
# a statement or a vote result and a warning in any other notice.
EW = "警告或错误"

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
    "schema.range": (E, "日期范围的结束早于开始：任期、任职、合同、表决期间、公示期、整改期限和整改完成日期（对检查日期）、异议截止（对发布日期）、备案（对选举日期）"),
    "id.invalid": (E, "文件名、小区文件夹名或编号不是 [a-z0-9-]+，或超过 100 个字符"),
    "id.duplicate": (E, "编号重复"),
    "ref.missing": (E, "引用的记录不存在或引用格式不对"),
    # ledgers
    "period.invalid": (E, "期间格式不对，或 period 与文件名不同"),
    "period.overlap": (E, "同一账目或同一小区的考评期间重叠"),
    "period.gap": (E, "同一账目的期间之间有空缺"),
    "ledger.unbalanced": (E, "期初 + 收入 − 支出 ≠ 期末"),
    "ledger.opening_mismatch": (E, "期初余额与上一期期末余额不符"),
    "ledger.negative_balance": (E, "按日期累计的余额小于零"),
    "ledger.date_outside_period": (E, "明细日期不在本期之内"),
    "ledger.expense_unauthorized": (E, "支出没有表决、紧急使用或管理规约授权"),
    "ledger.vote_not_passed": (E, "引用的表决未通过，或不是使用维修资金的表决"),
    "ledger.over_budget": (E, "引用同一表决的支出累计超过预算"),
    "ledger.transfer_unmatched": (E, "公共收益转出与维修资金转入不能一一对应"),
    "ledger.outflow_unauthorized": (E, "维修资金退还缺原因或批准单位，或公共收益合理成本没有管理规约授权或表决"),
    "ledger.income_unauthorized": (W, "广告、停车、场地租赁收入没有通过的 change_use 表决或管理规约授权"),
    "ledger.expense_before_vote": (E, "支出日期早于它引用的表决的结束日"),
    # votes
    "vote.tally_mismatch": (E, "同意 + 反对 + 弃权 ≠ 参与表决"),
    "vote.turnout_exceeds_electorate": (E, "参与表决超过全体业主"),
    "vote.result_mismatch": (E, "公告的结果与按计票计算的结果不同"),
    "vote.not_reported": (W, "重大事项（含公共设施设备完善改造、预算达到报备金额的事项）未在表决前报告党组织并报街道备案"),
    "vote.no_pre_vote_notice": (E, "表决没有填写表决前公示 notice"),
    "vote.notice_kind": (E, "表决的 notice 指向的公示不是表决前公示（pre_vote）"),
    "vote.no_result_notice": (E, "已计票的表决结束超过规定天数，仍没有表决结果公告"),
    # notices
    "notice.period_too_short": (E, "公示期短于最短天数"),
    "notice.pre_vote_too_late": (E, "表决前公示开始得太晚"),
    "notice.result_too_late": (E, "表决结果公告得太晚"),
    "notice.no_objection_channel": (E, "表决前公示没有异议渠道 objection（联系方式和截止日期）"),
    "notice.figure_unmatched": (EW, "正文中的金额与所公示记录的数字都不符（收支公示、表决结果公告中为错误，其他公示中为警告）"),
    "markdown.raw_html": (E, "正文中有 HTML 标签"),
    "markdown.unsafe_link": (E, "正文中的链接不是 http(s)、mailto 或站内链接"),
    # committee
    "committee.size": (E, "现任委员人数不在范围内或不是单数"),
    "committee.chair": (E, "现任主任不是恰好一名"),
    "committee.term_too_long": (E, "任期超过 5 年"),
    "committee.filing_late": (E, "选举产生之日（未填时为任期开始）起 30 日内未备案"),
    "committee.left_reason_missing": (E, "有离任日期但没有离任原因"),
    "committee.election_due": (W, "任期 90 天内届满且没有换届选举表决"),
    "committee.elected_on_missing": (W, "没有填写选举产生之日 elected_on，备案期限暂按任期开始计算"),
    # disclosure cadence
    "disclosure.period_too_long": (W, "账目一期长于本地规定的公示周期"),
    "disclosure.missing": (W, "一期账目结束超过规定天数仍没有收支公示（含缺少的期间）"),
    "disclosure.late": (W, "收支公示晚于规定天数发布"),
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
    # reading and settings (edition 2)
    "id.reserved": (E, "编号或小区文件夹名是网站自己使用的名字（index、assets、search、404 等）"),
    "file.hidden": (W, "数据目录中的隐藏文件（如 .env）：不会被读取，也不列入公开的 manifest.json"),
    "site.duplicate_file": (E, "site.yml 和 site.yaml 同时存在"),
    "site.base_url_invalid": (E, "网站地址 base_url 不能用：须为 http(s)、主机、可选端口（≤ 65535）和路径，不带用户名、?、#，最多 200 个字符"),
    "site.base_url_example": (W, "网站地址 base_url 还是示例地址（example.org 等），二维码会指向不存在的网站"),
    "site.rules_invalid": (E, "site.yml 的 rules 取值不对：委员人数须为单数且从小到大、等级下限在 0 至 100 之间且从高到低、天数至少为 1"),
    "text.control_character": (E, "字段中有看不见的控制字符或双向文字控制符（如 U+202E），会改变显示或混入终端控制序列"),
    # publication
    "published.silent_edit": (E, "已公示的记录被修改或删除，却没有已开始公示的更正公告"),
    "correction.changes_mismatch": (E, "更正公告的 changes 没有写出改动的数字的原值和新值，或写的数字与数据不符（与基准版本比较）"),
    "notice.stale": (W, "尚未开始公示的公示所公示的记录的数字在这次修改中变了，正文可能已过时（与基准版本比较）"),
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


# Where each rule comes from (the spec's legal-facts page; [?] marks what it does not confirm). Codes of
# the reading stage and of gongshi's own safeguards have none and show "—".
_FUND_RULES = "住宅专项维修资金管理办法"
_GUIDE_RULES = "业主大会和业主委员会指导规则"
LEGAL_SOURCES: dict[str, str] = {
    "schema.range": "数据格式（结束不早于开始）",
    "period.gap": f"民法典第281条（筹集、使用情况应当定期公布）；{_FUND_RULES}第30条",
    "ledger.unbalanced": f"{_FUND_RULES}第30条（交存、使用、增值收益和结存的总额）",
    "ledger.opening_mismatch": f"{_FUND_RULES}第30条",
    "ledger.negative_balance": f"{_FUND_RULES}第30条",
    "ledger.expense_unauthorized": f"民法典第278条第一款第五项、第281条；{_FUND_RULES}第22–24条（紧急使用）；公共收益：民法典第282条",
    "ledger.vote_not_passed": "民法典第278条",
    "ledger.over_budget": f"{_FUND_RULES}第23条（使用方案含预算）",
    "ledger.transfer_unmatched": "物业管理条例第54条（经营收入主要用于补充专项维修资金）",
    "ledger.outflow_unauthorized": "民法典第281条（维修资金属于业主共有）、第282条（扣除合理成本之后属于业主共有）",
    "ledger.income_unauthorized": "民法典第278条第一款第八项（利用共有部分从事经营活动）",
    "ledger.expense_before_vote": f"民法典第278条；{_FUND_RULES}第22、23条（先表决通过，再实施、列支）",
    "vote.tally_mismatch": "民法典第278条第二款",
    "vote.turnout_exceeds_electorate": "民法典第278条第二款",
    "vote.result_mismatch": "民法典第278条第二款；第1259条（“以上”含本数）",
    "vote.not_reported": "种子文件：重大事项报告社区党组织、书面报街道备案；公共设施完善属重大事项",
    "vote.no_pre_vote_notice": "物业管理条例第14条；种子文件：表决重大事项前需进行公示并征求意见",
    "vote.notice_kind": "物业管理条例第14条；种子文件：表决重大事项前需进行公示并征求意见",
    "vote.no_result_notice": "北京市物业管理条例第37条（3日内公告）；上海市住宅物业管理规定第26条；全国期限 [?]",
    "notice.period_too_short": "各地公示期下限（法规依据第4节：青岛3日 … 杭州15日）；全国 [?]",
    "notice.pre_vote_too_late": "物业管理条例第14条（15日以前）；北京市物业管理条例第35条",
    "notice.result_too_late": "北京市物业管理条例第37条（3日内）；上海市住宅物业管理规定第26条",
    "notice.no_objection_channel": "种子文件：表决前公示并征求意见；物业管理条例第14条",
    "committee.size": f"{_GUIDE_RULES}第31条（5至11人单数）；北京第39条；上海第20条",
    "committee.term_too_long": f"{_GUIDE_RULES}（每届任期不超过5年，条号 [?]）；北京第41–43条；上海第20条",
    "committee.filing_late": "物业管理条例第16条（自选举产生之日起30日内）；北京市物业管理条例第41–43条",
    "committee.elected_on_missing": "物业管理条例第16条（自选举产生之日起30日内）",
    "disclosure.period_too_long": f"{_FUND_RULES}第30条（每年至少一次）；上海市住宅物业管理规定第66条（维修资金每半年、公共收益每季度）",
    "disclosure.missing": f"民法典第281条、第943条（定期公布）；{_FUND_RULES}第30条；上海第66条；提交期限 [?]",
    "disclosure.late": f"民法典第281条、第943条；{_FUND_RULES}第30条；上海第66条；提交期限 [?]",
    "evaluation.grade_mismatch": "各地履约考评办法（法规依据第6节）",
    "privacy.id_number": "个人信息保护法第25条；民法典第1038条",
    "privacy.mobile": "个人信息保护法第25条；民法典第1038条",
    "privacy.bank_card": "个人信息保护法第25条、第28条；民法典第1038条",
    "published.silent_edit": "北京市物业管理条例第70条（如实公示）；已公示的数据只能更正",
}

# How each "N days" rule counts (analysis/days.py; docs/decisions.md says why).
_AFTER = "事件当日不计入，从次日起算（民法典第201条；两种计日方式结果相同）"
DAY_COUNTING: dict[str, str] = {
    "notice.period_too_short": "公示期的天数：默认首尾两日都算（公示写明的起止日期，02-10 至 02-24 为 15 天）；"
                               "civil_code_201 时开始的当日不计入（14 天）",
    "notice.pre_vote_too_late": "公示开始到表决开始之间：默认公示开始当日计入、表决当日不计入（voting.start − period.from）；"
                                "civil_code_201 时两头都不计入，须再早一天",
    "notice.result_too_late": f"表决结束后：{_AFTER}",
    "vote.no_result_notice": f"表决结束后：{_AFTER}",
    "committee.filing_late": f"选举产生之日后：{_AFTER}",
    "disclosure.missing": f"一期结束后：{_AFTER}",
    "disclosure.late": f"一期结束后：{_AFTER}",
}


def allows(code: str, label: str) -> bool:
    """Whether `code` may be reported at the severity labelled `label` (错误 or 警告)."""
    severity = CODES[code][0]
    return label == severity or (severity == EW and label in (E, W))


def markdown_table() -> str:
    lines = ["# 问题代码一览", "", "由 `generator/codes.py` 生成，请勿手改（`python -m generator.codes > docs/error-codes.md`）。"
             "“依据”一栏的出处来自规格的法规依据部分（不在本仓库中），[?] 表示该处未能核实。", "",
             "| 代码 | 级别 | 含义 | 依据 |", "| --- | --- | --- | --- |"]
    lines += [f"| `{code}` | {severity} | {meaning} | {LEGAL_SOURCES.get(code, '—')} |"
              for code, (severity, meaning) in CODES.items()]
    lines += ["", "## “N 天”规则怎么数天数", "",
              "site.yml 的 `rules.period_counting` 可选 `inclusive`（默认）或 `civil_code_201`（民法典第二百零一条："
              "“开始的当日不计入，自下一日开始计算”）。各条规则的数法如下，理由见 `decisions.md`。", "",
              "| 代码 | 怎么数 |", "| --- | --- |"]
    lines += [f"| `{code}` | {how} |" for code, how in DAY_COUNTING.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
