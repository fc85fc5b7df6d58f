"""Notices: disclosure periods (both ends counted), vote notice timing, safe Markdown bodies."""

from __future__ import annotations

import pytest

from tests.rules.helpers import (
    C, GENERAL_PATH, PRE_NOTICE_PATH, RESULT_NOTICE, RESULT_NOTICE_PATH, SITE, SITE_PATH, VOTE, VOTE_PATH, brief,
    col_of, edit, general_notice, line_of, only, pre_notice_from, run,
)

G = GENERAL_PATH
general = general_notice


# ---------------------------------------------------------------- disclosure period

def test_period_of_exactly_min_notice_days(tmp_path):
    # 05-01 to 05-07 is 7 days counting both ends.
    data, problems = run(tmp_path, {G: general("2025-05-07")})
    assert brief(problems, data) == []


def test_period_one_day_short(tmp_path):
    text = general("2025-05-06")
    data, problems = run(tmp_path, {G: text})
    p = only(problems, data, "notice.period_too_short", G, line_of(text, "period"), col_of(text, "2025-05-06"))
    assert "6 天" in p.message and "7 天" in p.message and "2025-05-07" in p.message


def test_period_of_one_day(tmp_path):
    text = general("2025-05-01")
    data, problems = run(tmp_path, {G: text})
    only(problems, data, "notice.period_too_short", G, line_of(text, "period"))


def test_min_notice_days_from_site_yml(tmp_path):
    site = SITE + "rules:\n  min_notice_days: 5\n"
    data, problems = run(tmp_path, {SITE_PATH: site, G: general("2025-05-05")})
    assert brief(problems, data) == []
    site = SITE + "rules:\n  min_notice_days: 16\n"
    data, problems = run(tmp_path / "b", {SITE_PATH: site})
    # Both vote notices last 15 days.
    assert [(p.code, p.location.path.rsplit("/", 1)[-1]) for p in problems] == [
        ("notice.period_too_short", "fund-vote-notice.yml"), ("notice.period_too_short", "fund-vote-result.yml")]


# ---------------------------------------------------------------- pre-vote notice

def test_pre_vote_notice_exactly_15_days_ahead(tmp_path):
    # Voting starts 2025-03-01; 03-01 − 02-14 = 15 days.
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: pre_notice_from("2025-02-14")})
    assert brief(problems, data) == []


def test_pre_vote_notice_14_days_ahead(tmp_path):
    text = pre_notice_from("2025-02-15")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    p = only(problems, data, "notice.pre_vote_too_late", PRE_NOTICE_PATH, line_of(text, "period"),
             col_of(text, "2025-02-15, to"))
    assert "14 天" in p.message and "15 天" in p.message and "fund-vote" in p.message


def test_pre_vote_notice_found_through_the_votes_notice_field(tmp_path):
    text = edit(pre_notice_from("2025-02-15"), "related: [vote/fund-vote]", "related: []")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    only(problems, data, "notice.pre_vote_too_late", PRE_NOTICE_PATH, line_of(text, "period"))


def test_pre_vote_notice_found_through_related(tmp_path):
    vote = edit(VOTE, "notice: fund-vote-notice\n", "")
    data, problems = run(tmp_path, {VOTE_PATH: vote, PRE_NOTICE_PATH: pre_notice_from("2025-02-15")})
    # (The vote must still name its notice: vote.no_pre_vote_notice, which points at it.)
    assert brief(problems, data) == [(PRE_NOTICE_PATH, 5, 16, "error", "notice.pre_vote_too_late"),
                                     (VOTE_PATH, line_of(vote, "voting"), 1, "error", "vote.no_pre_vote_notice")]
    assert "notice: fund-vote-notice" in problems[1].message


def test_pre_vote_notice_days_from_site_yml(tmp_path):
    # The sample notice is 19 days ahead of voting.
    site = SITE + "rules:\n  pre_vote_notice_days: 20\n"
    data, problems = run(tmp_path, {SITE_PATH: site})
    p = only(problems, data, "notice.pre_vote_too_late", PRE_NOTICE_PATH, 5)
    assert "19 天" in p.message and "20 天" in p.message


# ---------------------------------------------------------------- result notice

def _result_published(day: str) -> str:
    text = edit(RESULT_NOTICE, "published: 2025-03-17", f"published: {day}")
    return edit(text, "period: {from: 2025-03-17, to: 2025-03-31}", f"period: {{from: {day}, to: 2025-03-31}}")


def test_result_published_exactly_3_days_after_voting(tmp_path):
    # Voting ends 2025-03-15; 03-18 − 03-15 = 3 days.
    data, problems = run(tmp_path, {RESULT_NOTICE_PATH: _result_published("2025-03-18")})
    assert brief(problems, data) == []


def test_result_published_4_days_after_voting(tmp_path):
    text = _result_published("2025-03-19")
    data, problems = run(tmp_path, {RESULT_NOTICE_PATH: text})
    p = only(problems, data, "notice.result_too_late", RESULT_NOTICE_PATH, line_of(text, "published"), 12)
    assert "4 天" in p.message and "3 天" in p.message and "2025-03-15" in p.message


def test_result_notice_days_from_site_yml(tmp_path):
    site = SITE + "rules:\n  result_notice_within_days: 1\n"
    data, problems = run(tmp_path, {SITE_PATH: site})
    only(problems, data, "notice.result_too_late", RESULT_NOTICE_PATH, line_of(RESULT_NOTICE, "published"))


