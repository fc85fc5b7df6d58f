"""The district's governance figures (data-format-2 §3) with answers known by heart.

| slug | street | manager (register id)        | evaluation | overdue | party org          | committee: party / cross |
| a    | 幸福   | 某某安居 (anju)              | 2025: 95   | 0       | community          | 3 of 5 / 1               |
| b    | 幸福   | 某某安居 (by its name only)  | 2025: 50   | 0       | property project   | 0 of 5 / 0               |
| c    | 和平   | 某某瑞丰 (ruifeng)           | —          | 2       | none               | no committee             |
| d    | 和平   | 某某瑞丰 (ruifeng)           | —          | 1       | committee          | 3 of 5 / 0               |
| e    | 幸福   | none                         | —          | 0       | none               | 4 of 5 / 0               |

党的组织覆盖率 3/5 (a b d). Committees a b d e: party members 10 of 20, cross-appointed 1 of 4;
幸福: 7 of 15 and 1 of 3; 和平: 3 of 5 and 0 of 1.
警示名单: 某某安居 (乙苑 不合格), 某某瑞丰 (3 overdue, the default threshold). 某某闲置 serves nobody.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from generator.district import views
from generator.district.pages import render_district, summaries_of
from generator.pipeline import check
from tests.district.helpers import AS_OF, Tiny, write_district

ANJU, RUIFENG = "某某安居物业服务有限公司", "某某瑞丰物业服务有限公司"
FIRMS = {"anju": ANJU, "ruifeng": RUIFENG, "idle": "某某闲置物业服务有限公司"}
DISTRICT = [
    Tiny("a", "甲苑", manager=ANJU, firm="anju", evaluations={"2025": 95}, party_members=3, cross=1, documents=2,
         meetings=[date(2026, 3, 1), date(2026, 10, 1)]),
    Tiny("b", "乙苑", manager=ANJU, party=False, project_party=True, evaluations={"2025": 50}),
    Tiny("c", "丙苑", street="和平街道", manager=RUIFENG, firm="ruifeng", party=False, committee=None, overdue_items=2),
    Tiny("d", "丁苑", street="和平街道", manager=RUIFENG, firm="ruifeng", party=False, committee_party=True,
         party_members=3, overdue_items=1),
    Tiny("e", "戊苑", manager=None, party=False, party_members=4),
]


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    data = write_district(tmp_path_factory.mktemp("governance"), DISTRICT, firms=FIRMS)
    portal, problems = check(data, AS_OF)
    assert [(p.code, p.location.path.rsplit("/", 2)[-2]) for p in problems if p.code != "inspection.overdue"] == [
        ("party.organisation_missing", "e")]       # 4 party members, no organisation at all
    return portal


@pytest.fixture(scope="module")
def docs(portal, tmp_path_factory):
    folder = tmp_path_factory.mktemp("governance-docs")
    render_district(portal, AS_OF, folder, "某区")
    return folder


def read(docs, page: str) -> str:
    return (docs / page).read_text(encoding="utf-8")


def test_party_coverage_counts_committee_and_project_organisations(docs):
    assert "| <span class=\"card rate\"></span>党的组织覆盖率 | <span class=\"num\">60.00%</span> | 3 / 5 |" in read(docs, "index.md")


def test_party_members_and_cross_appointments_per_street_and_overall(docs):
    index = read(docs, "index.md")
    assert "| <span class=\"card party\"></span>全区 | 4 | 50.00%（10/20） | 25.00%（1/4） |" in index
    assert "| <span class=\"card party\"></span>幸福街道 | 3 | 46.67%（7/15） | 33.33%（1/3） |" in index
    assert "| <span class=\"card party\"></span>和平街道 | 1 | 60.00%（3/5） | 0.00%（0/1） |" in index
    street = next(p for p in (docs / "streets").iterdir() if "# 和平街道" in p.read_text(encoding="utf-8"))
    assert "| <span class=\"card party\"></span>和平街道 | 1 | 60.00%（3/5） | 0.00%（0/1） |" in street.read_text(encoding="utf-8")


def test_warning_list_with_reasons(portal, docs):
    # Each community named links to its home page, then to what put the firm on the list.
    index = read(docs, "index.md")
    section = index[index.index("## 警示名单"):index.index("## 小区一览")]
    assert [line for line in section.split("\n") if line.lstrip().startswith("- ")] == [
        f"- **[{ANJU}](firms/anju.md)**（服务 2 个小区）：",
        "    - [乙苑](b/)：[最近一次履约考评不合格（2025年，50.00%）](b/evaluations/#evaluation-2025)",
        f"- **[{RUIFENG}](firms/ruifeng.md)**（服务 2 个小区）：",
        "    - 所服务小区逾期未整改 3 项（达到 3 项即列入）："
        "[丙苑](c/)（[逾期 2 项](c/inspections/)）、[丁苑](d/)（[逾期 1 项](d/inspections/)）",
    ]
    street = next(p for p in (docs / "streets").iterdir() if "# 幸福街道" in p.read_text(encoding="utf-8"))
    assert "警示名单" not in street.read_text(encoding="utf-8")     # the overview's alone


def test_the_overdue_threshold_is_a_setting(tmp_path):
    site = "title: 某区\npublisher: 某区住房和城乡建设局\nbase_url: https://qu.gongshi.test/\nrules: {warning_overdue_items: 4}\n"
    data = write_district(tmp_path, DISTRICT, site=site, firms=FIRMS)
    portal, _ = check(data, AS_OF)
    render_district(portal, AS_OF, tmp_path / "docs", "某区")
    index = read(tmp_path / "docs", "index.md")
    assert "firms/anju.md" in index and "](firms/ruifeng.md)" not in index.split("## 小区一览")[0]
    assert "合计达到 4 项" in index


def test_red_and_black_lists_link_to_the_firms_pages(docs):
    index = read(docs, "index.md")
    # The community links to its home page, the period to the evaluation that listed it.
    card = "<span class=\"card ranking\"></span>"
    assert f"| {card}[{ANJU}](firms/anju.md) | [甲苑](a/) | [2025年](a/evaluations/#evaluation-2025) | 95.00% | 优秀 |" in index
    assert f"| {card}[{ANJU}](firms/anju.md) | [乙苑](b/) | [2025年](b/evaluations/#evaluation-2025) | 50.00% |" in index
    street = next(p for p in (docs / "streets").iterdir() if "# 幸福街道" in p.read_text(encoding="utf-8"))
    assert f"[{ANJU}](../firms/anju.md)" in street.read_text(encoding="utf-8")


def test_a_firm_page_lists_the_communities_it_serves(docs):
    page = read(docs, "firms/anju.md")
    assert page.startswith(f"# {ANJU}\n")
    assert "| 统一社会信用代码 | <span class=\"nowrap\">91110105MA01K8W3XA</span> |" in page
    assert "| 服务的小区 | 2 个 |" in page
    assert "!!! warning \"列入警示名单\"\n    - 乙苑最近一次[履约考评](../glossary.md#evaluation)不合格（2025年，50.00%）" in page
    # served by register id (a) and by exact name (b), in the district table's order
    assert page.index("### [甲苑](../../a/property/)") < page.index("### [乙苑](../../b/property/)")
    assert "- 最近一次履约考评：[优秀（2025年，95.00%）](../../a/evaluations/)" in page
    assert "- 最近一次履约考评：[<span class=\"fail\">不合格（2025年，50.00%）</span>](../../b/evaluations/)" in page
    assert "- 项目党组织：乙苑项目党支部" in page and "- 项目党组织：未建立" in page


def test_a_firm_page_counts_open_and_overdue_rectifications(docs):
    page = read(docs, "firms/ruifeng.md")
    assert "| 未整改的检查项目 | 3 项，其中逾期 <span class=\"overdue\">3</span> 项 |" in page
    assert "- 未整改的检查项目：[2 项](../../c/inspections/)，其中逾期 <span class=\"overdue\">2</span> 项" in page
    assert "所服务小区逾期未整改 3 项（达到 3 项即列入）" in page
    # each overdue item, linked to its inspection on the community's site
    assert ("    - <span class=\"overdue\">逾期</span> [检查项目1](../../c/inspections/#2026-facilities)："
            "应于 <span class=\"nowrap\">2026年10月1日</span> 前整改。问题1") in page
    assert page.count("<span class=\"overdue\">逾期</span>") == 3
    # no evaluation: no link to an empty page
    assert "- 最近一次履约考评：—" in page


def test_a_firm_serving_nobody(docs):
    page = read(docs, "firms/idle.md")
    assert "目前没有小区登记由本企业提供物业服务。" in page and "列入警示名单" not in page


def test_the_register_downloads_with_each_firms_record(docs):
    # One row per firm and community served, in the district table's order; a firm serving
    # nobody still has its row. Known by heart from the table at the top.
    raw = (docs / "downloads" / "firms.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))
    assert [(r["firm"], r["community"], r["computed_warned"], r["computed_evaluation_grade"],
             r["computed_overdue_rectifications"], r["project_party_organisation"]) for r in rows] == [
        ("anju", "a", "true", "优秀", "0", ""),
        ("anju", "b", "true", "不合格", "0", "乙苑项目党支部"),
        ("idle", "", "false", "", "", ""),
        ("ruifeng", "c", "true", "", "2", ""),
        ("ruifeng", "d", "true", "", "1", ""),
    ]
    records = {r["id"]: r for r in json.loads((docs / "downloads" / "firms.json").read_text(encoding="utf-8"))}
    assert (records["anju"]["computed_failing_in"], records["anju"]["computed_overdue_rectifications"]) == (["b"], 0)
    assert (records["ruifeng"]["computed_failing_in"], records["ruifeng"]["computed_overdue_rectifications"]) == ([], 3)
    assert records["idle"]["computed_served"] == [] and records["idle"]["computed_warned"] is False
    latest = records["anju"]["computed_served"][1]["computed_latest_evaluation"]
    assert (latest["period"], latest["percent"], latest["grade"]) == ("2025", "50.00%", "不合格")


def test_the_overview_and_the_firm_pages_link_the_register(docs):
    section = read(docs, "index.md").split("## 警示名单")[1].split("## 小区一览")[0]
    assert "[firms.csv](downloads/firms.csv)（表格）、[firms.json](downloads/firms.json)（完整数据）" in section
    assert "[firms.csv](../downloads/firms.csv)" in read(docs, "firms/idle.md")


def test_the_street_office_table(portal):
    summaries = summaries_of(portal, AS_OF)
    index = views.index_view("某区", list(portal.communities.values()), summaries, portal.rules.grades, AS_OF,
                             portal.rules.disclosure.report_within_days)
    rows = {row["name"]: row for row in index["rows"]}
    assert [(row["street"], row["name"]) for row in index["rows"]] == [
        ("和平街道", "丙苑"), ("和平街道", "丁苑"), ("幸福街道", "甲苑"), ("幸福街道", "乙苑"), ("幸福街道", "戊苑")]
    a, c = rows["甲苑"], rows["丙苑"]
    assert (a["committee"], a["term_end"], a["documents"], a["documents_href"], a["last_meeting"], a["meetings_href"]) == (
        "已成立", "2028年5月31日", 2, "a/documents/", "2026年10月1日", "a/meetings/")
    assert (c["committee"], c["term_end"], c["documents"], c["last_meeting"], c["meetings_href"]) == (
        "未成立", "—", 0, "—", None)
    # 公示及时率 (issue 15's figure): each community's one due statement was published on time.
    assert {row["timeliness"] for row in index["rows"]} == {"100.00%（1/1）"}


def test_the_table_on_the_page(docs):
    index = read(docs, "index.md")
    assert "| 街道 | 小区 | 社区 | 业委会状态 | 业委会任期至 | 维修资金余额（元） | 最近考评 | 逾期整改 | 正在公示 | 现行制度文件 | 最近一次会议 | 公示及时率 |" in index
    assert ("| [2](a/documents/) | [<span class=\"nowrap\">2026年10月1日</span>](a/meetings/) | 100.00%（1/1） |") in index
    # 业委会状态 in its own column; 业委会任期至 holds only a date.
    assert ("| 和平街道 | <span class=\"card community\"></span>[丙苑](c/) | 某某社区 | 未成立 | <span class=\"nowrap\">—</span> |"
            " <span class=\"num\">100,000.00</span><br><small>截至2026年6月30日</small> |") in index
    assert ("| 幸福街道 | <span class=\"card community\"></span>[甲苑](a/) | 某某社区 | 已成立 |"
            " <span class=\"nowrap\">2028年5月31日</span> |") in index
