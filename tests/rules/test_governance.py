"""Governance records (data-format-2 §3): documents and their votes, files/, meetings, firms
and party organisations. Each rule is broken once and held at its boundary once."""

from __future__ import annotations

import os
from datetime import date

import pytest

from generator.problems import Severity
from tests.pdf_bytes import tiny_pdf
from tests.rules.helpers import (
    AS_OF, C, COMMITTEE, COMMITTEE_PATH, COMMUNITY, COMMUNITY_PATH, PRE_NOTICE, PRE_NOTICE_PATH, brief, col_of,
    edit, line_of, only, run, t, write_data,
)
from generator.pipeline import check

COVENANT_VOTE_PATH = f"{C}/votes/covenant-vote.yml"
DOCUMENT_PATH = f"{C}/documents/covenant.yml"
MEETING_PATH = f"{C}/meetings/2025-11-committee.yml"
FIRM_PATH = "firms/moumou.yml"

# Passed by 200 of 240 owners, 18000.00 of 21600.00 m² (more than half of both).
COVENANT_VOTE = t("""
    title: 修订管理规约
    matter: covenant
    notice: covenant-notice
    voting: {start: 2025-05-01, end: 2025-05-15}
    turnout: {owners: 240, area_m2: 21600.00}
    approve: {owners: 200, area_m2: 18000.00}
    oppose: {owners: 30, area_m2: 2700.00}
    abstain: {owners: 10, area_m2: 900.00}
    declared_result: passed
""")

DOCUMENT = t("""
    title: 测试家园管理规约
    kind: covenant
    adopted: 2025-05-15
    vote: covenant-vote
    effective: {from: 2025-06-01}
    body: |
      **第一条** 为维护全体业主的合法权益，制定本规约。
""")

# BASE's committee has five members in office all year; three make a quorum and a decision.
MEETING = t("""
    title: 第二届业主委员会第三次会议
    date: 2025-11-03
    kind: committee
    members: {present: 4, total: 5}
    invited: [测试社区居委会]
    decisions:
      - text: 同意启动屋面维修的业主表决
        approve: 3
        vote: fund-vote
    published: 2025-11-05
""")

# 91110105MA01K8W3X + A: the check character computed by GB 32100-2015's weights by hand.
FIRM = t("""
    name: 某某物业服务有限公司
    credit_code: 91110105MA01K8W3XA
    complaint_phone: 010-66668888
""")

# The vote's own notices (data-format-2 §1): before it, with an objection channel, and its result.
COVENANT_NOTICES = {
    f"{C}/notices/covenant-notice.yml": t("""
        title: 关于修订管理规约的表决前公示
        kind: pre_vote
        issuer: 测试家园小区业主委员会
        published: 2025-04-10
        period: {from: 2025-04-10, to: 2025-04-24}
        related: [vote/covenant-vote]
        objection: {contact: 业委会办公室 010-87654321, until: 2025-04-24}
        body: |
          拟修订管理规约，草案见业委会办公室。
    """),
    f"{C}/notices/covenant-result.yml": t("""
        title: 修订管理规约表决结果公告
        kind: vote_result
        issuer: 测试家园小区业主委员会
        published: 2025-05-16
        period: {from: 2025-05-16, to: 2025-05-30}
        related: [vote/covenant-vote]
        body: |
          表决通过。
    """),
}

GOVERNED = {**COVENANT_NOTICES, COVENANT_VOTE_PATH: COVENANT_VOTE, DOCUMENT_PATH: DOCUMENT, MEETING_PATH: MEETING, FIRM_PATH: FIRM,
            COMMUNITY_PATH: edit(COMMUNITY, "  name: 某某物业服务有限公司\n", "  name: 某某物业服务有限公司\n  firm: moumou\n")}


def governed(tmp_path, files=None, **kwargs):
    return run(tmp_path, {**GOVERNED, **(files or {})}, **kwargs)


def test_the_governed_community_checks_clean(tmp_path):
    data, problems = governed(tmp_path)
    assert brief(problems, data) == []


# ---------------------------------------------------------------- documents and their votes

