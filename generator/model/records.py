"""The shape of every data file kind. Field comments are the editors' documentation
and become the JSON Schemas' descriptions."""

from __future__ import annotations

import re
from typing import Annotated, Any, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from . import labels
from .fields import (
    MAX_DAYS, Area, Bool, Count, Date, DayCount, Id, Money, MonthCount, Number, PositiveArea, PositiveCount,
    PositiveMoney, PositiveNumber, Text, WebAddress, choice, day_count, number, text,
)

PERIOD_RE = re.compile(r"(\d{4})(?:-(H[12]|Q[1-4]))?")


def _period(value: Any) -> str:
    raw = text(value)
    if not PERIOD_RE.fullmatch(raw):
        raise PydanticCustomError(
            "period.invalid",
            f"期间“{raw}”格式不对：应为 2024、2024-H1/2024-H2 或 2024-Q1…2024-Q4",
        )
    return raw


Period = Annotated[str, PlainValidator(_period), WithJsonSchema(
    {"type": ["string", "integer"], "pattern": r"^\d{4}(-(H[12]|Q[1-4]))?$", "description": "期间：2024、2024-H1 或 2024-Q1"}
)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=False)


# ---------------------------------------------------------------- site.yml

def _rules_invalid(message: str) -> PydanticCustomError:
    return PydanticCustomError("site.rules_invalid", message)


def _rule_days(value: Any) -> int:
    # A rule of 0 days would pass a notice that was never up, or a result never announced.
    days = day_count(value)
    if days < 1:
        raise _rules_invalid("天数至少为 1")
    return days


def _grade_floor(value: Any):
    floor = number(value)
    if floor > 100:
        raise _rules_invalid(f"等级下限是得分率的百分比，应在 0 至 100 之间（现在是 {floor}）")
    return floor


def _committee_size(sizes: list[int]) -> list[int]:
    # 业主大会和业主委员会指导规则第31条: 5 to 11 members, an odd number.
    if len(sizes) != 2:
        raise _rules_invalid(f"应写成 [最少, 最多] 两个数，现在有 {len(sizes)} 个")
    low, high = sizes
    if low > high:
        raise _rules_invalid(f"[最少, 最多] 的顺序不对：{low} 大于 {high}")
    even = [n for n in sizes if n % 2 == 0]
    if even:
        raise _rules_invalid(f"委员人数须为单数，{even[0]} 是双数")
    return sizes


def _grades(floors: dict) -> dict:
    if not floors:
        raise _rules_invalid("至少要有一个等级，例如 {优秀: 90, 良好: 80, 合格: 60}")
    names = list(floors)
    for name in names:
        if not str(name).strip() or name == labels.FAILING_GRADE:
            raise _rules_invalid(f"等级名“{name}”不能用：低于所有下限即为“{labels.FAILING_GRADE}”，不用写出")
    for higher, lower in zip(names, names[1:]):
        if floors[higher] <= floors[lower]:
            raise _rules_invalid(f"等级应按下限从高到低排列：“{higher}”的下限 {floors[higher]} 不高于“{lower}”的 {floors[lower]}")
    return floors


RuleDays = Annotated[int, PlainValidator(_rule_days), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_DAYS})]
GradeFloor = Annotated[Any, PlainValidator(_grade_floor), WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100})]


class DisclosureRules(Record):
    """定期收支公示 (docs/localities.md: the national floor, 北京 and 上海)."""

    maintenance_fund_months: MonthCount = Field(12, description="专项维修资金账目一期最长的月数：全国每年至少公布一次（12），上海每半年（6）")
    public_revenue_months: MonthCount = Field(12, description="公共收益账目一期最长的月数：全国 12，上海每季度（3）")
    report_within_days: RuleDays = Field(30, description="每期结束后多少天内发布该期的收支公示")