def test_result_notice_timing_applies_only_to_vote_result_notices(tmp_path):
    text = edit(_result_published("2025-03-25"), "kind: vote_result", "kind: general")
    data, problems = run(tmp_path, {RESULT_NOTICE_PATH: text})
    # A general notice is no result notice: the vote has none (vote.no_result_notice), and
    # notice.result_too_late does not judge the general one.
    assert [p.code for p in problems] == ["vote.no_result_notice"]


# ---------------------------------------------------------------- correction notices

def test_correction_needs_corrects_and_changes(tmp_path):
    path = f"{C}/notices/fix.yml"
    text = edit(general(), "kind: general", "kind: correction")
    data, problems = run(tmp_path, {path: text})
    assert brief(problems, data) == [(path, 2, 1, "error", "schema.missing_field")] * 2
    assert {"corrects", "changes"} == {f for p in problems for f in ("corrects", "changes") if f in p.message}


# ---------------------------------------------------------------- Markdown: raw HTML

def test_raw_html_at_the_body_line_that_holds_it(tmp_path):
    body = "第一行说明。\n\n点击<script>alert(1)</script>查看。\n\n最后一行。"
    text = general(body=body)
    data, problems = run(tmp_path, {G: text})
    p = only(problems, data, "markdown.raw_html", G, line_of(text, "<script>"))
    assert "<script>" in p.message


@pytest.mark.parametrize("html", [
    '<img src=x onerror="alert(1)">',
    "<iframe src='https://evil.example'></iframe>",
    "<!-- 注释 -->",
    "</div>",
    "<b>加粗</b>",
    "<svg/onload=alert(1)>",
])
def test_raw_html_forms(tmp_path, html):
    text = general(body=f"说明\n{html}\n")
    data, problems = run(tmp_path, {G: text})
    only(problems, data, "markdown.raw_html", G, line_of(text, html))


def test_two_tags_on_two_lines_are_both_reported(tmp_path):
    text = general(body="<p>一</p>\n二\n<div>三</div>")
    data, problems = run(tmp_path, {G: text})
    assert brief(problems, data) == [
        (G, line_of(text, "<p>"), 1, "error", "markdown.raw_html"),
        (G, line_of(text, "<div>"), 1, "error", "markdown.raw_html"),
    ]


def test_raw_html_in_a_one_line_body(tmp_path):
    text = edit(general(), "body: |\n  本周六上午停水。\n", "body: 本周六 <b>上午</b> 停水。\n")
    data, problems = run(tmp_path, {G: text})
    only(problems, data, "markdown.raw_html", G, line_of(text, "body"))


@pytest.mark.parametrize("body", [
    "水费 < 电费，且 3 > 2。",
    "用 `<br>` 换行是不允许的。",
    "```\n<script>alert(1)</script>\n```",
    "网址 <https://example.org/t/>。",
    "邮箱 <mailto:ywh@example.org>。",
    "   普通缩进的文字",
])
def test_not_raw_html(tmp_path, body):
    data, problems = run(tmp_path, {G: general(body=body)})
    assert brief(problems, data) == []


def test_html_in_a_title_is_text_not_an_error(tmp_path):
    # Only markdown fields are checked for HTML; text fields are escaped when shown.
    text = edit(general(), "title: 停水通知", "title: 停水通知<script>alert(1)</script>")
    data, problems = run(tmp_path, {G: text})
    assert brief(problems, data) == []


# ---------------------------------------------------------------- Markdown: links

@pytest.mark.parametrize("link", [
    "[点这里](javascript:alert(1))",
    "[点这里](JavaScript:alert(1))",
    "[点这里]( javascript:alert(1) )",
    "[点这里](java&#115;cript:alert(1))",
    "[下载](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox)",
    "[x](file:///etc/passwd)",
    "<javascript:alert(1)>",
])
def test_unsafe_links(tmp_path, link):
    text = general(body=f"说明\n详见 {link} 。\n结束")
    data, problems = run(tmp_path, {G: text})
    p = only(problems, data, "markdown.unsafe_link", G, line_of(text, link))
    assert "http" in p.message and "mailto" in p.message


def test_unsafe_reference_link(tmp_path):
    text = general(body="详见[说明][1]。\n\n[1]: javascript:alert(1)")
    data, problems = run(tmp_path, {G: text})
    only(problems, data, "markdown.unsafe_link", G, line_of(text, "[1]: javascript"))


@pytest.mark.parametrize("link", [
    "[官网](https://example.org/)",
    "[官网](http://example.org/)",
    "[邮件](mailto:ywh@example.org)",
    "[表决](../votes/fund-vote/)",
    "[本页](#异议)",
    "[文件](/files/a.pdf)",
])
def test_safe_links(tmp_path, link):
    data, problems = run(tmp_path, {G: general(body=f"详见 {link}。")})
    assert brief(problems, data) == []


def test_a_less_than_sign_in_prose_is_not_html():
    from generator.analysis.markdown_safety import find_raw_html

    assert find_raw_html("若 a < b then 则不算标签") == []
    assert [f.line_offset for f in find_raw_html("第一行\n<iframe src=x>")] == [1]