def test_a_covenant_must_name_its_vote(tmp_path):
    text = edit(DOCUMENT, "vote: covenant-vote\n", "")
    data, problems = governed(tmp_path, {DOCUMENT_PATH: text})
    p = only(problems, data, "document.vote_mismatch", DOCUMENT_PATH, line_of(text, "kind:"), col_of(text, "covenant"))
    assert "vote" in p.message and "matter: covenant" in p.message


@pytest.mark.parametrize("kind", ["fund_rules", "other"])
def test_other_kinds_need_no_vote(tmp_path, kind):
    text = edit(edit(DOCUMENT, "vote: covenant-vote\n", ""), "kind: covenant", f"kind: {kind}")
    data, problems = governed(tmp_path, {DOCUMENT_PATH: text})
    assert brief(problems, data) == []


def test_the_vote_s_matter_must_fit_the_kind(tmp_path):
    text = edit(DOCUMENT, "kind: covenant", "kind: property_contract")
    data, problems = governed(tmp_path, {DOCUMENT_PATH: text})
    p = only(problems, data, "document.vote_mismatch", DOCUMENT_PATH, line_of(text, "vote:"), col_of(text, "covenant-vote"))
    assert "hire_manager" in p.message and "covenant" in p.message


def test_a_property_contract_is_adopted_by_a_hire_manager_vote(tmp_path):
    vote = edit(COVENANT_VOTE, "matter: covenant", "matter: hire_manager")
    text = edit(DOCUMENT, "kind: covenant", "kind: property_contract")
    data, problems = governed(tmp_path, {DOCUMENT_PATH: text, COVENANT_VOTE_PATH: vote})
    # hire_manager is a major matter: the vote itself warns that it was not reported; the document is fine.
    assert [p.code for p in problems] == ["vote.not_reported"]


def test_a_failed_vote_adopts_nothing(tmp_path):
    vote = edit(edit(COVENANT_VOTE, "approve: {owners: 200, area_m2: 18000.00}", "approve: {owners: 100, area_m2: 9000.00}"),
                "oppose: {owners: 30, area_m2: 2700.00}", "oppose: {owners: 130, area_m2: 11700.00}")
    vote = edit(vote, "declared_result: passed", "declared_result: failed")
    data, problems = governed(tmp_path, {COVENANT_VOTE_PATH: vote})
    p = only(problems, data, "document.vote_mismatch", DOCUMENT_PATH, line_of(DOCUMENT, "vote:"), col_of(DOCUMENT, "covenant-vote"))
    assert "未通过" in p.message


def test_a_vote_not_yet_counted_adopts_nothing(tmp_path):
    vote = COVENANT_VOTE.split("turnout:")[0]
    data, problems = governed(tmp_path, {COVENANT_VOTE_PATH: vote})
    p = only(problems, data, "document.vote_mismatch", DOCUMENT_PATH, line_of(DOCUMENT, "vote:"))
    assert "还没有计票结果" in p.message


def test_adopted_before_the_voting_ended(tmp_path):
    text = edit(DOCUMENT, "adopted: 2025-05-15", "adopted: 2025-05-14")
    data, problems = governed(tmp_path, {DOCUMENT_PATH: text})
    p = only(problems, data, "document.vote_mismatch", DOCUMENT_PATH, line_of(text, "adopted:"), col_of(text, "2025-05-14"))
    assert "2025-05-15" in p.message


def test_a_missing_adopting_vote(tmp_path):
    text = edit(DOCUMENT, "vote: covenant-vote", "vote: covenant-2019")
    data, problems = governed(tmp_path, {DOCUMENT_PATH: text})
    p = only(problems, data, "ref.missing", DOCUMENT_PATH, line_of(text, "vote:"), col_of(text, "covenant-2019"))
    assert "votes/covenant-2019.yml" in p.message


def test_a_document_needs_its_text(tmp_path):
    text = DOCUMENT.split("body:")[0]
    data, problems = governed(tmp_path, {DOCUMENT_PATH: text})
    p = only(problems, data, "schema.missing_field", DOCUMENT_PATH, 1, 1)
    assert "file" in p.message and "body" in p.message


def test_document_bodies_are_markdown_only(tmp_path):
    text = DOCUMENT + "  <script>alert(1)</script>\n"
    data, problems = governed(tmp_path, {DOCUMENT_PATH: text})
    only(problems, data, "markdown.raw_html", DOCUMENT_PATH, line_of(text, "<script>"), 1)