class Rules(Record):
    pre_vote_notice_days: RuleDays = Field(15, description="表决前公示至少提前的天数")
    result_notice_within_days: RuleDays = Field(3, description="表决结束后几天内公告结果")
    min_notice_days: RuleDays = Field(7, description="任何公示的最短天数（默认首尾两天都算）")
    committee_size: Annotated[list[PositiveCount], AfterValidator(_committee_size)] = Field(
        [5, 11], description="业委会委员人数范围 [最少, 最多]，须为单数，从小到大",
        json_schema_extra={"minItems": 2, "maxItems": 2})
    grades: Annotated[dict[str, GradeFloor], AfterValidator(_grades)] = Field(
        {"优秀": 90, "良好": 80, "合格": 60}, description="考评等级的最低得分率（百分比，0 至 100），从高到低")
    period_counting: choice(labels.PERIOD_COUNTING) = Field(
        "inclusive", description="“N 天”怎么数：inclusive 公示期首尾两日都算（默认）；civil_code_201 按民法典第二百零一条，开始的当日不计入")
    report_amount_threshold: Optional[Money] = Field(
        None, description="预算达到这个金额（元）的表决，不论事项类别，都按重大事项报告党组织、报街道备案；不设就省略")
    disclosure: DisclosureRules = Field(default_factory=DisclosureRules, description="定期收支公示的频次和期限")
    meeting_publish_days: RuleDays = Field(3, description="业委会会议结束后几天内公布会议决定（指导规则第39条、北京第45条：3日）")
    warning_overdue_items: PositiveCount = Field(3, description="物业服务企业在所服务小区逾期未整改的项目达到几项时列入全区警示名单")


class Admin(Record):
    """Where the web forms (admin/, Decap CMS) commit: docs/decisions.md, "网页表单"."""

    backend: choice(labels.ADMIN_BACKEND) = Field(description="表单把修改提交到哪里")
    repo: Optional[Text] = Field(None, description="数据仓库，写成“所有者/仓库名”，例如 shili/gongshi-data（github、gitea 必填）")
    branch: Text = Field("main", description="表单基于哪个分支修改（默认 main）；gitea 不支持审核流程，表单直接提交到这个分支，须另设以 cms/ 开头的专用分支，例如 cms/forms")
    base_url: Optional[WebAddress] = Field(None, description="github：登录用的 OAuth 服务地址；gitea：Gitea/Forgejo 服务器地址（github、gitea 必填）")
    app_id: Optional[Text] = Field(None, description="gitea：在 Gitea/Forgejo 登记的 OAuth 应用的客户端 ID（gitea 必填）")
    proxy_url: Optional[WebAddress] = Field(None, description="local：decap-server 的地址（默认 http://localhost:8081/api/v1）")

    @model_validator(mode="after")
    def _settings_of_the_backend(self):
        needed = {"github": ("repo", "base_url"), "gitea": ("repo", "base_url", "app_id"), "local": ()}[self.backend]
        missing = [name for name in needed if getattr(self, name) is None]
        if missing:
            raise PydanticCustomError("site.admin_invalid", "backend 为 {backend} 时须填写 {missing}",
                                      {"backend": self.backend, "missing": "、".join(missing)})
        if self.repo is not None and not re.fullmatch(r"[\w.-]+/[\w.-]+", self.repo, re.ASCII):
            raise PydanticCustomError("site.admin_invalid", "repo 应写成“所有者/仓库名”，例如 shili/gongshi-data，实际是“{repo}”",
                                      {"repo": self.repo})
        if self.backend == "gitea" and not re.fullmatch(r"cms/.+", self.branch):
            # Decap's Gitea backend has no editorial workflow: the forms commit straight to
            # `branch`, so it must be a branch of their own that reaches main by pull request,
            # under cms/ where the generated workflows tidy the forms' commits (tidy.yml).
            raise PydanticCustomError("site.admin_invalid", "backend 为 gitea 时表单直接提交到 branch，须另设以 cms/ 开头的"
                                      "专用分支（例如 branch: cms/forms：工作流只整理 cms/… 分支上表单的提交），"
                                      "再从它向默认分支发合并请求")
        if self.proxy_url is not None and self.backend != "local":
            raise PydanticCustomError("site.admin_invalid", "proxy_url 只用于 backend: local")
        return self


