"""What owners read in the built sample (at 2026-11-25): figures, ratios, statuses, links.

Every expected value is recomputed here from the YAML (helpers.read_yaml keeps money as
Decimal); the pages are read from the built HTML, as a browser would show their text.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from tests.build.helpers import (
    COMMUNITY, INFLOW_TYPES, cn_date, latest_ledger, percent_beside, read_page, read_yaml, recomputed_closing, yuan,
)
from tests.conftest import SAMPLE_AS_OF, SAMPLE_DATA

AS_OF = date.fromisoformat(SAMPLE_AS_OF)
ACCOUNTS = {"maintenance-fund": "专项维修资金", "public-revenue": "公共收益"}


def notices() -> dict[str, dict]:
    return {path.stem: read_yaml(path) for path in sorted((COMMUNITY / "notices").glob("*.yml"))}


def notice_state(notice: dict) -> str:
    period = notice["period"]
    if AS_OF < period["from"]:
        return "即将公示"
    if AS_OF > period["to"]:
        return "已结束"
    return "公示中"


def days_left(notice: dict) -> int:
    # 公示期含首尾两日: on the last day one day is left.
    return (notice["period"]["to"] - AS_OF).days + 1


def half_end(period: str) -> date:
    """The last day of a half-year period: the day its closing balance is dated by."""
    year, half = period.split("-")
    return date(int(year), 6, 30) if half == "H1" else date(int(year), 12, 31)


def half_year(period: str) -> str:
    year, half = period.split("-")
    return f"{year}年" + {"H1": "上半年", "H2": "下半年"}[half]


# ------------------------------------------------------------------ 首页

def test_home_lists_every_active_notice_with_days_left(built_sample_site):
    home = read_page(built_sample_site, "")
    section = home.section("正在公示", "关键数字")
    active = {nid: n for nid, n in notices().items() if notice_state(n) == "公示中"}
    assert active, "the sample must have active notices at the build date"
    for nid, notice in active.items():
        match = re.search(re.escape(notice["title"]) + r"[^还]*?还剩 (\d+) 天", section)
        assert match, f"{nid} missing from 正在公示"
        assert int(match.group(1)) == days_left(notice)
        assert (f"notices/{nid}/", notice["title"]) in home.links
    assert section.count("还剩") == len(active)
    for nid, notice in notices().items():
        if notice_state(notice) == "已结束":
            assert notice["title"] not in section


def test_home_key_figures_are_the_latest_closing_balances(built_sample_site):
    home = read_page(built_sample_site, "")
    for account, title in ACCOUNTS.items():
        period, ledger = latest_ledger(account)
        closing = recomputed_closing(account, ledger)
        assert closing == ledger["closing_balance"], f"{account} {period}: the sample does not reconcile"
        assert half_end(period) < AS_OF, "the sample's latest period has ended at the build date"
        # Dated by the day the period ended (issue 18), not "2026年上半年末".
        assert f"{title}余额：{yuan(closing)}，截至{cn_date(half_end(period))}" in home.text
        assert (f"{account}/{period}/", f"{title}余额") in home.links


def test_home_warns_of_overdue_rectifications(built_sample_site):
    alerts = read_page(built_sample_site, "").section("提醒", "栏目")
    overdue = []
    for path in sorted((COMMUNITY / "inspections").glob("*.yml")):
        for item in read_yaml(path)["items"]:
            if item["result"] == "fail" and not item.get("rectified_on") and item["rectify_by"] < AS_OF:
                overdue.append(item)
    assert overdue, "the sample must have an overdue rectification"
    for item in overdue:
        days = (AS_OF - item["rectify_by"]).days
        assert f"逾期 {item['check']}：应于 {cn_date(item['rectify_by'])} 前整改，已逾期 {days} 天。" in alerts
    assert alerts.count("已逾期") == len(overdue)


def test_dates_are_written_the_chinese_way(built_sample_site):
    assert "数据截至 2026年11月25日" in read_page(built_sample_site, "").text
    for url in ("", "notices/", "votes/2025-elevator/", "maintenance-fund/2025-H1/", "inspections/", "committee/"):
        text = read_page(built_sample_site, url).text
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), url
        assert not re.search(r"年0\d月|月0\d日", text), url  # 2025年1月5日, not 2025年01月05日


# ------------------------------------------------------------------ 公示公告

def test_notice_index_shows_each_notice_under_its_status(built_sample_site):
    page = read_page(built_sample_site, "notices/")
    headings = {"公示中": ("正在公示", "即将公示"), "即将公示": ("即将公示", "已结束"), "已结束": ("已结束", None)}
    for nid, notice in notices().items():
        state = notice_state(notice)
        section = page.section(*headings[state])
        status = re.search(re.escape(notice["title"]) + r"(?:（打印版 PDF）)? .*? (公示中 还剩 \d+ 天|即将公示|已结束)", section)
        assert status, f"{nid} not under {headings[state][0]}"
        expected = f"公示中 还剩 {days_left(notice)} 天" if state == "公示中" else state
        assert status.group(1) == expected, nid
        notice_page = read_page(built_sample_site, f"notices/{nid}/")
        assert f"状态 {expected}" in notice_page.text
        assert f"公示期 {cn_date(notice['period']['from'])}至{cn_date(notice['period']['to'])}" in notice_page.text
        assert f"发布单位 {notice['issuer']}" in notice_page.text


def test_notice_index_marks_the_notices_with_a_notice_board_pdf(built_sample_site):
    page = read_page(built_sample_site, "notices/")
    printed = [nid for nid, notice in notices().items() if notice.get("print")]
    assert len(printed) == 7
    pdfs = sorted(href for href, text in page.links if text == "打印版 PDF")
    assert pdfs == sorted(f"{nid}.pdf" for nid in printed)
    for nid in printed:
        assert (built_sample_site / "notices" / f"{nid}.pdf").is_file()
        assert re.search(re.escape(notices()[nid]["title"]) + "（打印版 PDF）", page.text), nid
    assert "标有“打印版 PDF”的公示另有张贴在公告栏的打印版，可下载打印。" in page.text


def test_notice_page_names_objection_channel(built_sample_site):
    nid = "2026-11-inspection"
    notice = notices()[nid]
    text = read_page(built_sample_site, f"notices/{nid}/").text
    assert f"异议渠道 {notice['objection']['contact']}（截至 {cn_date(notice['objection']['until'])}）" in text


def test_a_notice_without_its_own_channel_names_the_committee_office_phone(built_sample_site):
    nid = "2026-12-fire-drill"
    notice = notices()[nid]
    assert "objection" not in notice, "the sample's fire-drill notice has no objection channel of its own"
    office = read_yaml(COMMUNITY / "committee.yml")["office_phone"]
    page = read_page(built_sample_site, f"notices/{nid}/")
    assert f"异议渠道 业委会办公电话 {office}（截至 {cn_date(notice['period']['to'])}）" in page.text
    assert ("tel:" + office.replace("-", ""), office) in page.links


@pytest.mark.parametrize("url, phones", [
    ("committee/", [("committee.yml", "office_phone")]),
    ("property/", [("community.yml", "property_manager", "office_phone")]),
    ("notices/2026-11-inspection/", [("notices/2026-11-inspection.yml", "objection", "contact")]),
    # In the body: 咨询电话：物业服务中心 010-12345678。
    ("notices/2026-12-fire-drill/", [("community.yml", "property_manager", "office_phone")]),
])
def test_phone_numbers_are_tel_links_with_digits_only(built_sample_site, url, phones):
    links = read_page(built_sample_site, url).links
    for path, *keys in phones:
        value = read_yaml(COMMUNITY / path)
        for key in keys:
            value = value[key]
        number = re.search(r"0[0-9]{2,3}-[0-9]{7,8}", value).group(0)
        assert ("tel:" + number.replace("-", ""), number) in links, (url, number)


def test_the_glossary_is_in_the_navigation_and_first_uses_link_to_it(built_sample_site):
    glossary = read_page(built_sample_site, "glossary/")
    assert "名词解释" in glossary.text and "期末余额 一期最后一天结束时账上的钱" in glossary.text
    assert '<a href="glossary/" class="md-tabs__link">' in read_page(built_sample_site, "").html   # a tab
    ledger = read_page(built_sample_site, "maintenance-fund/2025-H1/")
    terms = [link for link in ledger.links if "glossary/#" in link[0]]
    assert terms[:3] == [("../../glossary/#opening-balance", "期初余额"), ("../../glossary/#transfer-in", "转入"),
                         ("../../glossary/#deposit", "交存")]
    assert len({href for href, _ in terms}) == len(terms), "each term is linked once per page"


def test_correction_trail_links_both_ways(built_sample_site):
    corrections = {nid: n for nid, n in notices().items() if n["kind"] == "correction"}
    assert corrections, "the sample has a correction notice"
    for nid, notice in corrections.items():
        kind, _, entry_id = notice["corrects"].partition("/")
        assert kind == "entry"
        account = "maintenance-fund" if entry_id.startswith("mf-") else "public-revenue"
        period = next(p.stem for p in sorted((COMMUNITY / account).glob("*.yml"))
                      if any(e["id"] == entry_id for e in read_yaml(p)["entries"]))
        correction = read_page(built_sample_site, f"notices/{nid}/")
        # correction notice → the corrected entry, at its row
        assert any(href == f"../../{account}/{period}/#{entry_id}" for href, _ in correction.links)
        assert f"更正内容：{' '.join(notice['changes'].split())}" in correction.text
        # ledger page → the correction, from that entry's row
        ledger = read_page(built_sample_site, f"{account}/{period}/")
        row = re.search(rf'<span id="{entry_id}" class="card entry"></span>.*?</tr>', ledger.html, re.DOTALL).group(0)
        assert f'href="../../notices/{nid}/"' in row and "已更正" in row
        # a notice that published the corrected records lists the correction too
        for ref in notice["related"]:
            if ref.startswith("notice/"):
                corrected = read_page(built_sample_site, f"notices/{ref.split('/')[1]}/")
                assert (f"../{nid}/", notice["title"]) in corrected.links


# ------------------------------------------------------------------ 表决

VOTE_RULES = {
    # 民法典第278条: participation needs 2/3 by area and by headcount; matters (六)–(八)
    # (筹集维修资金, 改建重建, 改变共有部分用途或经营) need 3/4 of the participants, others a majority.
    "use_fund": "> 1/2",
    "facilities": "> 1/2",   # 公共设施设备完善改造: not among (六)–(八)
    "other": "> 1/2",
    "covenant": "> 1/2",     # (二) 管理规约
    "rules": "> 1/2",        # (一) 议事规则
    "change_use": "≥ 3/4",
}


def vote_tests(vid: str) -> list[tuple[str, str, str, bool]]:
    """(label, ratio, threshold, met) in page order, from the vote's YAML and community.yml."""
    vote = read_yaml(COMMUNITY / "votes" / f"{vid}.yml")
    community = read_yaml(COMMUNITY / "community.yml")
    electorate = vote.get("electorate") or {"owners": community["owners"], "area_m2": community["exclusive_area_m2"]}
    turnout, approve = vote["turnout"], vote["approve"]
    two_thirds, approval = Fraction(2, 3), VOTE_RULES[vote["matter"]]
    share = {"> 1/2": Fraction(1, 2), "≥ 3/4": Fraction(3, 4)}[approval]
    strict = approval.startswith(">")
    out = []
    for label, num, den, threshold, limit, strict_test in (
        ("参与表决人数占比", turnout["owners"], electorate["owners"], "≥ 2/3", two_thirds, False),
        ("参与表决面积占比", turnout["area_m2"], electorate["area_m2"], "≥ 2/3", two_thirds, False),
        ("同意人数占比", approve["owners"], turnout["owners"], approval, share, strict),
        ("同意面积占比", approve["area_m2"], turnout["area_m2"], approval, share, strict),
    ):
        ratio = Fraction(Decimal(num)) / Fraction(Decimal(den))
        met = ratio > limit if strict_test else ratio >= limit
        out.append((label, percent_beside(ratio, met), threshold, met))
    return out