# ---------------------------------------------------------------- files/

FILE_DOCUMENT = DOCUMENT.split("body:")[0] + "file: files/covenant-2025.pdf\n"


def governed_with_files(tmp_path, files: dict[str, bytes], document: str = FILE_DOCUMENT):
    data = write_data(tmp_path, {**GOVERNED, DOCUMENT_PATH: document})
    folder = data / C / "files"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return data, check(data, AS_OF)[1]


def test_a_pdf_in_files_is_taken(tmp_path):
    data, problems = governed_with_files(tmp_path, {"covenant-2025.pdf": tiny_pdf()})
    assert brief(problems, data) == []


def test_a_file_that_is_not_a_pdf_is_refused(tmp_path):
    data, problems = governed_with_files(tmp_path, {"covenant-2025.pdf": b"PK\x03\x04 a zip, renamed"})
    p = only(problems, data, "document.file_invalid", f"{C}/files/covenant-2025.pdf", 1, 1)
    assert "%PDF-" in p.message


@pytest.mark.parametrize("name", ["Covenant.pdf", "规约.pdf", "covenant 2025.pdf", "covenant.PDF", "covenant.docx"])
def test_file_names_must_be_ids(tmp_path, name):
    document = edit(FILE_DOCUMENT, "covenant-2025.pdf", "covenant.pdf")
    data, problems = governed_with_files(tmp_path, {"covenant.pdf": tiny_pdf(), name: tiny_pdf()}, document)
    p = only(problems, data, "document.file_invalid", f"{C}/files/{name}", 1, 1)
    assert "小写字母" in p.message


def test_a_pdf_over_20_mb_is_refused(tmp_path):
    data = write_data(tmp_path, {**GOVERNED, DOCUMENT_PATH: FILE_DOCUMENT})
    (data / C / "files").mkdir()
    with open(data / C / "files/covenant-2025.pdf", "wb") as handle:
        handle.write(tiny_pdf())
        handle.truncate(20 * 1024 * 1024 + 1)   # sparse: no 20 MB written
    problems = check(data, AS_OF)[1]
    p = only(problems, data, "document.file_invalid", f"{C}/files/covenant-2025.pdf", 1, 1)
    assert "20 MB" in p.message


def test_exactly_20_mb_is_taken(tmp_path):
    data = write_data(tmp_path, {**GOVERNED, DOCUMENT_PATH: FILE_DOCUMENT})
    (data / C / "files").mkdir()
    with open(data / C / "files/covenant-2025.pdf", "wb") as handle:
        handle.write(tiny_pdf())
        handle.truncate(20 * 1024 * 1024)
    assert brief(check(data, AS_OF)[1], data) == []


def test_folders_and_symlinks_in_files_are_refused(tmp_path):
    data, _ = governed_with_files(tmp_path, {"covenant-2025.pdf": tiny_pdf()})
    (data / C / "files/scans").mkdir()
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(tiny_pdf())
    os.symlink(outside, data / C / "files/linked.pdf")
    problems = check(data, AS_OF)[1]
    assert brief(problems, data) == [
        (f"{C}/files/linked.pdf", 1, 1, "error", "file.symlink"),
        (f"{C}/files/scans", 1, 1, "error", "document.file_invalid"),
    ]


def test_a_pdf_no_document_attaches_is_not_published(tmp_path):
    data, problems = governed_with_files(tmp_path, {"covenant-2025.pdf": tiny_pdf(), "draft.pdf": tiny_pdf()})
    p = only(problems, data, "file.unexpected", f"{C}/files/draft.pdf", 1, 1, severity=Severity.WARNING)
    assert "file: files/draft.pdf" in p.message


def test_a_document_s_missing_file(tmp_path):
    data, problems = governed_with_files(tmp_path, {})
    p = only(problems, data, "ref.missing", DOCUMENT_PATH, line_of(FILE_DOCUMENT, "file:"), col_of(FILE_DOCUMENT, "files/"))
    assert "files/covenant-2025.pdf" in p.message


def test_a_refused_file_is_reported_once(tmp_path):
    data, problems = governed_with_files(tmp_path, {"covenant-2025.pdf": b"not a pdf"})
    assert [p.code for p in problems] == ["document.file_invalid"]