class Site(Record):
    title: Text = Field(description="门户标题")
    publisher: Text = Field(description="发布单位")
    base_url: WebAddress = Field(description="网站地址，用于打印版二维码和规范链接，例如 https://example.org/hexie/")
    rules: Rules = Field(default_factory=Rules, description="规则阈值（可省略，使用默认值）")
    admin: Optional[Admin] = Field(None, description="网页表单（gongshi build --admin）提交修改的位置；不用网页表单时省略")


# ---------------------------------------------------------------- community.yml

class Contract(Record):
    start: Date = Field(description="合同开始日期")
    end: Date = Field(description="合同结束日期")


class Fee(Record):
    item: Text = Field(description="收费项目")
    price: Money = Field(description="收费标准（元）")
    unit: Text = Field(description="计费单位，例如 元/平方米·月")


class BranchOrganisation(Record):
    """The party organisation of a committee or of a property project (data-format-2 §3)."""

    name: Text = Field(description="党组织名称")
    established: Optional[Date] = Field(None, description="成立日期")


class PropertyManager(Record):
    name: Text = Field(description="物业服务企业名称")
    firm: Optional[Id] = Field(None, description="全区物业服务企业名录中的编号（data/firms/ 下的文件名，不带 .yml）；填写后名称须与名录一致")
    project_manager: Optional[Text] = Field(None, description="项目负责人")
    office_phone: Optional[Text] = Field(None, description="物业服务中心电话（固定电话）")
    contract: Optional[Contract] = Field(None, description="物业服务合同期限")
    fees: list[Fee] = Field(default_factory=list, description="收费项目和标准（明码标价）")
    party_organisation: Optional[BranchOrganisation] = Field(None, description="物业服务项目（项目部）的党组织；没有时省略")


class PartyOrganisation(Record):
    name: Text = Field(description="党组织名称")
    kind: choice(labels.PARTY_KIND) = Field(description="党组织类型")
    established: Optional[Date] = Field(None, description="成立日期")


class Community(Record):
    name: Text = Field(description="小区名称")
    address: Text = Field(description="地址")
    street: Text = Field(description="所属街道")
    neighbourhood: Optional[Text] = Field(None, description="所属社区")
    owners: PositiveCount = Field(description="有表决权的业主人数（表决的总人数）")
    exclusive_area_m2: PositiveArea = Field(description="专有部分总面积（平方米）")
    buildings: list[Text] = Field(default_factory=list, description="楼栋")
    property_manager: Optional[PropertyManager] = Field(None, description="物业服务企业；没有物业服务时省略")
    party_organisation: Optional[PartyOrganisation] = Field(None, description="小区党组织；没有时省略")


# ---------------------------------------------------------------- committee.yml

class Filing(Record):
    date: Date = Field(description="备案日期")
    authority: Text = Field(description="备案机关")


class Member(Record):
    name: Text = Field(description="姓名")
    role: choice(labels.ROLE) = Field(description="职务")
    building: Optional[Text] = Field(None, description="所在楼栋（只写楼栋，不写房号）")
    party_member: Bool = Field(False, description="是否中共党员")
    cross_appointment: Optional[Text] = Field(None, description="交叉任职")
    since: Date = Field(description="任职开始日期")
    until: Optional[Date] = Field(None, description="离任日期；在任时留空")
    left_reason: Optional[Text] = Field(None, description="离任原因；填写了离任日期时必填")


