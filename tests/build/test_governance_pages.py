"""What owners read about governance in the built sample (at 2026-11-25): documents and the
votes that adopted them, meetings and their decisions, the committee's party organisation,
the firm behind the property manager; and a community whose documents attach PDFs.

Expected values come from the YAML (helpers.read_yaml), recomputed here."""

from __future__ import annotations

import json
from datetime import date

import pytest

from generator.build.portal import build_portal
from generator.cli import main
from tests.build.helpers import COMMUNITY, cn_date, copy_sample, read_page, read_yaml
from tests.conftest import SAMPLE_AS_OF, SAMPLE_DATA
from tests.pdf_bytes import tiny_pdf

AS_OF = date.fromisoformat(SAMPLE_AS_OF)


def records(folder: str) -> dict[str, dict]:
    return {path.stem: read_yaml(path) for path in sorted((COMMUNITY / folder).glob("*.yml"))}


# ------------------------------------------------------------------ 制度文件

def test_documents_page_lists_each_document_with_the_vote_that_adopted_it(built_sample_site):
    page = read_page(built_sample_site, "documents/")
    section = page.section("现行有效")
    votes = records("votes")
    for did, document in records("documents").items():
        vote = votes[document["vote"]]
        assert document["title"] in section
        assert (f"{did}/", document["title"]) in page.links
        assert f"表决：{vote['title']}（通过）" in section, did      # both sample votes passed by their tallies
        assert f"{cn_date(document['effective']['from'])}起" in section
    assert "已失效" not in page.text and "尚未生效" not in page.text


def test_a_document_page_shows_its_text_and_its_vote(built_sample_site):
    document = records("documents")["2023-covenant"]
    page = read_page(built_sample_site, "documents/2023-covenant/")
    vote = read_yaml(COMMUNITY / "votes" / f"{document['vote']}.yml")
    assert f"通过它的表决 {vote['title']}（{cn_date(vote['voting']['start'])}至{cn_date(vote['voting']['end'])}，通过）" \
           in page.text
    assert "第二十一条 每年1月，将上一年度公共收益净额的百分之五十以上转入本小区专项维修资金。" in page.text
    assert ("../../votes/2023-covenant/", vote["title"]) in page.links
    assert "打开文件全文" not in page.text      # the sample's documents are written in Markdown


def test_documents_are_in_the_search_index(built_sample_site):
    index = json.loads((built_sample_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert {"documents/2023-covenant/", "meetings/", "firms/moumou-wuye/"} <= {loc.split("#")[0] for loc in locations}
    text = "".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("documents/2023-covenant/"))
    assert "公共收益" in text.replace("\u200b", "")


# ------------------------------------------------------------------ 会议与决定

def test_meetings_newest_first_with_each_decision_and_its_votes(built_sample_site):
    page = read_page(built_sample_site, "meetings/")
    meetings = records("meetings")
    order = sorted(meetings, key=lambda m: meetings[m]["date"], reverse=True)
    positions = [page.text.index(meetings[m]["title"]) for m in order]
    assert positions == sorted(positions)
    for mid, meeting in meetings.items():
        section = page.section(meeting["title"])
        assert f"{cn_date(meeting['published'])}公布" in section and "会后第" not in section   # all on time
        for decision in meeting["decisions"]:
            assert decision["text"] in section
            if "approve" in decision:
                total = meeting["members"]["total"]
                assert f"{decision['approve']}/{total} 同意，通过" in section
    assert ("../votes/2026-monitoring/", "使用公共收益更新改造小区监控系统") in page.links
    assert ("../notices/2026-11-committee-decisions/", "第二届业主委员会第二十次会议决定公告") in page.links


def test_a_late_or_missing_posting_is_marked(tmp_path):
    data = copy_sample(tmp_path)
    path = data / "communities" / COMMUNITY.name / "meetings" / "2026-11-committee.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("published: 2026-11-12", "published: 2026-11-16"),
                    encoding="utf-8")
    out = tmp_path / "site"
    build_portal(data, out, AS_OF, pdf=False)
    section = read_page(out, "meetings/").section("第二届业主委员会第二十次会议", "第二届业主委员会第十五次会议")
    assert "2026年11月16日公布（会后第 6 天，应在 3 日内）" in section
    assert '<span class="overdue">2026年11月16日公布' in read_page(out, "meetings/").html


