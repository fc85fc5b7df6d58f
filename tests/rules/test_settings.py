"""site.yml's settings and evaluations that would publish nonsense: refused at check time
with the exact code, file, line and column (site.base_url_invalid, site.base_url_example,
site.rules_invalid; an evaluation without categories or with a maximum of 0; overlapping
evaluation periods; a build date outside 2000–2099)."""

from __future__ import annotations

import pytest

from generator.builddate import BadDate, resolve_build_date
from generator.problems import Severity
from tests.rules.helpers import (
    C, EVALUATION, EVALUATION_PATH, SITE, SITE_PATH, brief, col_of, edit, line_of, only, run,
)

GOOD_URL = "https://xiaoqu.test/t/"


def with_url(url: str) -> str:
    return edit(SITE, f"base_url: {GOOD_URL}", f"base_url: {url}")


@pytest.mark.parametrize("url, reason", [
    ("https://" + "a" * 3000 + ".org/", "有 3013 个字符，最多 200 个"),
    ("https://xiaoqu.test/t/?from=qr", "不能带查询参数（?…）或锚点（#…）"),
    ("'https://xiaoqu.test/t/#top'", "不能带查询参数（?…）或锚点（#…）"),
    ("https://owner@evil.test/", "不能含用户名或密码（…@）"),
    ("https://user:pass@xiaoqu.test/", "不能含用户名或密码（…@）"),
    ("https://和谐家园.cn/", "含有非 ASCII 字符：中文域名请写成以 xn-- 开头的编码形式"),
    ("https://xiaoqu.test:99999/", "端口“99999”不对：应为 1 至 65535 之间的数字"),
    ("https://xiaoqu.test:0/", "端口“0”不对"),
    ("https://-bad-.test/", "主机名“-bad-.test”不对"),
    ("https://300.1.1.1/", "主机“300.1.1.1”不是有效的 IP 地址"),
    ("ftp://xiaoqu.test/", "应以 http:// 或 https:// 开头"),
    ("javascript:alert(1)//", "应以 http:// 或 https:// 开头"),
])
def test_base_url_that_would_send_the_qr_code_elsewhere(tmp_path, url, reason):
    text = with_url(url)
    data, problems = run(tmp_path, {SITE_PATH: text})
    p = only(problems, data, "site.base_url_invalid", SITE_PATH, line_of(text, "base_url"), col_of(text, url))
    assert p.message.startswith("字段 base_url：网站地址“") and reason in p.message, p.message


@pytest.mark.parametrize("url", ["https://xiaoqu.test/t/", "http://192.168.1.10:8080/gongshi/",
                                 "https://[2001:db8::1]/", "https://xn--fiq228c.cn/", "HTTPS://XIAOQU.TEST"])
def test_base_url_that_is_fine(tmp_path, url):
    data, problems = run(tmp_path, {SITE_PATH: with_url(url)})
    assert brief(problems, data) == []


@pytest.mark.parametrize("url", ["https://example.org/t/", "https://www.example.com/", "http://gongshi.example.net:8000/"])
def test_the_placeholder_address_is_a_warning(tmp_path, url):
    text = with_url(url)
    data, problems = run(tmp_path, {SITE_PATH: text})
    p = only(problems, data, "site.base_url_example", SITE_PATH, line_of(text, "base_url"), col_of(text, url),
             severity=Severity.WARNING)
    assert "二维码会指向一个不存在的网站" in p.message


RULES = "rules:\n  min_notice_days: 7\n  committee_size: [5, 11]\n  grades: {优秀: 90, 良好: 80, 合格: 60}\n"


@pytest.mark.parametrize("old, new, at, reason", [
    ("committee_size: [5, 11]", "committee_size: [11, 5]", "committee_size", "顺序不对：11 大于 5"),
    ("committee_size: [5, 11]", "committee_size: [4, 10]", "committee_size", "委员人数须为单数，4 是双数"),
    ("committee_size: [5, 11]", "committee_size: [5, 11, 13]", "committee_size", "应写成 [最少, 最多] 两个数"),
    ("grades: {优秀: 90, 良好: 80, 合格: 60}", "grades: {优秀: 90, 良好: 180, 合格: 60}", "180", "应在 0 至 100 之间（现在是 180）"),
    ("grades: {优秀: 90, 良好: 80, 合格: 60}", "grades: {合格: 60, 良好: 80, 优秀: 90}", "grades", "从高到低排列"),
    ("grades: {优秀: 90, 良好: 80, 合格: 60}", "grades: {}", "grades", "至少要有一个等级"),
    ("grades: {优秀: 90, 良好: 80, 合格: 60}", "grades: {优秀: 90, 不合格: 0}", "grades", "等级名“不合格”不能用"),
    ("min_notice_days: 7", "min_notice_days: 0", "min_notice_days", "天数至少为 1"),
])
def test_rules_that_break_the_build_are_refused(tmp_path, old, new, at, reason):
    text = SITE + edit(RULES, old, new)
    data, problems = run(tmp_path, {SITE_PATH: text})
    line = line_of(text, at)
    column = col_of(text, at) if at == "180" else col_of(text, new) + new.index(": ") + 2
    p = only(problems, data, "site.rules_invalid", SITE_PATH, line, column)
    assert reason in p.message, p.message


