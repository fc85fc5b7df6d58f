"""Reading: YAML syntax, shapes and types, ids, references, and the refused inputs."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal

import pytest

from generator.pipeline import check, load_portal
from tests.conftest import SAMPLE_DATA
from tests.rules.helpers import (
    AS_OF, C, COMMITTEE, COMMITTEE_PATH, COMMUNITY, COMMUNITY_PATH, FUND, FUND_PATH, PRE_NOTICE,
    PRE_NOTICE_PATH, REVENUE, REVENUE_PATH, SITE, SITE_PATH, VOTE, VOTE_PATH, brief, codes, col_of, edit,
    line_of, only, rel, run, write_data,
)


def test_base_portal_is_clean(tmp_path):
    data, problems = run(tmp_path)
    assert brief(problems, data) == []


# ---------------------------------------------------------------- YAML syntax

def test_yaml_syntax_error_at_its_line(tmp_path):
    text = edit(VOTE, "budget: 100000.00\n", "budget: 100000.00\n  stray: indented\n")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    only(problems, data, "yaml.syntax", VOTE_PATH, line_of(text, "stray"))


def test_yaml_syntax_unclosed_quote(tmp_path):
    text = edit(COMMUNITY, "name: 测试家园", 'name: "测试家园')
    data, problems = run(tmp_path, {COMMUNITY_PATH: text})
    assert codes(problems) == ["yaml.syntax"]
    assert rel(problems[0], data) == COMMUNITY_PATH


def test_yaml_tab_indentation_is_a_syntax_error(tmp_path):
    text = edit(COMMUNITY, "  name: 某某物业服务有限公司", "\tname: 某某物业服务有限公司")
    data, problems = run(tmp_path, {COMMUNITY_PATH: text})
    only(problems, data, "yaml.syntax", COMMUNITY_PATH, line_of(text, "\tname"))


def test_yaml_duplicate_key_at_the_second_key(tmp_path):
    text = edit(VOTE, "matter: use_fund\n", "matter: use_fund\ntitle: 又一个标题\n")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    p = only(problems, data, "yaml.duplicate_key", VOTE_PATH, line_of(text, "又一个标题"), 1)
    assert "title" in p.message
    assert "第 1 行" in p.message   # where the first one is


def test_duplicate_key_inside_a_list_item(tmp_path):
    text = edit(FUND, "    summary: 屋面维修\n", "    summary: 屋面维修\n    amount: 80000.00\n")
    data, problems = run(tmp_path, {FUND_PATH: text})
    assert brief(problems, data) == [(FUND_PATH, line_of(text, "summary: 屋面维修") + 1, 5, "error", "yaml.duplicate_key")]


# ---------------------------------------------------------------- fields

def test_unknown_field_suggests_the_nearest_name(tmp_path):
    text = edit(VOTE, "declared_result: passed", "declared_reslt: passed")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    p = only(problems, data, "schema.unknown_field", VOTE_PATH, line_of(text, "declared_reslt"), 1)
    assert "declared_reslt" in p.message and "“declared_result”" in p.message


def test_unknown_nested_field_suggests_a_name_of_that_level(tmp_path):
    text = edit(FUND, "    summary: 屋面维修", "    sumary: 屋面维修")
    data, problems = run(tmp_path, {FUND_PATH: text})
    # A misspelt required field is both unknown and missing (the latter at its entry).
    assert brief(problems, data) == [
        (FUND_PATH, line_of(text, "id: mf-002"), 5, "error", "schema.missing_field"),
        (FUND_PATH, line_of(text, "sumary"), 5, "error", "schema.unknown_field"),
    ]
    assert "“summary”" in problems[1].message and "summary" in problems[0].message


def test_missing_top_level_field(tmp_path):
    text = edit(VOTE, "matter: use_fund\n", "")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    p = only(problems, data, "schema.missing_field", VOTE_PATH, 1)
    assert "matter" in p.message


def test_missing_nested_field_at_its_parent(tmp_path):
    text = edit(VOTE, "voting: {start: 2025-03-01, end: 2025-03-15}", "voting: {start: 2025-03-01}")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    p = only(problems, data, "schema.missing_field", VOTE_PATH, line_of(text, "voting:"))
    assert "end" in p.message


def test_transfer_in_without_from_is_missing_a_field(tmp_path):
    text = edit(FUND, "    from: public-revenue\n", "")
    data, problems = run(tmp_path, {FUND_PATH: text})
    p = only(problems, data, "schema.missing_field", FUND_PATH, line_of(text, "type: transfer_in"))
    assert "from" in p.message


def test_income_without_source_is_missing_a_field(tmp_path):
    text = edit(REVENUE, "    source: parking\n", "")
    data, problems = run(tmp_path, {REVENUE_PATH: text})
    p = only(problems, data, "schema.missing_field", REVENUE_PATH, line_of(text, "type: income"))
    assert "source" in p.message


def test_wrong_type_a_word_for_a_count(tmp_path):
    text = edit(COMMUNITY, "owners: 300", "owners: 三百")
    data, problems = run(tmp_path, {COMMUNITY_PATH: text})
    p = only(problems, data, "schema.type", COMMUNITY_PATH, line_of(text, "owners"), col_of(text, "三百"))
    assert "owners" in p.message


def test_wrong_type_a_list_where_a_mapping_belongs(tmp_path):
    text = edit(VOTE, "voting: {start: 2025-03-01, end: 2025-03-15}", "voting: [2025-03-01, 2025-03-15]")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    only(problems, data, "schema.type", VOTE_PATH, line_of(text, "voting"))


@pytest.mark.parametrize("bad", ["2025-02-30", "2025/02/10", "2025-2-10", "明天"])
def test_bad_date(tmp_path, bad):
    text = edit(PRE_NOTICE, "published: 2025-02-10", f"published: {bad}")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    p = only(problems, data, "schema.type", PRE_NOTICE_PATH, line_of(text, "published"), col_of(text, bad))
    assert "published" in p.message and bad.strip("'\"") in p.message


@pytest.mark.parametrize("bad", [
    "80000.001",        # three decimals
    "-80000.00",        # negative: the type gives the direction
    '"80000.00"',       # a string
    "'80000.00'",
    "80,000.00",        # thousands separator
    "8e4",              # exponent
    "8E4",
    ".nan",
    ".inf",
    "-.inf",
    "0",                # an entry amount is positive
    "true",
])
def test_bad_entry_amount(tmp_path, bad):
    text = edit(FUND, "amount: 80000.00", f"amount: {bad}")
    data, problems = run(tmp_path, {FUND_PATH: text})
    line = line_of(text, f"amount: {bad}")
    p = only(problems, data, "schema.type", FUND_PATH, line, col_of(text, f"amount: {bad}") + len("amount: "))
    assert "amount" in p.message


@pytest.mark.parametrize("bad", ["1,234.00", "1e5", "12.505", '"12.50"', ".NaN", ".Inf"])
def test_bad_balance(tmp_path, bad):
    text = edit(FUND, "opening_balance: 100000.00", f"opening_balance: {bad}")
    data, problems = run(tmp_path, {FUND_PATH: text})
    p = only(problems, data, "schema.type", FUND_PATH, 2, col_of(text, bad))
    assert "opening_balance" in p.message


def test_area_with_three_decimals(tmp_path):
    text = edit(COMMUNITY, "exclusive_area_m2: 27000.00", "exclusive_area_m2: 27000.005")
    data, problems = run(tmp_path, {COMMUNITY_PATH: text})
    only(problems, data, "schema.type", COMMUNITY_PATH, line_of(text, "exclusive_area_m2"), 20)


def test_money_message_says_how_to_write_it(tmp_path):
    text = edit(FUND, "closing_balance: 80000.00", "closing_balance: 80,000.00")
    data, problems = run(tmp_path, {FUND_PATH: text})
    p = only(problems, data, "schema.type", FUND_PATH, line_of(text, "closing_balance"))
    assert "80000.00" in p.message      # the number as it should be written


# issue 14: "12,5000.00" was answered "请写成 125000.00", ten times the 12,500.00 meant.
@pytest.mark.parametrize("bad", ["12,5000.00", "1,25,000.00", "12500,00", "1，2500.00"])
def test_money_with_commas_off_the_thousands_gets_no_suggested_figure(tmp_path, bad):
    text = edit(FUND, "amount: 80000.00", f"amount: {bad}")
    data, problems = run(tmp_path, {FUND_PATH: text})
    p = only(problems, data, "schema.type", FUND_PATH, line_of(text, bad), col_of(text, bad))
    assert f"“{bad}”的逗号不在千位上" in p.message and "按凭证重新写出" in p.message
    digits = bad.replace(",", "").replace("，", "")
    assert digits not in p.message and not any(ch.isdigit() for ch in p.message.replace(bad, "").replace("entries[2]", ""))


@pytest.mark.parametrize("written, suggested", [("1,000.00", "1000.00"), ("80,000.00", "80000.00"), ("1,234,567.8", "1234567.8"),
                                                ("12，500.00", "12500.00")])
def test_money_with_thousands_separators_keeps_its_suggestion(tmp_path, written, suggested):
    text = edit(FUND, "amount: 80000.00", f"amount: {written}")
    data, problems = run(tmp_path, {FUND_PATH: text})
    p = only(problems, data, "schema.type", FUND_PATH, line_of(text, written), col_of(text, written))
    assert p.message.endswith(f"不能带千位分隔符：请写成 {suggested}")


@pytest.mark.parametrize("field, bad", [("owners", "0"), ("area_m2", "0.00"), ("area_m2", "0")])
def test_electorate_of_zero_is_refused(tmp_path, field, bad):
    electorate = {"owners": "300", "area_m2": "27000.00"}
    electorate[field] = bad
    line = f"electorate: {{owners: {electorate['owners']}, area_m2: {electorate['area_m2']}}}"
    text = edit(VOTE, "turnout:", f"{line}\nturnout:")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    p = only(problems, data, "schema.type", VOTE_PATH, line_of(text, "electorate"), col_of(text, f"{field}: {bad}") + len(field) + 2)
    assert field in p.message


def test_community_of_zero_owners_is_refused(tmp_path):
    text = edit(COMMUNITY, "owners: 300", "owners: 0")
    data, problems = run(tmp_path, {COMMUNITY_PATH: text})
    only(problems, data, "schema.type", COMMUNITY_PATH, line_of(text, "owners"))


def test_enum_lists_allowed_values_with_chinese_labels(tmp_path):
    text = edit(VOTE, "matter: use_fund", "matter: usefund")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    p = only(problems, data, "schema.enum", VOTE_PATH, 2, 9)
    assert "usefund" in p.message
    for value in ("rules", "covenant", "election", "hire_manager", "use_fund", "raise_fund", "rebuild",
                  "change_use", "other"):
        assert value in p.message
    assert "使用建筑物及其附属设施的维修资金" in p.message    # use_fund's label
    assert "改建、重建建筑物及其附属设施" in p.message          # rebuild's label


def test_enum_in_a_list_item(tmp_path):
    text = edit(FUND, "type: deposit", "type: deposite")
    data, problems = run(tmp_path, {FUND_PATH: text})
    p = only(problems, data, "schema.enum", FUND_PATH, line_of(text, "deposite"), col_of(text, "deposite"))
    assert "deposit（交存）" in p.message and "transfer_in（转入）" in p.message


def test_all_schema_errors_of_one_file_are_reported(tmp_path):
    text = edit(VOTE, "matter: use_fund", "matter: usefund")
    text = edit(text, "budget: 100000.00", "budget: 100000.001")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    assert brief(problems, data) == [
        (VOTE_PATH, 2, 9, "error", "schema.enum"),
        (VOTE_PATH, 3, 9, "error", "schema.type"),
    ]


def test_empty_file_is_a_type_error(tmp_path):
    data, problems = run(tmp_path, {VOTE_PATH: "# 还没写\n"})
    only(problems, data, "schema.type", VOTE_PATH, 1)


# ---------------------------------------------------------------- ids and references

def test_file_stem_that_is_not_an_id(tmp_path):
    path = f"{C}/notices/Notice_1.yml"
    data, problems = run(tmp_path, {path: edit(PRE_NOTICE, "related: [vote/fund-vote]", "related: []")})
    p = only(problems, data, "id.invalid", path, 1)
    assert "Notice_1" in p.message


def test_community_slug_that_is_not_an_id(tmp_path):
    data, problems = run(tmp_path, {"communities/Bad Slug/community.yml": COMMUNITY})
    only(problems, data, "id.invalid", "communities/Bad Slug", 1)


def test_entry_id_that_is_not_an_id(tmp_path):
    text = edit(FUND, "id: mf-001", "id: MF_001")
    data, problems = run(tmp_path, {FUND_PATH: text})
    only(problems, data, "id.invalid", FUND_PATH, line_of(text, "MF_001"), col_of(text, "MF_001"))


@pytest.mark.parametrize("length, ok", [(100, True), (101, False), (251, False)])
def test_ids_are_at_most_100_characters(tmp_path, length, ok):
    # A 251-character notice id made the PDF step crash with ENAMETOOLONG.
    stem = "n" * length
    path = f"{C}/notices/{stem}.yml"
    data, problems = run(tmp_path, {path: edit(PRE_NOTICE, "related: [vote/fund-vote]", "related: []")})
    if ok:
        assert brief(problems, data) == []
    else:
        p = only(problems, data, "id.invalid", path, 1, 1)
        assert f"有 {length} 个字符，最多 100 个" in p.message and "n" * 41 not in p.message


def test_a_long_entry_id_and_a_long_slug_are_refused(tmp_path):
    long_id = "mf-" + "0" * 98
    text = edit(FUND, "id: mf-001", f"id: {long_id}")
    slug = "s" * 101
    data, problems = run(tmp_path, {FUND_PATH: text, f"communities/{slug}/community.yml": COMMUNITY})
    assert sorted(brief(problems, data)) == [
        (f"communities/{slug}", 1, 1, "error", "id.invalid"),
        (FUND_PATH, line_of(text, long_id), col_of(text, long_id), "error", "id.invalid"),
    ]


@pytest.mark.parametrize("folder, text", [("notices", PRE_NOTICE), ("votes", VOTE)])
def test_a_record_may_not_take_the_name_of_its_list_page(tmp_path, folder, text):
    # notices/index.yml would be published as notices/index.md: the list of notices.
    path = f"{C}/{folder}/index.yml"
    data, problems = run(tmp_path, {path: text})
    problems = [p for p in problems if p.code == "id.reserved"]
    p = only(problems, data, "id.reserved", path, 1, 1)
    assert f"编号“index”是网站自己使用的名字（{folder}/index 是这一栏的列表页）" in p.message


@pytest.mark.parametrize("slug", ["assets", "search", "404", "sitemap", "manifest", "admin", "communities", "streets",
                                  "index", "guide", "about", "glossary", "downloads"])
def test_a_community_may_not_take_a_name_the_site_writes(tmp_path, slug):
    data, problems = run(tmp_path, {f"communities/{slug}/community.yml": COMMUNITY})
    p = only([p for p in problems if p.code == "id.reserved"], data, "id.reserved", f"communities/{slug}", 1, 1)
    assert p.message.startswith(f"小区文件夹名“{slug}”是网站自己使用的名字")


def test_reserved_names_follow_the_page_table(tmp_path):
    """One registry: a page the generator writes is reserved by being in it, and what the
    generator writes is in it (the built sample's root, the district's root)."""
    from generator import site_layout

    assert site_layout.reserved_ids("notice") == site_layout.reserved_ids("vote") == {"index"}
    assert site_layout.reserved_ids("document") == {"index"}
    assert site_layout.reserved_ids("inspection") == set()
    names = site_layout.reserved_slugs(*site_layout.content_folders(SAMPLE_DATA))
    assert names == {"index", "communities", "streets", "firms", "assets", "search", "404", "sitemap", "manifest",
                     "admin", "about", "guide", "glossary", "downloads"}


def test_site_yml_and_site_yaml_both_present(tmp_path):
    data, problems = run(tmp_path, {"site.yaml": edit(SITE, "title: 测试家园小区信息公开", "title: 另一个标题")})
    p = only(problems, data, "site.duplicate_file", "site.yaml", 1, 1)
    assert "只读取 site.yml" in p.message


@pytest.mark.parametrize("name", [".env", ".draft-notice.yml", ".obsidian"])
def test_hidden_files_are_not_read_and_warned_about(tmp_path, name):
    from generator.problems import Severity

    data = write_data(tmp_path)
    target = data / C / "notices" / name
    if name.startswith(".obsidian"):
        target.mkdir()
        (target / "workspace.json").write_text("{}", encoding="utf-8")
    else:
        target.write_text("title: 草稿 13812345678\n", encoding="utf-8")
    (data / C / "notices" / ".gitkeep").write_text("", encoding="utf-8")   # git's convention: quiet
    _, problems = check(data, AS_OF)
    p = only(problems, data, "file.hidden", f"{C}/notices/{name}", 1, 1, severity=Severity.WARNING)
    assert p.message.startswith(f"隐藏的{'文件夹' if name == '.obsidian' else '文件'}“{name}”不会被读取")


def test_duplicate_entry_id_across_ledgers(tmp_path):
    text = edit(REVENUE, "id: pr-002", "id: mf-002")
    data, problems = run(tmp_path, {REVENUE_PATH: text})
    p = only(problems, data, "id.duplicate", REVENUE_PATH, line_of(text, "id: mf-002"), col_of(text, "mf-002"))
    assert "mf-002" in p.message and "maintenance-fund/2025.yml" in p.message


def test_duplicate_entry_id_within_a_ledger(tmp_path):
    text = edit(FUND, "id: mf-003", "id: mf-001")
    data, problems = run(tmp_path, {FUND_PATH: text})
    only(problems, data, "id.duplicate", FUND_PATH, line_of(FUND, "id: mf-003"), col_of(FUND, "mf-003"))


def test_two_files_with_one_id(tmp_path):
    data, problems = run(tmp_path, {f"{C}/votes/fund-vote.yaml": VOTE})
    only(problems, data, "id.duplicate", f"{C}/votes/fund-vote.yml", 1)


def test_vote_names_a_missing_notice(tmp_path):
    text = edit(VOTE, "notice: fund-vote-notice", "notice: no-such-notice")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    p = only(problems, data, "ref.missing", VOTE_PATH, 4, 9)
    assert "no-such-notice" in p.message


def test_entry_names_a_missing_vote(tmp_path):
    text = edit(FUND, "vote: fund-vote", "vote: roof-vote")
    data, problems = run(tmp_path, {FUND_PATH: text})
    p = only(problems, data, "ref.missing", FUND_PATH, line_of(text, "roof-vote"), col_of(text, "roof-vote"))
    assert "roof-vote" in p.message


def test_notice_relates_a_missing_record(tmp_path):
    text = edit(PRE_NOTICE, "related: [vote/fund-vote]", "related: [vote/fund-vote, inspection/2030-lift]")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    p = only(problems, data, "ref.missing", PRE_NOTICE_PATH, line_of(text, "related"), col_of(text, "inspection/"))
    assert "inspection/2030-lift" in p.message


@pytest.mark.parametrize("ref", ["entry/mf-002", "maintenance-fund/2025", "public-revenue/2025", "evaluation/2024",
                                 "inspection/2025-fire", "notice/fund-vote-result", "committee"])
def test_notice_relates_existing_records(tmp_path, ref):
    text = edit(PRE_NOTICE, "related: [vote/fund-vote]", f"related: [vote/fund-vote, {ref}]")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    assert brief(problems, data) == []


def test_correction_names_a_missing_record(tmp_path):
    path = f"{C}/notices/fix.yml"
    text = edit(PRE_NOTICE, "kind: pre_vote", "kind: correction")
    text = edit(text, "related: [vote/fund-vote]", "related: []\ncorrects: entry/mf-404\nchanges: 金额原为 1.00，现为 2.00，笔误")
    data, problems = run(tmp_path, {path: text})
    p = only(problems, data, "ref.missing", path, line_of(text, "corrects"), col_of(text, "entry/"))
    assert "entry/mf-404" in p.message


# ---------------------------------------------------------------- YAML 1.1 traps

def test_numbers_and_words_stay_as_typed(tmp_path):
    fund = edit(FUND, "voucher: 记-2025-001", "voucher: 0101")
    committee = edit(COMMITTEE, "building: 3号楼", "building: no")
    data = write_data(tmp_path, {FUND_PATH: fund, COMMITTEE_PATH: committee})
    portal, problems = load_portal(data)
    assert brief(problems, data) == []
    community = portal.communities["x"]
    assert community.fund["2025"].model.entries[0].voucher == "0101"
    assert community.committee.model.members[2].building == "no"
    assert community.fund["2025"].model.period == "2025"
    assert community.fund["2025"].model.opening_balance == Decimal("100000.00")


def test_money_is_an_exact_decimal(tmp_path):
    text = edit(FUND, "opening_balance: 100000.00", "opening_balance: 0.10")
    text = edit(text, "closing_balance: 80000.00", "closing_balance: 0.10")
    data = write_data(tmp_path, {FUND_PATH: text})
    portal, _ = load_portal(data)
    assert portal.communities["x"].fund["2025"].model.opening_balance == Decimal("0.10")
    assert str(portal.communities["x"].fund["2025"].model.opening_balance) == "0.10"


def test_quoted_text_where_text_is_expected_is_fine(tmp_path):
    text = edit(FUND, "voucher: 记-2025-001", 'voucher: "0101"')
    data, problems = run(tmp_path, {FUND_PATH: text})
    assert brief(problems, data) == []


def test_boolean_words_are_not_booleans(tmp_path):
    text = edit(COMMITTEE, "party_member: true", "party_member: yes")
    data, problems = run(tmp_path, {COMMITTEE_PATH: text})
    only(problems, data, "schema.type", COMMITTEE_PATH, line_of(text, "party_member: yes"), col_of(text, "yes"))


# ---------------------------------------------------------------- refused inputs

def test_gbk_file_is_refused_at_the_first_bad_byte(tmp_path):
    data = write_data(tmp_path)
    path = data / VOTE_PATH
    path.write_bytes(edit(VOTE, "title: 使用专项维修资金维修屋面", "title: 维修").encode("utf-8").replace(
        "matter: use_fund".encode(), "matter: use_fund # 修理".encode("gbk")))   # 修 is D0 DE: D0 starts a UTF-8 pair, DE cannot follow
    _, problems = check(data, AS_OF)
    p = only(problems, data, "file.encoding", VOTE_PATH, 2, len("matter: use_fund # ") + 1)
    assert "UTF-8" in p.message


def test_gbk_file_from_the_first_line(tmp_path):
    data = write_data(tmp_path)
    (data / COMMUNITY_PATH).write_bytes(COMMUNITY.encode("gbk"))
    _, problems = check(data, AS_OF)
    only(problems, data, "file.encoding", COMMUNITY_PATH, 1, 7)


def test_bom_and_crlf_are_accepted(tmp_path):
    data = write_data(tmp_path)
    for rel_path in (VOTE_PATH, COMMUNITY_PATH):
        text = (data / rel_path).read_text(encoding="utf-8")
        (data / rel_path).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    _, problems = check(data, AS_OF)
    assert brief(problems, data) == []


def test_bom_and_crlf_keep_lines_and_columns(tmp_path):
    text = edit(VOTE, "declared_result: passed", "declared_result: failed")
    data = write_data(tmp_path, {VOTE_PATH: text})
    (data / VOTE_PATH).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    _, problems = check(data, AS_OF)
    mismatch = [p for p in problems if p.code == "vote.result_mismatch"]
    assert [(rel(p, data), p.location.line, p.location.column) for p in mismatch] == [
        (VOTE_PATH, line_of(text, "declared_result"), col_of(text, "failed"))]


def test_bom_first_line_column(tmp_path):
    text = edit(COMMUNITY, "name: 测试家园", "nme: 测试家园")
    data = write_data(tmp_path)
    (data / COMMUNITY_PATH).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    _, problems = check(data, AS_OF)
    unknown = [p for p in problems if p.code == "schema.unknown_field"]
    assert [(p.location.line, p.location.column) for p in unknown] == [(1, 1)]


def test_file_larger_than_5_mb_is_refused(tmp_path):
    data = write_data(tmp_path)
    padding = ("# " + "x" * 1000 + "\n") * (5 * 1024 * 1024 // 1003 + 10)
    (data / VOTE_PATH).write_text(VOTE + padding, encoding="utf-8")
    assert (data / VOTE_PATH).stat().st_size > 5 * 1024 * 1024
    _, problems = check(data, AS_OF)
    # The vote is unreadable; the fund expense citing it is not a "missing" reference.
    only(problems, data, "file.too_large", VOTE_PATH, 1)


def test_file_of_just_under_5_mb_is_read(tmp_path):
    data = write_data(tmp_path)
    padding = ("# " + "x" * 1000 + "\n") * (5 * 1024 * 1024 // 1003 - 10)
    (data / VOTE_PATH).write_text(VOTE + padding, encoding="utf-8")
    assert (data / VOTE_PATH).stat().st_size < 5 * 1024 * 1024
    _, problems = check(data, AS_OF)
    assert brief(problems, data) == []


@pytest.mark.parametrize("tagged", [
    "!!python/object/apply:os.system [echo pwned]",
    "!!python/object:builtins.dict {}",
    "!!str 0101",
    "!local 1",
])
def test_yaml_tags_are_refused(tmp_path, tagged):
    text = edit(VOTE, "title: 使用专项维修资金维修屋面", f"title: {tagged}")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    only(problems, data, "yaml.tag", VOTE_PATH, 1, 8)


def test_two_documents_are_refused(tmp_path):
    text = VOTE + "---\n" + VOTE
    data, problems = run(tmp_path, {VOTE_PATH: text})
    only(problems, data, "yaml.multiple_documents", VOTE_PATH, VOTE.count("\n") + 1)


def test_one_document_with_an_explicit_start_is_fine(tmp_path):
    data, problems = run(tmp_path, {VOTE_PATH: "---\n" + VOTE})
    assert brief(problems, data) == []


def test_symlinked_file_is_refused_and_not_read(tmp_path):
    outside = tmp_path / "outside.yml"
    outside.write_text(edit(VOTE, "title: 使用专项维修资金维修屋面", "title: 外部文件 13812345678"), encoding="utf-8")
    data = write_data(tmp_path)
    os.symlink(outside, data / C / "votes" / "linked.yml")
    _, problems = check(data, AS_OF)
    only(problems, data, "file.symlink", f"{C}/votes/linked.yml", 1)


def test_symlinked_folder_is_refused(tmp_path):
    outside = tmp_path / "elsewhere"
    (outside / "notices").mkdir(parents=True)
    data = write_data(tmp_path)
    os.symlink(outside, data / "communities" / "y")
    _, problems = check(data, AS_OF)
    only(problems, data, "file.symlink", "communities/y", 1)


def test_alias_bomb_is_refused(tmp_path):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    text = "\n".join(lines) + "\n"
    data, problems = run(tmp_path, {f"{C}/notices/bomb.yml": text})
    assert codes(problems) == ["yaml.too_complex"], brief(problems, data)
    assert rel(problems[0], data) == f"{C}/notices/bomb.yml"


def test_small_aliases_are_fine(tmp_path):
    text = edit(VOTE, "approve: {owners: 200, area_m2: 18000.00}", "approve: &yes {owners: 200, area_m2: 18000.00}")
    text += "# 同一组数字\n"
    data, problems = run(tmp_path, {VOTE_PATH: text})
    assert brief(problems, data) == []


def test_very_deep_nesting_is_refused(tmp_path):
    text = "title: " + "[" * 200 + "]" * 200 + "\n"
    data, problems = run(tmp_path, {f"{C}/notices/deep.yml": text})
    assert codes(problems) == ["yaml.too_complex"], brief(problems, data)


def test_missing_data_folder(tmp_path):
    _, problems = check(tmp_path / "nothing", AS_OF)
    assert codes(problems) == ["file.missing"]


def test_missing_site_yml(tmp_path):
    data, problems = run(tmp_path, {SITE_PATH: None})
    only(problems, data, "file.missing", SITE_PATH, 1)


def test_unexpected_file_is_a_warning(tmp_path):
    from generator.problems import Severity
    data, problems = run(tmp_path, {f"{C}/notes.yml": "title: x\n"})
    only(problems, data, "file.unexpected", f"{C}/notes.yml", 1, severity=Severity.WARNING)


# ---------------------------------------------------------------- all at once

def test_problems_in_two_files_are_both_reported(tmp_path):
    vote = edit(VOTE, "budget: 100000.00\n", "budget: 100000.00\n  stray: indented\n")
    fund = edit(FUND, "closing_balance: 80000.00", "closing_balance: 80000.01")
    data, problems = run(tmp_path, {VOTE_PATH: vote, FUND_PATH: fund})
    assert [(rel(p, data), p.location.line, p.code) for p in problems] == [
        (FUND_PATH, line_of(fund, "closing_balance"), "ledger.unbalanced"),
        (VOTE_PATH, line_of(vote, "stray"), "yaml.syntax"),
    ]


def test_problems_in_many_files_of_several_kinds(tmp_path):
    data, problems = run(tmp_path, {
        SITE_PATH: SITE + "extra: 1\n",
        COMMUNITY_PATH: edit(COMMUNITY, "owners: 300", "owners: -1"),
        PRE_NOTICE_PATH: edit(PRE_NOTICE, "kind: pre_vote", "kind: prevote"),
        REVENUE_PATH: edit(REVENUE, "closing_balance: 24000.00", "closing_balance: 24000.10"),
    })
    assert sorted((rel(p, data), p.code) for p in problems) == sorted([
        (SITE_PATH, "schema.unknown_field"),
        (COMMUNITY_PATH, "schema.type"),
        (PRE_NOTICE_PATH, "schema.enum"),
        (REVENUE_PATH, "ledger.unbalanced"),
    ])


def test_problems_are_sorted_by_file_and_line(tmp_path):
    fund = edit(FUND, "date: 2025-01-10", "date: 2026-01-10")
    fund = edit(fund, "closing_balance: 80000.00", "closing_balance: 80000.01")
    data, problems = run(tmp_path, {FUND_PATH: fund})
    lines = [p.location.line for p in problems]
    assert lines == sorted(lines) and len(lines) == 2


def test_a_crashing_rule_is_a_problem_and_the_other_rules_still_run(tmp_path, monkeypatch):
    import generator.rules as rules

    def broken(ctx):
        raise ZeroDivisionError("bug")

    original = rules.all_rules
    monkeypatch.setattr(rules, "all_rules", lambda: (broken,) + tuple(original()))
    fund = edit(FUND, "closing_balance: 80000.00", "closing_balance: 80000.01")
    data, problems = run(tmp_path, {FUND_PATH: fund})
    assert sorted(codes(problems)) == ["internal.rule_failed", "ledger.unbalanced"]