# ------------------------------------------------------------------ 业主委员会、物业服务

def test_committee_page_shows_party_organisations_and_the_last_meeting(built_sample_site):
    page = read_page(built_sample_site, "committee/")
    community = read_yaml(COMMUNITY / "community.yml")
    assert "业委会党组织 未单独建立" in page.text
    assert f"小区党组织：{community['party_organisation']['name']}" in page.text
    assert f"物业项目党组织：{community['property_manager']['party_organisation']['name']}" in page.text
    assert "最近一次会议 第二届业主委员会第二十次会议（2026年11月10日）" in page.text
    assert ("../meetings/#meeting-2026-11-committee", "第二届业主委员会第二十次会议") in page.links
    assert "尚未建立党组织" not in page.text


def test_property_page_shows_the_firm_of_the_register_and_links_its_page(built_sample_site):
    page = read_page(built_sample_site, "property/")
    firm = read_yaml(SAMPLE_DATA / "firms" / "moumou-wuye.yml")
    assert f"统一社会信用代码 {firm['credit_code']}" in page.text
    assert f"企业投诉电话 {firm['complaint_phone']}" in page.text
    assert "项目党组织 某某物业示例家园项目党支部（2024年3月1日成立）" in page.text
    assert ("../firms/moumou-wuye/", "该企业服务的小区、考评和整改情况") in page.links


def test_a_lone_community_site_has_its_firm_s_page(built_sample_site):
    page = read_page(built_sample_site, "firms/moumou-wuye/")
    assert "服务的小区 1 个" in page.text and "未整改的检查项目 1 项，其中逾期 1 项" in page.text
    assert "最近一次履约考评：良好（2025年，85.83%）" in page.text
    assert ("../../property/", "示例家园") in page.links
    assert "列入警示名单" not in page.text       # 1 overdue item, fewer than 3


# ------------------------------------------------------------------ files/: PDFs published as they are

@pytest.fixture(scope="module")
def with_pdf(tmp_path_factory):
    root = tmp_path_factory.mktemp("files")
    data = copy_sample(root)
    community = data / "communities" / COMMUNITY.name
    (community / "files").mkdir()
    pdf = tiny_pdf("covenant 2023")
    (community / "files" / "covenant-2023.pdf").write_bytes(pdf)
    document = community / "documents" / "2023-covenant.yml"
    text = document.read_text(encoding="utf-8")
    document.write_text(text[:text.index("body: |")] + "file: files/covenant-2023.pdf\n", encoding="utf-8")
    out = root / "site"
    build_portal(data, out, AS_OF, pdf=False)
    return {"data": data, "out": out, "pdf": pdf}


def test_an_attached_pdf_is_published_as_it_is_and_linked(with_pdf):
    out = with_pdf["out"]
    assert (out / "files" / "covenant-2023.pdf").read_bytes() == with_pdf["pdf"]
    page = read_page(out, "documents/2023-covenant/")
    assert ("../../files/covenant-2023.pdf", "打开文件全文（PDF）") in page.links
    assert "全文" in page.text and "第二十一条" not in page.text


def test_the_attached_pdf_is_in_the_manifest_and_verify_checks_it(with_pdf):
    import hashlib
    out = with_pdf["out"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256(with_pdf["pdf"]).hexdigest()
    assert manifest["site"]["files/covenant-2023.pdf"] == digest
    assert manifest["data"][f"data/communities/{COMMUNITY.name}/files/covenant-2023.pdf"] == digest
    assert main(["verify", str(out)]) == 0
    (out / "files" / "covenant-2023.pdf").write_bytes(tiny_pdf("forged"))
    assert main(["verify", str(out)]) == 1