class Committee(Record):
    kind: choice(labels.COMMITTEE_KIND) = Field(description="业主委员会或物业管理委员会")
    term: PositiveCount = Field(description="第几届")
    elected_on: Optional[Date] = Field(None, description="选举产生之日（业主大会选出本届业委会的日期）；30 日备案期限从这一天算起")
    term_start: Date = Field(description="任期开始")
    term_end: Date = Field(description="任期结束")
    filed: Optional[Filing] = Field(None, description="备案情况")
    office_phone: Optional[Text] = Field(None, description="办公电话（固定电话）")
    party_organisation: Optional[BranchOrganisation] = Field(None, description="业主委员会自己的党组织（党支部）；没有时省略")
    members: list[Member] = Field(description="委员名单（含已离任委员）")


# ---------------------------------------------------------------- ledgers

class Apportionment(Record):
    basis: choice(labels.APPORTION_BASIS) = Field(description="分摊方式")
    scope: list[Text] = Field(default_factory=list, description="分摊的楼栋")


class Emergency(Record):
    reason: Text = Field(description="紧急情况")
    approved_by: Text = Field(description="批准单位")
    reported_on: Date = Field(description="报告日期")


class EntryHead(Record):
    """What happened, first: the keys an entry starts with, in the order editors write them
    (the spec's examples). Each account's head narrows `type` to its own choices in this
    place and adds its counterpart account right after it."""

    id: Id = Field(description="明细编号，小区内唯一，例如 mf-2024-003")
    date: Date = Field(description="发生日期")
    type: Text = Field(description="类型")


class EntryDetails(Record):
    """How much and why: the keys every entry shares after its head."""

    amount: PositiveMoney = Field(description="金额（元），正数；方向由 type 决定")
    summary: Text = Field(description="摘要")
    counterparty: Optional[Text] = Field(None, description="对方单位")
    voucher: Optional[Text] = Field(None, description="凭证号")
    vote: Optional[Id] = Field(None, description="授权这笔明细的已通过表决的编号（支出、合理成本；经营收入为改变共有部分用途的表决）")
    apportionment: Optional[Apportionment] = Field(None, description="分摊情况")


class FundEntryHead(EntryHead):
    type: choice(labels.FUND_ENTRY) = Field(description="类型")
    from_: Optional[choice({"public-revenue": "公共收益"})] = Field(None, alias="from", description="转入来源（transfer_in 必填）")


class RevenueEntryHead(EntryHead):
    type: choice(labels.REVENUE_ENTRY) = Field(description="类型")
    source: Optional[choice(labels.REVENUE_SOURCE)] = Field(None, description="收入来源（income 必填）")
    to: Optional[choice({"maintenance-fund": "专项维修资金"})] = Field(None, description="转出去向（transfer_out 必填）")


# Bases in this order give the keys in file order: head (id, date, type, counterpart),
# details (amount … apportionment), then the account's own last keys (pydantic collects
# the fields of the bases from the last one to the first).
class FundEntry(EntryDetails, FundEntryHead):
    emergency: Optional[Emergency] = Field(None, description="紧急使用（没有表决时必填）")
    reason: Optional[Text] = Field(None, description="退还原因（refund 必填），例如“房屋灭失”“重复交存”")
    approved_by: Optional[Text] = Field(None, description="批准退还的单位（refund 必填），例如维修资金管理中心")


class RevenueEntry(EntryDetails, RevenueEntryHead):
    authorized_by: Optional[Text] = Field(None, description="授权这笔明细的管理规约条款或业主大会决定：支出、合理成本没有表决时必填；广告、停车、场地租赁收入没有表决时应填写")


class FundLedger(Record):
    period: Period = Field(description="期间，与文件名相同")
    opening_balance: Money = Field(description="期初余额")
    entries: list[FundEntry] = Field(default_factory=list, description="明细")
    closing_balance: Money = Field(description="期末余额（须与明细核对一致）")