@pytest.mark.parametrize("field", ["pre_vote_notice_days", "result_notice_within_days"])
def test_every_day_count_is_at_least_1(tmp_path, field):
    text = SITE + f"rules:\n  {field}: 0\n"
    data, problems = run(tmp_path, {SITE_PATH: text})
    only(problems, data, "site.rules_invalid", SITE_PATH, line_of(text, field), col_of(text, f"{field}: 0") + len(field) + 2)


def test_the_default_rules_are_valid(tmp_path):
    data, problems = run(tmp_path, {SITE_PATH: SITE + RULES})
    assert brief(problems, data) == []


# ---------------------------------------------------------------- evaluations

def test_an_evaluation_without_categories_is_refused(tmp_path):
    # Published before as "0.00% 不合格" for a score nobody gave.
    text = EVALUATION.split("categories:")[0] + "categories: []\n" + "declared_grade: 不合格\n"
    data, problems = run(tmp_path, {EVALUATION_PATH: text})
    p = only(problems, data, "schema.type", EVALUATION_PATH, line_of(text, "categories"), col_of(text, "[]"))
    assert "至少要有一个分项" in p.message


def test_a_maximum_of_0_is_refused(tmp_path):
    text = edit(EVALUATION, "{name: 综合管理, max: 50, score: 45}", "{name: 综合管理, max: 0, score: 0}")
    data, problems = run(tmp_path, {EVALUATION_PATH: text})
    p = only(problems, data, "schema.type", EVALUATION_PATH, line_of(text, "max: 0"), col_of(text, "max: 0") + 5)
    assert "必须大于 0" in p.message


@pytest.mark.parametrize("first, second", [("2024", "2024-H2"), ("2024-H1", "2024-Q2"), ("2024", "2024-Q4")])
def test_overlapping_evaluation_periods_are_refused(tmp_path, first, second):
    files = {f"{C}/evaluations/{first}.yml": EVALUATION, f"{C}/evaluations/{second}.yml": EVALUATION}
    data, problems = run(tmp_path, files | ({EVALUATION_PATH: None} if first != "2024" else {}))
    p = only(problems, data, "period.overlap", f"{C}/evaluations/{second}.yml", 1, 1)
    assert p.message.startswith(f"考评期间 {second}") and f"与 {first}" in p.message


def test_evaluation_periods_that_follow_each_other_are_fine(tmp_path):
    files = {f"{C}/evaluations/2024-H2.yml": EVALUATION, f"{C}/evaluations/2025-Q1.yml": EVALUATION, EVALUATION_PATH: None}
    data, problems = run(tmp_path, files)
    assert brief(problems, data) == []


# ---------------------------------------------------------------- the build date

@pytest.mark.parametrize("as_of", ["1999-12-31", "2100-01-01", "0001-01-01", "9999-12-31"])
def test_a_build_date_outside_2000_to_2099_is_a_usage_error(as_of):
    with pytest.raises(BadDate) as bad:
        resolve_build_date(as_of, environ={})
    assert str(bad.value) == f"--as-of 应在 2000-01-01 至 2099-12-31 之间，实际是 {as_of}"


def test_a_source_date_epoch_outside_the_century_is_refused_too():
    with pytest.raises(BadDate, match="SOURCE_DATE_EPOCH 表示的日期应在 2000-01-01 至 2099-12-31 之间"):
        resolve_build_date(None, environ={"SOURCE_DATE_EPOCH": "0"})
    assert resolve_build_date("2000-01-01", environ={}).isoformat() == "2000-01-01"
    assert resolve_build_date("2099-12-31", environ={}).isoformat() == "2099-12-31"
