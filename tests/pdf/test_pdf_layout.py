"""Print layout (issue 14, item 7): a notice that fits on one A4 page prints on one; headings,
tables and the stamp box stay together; page breaks fall between sections. Read back with
pdfinfo and pdftotext from PDFs of test views."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from generator.pdf import render_notice_pdf
from generator.render.print_types import PrintColumn, PrintTable
from tests.pdf_text import pdf_text

TALLY = PrintTable("计票：更换电梯", (PrintColumn("项目"), PrintColumn("人数", True), PrintColumn("面积（平方米）", True)),
                   tuple((f"第{i}项", "100", "9,000.00") for i in range(1, 7)))
PARAGRAPH = "<p>" + "这是一段用于检查版面的中文文字，" * 6 + "</p>"


def _pages(pdf) -> list[str]:
    text = pdf_text(pdf, "-layout")
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def _render(view, tmp_path, name="notice.pdf"):
    out = tmp_path / name
    render_notice_pdf(view, out, cache_dir=None)
    return out


def test_a_notice_that_fits_on_one_page_prints_on_one(sample_view, tmp_path):
    # Two paragraphs, a six-row tally and the stamp box: with the board's spacing the tally
    # and the stamp went to a second page, leaving the first a third empty.
    pages = _pages(_render(replace(sample_view, body_html=PARAGRAPH * 2, tables=(TALLY,)), tmp_path))
    assert len(pages) == 1
    page = pages[0]
    assert "计票：更换电梯" in page and "第6项1009,000.00" in page and "（盖章）" in page and "第1页共1页" in page


def test_a_notice_too_long_for_one_page_keeps_the_board_spacing_and_the_stamp_with_the_last_table(sample_view, tmp_path):
    pages = _pages(_render(replace(sample_view, body_html=PARAGRAPH * 6, tables=(TALLY,)), tmp_path))
    assert len(pages) == 2
    # The table is not split from its caption, and the stamp box is not alone on a page.
    assert "计票：更换电梯" in pages[1] and "第1项" in pages[1] and "第6项" in pages[1] and "（盖章）" in pages[1]


@pytest.mark.parametrize("paragraphs", range(9, 15))
def test_a_heading_in_the_body_stays_with_its_table(sample_view, tmp_path, paragraphs):
    body = PARAGRAPH * paragraphs + (
        "<h2>使用方案</h2><table><thead><tr><th>项目</th><th>内容</th></tr></thead><tbody>"
        + "".join(f"<tr><td>第{i}行</td><td>方案内容</td></tr>" for i in range(1, 5)) + "</tbody></table>")
    pages = _pages(_render(replace(sample_view, body_html=body, tables=()), tmp_path))
    heading = [i for i, page in enumerate(pages) if "使用方案" in page]
    first_rows = [i for i, page in enumerate(pages) if "项目内容第1行方案内容第2行" in page]
    assert heading == first_rows and heading, pages


@pytest.mark.parametrize("items", range(7, 12))
def test_a_page_break_falls_between_list_items(sample_view, tmp_path, items):
    long_item = "第{}条：" + "业主可以到业委会办公室查阅账簿和凭证原件，" * 6 + "结束。"
    body = "<ol>" + "".join(f"<li>{long_item.format(i)}</li>" for i in range(1, items)) + "</ol>"
    pages = _pages(_render(replace(sample_view, body_html=body, tables=()), tmp_path))
    for i in range(1, items):
        holding = [n for n, page in enumerate(pages) if f"第{i}条：" in page]
        assert holding and f"第{i}条：" in pages[holding[0]] and "结束。" in pages[holding[0]].split(f"第{i}条：", 1)[1], i