@pytest.mark.parametrize("vid, result", [("2025-elevator", "通过"), ("2026-monitoring", "通过"), ("2026-advertising", "未通过")])
def test_vote_page_shows_each_ratio_beside_its_threshold(built_sample_site, vid, result):
    page = read_page(built_sample_site, f"votes/{vid}/")
    tests = vote_tests(vid)
    for label, ratio, threshold, met in tests:
        mark = "✓ 达到" if met else "✗ 未达到"
        assert f"{label} {ratio} {threshold} {mark}" in page.text
    assert (result == "通过") == all(met for *_, met in tests)
    assert f"计算结果：{result} " in page.text  # the title of a success / failure box
    assert f"公告结果：{result}（与计算结果一致）" in page.text


def test_elevator_vote_two_decimal_ratios(built_sample_site):
    text = read_page(built_sample_site, "votes/2025-elevator/").text
    # 82 of 100 owners and 7,420.50 of 9,000.00 m² took part; 70 and 6,350.20 m² approved.
    assert "参与表决人数占比 82.00% ≥ 2/3 ✓ 达到（82 / 100）" in text
    assert "参与表决面积占比 82.45% ≥ 2/3 ✓ 达到（7,420.50 / 9,000.00）" in text
    assert "同意面积占比 85.58% > 1/2 ✓ 达到（6,350.20 / 7,420.50）" in text


