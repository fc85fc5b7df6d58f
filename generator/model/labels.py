"""Chinese labels of every enumerated value: one table for messages, pages and PDFs."""

MATTER = {
    "rules": "制定和修改业主大会议事规则",
    "covenant": "制定和修改管理规约",
    "election": "选举业主委员会或者更换业主委员会成员",
    "hire_manager": "选聘和解聘物业服务企业或者其他管理人",
    "use_fund": "使用建筑物及其附属设施的维修资金",
    "raise_fund": "筹集建筑物及其附属设施的维修资金",
    "rebuild": "改建、重建建筑物及其附属设施",
    "change_use": "改变共有部分的用途或者利用共有部分从事经营活动",
    "facilities": "公共设施设备完善改造",
    "other": "有关共有和共同管理权利的其他重大事项",
}
# A vote's four tallies, in the order pages and PDFs show them.
TALLY = {"turnout": "参与表决", "approve": "同意", "oppose": "反对", "abstain": "弃权"}
NOTICE_KIND = {
    "pre_vote": "表决前公示",
    "vote_result": "表决结果公告",
    "fund_report": "专项维修资金收支公示",
    "revenue_report": "公共收益收支公示",
    "committee": "业主委员会公示",
    "evaluation": "履约考评公示",
    "inspection": "监督检查公示",
    "correction": "更正公告",
    "general": "一般公告",
}
COMMITTEE_KIND = {"owners_committee": "业主委员会", "management_committee": "物业管理委员会"}
ROLE = {"chair": "主任", "vice_chair": "副主任", "member": "委员", "alternate": "候补委员"}
PARTY_KIND = {"branch": "党支部", "joint_branch": "联合党支部", "functional": "功能型党组织"}
FUND_ENTRY = {
    "deposit": "交存",
    "interest": "增值收益",
    "expense": "使用",
    "refund": "退还",
    "transfer_in": "转入",
}
REVENUE_ENTRY = {"income": "收入", "cost": "合理成本", "expense": "使用", "transfer_out": "转出"}
ENTRY_TYPE = {"maintenance-fund": FUND_ENTRY, "public-revenue": REVENUE_ENTRY}
REVENUE_SOURCE = {"advertising": "广告", "parking": "停车", "lease": "场地租赁", "other": "其他"}
APPORTION_BASIS = {"area": "按专有部分面积分摊", "equal": "按户均摊"}
DECLARED_RESULT = {"passed": "通过", "failed": "未通过"}
INSPECTION_SOURCE = {"government": "主管部门", "street": "街道", "committee": "业委会", "self": "物业自查"}
INSPECTION_KIND = {
    "fire_safety": "消防安全",
    "elevator": "电梯",
    "sanitation": "环境卫生",
    "security": "安全防范",
    "facilities": "设施设备",
    "service": "服务质量",
    "other": "其他",
}
ITEM_RESULT = {"pass": "合格", "fail": "不合格", "not_applicable": "不适用"}
DOCUMENT_KIND = {
    "covenant": "管理规约",
    "rules": "业主大会议事规则",
    "property_contract": "物业服务合同",
    "fund_rules": "专项维修资金管理规约",
    "other": "其他制度文件",
}
MEETING_KIND = {
    "committee": "业委会会议",
    "owners_assembly": "业主大会会议",
    "joint": "联席会议",
}
ADMIN_BACKEND = {"github": "GitHub", "gitea": "Gitea 或 Forgejo", "local": "本机 decap-server（在自己的电脑上编辑）"}
ACCOUNTS = ("maintenance-fund", "public-revenue")
ACCOUNT_TITLE = {"maintenance-fund": "专项维修资金", "public-revenue": "公共收益"}
# site.yml rules.period_counting: how an "N days" rule counts (analysis/days.py).
PERIOD_COUNTING = {
    "inclusive": "首尾两日都算（按公示写明的起止日期）",
    "civil_code_201": "依民法典第二百零一条，开始的当日不计入",
}
# Public-revenue income from using common parts for business (民法典第278条第一款第八项).
COMMERCIAL_SOURCES = ("advertising", "parking", "lease")

# The grade of an evaluation below every floor of site.yml's rules.grades.
FAILING_GRADE = "不合格"
