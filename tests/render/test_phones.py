"""Phone numbers owners can tap (issue 18): which runs of digits are phones, the tel: target
of each, and the links in data fields and notice bodies."""

from __future__ import annotations

import pytest

from generator.render.notice_body import body_html
from generator.render.phones import phone_markup, phone_spans, tel_href


def phones(text: str) -> list[str]:
    return [text[start:end] for start, end in phone_spans(text)]


@pytest.mark.parametrize("text, found, href", [
    ("业委会办公室 010-87654321", "010-87654321", "tel:01087654321"),
    ("物业服务中心：0571 86005678。", "0571 86005678", "tel:057186005678"),
    ("(010)87654321", "(010)87654321", "tel:01087654321"),
    ("（0571）86005678", "（0571）86005678", "tel:057186005678"),
    ("+86 10 8765 4321", "+86 10 8765 4321", "tel:+861087654321"),
    ("+86 010-87654321", "+86 010-87654321", "tel:+861087654321"),   # the trunk 0 goes after +86
    ("客服 400-810-1234", "400-810-1234", "tel:4008101234"),
    ("价格举报电话：12315。", "12315", "tel:12315"),
    ("可拨打12345反映", "12345", "tel:12345"),
    ("010-87654321转8001", "010-87654321", "tel:01087654321"),   # the extension stays text
])
def test_phone_numbers_and_their_tel_targets(text, found, href):
    assert phones(text) == [found]
    assert tel_href(found) == href


@pytest.mark.parametrize("text", [
    "2026-11-30",                     # a date
    "2026年1月13日",
    "支出 125400.00 元",               # amounts
    "12345.00元",
    "0.50",
    "凭证号 记-2024-0012",             # voucher numbers
    "凭证 PZ-010-87654321",
    "20240105-12345678",
    "110101199001011234",             # ID-like numbers
    "13010219900101123X",
    "138****1234",                    # a masked mobile
    "91110105MA01XXXXXX",             # a credit code
    "电话费 12315元",                  # a short number not said to be a phone
    "共110元",
    "12315",
])
def test_amounts_dates_vouchers_and_ids_are_not_phones(text):
    assert phones(text) == []


def test_a_data_field_is_escaped_and_its_phone_linked():
    assert phone_markup("业委会办公室 010-87654321") == '业委会办公室 <a href="tel:01087654321">010-87654321</a>'
    assert phone_markup("*值班* 010-87654321") == '&#42;值班&#42; <a href="tel:01087654321">010-87654321</a>'
    assert phone_markup(None) == ""


def test_a_body_links_its_phones_but_not_inside_links_code_or_masks():
    html = body_html("咨询电话：物业服务中心 010-12345678，或 **0571-86005678**。\n"
                     "[010-87654321](https://example.org/) `010-87654321` 138****1234 记-2024-0012\n\n"
                     "    010-87654321\n\n"
                     "- 价格举报电话：12315\n")
    assert html == (
        '<p>咨询电话：物业服务中心 <a href="tel:01012345678">010-12345678</a>，或 '
        '<strong><a href="tel:057186005678">0571-86005678</a></strong>。\n'
        '<a href="https://example.org/" rel="noopener noreferrer nofollow">010-87654321</a> '
        '<code>010-87654321</code> 138****1234 记-2024-0012</p>\n'
        '<pre><code>010-87654321\n</code></pre>\n'
        '<ul>\n<li>价格举报电话：<a href="tel:12315">12315</a></li>\n</ul>')


def test_paper_gets_no_phone_links():
    assert body_html("电话 010-12345678", phone_links=False) == "<p>电话 010-12345678</p>"