class RevenueLedger(Record):
    period: Period = Field(description="期间，与文件名相同")
    opening_balance: Money = Field(description="期初余额")
    entries: list[RevenueEntry] = Field(default_factory=list, description="明细")
    closing_balance: Money = Field(description="期末余额（须与明细核对一致）")


# ---------------------------------------------------------------- votes

class DateRange(Record):
    start: Date = Field(description="开始日期")
    end: Date = Field(description="结束日期")


class Reported(Record):
    party_org: Optional[Date] = Field(None, description="报告社区党组织的日期")
    street: Optional[Date] = Field(None, description="书面报街道备案的日期")


class Tally(Record):
    owners: Count = Field(description="人数")
    area_m2: Area = Field(description="专有部分面积（平方米）")


class Electorate(Record):
    owners: PositiveCount = Field(description="有表决权的业主人数")
    area_m2: PositiveArea = Field(description="专有部分面积（平方米）")


class Vote(Record):
    title: Text = Field(description="表决事项")
    matter: choice(labels.MATTER) = Field(description="事项类别（民法典第278条）")
    budget: Optional[Money] = Field(None, description="预算上限（元）")
    notice: Optional[Id] = Field(None, description="表决前公示的编号")
    voting: DateRange = Field(description="表决期间")
    reported: Optional[Reported] = Field(None, description="重大事项报备")
    electorate: Optional[Electorate] = Field(None, description="参加表决的全体业主；省略时取小区的人数和面积")
    turnout: Optional[Tally] = Field(None, description="参与表决")
    approve: Optional[Tally] = Field(None, description="同意")
    oppose: Optional[Tally] = Field(None, description="反对")
    abstain: Optional[Tally] = Field(None, description="弃权")
    declared_result: Optional[choice(labels.DECLARED_RESULT)] = Field(None, description="公告的表决结果")


# ---------------------------------------------------------------- notices

class NoticePeriod(Record):
    from_: Date = Field(alias="from", description="公示开始")
    to: Date = Field(description="公示结束")


class Objection(Record):
    contact: Text = Field(description="异议渠道")
    until: Date = Field(description="异议截止日期")


class Notice(Record):
    title: Text = Field(description="标题")
    kind: choice(labels.NOTICE_KIND) = Field(description="公示类别")
    issuer: Text = Field(description="发布单位")
    published: Date = Field(description="发布日期")
    period: NoticePeriod = Field(description="公示期")
    related: list[Text] = Field(default_factory=list, description="公示的记录，例如 vote/2024-elevator")
    objection: Optional[Objection] = Field(None, description="异议渠道")
    corrects: Optional[Text] = Field(None, description="更正的记录（更正公告必填）")
    changes: Optional[Text] = Field(None, description="更正内容：原为…，现为…，原因…（更正公告必填）")
    print: Bool = Field(False, description="是否生成公示栏打印版 PDF")
    body: Text = Field("", description="正文（Markdown）")


# ---------------------------------------------------------------- inspections

class InspectionItem(Record):
    check: Text = Field(description="检查项目")
    result: choice(labels.ITEM_RESULT) = Field(description="结果")
    finding: Optional[Text] = Field(None, description="发现的问题")
    rectify_by: Optional[Date] = Field(None, description="整改期限")
    rectified_on: Optional[Date] = Field(None, description="整改完成日期；未整改时省略")


class Inspection(Record):
    date: Date = Field(description="检查日期")
    authority: Text = Field(description="检查单位")
    source: choice(labels.INSPECTION_SOURCE) = Field(description="检查来源")
    kind: choice(labels.INSPECTION_KIND) = Field(description="检查类别")
    items: list[InspectionItem] = Field(description="检查项目")
    conclusion: Optional[Text] = Field(None, description="结论")


# ---------------------------------------------------------------- evaluations

class Category(Record):
    name: Text = Field(description="考评类别")
    max: PositiveNumber = Field(description="满分（大于 0）")
    score: Number = Field(description="得分")