def test_file_must_point_into_files(tmp_path):
    document = edit(FILE_DOCUMENT, "file: files/covenant-2025.pdf", "file: ../covenant-2025.pdf")
    data, problems = governed_with_files(tmp_path, {}, document)
    p = only(problems, data, "document.file_invalid", DOCUMENT_PATH, line_of(document, "file:"), col_of(document, "../"))
    assert "files/<文件名>.pdf" in p.message


# ---------------------------------------------------------------- meetings

def test_a_committee_meeting_needs_more_than_half_present(tmp_path):
    text = edit(MEETING, "present: 4", "present: 2")
    data, problems = governed(tmp_path, {MEETING_PATH: text})
    problems = [p for p in problems if p.code != "meeting.decision_not_passed"]   # 3 approvals of 2 present: below
    p = only(problems, data, "meeting.quorum", MEETING_PATH, line_of(text, "members:"), col_of(text, "2, total"))
    assert "至少 3 人" in p.message


def test_three_of_five_is_a_quorum_and_a_decision(tmp_path):
    text = edit(MEETING, "present: 4", "present: 3")
    data, problems = governed(tmp_path, {MEETING_PATH: text})
    assert brief(problems, data) == []


def test_total_must_be_the_roster_on_the_day(tmp_path):
    text = edit(MEETING, "total: 5", "total: 4")
    data, problems = governed(tmp_path, {MEETING_PATH: text})
    p = only(problems, data, "meeting.quorum", MEETING_PATH, line_of(text, "members:"), col_of(text, "4}"))
    assert "5 人" in p.message


def test_a_meeting_before_the_term_is_not_held_to_the_roster(tmp_path):
    text = edit(edit(MEETING, "date: 2025-11-03", "date: 2023-03-01"), "published: 2025-11-05", "published: 2023-03-02")
    text = edit(edit(text, "total: 5", "total: 7"), "approve: 3", "approve: 4")   # 4 of the old term's 7
    data, problems = governed(tmp_path, {MEETING_PATH: text})
    assert brief(problems, data) == []


def test_present_cannot_exceed_total(tmp_path):
    text = edit(edit(MEETING, "present: 4", "present: 6"), "total: 5", "total: 5")
    data, problems = governed(tmp_path, {MEETING_PATH: text})
    only(problems, data, "meeting.quorum", MEETING_PATH, line_of(text, "members:"), col_of(text, "6, total"))


def test_a_decision_needs_more_than_half_of_all_members(tmp_path):
    text = edit(MEETING, "approve: 3", "approve: 2")
    data, problems = governed(tmp_path, {MEETING_PATH: text})
    p = only(problems, data, "meeting.decision_not_passed", MEETING_PATH, line_of(text, "approve:"),
             col_of(text, "approve: 2") + len("approve: "))
    assert "同意启动屋面维修的业主表决" in p.message and "5 人" in p.message


def test_approvals_cannot_exceed_those_present(tmp_path):
    text = edit(edit(MEETING, "present: 4", "present: 3"), "approve: 3", "approve: 4")
    data, problems = governed(tmp_path, {MEETING_PATH: text})
    p = only(problems, data, "meeting.decision_not_passed", MEETING_PATH, line_of(text, "approve:"))
    assert "委托" in p.message


def test_a_committee_meeting_needs_its_counts(tmp_path):
    text = edit(MEETING, "members: {present: 4, total: 5}\n", "")
    data, problems = governed(tmp_path, {MEETING_PATH: text})
    only(problems, data, "schema.missing_field", MEETING_PATH, line_of(text, "kind:"), 1)
    text = edit(MEETING, "    approve: 3\n", "")
    data, problems = governed(tmp_path / "b", {MEETING_PATH: text})
    only(problems, data, "schema.missing_field", MEETING_PATH, line_of(text, "- text:"), col_of(text, "text:"))


def test_decisions_are_posted_within_three_days(tmp_path):
    text = edit(MEETING, "published: 2025-11-05", "published: 2025-11-07")
    data, problems = governed(tmp_path, {MEETING_PATH: text})
    p = only(problems, data, "meeting.published_late", MEETING_PATH, line_of(text, "published:"), col_of(text, "2025-11-07"),
             severity=Severity.WARNING)
    assert "第 4 天" in p.message
    text = edit(MEETING, "published: 2025-11-05", "published: 2025-11-06")
    data, problems = governed(tmp_path / "b", {MEETING_PATH: text})
    assert brief(problems, data) == []