def test_failed_vote_says_why(built_sample_site):
    text = read_page(built_sample_site, "votes/2026-advertising/").text
    failing = [label for label, _, _, met in vote_tests("2026-advertising") if not met]
    assert failing == ["同意人数占比", "同意面积占比"]
    assert "计算结果：未通过 同意人数占比、同意面积占比未达到四分之三以上，未通过。" in text


def test_vote_page_links_notices_and_spending(built_sample_site):
    page = read_page(built_sample_site, "votes/2025-elevator/")
    vote = read_yaml(COMMUNITY / "votes" / "2025-elevator.yml")
    assert (f"../../notices/{vote['notice']}/", notices()[vote["notice"]]["title"]) in page.links
    spent = Decimal(0)
    for path in sorted((COMMUNITY / "maintenance-fund").glob("*.yml")):
        for entry in read_yaml(path)["entries"]:
            if entry.get("vote") == "2025-elevator":
                spent += entry["amount"]
                assert (f"../../maintenance-fund/{path.stem}/#{entry['id']}", entry["summary"]) in page.links
    assert spent and f"累计支出 {yuan(spent)}，预算上限 {yuan(vote['budget'])}。" in page.text


# ------------------------------------------------------------------ 公示中由数据生成的表（issue 14）

REPORTS = [nid for nid, n in notices().items() if n["kind"] in ("fund_report", "revenue_report")]


