"""三率, 红榜/黑榜 and the community table of a district whose answers are known.

The district (helpers.Tiny), 7 communities on 2 streets:

| slug | street | committee  | manager | party | evaluations (score/100)   |
| a    | 幸福   | owners     | yes     | yes   | 2025: 95 优秀              |
| b    | 幸福   | management | yes     | no    | 2024: 92 优秀, 2025: 55    |
| c    | 幸福   | none       | yes     | yes   | 2025: 85 良好              |
| d    | 和平   | owners     | no      | no    | none                       |
| e    | 和平   | owners     | yes     | no    | 2025: 40 不合格            |
| f    | 和平   | none       | no      | no    | none                       |
| g    | 和平   | owners     | no      | yes   | 2025: 98 (a former manager)|

组建率 5/7 = 71.43%, 物业服务覆盖率 4/7 = 57.14%, 党的组织覆盖率 3/7 = 42.86%.
红榜: g (98), a (95). 黑榜: e (40), b (55: its latest, not its 优秀 of 2024).
公示及时率: each community owes its fund's 2026-H1 statement (due by 2026-07-30); b published
it on 2026-08-05 (6 days late), e not at all (118 days overdue): 5/7 = 71.43%.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from generator.district import views
from generator.district.pages import render_district, summaries_of
from generator.district.rankings import LatestEvaluation, black_list, latest_evaluations, red_list, top_grade
from generator.district.rates import coverage_rates
from generator.pipeline import check
from tests.district.helpers import AS_OF, Tiny, write_district

FLOORS = {"优秀": Decimal(90), "良好": Decimal(80), "合格": Decimal(60)}

DISTRICT = [
    Tiny("a", "甲苑", street="幸福街道", evaluations={"2025": 95},
         notices=[("now", "关于更换电梯的公示", date(2026, 11, 20), date(2026, 11, 30)),
                  ("soon", "关于停水的通知", date(2026, 12, 1), date(2026, 12, 10)),
                  ("autumn", "关于秋季绿化的公示", date(2026, 10, 1), date(2026, 10, 10)),
                  ("spring", "关于春季绿化的公示", date(2026, 3, 1), date(2026, 3, 10)),
                  ("old", "关于二〇二四年账目的公示", date(2024, 3, 1), date(2024, 3, 10))]),
    Tiny("b", "乙苑", street="幸福街道", committee="management_committee", party=False,
         manager="某某乙物业有限公司", evaluations={"2024": 92, "2025": 55}, fund_report=date(2026, 8, 5)),
    Tiny("c", "丙苑", street="幸福街道", committee=None, evaluations={"2025": 85}),
    Tiny("d", "丁苑", street="和平街道", manager=None, party=False, term_end=date(2027, 1, 31)),
    Tiny("e", "戊苑", street="和平街道", manager="某某戊物业有限公司", party=False,
         evaluations={"2025": 40}, overdue_items=2, fund_closing="1234567.89", fund_report=None),
    Tiny("f", "己苑", street="和平街道", committee=None, manager=None, party=False),
    Tiny("g", "庚苑", street="和平街道", manager=None, evaluated="某某庚物业有限公司", evaluations={"2025": 98}),
]


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    data = write_district(tmp_path_factory.mktemp("district"), DISTRICT)
    portal, problems = check(data, AS_OF)
    assert [p for p in problems if p.is_error] == []
    return portal


@pytest.fixture(scope="module")
def index(portal):
    summaries = summaries_of(portal, AS_OF)
    return views.index_view("某区", list(portal.communities.values()), summaries, portal.rules.grades, AS_OF,
                            portal.rules.disclosure.report_within_days)


def test_three_rates_count_communities_and_divide_by_all(portal):
    rates = {r.key: (r.numerator, r.denominator, r.ratio) for r in coverage_rates(portal.communities.values())}
    assert rates == {
        "committee": (5, 7, Fraction(5, 7)),           # a b(物管会) d e g
        "property_service": (4, 7, Fraction(4, 7)),    # a b c e
        "party_organisation": (3, 7, Fraction(3, 7)),  # a c g
    }


def test_three_rates_are_shown_with_two_decimals_numerator_and_denominator(index):
    assert [(r["label"], r["percent"], r["numerator"], r["denominator"]) for r in index["rates"]] == [
        ("业主委员会/物业管理委员会组建率", "71.43%", 5, 7),
        ("物业服务覆盖率", "57.14%", 4, 7),
        ("党的组织覆盖率", "42.86%", 3, 7),
    ]


def test_rates_by_street(index):
    assert index["street_rates"] == [
        {"street": "和平街道", "count": 4, "href": "streets/40a504df.md",
         "rates": ["75.00%（3/4）", "25.00%（1/4）", "25.00%（1/4）"]},
        {"street": "幸福街道", "count": 3, "href": "streets/e1227d59.md",
         "rates": ["66.67%（2/3）", "100.00%（3/3）", "66.67%（2/3）"]},
    ]


def test_red_list_is_the_top_grade_of_each_latest_evaluation_best_first(index):
    assert [(r["manager"], r["community"], r["period"], r["score"], r["grade"]) for r in index["red"]] == [
        ("某某庚物业有限公司", "庚苑", "2025年", "98.00%", "优秀"),   # the evaluated company, not the current manager
        ("某某物业服务有限公司", "甲苑", "2025年", "95.00%", "优秀"),
    ]
    # The community's home page, and the evaluation that put it on the list.
    assert (index["red"][0]["href"], index["red"][0]["period_href"]) == ("g/", "g/evaluations/#evaluation-2025")


def test_black_list_is_the_failing_grade_of_each_latest_evaluation_worst_first(index):
    # 乙苑 was 优秀 in 2024: only its latest evaluation (2025, 55) counts.
    assert [(r["manager"], r["community"], r["score"], r["grade"]) for r in index["black"]] == [
        ("某某戊物业有限公司", "戊苑", "40.00%", "不合格"),
        ("某某乙物业有限公司", "乙苑", "55.00%", "不合格"),
    ]
    assert index["evaluated"] == 5


def test_the_views_flag_failing_grades_so_the_templates_only_print(index):
    assert [r["failing"] for r in index["black"]] == [True, True]
    assert [r["failing"] for r in index["red"]] == [False, False]
    rows = {row["name"]: row for row in index["rows"]}
    assert {name: row["failing"] for name, row in rows.items()} == {
        "甲苑": False, "乙苑": True, "丙苑": False, "丁苑": False, "戊苑": True, "己苑": False, "庚苑": False}


@pytest.mark.parametrize("committee_kind, term_end, state, shown_end, alert", [
    ("owners_committee", date(2027, 2, 24), "已成立", "2027年2月24日", False),     # 91 days after AS_OF: not yet
    ("owners_committee", date(2027, 2, 23), "即将届满", "2027年2月23日", True),   # 90 days: the warning begins
    ("owners_committee", AS_OF, "即将届满", "2026年11月25日", True),              # the last day of the term
    ("owners_committee", AS_OF - timedelta(days=1), "任期已满", "2026年11月24日", True),
    ("management_committee", date(2027, 2, 24), "物管会已成立", "2027年2月24日", False),
    ("management_committee", AS_OF - timedelta(days=1), "物管会任期已满", "2026年11月24日", True),
    (None, date(2028, 5, 31), "未成立", "—", False),
])
def test_committee_state_and_term_end_on_either_side_of_its_bounds(tmp_path, committee_kind, term_end, state,
                                                                  shown_end, alert):
    # 业委会状态 is its own column; 业委会任期至 shows only a date.
    data = write_district(tmp_path, [Tiny("t", "丁苑", committee=committee_kind, term_end=term_end)])
    portal, _ = check(data, AS_OF)
    row = views.community_row(views.HOME, summaries_of(portal, AS_OF)["t"])
    assert (row["committee"], row["term_end"], row["term_alert"]) == (state, shown_end, alert)


def test_red_and_black_lists_follow_the_sites_own_grade_floors():
    floors = {"A": Decimal(85), "B": Decimal(70)}
    latest = [LatestEvaluation(slug, slug, f"{slug}物业", "2025", date(2026, 1, 15), Fraction(score), grade)
              for slug, score, grade in (("x", 86, "A"), ("y", 84, "B"), ("z", 69, "不合格"), ("w", 85, "A"))]
    assert top_grade(floors) == "A"
    assert [e.slug for e in red_list(latest, floors)] == ["x", "w"]
    assert [e.slug for e in black_list(latest)] == ["z"]


def test_latest_evaluation_grade_is_computed_from_the_scores(portal):
    latest = {e.slug: (e.period, e.score_percent, e.grade) for e in latest_evaluations(portal.communities.values(), FLOORS)}
    assert latest == {"a": ("2025", 95, "优秀"), "b": ("2025", 55, "不合格"), "c": ("2025", 85, "良好"),
                      "e": ("2025", 40, "不合格"), "g": ("2025", 98, "优秀")}


def test_community_table_rows(index):
    # One table (the street office's view), by street and then by slug (usually the name's pinyin).
    assert [(row["street"], row["name"]) for row in index["rows"]] == [
        ("和平街道", "丁苑"), ("和平街道", "戊苑"), ("和平街道", "己苑"), ("和平街道", "庚苑"),
        ("幸福街道", "甲苑"), ("幸福街道", "乙苑"), ("幸福街道", "丙苑")]
    rows = {row["name"]: row for row in index["rows"]}
    a, b, d, e, f = rows["甲苑"], rows["乙苑"], rows["丁苑"], rows["戊苑"], rows["己苑"]
    assert (a["href"], a["committee"], a["term_end"], a["fund"], a["evaluation"], a["overdue"], a["active"]) == (
        "a/", "已成立", "2028年5月31日", "100,000.00", "优秀（2025年）", 0, 1)
    assert a["notices_href"] == "communities/a.md#notices"
    assert (b["committee"], b["term_end"]) == ("物管会已成立", "2028年5月31日")
    assert (b["evaluation"], b["failing"]) == ("不合格（2025年）", True)
    assert (d["committee"], d["term_end"], d["term_alert"]) == ("即将届满", "2027年1月31日", True)   # 67 days left
    assert (e["fund"], e["overdue"], e["overdue_href"]) == ("1,234,567.89", 2, "e/inspections/")
    assert (f["committee"], f["term_end"], f["evaluation"]) == ("未成立", "—", "—")


def test_timeliness_per_community(index):
    rows = {row["name"]: row for row in index["rows"]}
    assert {name: (row["timeliness"], row["timeliness_alert"]) for name, row in rows.items()} == {
        "甲苑": ("100.00%（1/1）", False), "乙苑": ("0.00%（0/1）", True), "丙苑": ("100.00%（1/1）", False),
        "丁苑": ("100.00%（1/1）", False), "戊苑": ("0.00%（0/1）", True), "己苑": ("100.00%（1/1）", False),
        "庚苑": ("100.00%（1/1）", False)}


def test_district_timeliness_and_the_statements_missing_or_late(index):
    v = index["statements"]
    assert (v["due"], v["on_time"], v["rate"], v["within_days"], v["listed"]) == (7, 5, "71.43%（5/7）", 30, True)
    assert [(r["community"], r["statement"], r["href"], r["deadline"], r["state"], r["published"], r["late"])
            for r in v["rows"]] == [
        ("戊苑", "专项维修资金2026年上半年", "e/maintenance-fund/2026-H1/", "2026年7月30日", "未公示", "—", "逾期 118 天"),
        ("乙苑", "专项维修资金2026年上半年", "b/maintenance-fund/2026-H1/", "2026年7月30日", "逾期公示", "2026年8月5日",
         "晚 6 天"),
    ]


def test_nothing_due_is_a_dash_not_a_rate(tmp_path):
    data = write_district(tmp_path, [Tiny("t", "丁苑")])
    portal, _ = check(data, date(2026, 7, 30))    # the deadline day: not yet due
    row = views.community_row(views.HOME, summaries_of(portal, date(2026, 7, 30))["t"])
    assert (row["timeliness"], row["timeliness_alert"]) == ("—", False)


def test_a_period_without_a_file_is_listed(tmp_path):
    # By 2027-02-01 the 2026-H2 statement is due too, and no ledger covers 2026-H2.
    data = write_district(tmp_path, [Tiny("t", "丁苑", term_end=date(2029, 5, 31))])
    portal, _ = check(data, date(2027, 2, 1))
    summaries = summaries_of(portal, date(2027, 2, 1))
    rows = views.statement_rows(views.HOME, list(summaries.values()))
    assert [(r["statement"], r["href"], r["late"]) for r in rows] == [
        ("专项维修资金2026年下半年（尚无账目）", "t/maintenance-fund/", "逾期 2 天")]
    assert views.timeliness_cell(summaries["t"].timeliness) == "50.00%（1/2）"


def test_community_page_lists_current_notices_and_those_of_the_last_90_days_newest_first(portal):
    card = views.card_view(summaries_of(portal, AS_OF)["a"])
    assert [(n["title"], n["state"], n["href"]) for n in card["notices"]] == [
        ("关于停水的通知", "upcoming", "../../a/notices/soon/"),
        ("关于更换电梯的公示", "active", "../../a/notices/now/"),
        ("关于秋季绿化的公示", "ended", "../../a/notices/autumn/"),    # 55 days ago; spring is older
    ]
    assert card["notices"][1]["status"] == "公示中，还剩 6 天"
    assert card["href"] == "../../a/"


STREET_PAGES = {"和平街道": "streets/40a504df.md", "幸福街道": "streets/e1227d59.md"}


def test_district_pages_and_navigation(portal, tmp_path):
    nav = render_district(portal, AS_OF, tmp_path, "某区小区信息公开")
    # Street and community pages stay out of every page's navigation; the glossary is in it.
    assert nav == [{"全区总览": "index.md"}, {"名词解释": "glossary.md"}]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")) == sorted([
        "communities/a.md", "communities/b.md", "communities/c.md", "communities/d.md",
        "communities/e.md", "communities/f.md", "communities/g.md", "glossary.md", "index.md", *STREET_PAGES.values()])
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "| <span class=\"card rate\"></span>业主委员会/物业管理委员会组建率 | <span class=\"num\">71.43%</span> | 5 / 7 |" in index
    assert "| <span class=\"card ranking\"></span>某某戊物业有限公司 | [戊苑](e/) | [2025年](e/evaluations/#evaluation-2025) | 40.00% | <span class=\"fail\">不合格</span> |" in index
    assert "| <span class=\"card street-rates\"></span>[和平街道](streets/40a504df.md) | 4 | 75.00%（3/4） | 25.00%（1/4） | 25.00%（1/4） |" in index
    assert "| <span class=\"card community\"></span>[甲苑](a/) | 某某社区 | 已成立 | <span class=\"nowrap\">2028年5月31日</span> |" in index
    assert "| <span class=\"card ranking\"></span>某某物业服务有限公司 | [甲苑](a/) | [2025年](a/evaluations/#evaluation-2025) | 95.00% | 优秀 |" in index
    assert ("| <span class=\"card community\"></span>[丁苑](d/) | 某某社区 | <span class=\"overdue\">即将届满</span> | <span class=\"nowrap\">2027年1月31日</span> |"
            " <span class=\"num\">100,000.00</span><br><small>截至2026年6月30日</small> | — |") in index
    assert "| <span class=\"fail\">不合格（2025年）</span> | [<span class=\"overdue\">2</span>](e/inspections/) |" in index
    assert "到期应公示 7 期，按时 5 期，公示及时率 71.43%（5/7）。" in index
    assert ("| <span class=\"card statement\"></span>[戊苑](e/) | [专项维修资金2026年上半年](e/maintenance-fund/2026-H1/) | 2026年7月30日 |"
            " <span class=\"overdue\">未公示</span> | — | 逾期 118 天 |") in index
    assert "| [0](communities/e.md#notices) | [0](e/documents/) | — | <span class=\"overdue\">0.00%（0/1）</span> |" in index


def test_street_page_has_the_streets_rates_lists_and_communities(portal, tmp_path):
    render_district(portal, AS_OF, tmp_path, "某区小区信息公开")
    page = (tmp_path / STREET_PAGES["和平街道"]).read_text(encoding="utf-8")
    assert page.startswith("# 和平街道\n\n[某区小区信息公开](../index.md)｜本街道共 4 个小区")
    assert "| <span class=\"card rate\"></span>党的组织覆盖率 | <span class=\"num\">25.00%</span> | 1 / 4 |" in page
    assert ("| <span class=\"card ranking\"></span>某某庚物业有限公司 | [庚苑](../../g/) | [2025年](../../g/evaluations/#evaluation-2025) |"
            " 98.00% | 优秀 |") in page
    assert "[戊苑](../../e/)" in page and "甲苑" not in page and "乙苑" not in page
    assert "| <span class=\"card community\"></span>[丁苑](../../d/) |" in page and "(../communities/e.md#notices)" in page
    assert "按时 3 期，公示及时率 75.00%（3/4）" in page and "[专项维修资金2026年上半年](../../e/maintenance-fund/2026-H1/)" in page
    assert "乙苑" not in page


def test_a_large_district_moves_the_community_tables_to_the_street_pages(portal, tmp_path, monkeypatch):
    monkeypatch.setattr(views, "ROOT_TABLE_LIMIT", 6)
    render_district(portal, AS_OF, tmp_path, "某区小区信息公开")
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "<span class=\"card community\"></span>" not in index and "请在上方“各街道三率”表中点击街道名称" in index
    assert "71.43%" in index and "[庚苑](g/)" in index   # rates and lists stay on the overview
    assert "公示及时率 71.43%（5/7）" in index and "逾期 118 天" not in index   # the missing ones: by street
    assert "逾期 118 天" in (tmp_path / STREET_PAGES["和平街道"]).read_text(encoding="utf-8")
    assert "| <span class=\"card community\"></span>[甲苑](../../a/) |" in (tmp_path / STREET_PAGES["幸福街道"]).read_text(encoding="utf-8")


def test_data_text_on_district_pages_is_escaped(tmp_path):
    hostile = Tiny("h", "'<b>甲</b> | *乙* {{ 7*7 }}'", manager=None, party=False, committee=None)
    data = write_district(tmp_path, [hostile, Tiny("i", "乙苑")])
    portal, problems = check(data, AS_OF)
    assert [p for p in problems if p.is_error] == []
    render_district(portal, AS_OF, tmp_path / "docs", "某区")
    for page in ("index.md", "communities/h.md"):
        text = (tmp_path / "docs" / page).read_text(encoding="utf-8")
        assert "&lt;b&gt;甲&lt;/b&gt; &#124; &#42;乙&#42; &#123;&#123; 7&#42;7 &#125;&#125;" in text
        assert "<b>" not in text and "{{" not in text


def test_the_fund_balance_says_the_day_it_stands_at_and_never_期末_for_a_running_half_year(tmp_path):
    # Issue 18: 2026-H1 has ended by AS_OF (截至 its last day); on 2026-03-15 it is still
    # running, and the balance is 本期至今 as of the build day.
    data = write_district(tmp_path, [Tiny("t", "丁苑", fund_report=None)])
    for day, dated in ((AS_OF, "截至2026年6月30日"), (date(2026, 3, 15), "本期至今（截至2026年3月15日）")):
        portal, _ = check(data, day)
        row = views.community_row(views.HOME, summaries_of(portal, day)["t"])
        assert (row["fund"], row["fund_dated"]) == ("100,000.00", dated)