def test_the_deadline_is_a_setting(tmp_path):
    text = edit(MEETING, "published: 2025-11-05", "published: 2025-11-07")
    site = t("""
        title: 测试家园小区信息公开
        publisher: 测试家园小区业主委员会
        base_url: https://xiaoqu.test/t/
        rules: {meeting_publish_days: 4}
    """)
    data, problems = governed(tmp_path, {MEETING_PATH: text, "site.yml": site})
    assert brief(problems, data) == []


def test_decisions_not_yet_posted(tmp_path):
    text = edit(MEETING, "published: 2025-11-05\n", "")
    data, problems = governed(tmp_path, {MEETING_PATH: text}, as_of=date(2025, 11, 6))
    assert brief(problems, data) == []
    data, problems = governed(tmp_path / "b", {MEETING_PATH: text}, as_of=date(2025, 11, 7))
    p = only(problems, data, "meeting.published_late", MEETING_PATH, line_of(text, "date:"), 1, severity=Severity.WARNING)
    assert "还没有公布" in p.message


def test_a_joint_meeting_has_no_counts_and_no_deadline(tmp_path):
    text = t("""
        date: 2025-11-03
        kind: joint
        invited: [测试社区党委, 测试社区居委会, 某某物业服务有限公司测试家园项目部]
        decisions:
          - text: 物业项目部于12月5日前清理2号楼北侧通道
    """)
    data, problems = governed(tmp_path, {MEETING_PATH: text})
    assert brief(problems, data) == []


def test_a_decision_s_vote_must_exist(tmp_path):
    text = edit(MEETING, "vote: fund-vote", "vote: roof-2026")
    data, problems = governed(tmp_path, {MEETING_PATH: text})
    only(problems, data, "ref.missing", MEETING_PATH, line_of(text, "vote:"), col_of(text, "roof-2026"))


# ---------------------------------------------------------------- references from notices

@pytest.mark.parametrize("ref", ["document/covenant", "meeting/2025-11-committee"])
def test_notices_may_relate_documents_and_meetings(tmp_path, ref):
    notice = edit(PRE_NOTICE, "related: [vote/fund-vote]", f"related: [vote/fund-vote, {ref}]")
    data, problems = governed(tmp_path, {PRE_NOTICE_PATH: notice})
    assert brief(problems, data) == []
    notice = edit(PRE_NOTICE, "related: [vote/fund-vote]", f"related: [vote/fund-vote, {ref}-x]")
    data, problems = governed(tmp_path / "b", {PRE_NOTICE_PATH: notice})
    p = only(problems, data, "ref.missing", PRE_NOTICE_PATH, line_of(notice, "related:"), col_of(notice, ref))
    assert f"“{ref}-x”不存在" in p.message


# ---------------------------------------------------------------- firms

@pytest.mark.parametrize("code, why", [
    ("91110105MA01K8W3XB", "校验码应为 A"),
    ("91110105ma01k8w3xa", "字母须大写"),
    ("91110105MA01K8W3X", "应为 18 位"),
    ("91110105MO01K8W3XA", "不用 I、O、Z、S、V"),
])
def test_credit_codes_are_verified(tmp_path, code, why):
    text = edit(FIRM, "91110105MA01K8W3XA", code)
    data, problems = governed(tmp_path, {FIRM_PATH: text})
    p = only(problems, data, "firm.credit_code", FIRM_PATH, line_of(text, "credit_code:"), col_of(text, code))
    assert why in p.message


@pytest.mark.parametrize("code", [
    "91350100M000100Y43",    # real-format codes whose check characters were computed by hand
    "91110108MA02RL5Q1R",
    "91330106MA2H3KQ4X2",
    "911100001000128855",    # all digits: a published credit code, not a bank card number (privacy)
])
def test_valid_credit_codes(tmp_path, code):
    data, problems = governed(tmp_path, {FIRM_PATH: edit(FIRM, "91110105MA01K8W3XA", code)})
    assert brief(problems, data) == []


