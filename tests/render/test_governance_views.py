"""Decisions the governance views make so that templates only print, each on either side of
its bound: whether a document is in effect, whether decisions were posted in time, whether
a committee decision passed, and where a community page links a firm's page.

The community is tests/rules/helpers.BASE with the governance records of
tests/rules/test_governance.py (GOVERNED), checked at each date.
"""

from __future__ import annotations

from datetime import date

import pytest

from generator.analysis.documents import CURRENT, SUPERSEDED, UPCOMING, document_state
from generator.analysis.meetings import decision_passed, publication
from generator.model.records import Attendance, Decision, Effective, GoverningDocument, Meeting
from generator.pipeline import check
from generator.render.views import committee, documents, make_context, meetings
from generator.render.views.context import firm_href
from tests.rules.helpers import edit, write_data
from tests.rules.test_governance import DOCUMENT, DOCUMENT_PATH, GOVERNED, MEETING, MEETING_PATH


# Models read YAML text (the loader's scalars); these are built from typed values directly.
def _document(start: date, end: date | None) -> GoverningDocument:
    return GoverningDocument.model_construct(title="规约", kind="other", adopted=start,
                                             effective=Effective.model_construct(from_=start, to=end), body="x")


@pytest.mark.parametrize("as_of, state", [
    (date(2025, 5, 31), UPCOMING),       # the day before it takes effect
    (date(2025, 6, 1), CURRENT),         # its first day
    (date(2026, 5, 31), CURRENT),        # its last day
    (date(2026, 6, 1), SUPERSEDED),      # the day after
])
def test_document_state_on_either_side_of_its_dates(as_of, state):
    assert document_state(_document(date(2025, 6, 1), date(2026, 5, 31)), as_of) == state


def test_a_document_without_an_end_stays_in_effect():
    assert document_state(_document(date(2025, 6, 1), None), date(2099, 1, 1)) == CURRENT


def _meeting(kind: str = "committee", published: date | None = date(2025, 11, 6), total: int = 5) -> Meeting:
    return Meeting.model_construct(date=date(2025, 11, 3), kind=kind,
                                   members=Attendance.model_construct(present=total, total=total),
                                   decisions=[Decision.model_construct(text="决定", approve=3)], published=published)


@pytest.mark.parametrize("published, late, days", [
    (date(2025, 11, 6), False, 3),       # the third day: in time
    (date(2025, 11, 7), True, 4),        # the fourth: late
])
def test_decisions_posted_by_the_third_day_are_in_time(published, late, days):
    state = publication(_meeting(published=published), date(2025, 12, 31), 3)
    assert (state.late, state.days) == (late, days)


@pytest.mark.parametrize("as_of, late", [(date(2025, 11, 6), False), (date(2025, 11, 7), True)])
def test_decisions_not_posted_are_late_after_the_third_day(as_of, late):
    assert publication(_meeting(published=None), as_of, 3).late is late


@pytest.mark.parametrize("kind, late", [("committee", True), ("owners_assembly", True), ("joint", False)])
def test_only_committee_and_assembly_decisions_have_a_deadline(kind, late):
    assert publication(_meeting(kind=kind, published=date(2025, 11, 20)), date(2025, 12, 31), 3).late is late


@pytest.mark.parametrize("approve, total, passed", [
    (3, 5, True), (2, 5, False),         # more than half of five
    (4, 7, True), (3, 7, False),
    (4, 6, True), (3, 6, False),         # an even count: half is not more than half
])
def test_a_decision_needs_more_than_half_of_all_members_in_office(approve, total, passed):
    meeting = _meeting(total=total)
    assert decision_passed(meeting, Decision.model_construct(text="决定", approve=approve)) is passed


def test_decisions_of_a_joint_meeting_are_not_counted():
    meeting = Meeting.model_construct(date=date(2025, 11, 3), kind="joint", members=None,
                                      decisions=[Decision.model_construct(text="决定", approve=None)])
    assert decision_passed(meeting, meeting.decisions[0]) is None


# ------------------------------------------------------------------ views on the governed community

SUPERSEDED_BY = """\
title: 测试家园管理规约（2026年修订）
kind: covenant
adopted: 2025-11-20
vote: covenant-vote
effective: {from: 2025-12-01}
body: 第一条 …
"""


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    old = edit(DOCUMENT, "effective: {from: 2025-06-01}", "effective: {from: 2025-06-01, to: 2025-11-30}")
    data = write_data(tmp_path_factory.mktemp("governance-views"), {
        **GOVERNED, DOCUMENT_PATH: old, "communities/x/documents/covenant-2026.yml": SUPERSEDED_BY,
        MEETING_PATH: edit(MEETING, "published: 2025-11-05", "published: 2025-11-08")})
    as_of = date(2025, 12, 31)
    portal, problems = check(data, as_of)
    assert [p.code for p in problems] == ["meeting.published_late"]
    return make_context(portal, portal.communities["x"], as_of, "https://example.org/t/", with_pdf=False)


def test_current_documents_first_and_a_superseded_one_names_its_successor(ctx):
    view = documents.documents_view(ctx)
    groups = {g["heading"]: g["rows"] for g in view["groups"]}
    assert [r["title"] for r in groups["现行有效"]] == ["测试家园管理规约（2026年修订）"]
    (old,) = groups["已失效"]
    assert (old["title"], old["superseded"], old["state_label"]) == ("测试家园管理规约", True, "已失效")
    assert old["successor"] == {"title": "测试家园管理规约（2026年修订）", "href": "covenant-2026.md"}
    assert old["effective"] == "2025年6月1日至2025年11月30日"
    assert old["vote"]["result"] == "通过" and old["vote"]["href"] == "../votes/covenant-vote.md"


def test_a_late_posting_is_flagged_with_its_day(ctx):
    (view,) = meetings.meetings_view(ctx)["meetings"]
    assert (view["published"], view["late"]) == ("2025年11月8日公布（会后第 5 天，应在 3 日内）", True)
    assert view["decisions"][0]["approval"] == "3/5 同意，通过" and view["decisions"][0]["failed"] is False
    assert view["decisions"][0]["vote"]["href"] == "../votes/fund-vote.md"


def test_the_committee_page_knows_its_party_organisations_and_last_meeting(ctx):
    view = committee.committee_view(ctx)
    assert view["own_party"] == "未单独建立" and view["party_organisations"] == []
    assert view["party_missing"] is False               # one party member only
    assert view["last_meeting"] == {"title": "第二届业主委员会第三次会议", "date": "2025年11月3日",
                                    "href": "meetings/index.md#meeting-2025-11-committee"}


@pytest.mark.parametrize("page, in_district, href", [
    ("property.md", False, "firms/moumou.md"),             # a lone community's own page
    ("property.md", True, "../../firms/moumou/"),          # <slug>/property/ → the district's firms/moumou/
    ("index.md", True, "../firms/moumou/"),
    ("documents/covenant.md", True, "../../../firms/moumou/"),
])
def test_a_community_page_links_the_firm_s_page_where_it_is(ctx, page, in_district, href):
    from dataclasses import replace
    assert firm_href(replace(ctx, in_district=in_district), page, "moumou") == href