class Satisfaction(Record):
    surveyed: PositiveCount = Field(description="调查户数")
    satisfied: Count = Field(description="满意户数")
    method: Optional[Text] = Field(None, description="调查方式")


def _at_least_one_category(categories: list) -> list:
    if not categories:
        raise PydanticCustomError("schema.type", "至少要有一个分项（name、max、score）")
    return categories


class Evaluation(Record):
    evaluated: Text = Field(description="被考评的物业服务企业")
    evaluators: list[Text] = Field(default_factory=list, description="考评单位")
    date: Date = Field(description="考评日期")
    # No categories, or a maximum of 0, would publish "0.00% 不合格" for a score nobody gave.
    categories: Annotated[list[Category], AfterValidator(_at_least_one_category)] = Field(
        description="分项得分（至少一项）", json_schema_extra={"minItems": 1})
    satisfaction: Optional[Satisfaction] = Field(None, description="满意度调查")
    declared_grade: Text = Field(description="公布的考评等级")


# ---------------------------------------------------------------- documents (制度文件)

class Effective(Record):
    from_: Date = Field(alias="from", description="生效日期")
    to: Optional[Date] = Field(None, description="失效日期（被新文件取代或废止）；仍然有效时留空")


class GoverningDocument(Record):
    title: Text = Field(description="文件名称，例如“兰亭苑管理规约”")
    kind: choice(labels.DOCUMENT_KIND) = Field(description="文件类别")
    adopted: Date = Field(description="通过或签订日期")
    vote: Optional[Id] = Field(None, description="通过它的业主表决编号；管理规约、议事规则、物业服务合同必填")
    effective: Effective = Field(description="有效期")
    file: Optional[Text] = Field(None, description="文件全文（PDF），写成 files/<文件名>.pdf，文件放在本小区的 files/ 文件夹；与 body 至少填一项")
    body: Optional[Text] = Field(None, description="文件全文（Markdown）；与 file 至少填一项")


# ---------------------------------------------------------------- meetings (会议与决定)

class Attendance(Record):
    present: Count = Field(description="出席的委员人数（不含候补委员）")
    total: PositiveCount = Field(description="在任委员人数（不含候补委员）")


class Decision(Record):
    text: Text = Field(description="决定的内容")
    approve: Optional[Count] = Field(None, description="同意这项决定的委员人数（业委会会议必填）")
    vote: Optional[Id] = Field(None, description="这项决定提交的业主表决编号（如有）")


class Meeting(Record):
    title: Optional[Text] = Field(None, description="会议名称，例如“第二届业主委员会第十二次会议”；省略时按日期和类别称呼")
    date: Date = Field(description="会议日期")
    kind: choice(labels.MEETING_KIND) = Field(description="会议类别")
    members: Optional[Attendance] = Field(None, description="委员出席情况（业委会会议必填）")
    invited: list[Text] = Field(default_factory=list, description="列席或参加的单位，例如社区党委、物业项目部")
    decisions: list[Decision] = Field(description="会议作出的决定")
    published: Optional[Date] = Field(None, description="会议决定公布的日期；尚未公布时留空")


# ---------------------------------------------------------------- firms (全区物业服务企业名录)

class Firm(Record):
    name: Text = Field(description="物业服务企业名称（与营业执照一致）")
    credit_code: Text = Field(description="统一社会信用代码：18 位，最后一位是校验码（GB 32100-2015）")
    complaint_phone: Optional[Text] = Field(None, description="企业投诉电话（固定电话或服务热线）")


# File kind → model, and the JSON Schema name of each kind.
KINDS: dict[str, type[Record]] = {
    "site": Site,
    "community": Community,
    "committee": Committee,
    "maintenance-fund": FundLedger,
    "public-revenue": RevenueLedger,
    "vote": Vote,
    "notice": Notice,
    "inspection": Inspection,
    "evaluation": Evaluation,
    "document": GoverningDocument,
    "meeting": Meeting,
    "firm": Firm,
}
