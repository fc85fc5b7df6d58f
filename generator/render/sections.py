"""The sections of a community site, in the order owners look for things: the site's
navigation and the list on its home page are both made from this one table."""

from __future__ import annotations

from dataclasses import dataclass

from . import links


@dataclass(frozen=True)
class Section:
    title: str
    page: str
    summary: str    # what the home page says is in it; empty for the home page itself


SECTIONS = (
    Section("首页", links.HOME, ""),
    Section("公示公告", links.NOTICES, "正在公示、即将公示和已结束的公示"),
    Section("专项维修资金", links.FUND, "每期收支、每一笔用途、谁批准"),
    Section("公共收益", links.REVENUE, "停车、广告、场地租赁收入及使用"),
    Section("表决", links.VOTES, "每次业主共同决定的计票和结果"),
    Section("业主委员会", links.COMMITTEE, "委员名单、任期、备案、党组织"),
    Section("会议与决定", links.MEETINGS, "业委会会议、业主大会和联席会议的决定"),
    Section("制度文件", links.DOCUMENTS, "管理规约、议事规则、物业服务合同"),
    Section("监督检查", links.INSPECTIONS, "检查结果和整改情况"),
    Section("履约考评", links.EVALUATIONS, "物业服务考评得分和等级"),
    Section("物业服务", links.PROPERTY, "物业企业、负责人、收费标准"),
    Section("数据下载", links.DOWNLOADS, "全部账目、表决、检查和考评数据"),
    Section("名词解释", links.GLOSSARY, "期末余额、增值收益、双三分之二等名词的意思"),
)


def navigation() -> list[dict]:
    """MkDocs' nav: one {title: page} per section."""
    return [{s.title: s.page} for s in SECTIONS]