def test_a_check_character_of_zero():
    from generator.analysis.credit_code import ALPHABET, WEIGHTS, check_character
    # 31 − (Σ mod 31) is 31 exactly when the weighted sum is a multiple of 31: the check is then 0, not 31.
    body = next(b for b in (f"91{a}{'0' * 13}{z}" for a in ALPHABET for z in ALPHABET)
                if sum(ALPHABET.index(c) * w for c, w in zip(b, WEIGHTS)) % 31 == 0)
    assert check_character(body) == "0"


def test_two_firms_with_one_credit_code(tmp_path):
    data, problems = governed(tmp_path, {"firms/moumou-2.yml": FIRM})
    p = only(problems, data, "id.duplicate", "firms/moumou-2.yml", line_of(FIRM, "credit_code:"), col_of(FIRM, "9111"))
    assert "firms/moumou.yml" in p.message


def test_the_named_firm_s_name_must_match(tmp_path):
    community = edit(GOVERNED[COMMUNITY_PATH], "  name: 某某物业服务有限公司", "  name: 某某物业公司")
    data, problems = governed(tmp_path, {COMMUNITY_PATH: community})
    p = only(problems, data, "firm.name_mismatch", COMMUNITY_PATH, line_of(community, "某某物业公司"),
             col_of(community, "某某物业公司"))
    assert "某某物业服务有限公司" in p.message and "firms/moumou.yml" in p.message


def test_a_named_firm_must_exist(tmp_path):
    data, problems = governed(tmp_path, {FIRM_PATH: None})
    community = GOVERNED[COMMUNITY_PATH]
    p = only(problems, data, "ref.missing", COMMUNITY_PATH, line_of(community, "firm:"), col_of(community, "moumou"))
    assert "firms/moumou.yml" in p.message


def test_a_firm_file_that_does_not_validate_is_not_missing_too(tmp_path):
    data, problems = governed(tmp_path, {FIRM_PATH: edit(FIRM, "name: 某某物业服务有限公司\n", "")})
    assert [p.code for p in problems] == ["schema.missing_field"]


# ---------------------------------------------------------------- party organisations

def party_committee(count: int, *, alternate: bool = False) -> str:
    text = COMMITTEE
    for name in ["乙某", "丙某", "丁某", "戊某"][:count - 1]:
        text = edit(text, f"{{name: {name}, role:", f"{{name: {name}, party_member: true, role:")
    if alternate:
        text += "  - {name: 己某, role: alternate, party_member: true, since: 2023-06-01}\n"
    return text


def test_three_party_members_need_a_party_organisation(tmp_path):
    text = party_committee(3)
    data, problems = governed(tmp_path, {COMMITTEE_PATH: text})
    p = only(problems, data, "party.organisation_missing", COMMITTEE_PATH, line_of(text, "members:"), 1,
             severity=Severity.WARNING)
    assert "3 名党员" in p.message and "甲某" in p.message


def test_two_party_members_and_an_alternate_do_not(tmp_path):
    data, problems = governed(tmp_path, {COMMITTEE_PATH: party_committee(2, alternate=True)})
    assert brief(problems, data) == []


def test_a_committee_or_community_organisation_covers_it(tmp_path):
    committee = edit(party_committee(4), "members:\n", "party_organisation: {name: 测试家园业委会党支部}\nmembers:\n")
    data, problems = governed(tmp_path, {COMMITTEE_PATH: committee})
    assert brief(problems, data) == []
    community = GOVERNED[COMMUNITY_PATH] + "party_organisation: {name: 测试家园小区党支部, kind: branch}\n"
    data, problems = governed(tmp_path / "b", {COMMITTEE_PATH: party_committee(4), COMMUNITY_PATH: community})
    assert brief(problems, data) == []


def test_the_property_project_s_organisation_does_not(tmp_path):
    community = GOVERNED[COMMUNITY_PATH] + "  party_organisation: {name: 某某物业测试家园项目党支部}\n"
    text = party_committee(3)
    data, problems = governed(tmp_path, {COMMITTEE_PATH: text, COMMUNITY_PATH: community})
    only(problems, data, "party.organisation_missing", COMMITTEE_PATH, line_of(text, "members:"), 1,
         severity=Severity.WARNING)
