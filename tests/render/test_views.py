"""Decisions the views make so that templates only print: days left, the committee term
warning on either side of its bounds, and the home page's list of sections.

The community is tests/rules/helpers.BASE (committee term ends 2028-05-31, notices of
2025), checked at each date; the views and the rendered pages are read directly.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generator.analysis.status import ACTIVE, ENDED, UPCOMING, NoticeStatus
from generator.pipeline import check
from generator.render.environment import render
from generator.render.sections import SECTIONS, navigation
from generator.render.views import committee, home, make_context, notices
from tests.rules.helpers import write_data

TERM_END = date(2028, 5, 31)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return write_data(tmp_path_factory.mktemp("views"))


def context_at(data, as_of: date):
    portal, _ = check(data, as_of)
    return make_context(portal, portal.communities["x"], as_of, "https://example.org/t/", with_pdf=False)


# ------------------------------------------------------------------ committee term

@pytest.mark.parametrize("days_before, remaining", [
    (90, "还有 90 天"),     # the first day of the warning (ELECTION_WARNING_DAYS)
    (56, "还有 56 天"),
    (0, "还有 0 天"),       # the last day of the term
    (-1, "已过期"),         # the day after
    (-400, "已过期"),
])
def test_term_warning_says_how_long_the_term_still_runs(data, days_before, remaining):
    ctx = context_at(data, TERM_END - timedelta(days=days_before))
    expected = {"term_end": "2028年5月31日", "remaining": remaining}
    assert home.home_view(ctx, "站点")["term_warning"] == expected
    assert committee.committee_view(ctx)["term_warning"] == expected


def test_no_term_warning_more_than_90_days_before_the_end(data):
    ctx = context_at(data, TERM_END - timedelta(days=91))
    assert home.home_view(ctx, "站点")["term_warning"] is None
    assert committee.committee_view(ctx)["term_warning"] is None


def test_no_term_warning_without_a_committee(tmp_path):
    ctx = context_at(write_data(tmp_path, {"communities/x/committee.yml": None}), TERM_END)
    assert home.home_view(ctx, "站点")["term_warning"] is None


def test_home_and_committee_pages_print_the_term_warning(data):
    before = context_at(data, TERM_END - timedelta(days=56))
    after = context_at(data, TERM_END + timedelta(days=3))
    assert ("- 业主委员会本届任期 2028年5月31日 结束（还有 56 天），尚未安排换届选举。"
            in render("home.md.j2", v=home.home_view(before, "站点")))
    assert ("- 业主委员会本届任期 2028年5月31日 结束（已过期），尚未安排换届选举。"
            in render("home.md.j2", v=home.home_view(after, "站点")))
    page = render("committee.md.j2", v=committee.committee_view(after))
    assert '!!! warning "任期即将届满"\n    本届任期 2028年5月31日 结束，请及时组织换届选举。' in page


def test_no_reminders_section_when_there_is_nothing_to_remind(data):
    # At the end of 2025 the term is far off and the 2025 statements are not yet due.
    ctx = context_at(data, date(2025, 12, 31))
    view = home.home_view(ctx, "站点")
    assert (view["reminders"], view["overdue"], view["unreported"], view["missing_statements"]) == (False, [], [], [])
    assert "## 提醒" not in render("home.md.j2", v=view)
    warned = home.home_view(context_at(data, TERM_END), "站点")
    assert warned["reminders"] is True
    assert "## 提醒" in render("home.md.j2", v=warned)


def test_home_page_reminds_of_missing_statements(data):
    # The 2025 ledgers' statements were due by 2025-12-31 + 30 days = 2026-01-30.
    view = home.home_view(context_at(data, date(2026, 1, 31)), "站点")
    assert view["reminders"] is True
    page = render("home.md.j2", v=view)
    assert ('- <span class="overdue">未公示</span> [专项维修资金2025年](maintenance-fund/2025.md)的收支：'
            '应于 <span class="nowrap">2026年1月30日</span> 前公示，已逾期 1 天。') in page
    assert "[公共收益2025年](public-revenue/2025.md)的收支" in page


def test_a_period_without_a_ledger_links_to_the_account(data):
    view = home.home_view(context_at(data, date(2027, 2, 1)), "站点")
    rows = [(r["label"], r["href"], r["note"], r["days"]) for r in view["missing_statements"]]
    assert rows == [
        ("专项维修资金2025年", "maintenance-fund/2025.md", "", 367),
        ("专项维修资金2026年", "maintenance-fund/index.md", "（尚无账目）", 2),
        ("公共收益2025年", "public-revenue/2025.md", "", 367),
        ("公共收益2026年", "public-revenue/index.md", "（尚无账目）", 2),
    ]


# ------------------------------------------------------------------ days left of a notice

@pytest.mark.parametrize("status, text", [
    (NoticeStatus(ACTIVE, 15), "还剩 15 天"),
    (NoticeStatus(ACTIVE, 1), "还剩 1 天"),        # the last day counts
    (NoticeStatus(UPCOMING, 0), ""),
    (NoticeStatus(ENDED, 0), ""),
])
def test_days_left_text_only_while_a_notice_is_up(status, text):
    assert status.days_left_text == text


def test_notice_pages_print_days_left_while_the_notice_is_up(data):
    # The pre-vote notice runs 2025-02-10 to 2025-02-24: on 02-20 five days remain, 02-20 included.
    ctx = context_at(data, date(2025, 2, 20))
    row = notices.notices_by_state(ctx, "index.md")[ACTIVE][0]
    assert (row["title"], row["status"], row["remaining"]) == ("关于使用专项维修资金维修屋面的表决前公示", "公示中", "还剩 5 天")
    assert "<span class=\"status-active\">公示中</span> 还剩 5 天 |" in render(
        "notice.md.j2", v=notices.notice_view(ctx, "fund-vote-notice"), body_html="")
    assert "<span class=\"status-active\">公示中</span> 还剩 5 天 |" in render("notices.md.j2", v=notices.notices_view(ctx))
    assert "｜<span class=\"status-active\">还剩 5 天</span>" in render("home.md.j2", v=home.home_view(ctx, "站点"))
    ended = notices.notice_view(context_at(data, date(2025, 2, 25)), "fund-vote-notice")
    assert (ended["status"], ended["remaining"]) == ("已结束", "")
    assert "<span class=\"status-ended\">已结束</span> |" in render("notice.md.j2", v=ended, body_html="")


# ------------------------------------------------------------------ sections

def test_home_lists_every_section_but_itself_from_the_one_table(data):
    view = home.home_view(context_at(data, date(2025, 12, 31)), "站点")
    assert [(s["title"], s["href"]) for s in view["sections"]] == [
        ("公示公告", "notices/index.md"), ("专项维修资金", "maintenance-fund/index.md"),
        ("公共收益", "public-revenue/index.md"), ("表决", "votes/index.md"), ("业主委员会", "committee.md"),
        ("会议与决定", "meetings/index.md"), ("制度文件", "documents/index.md"),
        ("监督检查", "inspections.md"), ("履约考评", "evaluations.md"), ("物业服务", "property.md"),
        ("数据下载", "downloads.md"), ("名词解释", "glossary.md"),
    ]
    assert all(s["summary"] for s in view["sections"])
    assert navigation() == [{s.title: s.page} for s in SECTIONS]
    assert navigation()[0] == {"首页": "index.md"}
    page = render("home.md.j2", v=view)
    assert "- [公共收益](public-revenue/index.md)：停车、广告、场地租赁收入及使用\n" in page
