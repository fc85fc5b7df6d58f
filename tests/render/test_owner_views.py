"""Owners first (issue 18) in the views: every notice names an objection channel (its own or
the committee's office phone), phone fields are tel: links, and a balance is dated by the day
it stands at, never called 期末 before its period has ended.

The community is tests/rules/helpers.BASE (maintenance fund 2025, entries up to 2025-06-30,
committee office phone 010-87654321); every date is pinned.
"""

from __future__ import annotations

from datetime import date

import pytest

from generator.pipeline import check
from generator.render.environment import render
from generator.render.print_view import notice_print_view
from generator.render.views import committee, home, ledgers, make_context, notices, property_services
from tests.rules.helpers import COMMITTEE, GENERAL_PATH, edit, general_notice, write_data

OFFICE_LINK = '<a href="tel:01087654321">010-87654321</a>'


def context_at(data, as_of: date):
    portal, _ = check(data, as_of)
    return make_context(portal, portal.communities["x"], as_of, "https://example.org/t/", with_pdf=False)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return write_data(tmp_path_factory.mktemp("owners"), {GENERAL_PATH: general_notice()})


# ------------------------------------------------------------------ 异议渠道

def test_a_notice_without_an_objection_channel_shows_the_committee_office_phone(data):
    ctx = context_at(data, date(2025, 5, 3))
    view = notices.notice_view(ctx, "general")
    assert (view["objection_contact"], view["objection_until"]) == (f"业委会办公电话 {OFFICE_LINK}", "2025年5月7日")
    page = render("notice.md.j2", v=view, body_html="")
    assert f"| 异议渠道 | 业委会办公电话 {OFFICE_LINK}（截至 2025年5月7日） |\n" in page


def test_a_notice_with_its_own_channel_shows_it_linked(data):
    view = notices.notice_view(context_at(data, date(2025, 2, 15)), "fund-vote-notice")
    assert (view["objection_contact"], view["objection_until"]) == (f"业委会办公室 {OFFICE_LINK}", "2025年2月24日")


def test_the_printed_notice_names_the_fallback_channel_as_written(data):
    printed = notice_print_view(context_at(data, date(2025, 5, 3)), "general")
    assert (printed.objection_contact, printed.objection_until) == ("业委会办公电话 010-87654321", "2025年5月7日")


def test_without_an_office_phone_the_notice_says_no_channel_is_given(tmp_path):
    data = write_data(tmp_path, {GENERAL_PATH: general_notice(),
                                 "communities/x/committee.yml": edit(COMMITTEE, "office_phone: 010-87654321\n", "")})
    view = notices.notice_view(context_at(data, date(2025, 5, 3)), "general")
    assert (view["objection_contact"], view["objection_until"]) == ("本公示未写明异议渠道，业委会未登记办公电话", "")


# ------------------------------------------------------------------ tel: links in data fields

def test_committee_and_property_phones_are_tel_links(data):
    ctx = context_at(data, date(2025, 5, 3))
    assert committee.committee_view(ctx)["office_phone"] == OFFICE_LINK
    assert (property_services.property_view(ctx)["manager"]["office_phone"]
            == '<a href="tel:01012345678">010-12345678</a>')


# ------------------------------------------------------------------ dated balances

@pytest.mark.parametrize("as_of, figure, statement_row", [
    # Ended: the 期末余额 of the period's last day.
    (date(2025, 12, 31), "截至2025年12月31日", "| **期末余额（截至2025年12月31日）** | **80,000.00** |"),
    (date(2026, 3, 1), "截至2025年12月31日", "| **期末余额（截至2025年12月31日）** | **80,000.00** |"),
    # Running, every entry on or before the build day: dated by the build day.
    (date(2025, 7, 15), "本期至今（截至2025年7月15日）", "| **本期至今余额（截至2025年7月15日）** | **80,000.00** |"),
    # Running, the ledger already holds an entry after the build day (2025-06-30): dated by it.
    (date(2025, 5, 1), "本期至今（截至2025年6月30日）", "| **本期至今余额（截至2025年6月30日）** | **80,000.00** |"),
])
def test_a_balance_is_dated_and_a_running_period_has_no_closing_balance(data, as_of, figure, statement_row):
    ctx = context_at(data, as_of)
    fund = next(f for f in home.home_view(ctx, "站点")["figures"] if f["label"] == "专项维修资金余额")
    assert fund["dated"] == figure
    page = render("ledger.md.j2", v=ledgers.ledger_view(ctx, "maintenance-fund", "2025"))
    assert statement_row in page
    assert ("期末" in page) is (as_of >= date(2025, 12, 31))