def related_periods(notice: dict) -> list[tuple[str, str]]:
    refs = [ref.partition("/") for ref in notice.get("related", [])]
    return [(kind, ident) for kind, _, ident in refs if kind in ACCOUNTS]


def entry_cells(page, entry_id: str) -> list[str]:
    match = re.search(rf'<tr>\s*<td><span id="{entry_id}" class="card entry"></span>(.*?)</tr>', page.html, re.DOTALL)
    assert match, entry_id
    # One text per cell, its inline tags dropped (a glossary link may sit inside a summary).
    cells = re.split(r"</?t[dh]\b[^>]*>", match.group(1))
    return [text for c in cells if (text := re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", c)).strip())]


@pytest.mark.parametrize("nid", REPORTS)
def test_statement_notice_shows_each_related_period_and_its_entries_from_the_ledger(built_sample_site, nid):
    notice = notices()[nid]
    page = read_page(built_sample_site, f"notices/{nid}/")
    assert "| 项目 | 金额 |" not in (COMMUNITY / "notices" / f"{nid}.yml").read_text(encoding="utf-8")  # no re-typed table
    assert related_periods(notice)
    for account, period in related_periods(notice):
        ledger = read_yaml(COMMUNITY / account / f"{period}.yml")
        inflow = sum((e["amount"] for e in ledger["entries"] if e["type"] in INFLOW_TYPES[account]), Decimal(0))
        outflow = sum((e["amount"] for e in ledger["entries"] if e["type"] not in INFLOW_TYPES[account]), Decimal(0))
        closing = recomputed_closing(account, ledger)
        heading = f"{ACCOUNTS[account]} {half_year(period)}收支（根据台账生成）"
        section = page.section(heading, f"{ACCOUNTS[account]} {half_year(period)}明细")
        assert f"期初余额 {ledger['opening_balance']:,.2f}" in section
        assert f"本期收入合计 {inflow:,.2f}" in section and f"本期支出合计 {outflow:,.2f}" in section
        assert f"期末余额（截至{cn_date(half_end(period))}） {closing:,.2f}" in section
        for entry in ledger["entries"]:
            cells = entry_cells(page, entry["id"])
            assert cn_date(entry["date"]) in cells and entry["voucher"] in cells
            assert any(c.startswith(entry["summary"]) for c in cells)   # （已更正） may follow it
            assert f"{entry['amount']:,.2f}" in cells, entry["id"]
            if entry.get("vote"):
                assert any(f"表决：" in c for c in cells)
            if entry.get("emergency"):
                assert any(c.startswith(f"紧急使用：{entry['emergency']['reason']}") for c in cells)


@pytest.mark.parametrize("nid", [nid for nid, n in notices().items() if n["kind"] == "vote_result"])
def test_result_notice_shows_the_tally_and_each_ratio_beside_its_threshold(built_sample_site, nid):
    notice = notices()[nid]
    votes = [ref.partition("/")[2] for ref in notice["related"] if ref.startswith("vote/")]
    assert votes   # a result notice announces one vote or several (an assembly votes on several matters)
    page = read_page(built_sample_site, f"notices/{nid}/")
    for vid in votes:
        vote = read_yaml(COMMUNITY / "votes" / f"{vid}.yml")
        section = page.section(f"表决结果：{vote['title']}（根据计票生成）")
        for label in ("参与表决", "同意", "反对", "弃权"):
            tally = vote[{"参与表决": "turnout", "同意": "approve", "反对": "oppose", "弃权": "abstain"}[label]]
            assert f"{label} {tally['owners']} {tally['area_m2']:,.2f}" in section
        for label, ratio, threshold, met in vote_tests(vid):
            assert f"{label} {ratio} {threshold} {'✓ 达到' if met else '✗ 未达到'}" in section
        result = "通过" if all(met for *_, met in vote_tests(vid)) else "未通过"
        assert f"计算结果：{result} " in section


def test_correction_shows_the_entry_it_corrects_from_the_ledger(built_sample_site):
    notice = notices()["2026-pr-correction"]
    kind, _, entry_id = notice["corrects"].partition("/")
    assert kind == "entry"
    ledger = read_yaml(COMMUNITY / "public-revenue" / "2025-H1.yml")
    entry = next(e for e in ledger["entries"] if e["id"] == entry_id)
    page = read_page(built_sample_site, "notices/2026-pr-correction/")
    assert "公共收益 2025年上半年明细（本公示涉及的，根据台账生成）" in page.text
    cells = entry_cells(page, entry_id)
    assert cn_date(entry["date"]) in cells and entry["voucher"] in cells and f"{entry['amount']:,.2f}" in cells
    assert "收入（广告）" in cells        # the corrected source, as the ledger has it now


# ------------------------------------------------------------------ 账目

LEDGERS = [(account, path.stem) for account in ACCOUNTS for path in sorted((COMMUNITY / account).glob("*.yml"))]


@pytest.mark.parametrize("account, period", LEDGERS)
def test_ledger_page_shows_every_entry_and_the_closing_balance(built_sample_site, account, period):
    ledger = read_yaml(COMMUNITY / account / f"{period}.yml")
    page = read_page(built_sample_site, f"{account}/{period}/")
    closing = recomputed_closing(account, ledger)
    assert f"期末余额（截至{cn_date(half_end(period))}） {yuan(closing)[:-2]}" in page.text
    rows = {}
    for match in re.finditer(r'<tr>\s*<td><span id="([^"]+)" class="card entry"></span>(.*?)</tr>', page.html, re.DOTALL):
        rows[match.group(1)] = re.sub(r"<[^>]+>", "|", match.group(2))
    assert list(rows) == [e["id"] for e in sorted(ledger["entries"], key=lambda e: e["date"])]
    for entry in ledger["entries"]:
        cells = [c.strip() for c in rows[entry["id"]].split("|") if c.strip()]
        assert cn_date(entry["date"]) in cells and entry["voucher"] in cells, entry["id"]
        assert f"{entry['amount']:,.2f}" in cells
        assert entry["counterparty"] in cells
    # the running balance after the last entry is the closing balance
    last = rows[list(rows)[-1]]
    assert f"{closing:,.2f}" in last


def test_ledger_entry_shows_its_authorisation_and_apportionment(built_sample_site):
    page = read_page(built_sample_site, "maintenance-fund/2026-H1/")
    entry = next(e for e in read_yaml(COMMUNITY / "maintenance-fund" / "2026-H1.yml")["entries"] if e.get("emergency"))
    emergency = entry["emergency"]
    assert (f"紧急使用：{emergency['reason']}（{emergency['approved_by']}批准，"
            f"{cn_date(emergency['reported_on'])}报告）") in page.text
    assert "按专有部分面积分摊：" + "、".join(entry["apportionment"]["scope"]) in page.text


def test_a_refund_shows_its_reason_and_who_approved_it(built_sample_site):
    page = read_page(built_sample_site, "maintenance-fund/2025-H1/")
    refund = next(e for e in read_yaml(COMMUNITY / "maintenance-fund" / "2025-H1.yml")["entries"] if e["type"] == "refund")
    assert f"退还：{refund['reason']}（{refund['approved_by']}批准）" in page.text


@pytest.mark.parametrize("account", ACCOUNTS)
def test_account_page_has_charts_inline_and_every_period(built_sample_site, account):
    page = read_page(built_sample_site, f"{account}/")
    assert any(tag == "svg" for tag, _ in page.tags)
    assert not any(tag in ("img", "object", "iframe") for tag, _ in page.tags)
    for path in sorted((COMMUNITY / account).glob("*.yml")):
        assert (f"{path.stem}/", half_year(path.stem)) in page.links


# ------------------------------------------------------------------ 监督检查, 业主委员会

def test_inspection_items_show_their_rectification_status(built_sample_site):
    page = read_page(built_sample_site, "inspections/")
    assert "| ---" not in page.text  # every table was rendered as a table
    for path in sorted((COMMUNITY / "inspections").glob("*.yml")):
        for item in read_yaml(path)["items"]:
            if item["result"] != "fail":
                continue
            if item.get("rectified_on"):
                status = f"已整改（{cn_date(item['rectified_on'])}）"
            elif item["rectify_by"] < AS_OF:
                status = "逾期"
            else:
                status = "整改中"
            assert f"{item['check']} 不合格 {item['finding']} {cn_date(item['rectify_by'])} {status}" in page.text


def test_committee_page_lists_current_members(built_sample_site):
    committee = read_yaml(COMMUNITY / "committee.yml")
    text = read_page(built_sample_site, "committee/").text
    current = [m for m in committee["members"] if m["since"] <= AS_OF and (not m.get("until") or m["until"] >= AS_OF)]
    for member in current:
        assert f"{member['name']} " in text.split("已离任")[0]
    assert f"任期 {cn_date(committee['term_start'])}至{cn_date(committee['term_end'])}" in text
    assert f"选举产生 {cn_date(committee['elected_on'])}" in text
    # The party-member ratio counts committee members only: alternates (候补委员) are not members.
    voting = [m for m in current if m["role"] != "alternate"]
    party = sum(1 for m in voting if m.get("party_member"))
    assert len(voting) < len(current)   # the sample has an alternate, so the test can tell
    assert f"现任委员（不含候补委员）中党员 {party}/{len(voting)}" in text


# 数据下载: tests/build/test_downloads.py


# ------------------------------------------------------------------ what every visit downloads

def test_front_page_loads_only_material_our_stylesheet_and_a_small_icon(built_sample_site):
    html = (built_sample_site / "index.html").read_text(encoding="utf-8")
    # Inline scripts load nothing here; the one that names resize-observer.js writes it only in
    # browsers without ResizeObserver (tests/build/test_build_browser.py).
    html = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    loaded = re.findall(r'<(?:link rel="(?:stylesheet|icon)" href|script src)="([^"]+)"', html)
    assert [re.sub(r"\.[0-9a-f]{8}\.min\.", ".min.", url) for url in loaded] == [
        "assets/images/favicon.svg",
        "assets/stylesheets/main.min.css",  # no palette.css: Material's default colours are indigo
        "assets/stylesheets/gongshi.css",
        "assets/javascripts/bundle.min.js",
    ]
    assert (built_sample_site / "assets/images/favicon.svg").stat().st_size < 1024


def test_search_index_is_utf8_and_leaves_out_the_list_pages(built_sample_site):
    raw = (built_sample_site / "search" / "search_index.json").read_text(encoding="utf-8")
    docs = raw[raw.index('"docs"'):]
    assert "电梯" in docs and "\u200b" in docs  # UTF-8 text and jieba's separators, ...
    assert not re.search(r"\\u[0-9a-fA-F]{4}", docs)  # ... not six-byte \uXXXX escapes
    pages = {doc["location"].split("#")[0] for doc in json.loads(raw)["docs"]}
    # The home page and the notice, vote and account lists only repeat the record pages.
    assert not pages & {"", "notices/", "votes/", "maintenance-fund/", "public-revenue/"}
    assert {"votes/2025-elevator/", "notices/2026-pr-correction/", "public-revenue/2025-H1/", "committee/"} <= pages


def test_every_name_at_a_community_root_is_in_the_page_table(built_sample_site):
    """What a community's site writes at its root is in site_layout.py's table (the pages and
    the files MkDocs, Material and gongshi add), so the check can reserve from it."""
    from generator import site_layout

    known = {site_layout.root_name(page) for page in site_layout.COMMUNITY_PAGES}
    known |= {site_layout.DOWNLOADS_FOLDER} | {site_layout.root_name(name) for name in site_layout.GENERATED_ROOT}
    known |= {site_layout.FIRMS}   # a one-community portal keeps the firms' pages in its own site
    for folder in site_layout.content_folders(SAMPLE_DATA):
        known |= site_layout.content_names(folder)
    written = {site_layout.root_name(path.name) for path in built_sample_site.iterdir()}
    assert written <= known, sorted(written - known)


def test_a_running_period_is_dated_by_the_build_day_and_never_called_closing(tmp_path):
    # Built on 2026-06-25, inside 2026-H1: no 期末 yet (issue 18). The fund's entries end on
    # 2026-06-21, so its balance is dated by the build day; public revenue already holds entries
    # of 2026-06-28 and 06-30, so its balance (which includes them) is dated by the last one.
    from generator.cli import main

    as_of = date(2026, 6, 25)
    out = tmp_path / "site"
    assert main(["build", "--data", str(SAMPLE_DATA), "--out", str(out), "--as-of", as_of.isoformat(), "--no-pdf"]) == 0
    home = read_page(out, "")
    days = {}
    for account, title in ACCOUNTS.items():
        period, ledger = latest_ledger(account)
        assert period == "2026-H1"
        days[account] = cn_date(max([as_of] + [e["date"] for e in ledger["entries"]]))
        assert f"{title}余额：{yuan(recomputed_closing(account, ledger))}，本期至今（截至{days[account]}）" in home.text
        page = read_page(out, f"{account}/{period}/")
        assert f"本期至今余额（截至{days[account]}）" in page.text and "期末" not in page.text
    assert days == {"maintenance-fund": "2026年6月25日", "public-revenue": "2026年6月30日"}
    account_page = read_page(out, "maintenance-fund/")
    assert "最新一期（2026年上半年）本期至今余额（截至2026年6月25日）" in account_page.text
