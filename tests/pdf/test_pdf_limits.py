"""What the board's A4 page cannot hold: long runs wrap, wide tables keep every column
(smaller type, then wrapping), a long contact stays left of the QR code, a character no
installed font has is an error naming it and its field, and a notice of more than 50 pages
is refused before anything is rendered. Checked in real output: pdftotext word boxes and
the pixels of a rendered page."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from generator.build.portal import build_portal
from generator.exits import ExitCode, Stop
from generator.pdf import render_notice_pdf
from generator.problems import display_path
from generator.render.print_measure import (
    MAX_PAGES, ColumnText, body_measure, minimum_pages, running_title, table_fit,
)
from generator.render.print_view import print_body_html
from tests.build.helpers import copy_sample
from tests.conftest import SAMPLE_AS_OF
from tests.pdf_text import pdf_text

MM = 72 / 25.4                      # PDF points per millimetre
PAGE_WIDTH = 210 * MM
RIGHT_EDGE = PAGE_WIDTH - 16 * MM   # notice.css: 16 mm margins left and right
RUN = "A1b2C3d4" * 50               # 400 characters, no space
CONTACT = "ywh-office-" + "contact" * 26 + "@example.org"   # 200 characters
WIDE = 14
WIDE_TABLE = ("| " + " | ".join(f"列{i}" for i in range(1, WIDE + 1)) + " |\n|" + "---|" * WIDE + "\n"
              + "| " + " | ".join(f"1,234,567.{i:02d}" for i in range(1, WIDE + 1)) + " |\n")


@pytest.fixture(scope="module")
def wide_pdf(tmp_path_factory):
    from tests.pdf.pdf_samples import SAMPLE_VIEW

    body = print_body_html(f"长串：{RUN}\n\n{WIDE_TABLE}")
    view = replace(SAMPLE_VIEW, objection_contact=CONTACT, body_html=body, tables=())
    out = tmp_path_factory.mktemp("wide") / "wide.pdf"
    render_notice_pdf(view, out, cache_dir=None)
    return out


def words(pdf: Path) -> list[tuple[float, float, str]]:
    """(xMin, xMax, text) of every word pdftotext finds, over all pages."""
    html = pdf_text(pdf, "-bbox")
    return [(float(a), float(b), text) for a, b, text in
            re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)]


def test_nothing_runs_past_the_right_margin(wide_pdf):
    found = words(wide_pdf)
    assert found
    assert [w for w in found if w[1] > RIGHT_EDGE + 1] == []


def test_a_400_character_run_prints_whole(wide_pdf):
    text = re.sub(r"\s+", "", pdf_text(wide_pdf))
    assert RUN in text   # was clipped after 66 characters


def test_a_wide_table_keeps_every_column(wide_pdf):
    # Each column's header and figure, wherever the cell wraps them; nothing past the margin.
    found = " ".join(text for _, _, text in words(wide_pdf))
    for i in range(1, WIDE + 1):
        assert f"列{i}" in found and f"567.{i:02d}" in found, (i, found)


def test_a_long_contact_stays_left_of_the_qr_code(wide_pdf):
    found = words(wide_pdf)
    caption = next(w for w in found if "扫码查看网上公示" in w[2])
    contact = [w for w in found if "contact" in w[2] or "@example.org" in w[2]]
    assert contact and max(w[1] for w in contact) < caption[0]


def test_the_right_margin_is_blank_on_the_rendered_page(wide_pdf, tmp_path):
    # The picture the board shows: no ink in the 16 mm right margin below the header.
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(wide_pdf), str(tmp_path / "p")], check=True)
    page = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    width, height = page.size
    margin = page.crop((int(width * (194 / 210)) + 1, int(height * 18 / 297), width, int(height * 277 / 297)))
    assert margin.getextrema()[0] > 200, "ink in the right margin"


# ---------------------------------------------------------------- the size of type a table gets

def test_table_fit_chooses_the_largest_type_that_keeps_every_column():
    short = [ColumnText(("项目", "期初余额")), ColumnText(("金额", "1,234.00"), nowrap=True)]
    assert table_fit(short) == ""
    amounts = [ColumnText((f"列{i}", "1,234,567.89"), nowrap=True) for i in range(7)]
    assert table_fit(amounts[:4]) == ""
    assert table_fit(amounts[:5]) == "fit-small"
    assert table_fit(amounts[:6]) == "fit-smaller"
    assert table_fit(amounts) == "fit-wrap"
    assert table_fit([ColumnText(("账号", RUN)), ColumnText(("说明", "很长"))]) == "fit-wrap"
    # Chinese text wraps between characters: a long sentence needs no smaller type.
    assert table_fit([ColumnText(("说明", "业主" * 300))]) == ""


def test_the_body_table_carries_its_class():
    assert '<table class="fit-wrap">' in print_body_html(WIDE_TABLE)
    assert "<table>" in print_body_html("| 项目 | 金额 |\n|---|---|\n| 交存 | 22,800.00 |\n")


def test_a_long_title_is_cut_for_the_page_header():
    assert running_title("短标题") == "短标题"
    cut = running_title("公示" + RUN)
    assert cut.endswith("…") and cut.startswith("公示A1b2") and len(cut) < 50


# ---------------------------------------------------------------- characters no font has

GLYPHS_NOTICE = """\
title: 藏文测试 ཀ
kind: general
issuer: 示例家园小区业主委员会 ᠮ
published: 2026-11-01
period: {from: 2026-11-01, to: 2026-11-30}
objection: {contact: "ꆈ 彝文", until: 2026-11-30}
print: true
body: |
  第一行正常。
  第二行有 📢 通知和私用区字符 \ue000。
"""


def test_a_character_no_font_has_is_named_with_its_field(tmp_path):
    data = copy_sample(tmp_path)
    notice = data / "communities" / "shili-jiayuan" / "notices" / "glyphs.yml"
    notice.write_text(GLYPHS_NOTICE, encoding="utf-8")
    with pytest.raises(Stop) as stop:
        build_portal(data, tmp_path / "site", date.fromisoformat(SAMPLE_AS_OF), pdf=True)
    assert stop.value.exit_code == ExitCode.DATA
    shown = display_path(notice)
    lines = stop.value.message.split("\n")
    assert lines[:6] == [
        "公示“glyphs”的打印版有无法打印的字符，未生成 PDF（原有网站保持不变）：",
        f"  {shown}:1:8: 字段 title 中的“ཀ”（U+0F40）没有已安装的字体能打印",
        f"  {shown}:3:9: 字段 issuer 中的“ᠮ”（U+182E）没有已安装的字体能打印",
        f"  {shown}:6:22: 字段 objection.contact 中的“ꆈ”（U+A188）没有已安装的字体能打印",
        f"  {shown}:10:1: 字段 body 中的“📢”（U+1F4E2）没有已安装的字体能打印",
        f"  {shown}:10:1: 字段 body 中的“\ue000”（U+E000）没有已安装的字体能打印",
    ]
    assert "fonts-noto-core" in lines[-1]
    assert not (tmp_path / "site").exists()


# ---------------------------------------------------------------- at most 50 pages

def test_a_notice_beyond_50_pages_is_refused_before_any_page_is_rendered(tmp_path, monkeypatch):
    data = copy_sample(tmp_path)
    rows = "".join(f"  | {i} | 第{i}行 |\n" for i in range(150_000))
    (data / "communities" / "shili-jiayuan" / "notices" / "huge.yml").write_text(
        "title: 明细\nkind: general\nissuer: 示例家园小区业主委员会\npublished: 2026-11-01\n"
        "period: {from: 2026-11-01, to: 2026-11-30}\nprint: true\nbody: |\n  | 序号 | 内容 |\n  |---|---|\n" + rows,
        encoding="utf-8")

    def no_pages(*args, **kwargs):
        raise AssertionError("a page was rendered before the length was checked")

    monkeypatch.setattr("generator.render.pages.render_community", no_pages)
    with pytest.raises(Stop) as stop:
        build_portal(data, tmp_path / "site", date.fromisoformat(SAMPLE_AS_OF), pdf=True)
    assert stop.value.exit_code == ExitCode.DATA
    assert stop.value.message.startswith("打印版过长，未生成（原有网站保持不变）：\n  ")
    assert "huge.yml:6:8: 公示“huge”的打印版估计至少 3,154 页（表格共 150,001 行），超过公示栏打印版的上限 50 页" in stop.value.message
    # Without PDFs the site is built (the web page has no page limit).
    monkeypatch.undo()


def test_the_estimate_never_exceeds_the_real_page_count(built_sample_site):
    """minimum_pages is a lower bound: a notice it refuses is certainly too long."""
    from generator.build.pdfs import refuse_overlong_notices  # noqa: F401 - the one caller besides this test

    for pdf in sorted((built_sample_site / "notices").glob("*.pdf")):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))
        text = pdf_text(pdf)
        assert minimum_pages(re.sub(r"\s+", "", text), 0, 0) <= pages, pdf.name


def test_the_bound_in_rows():
    # One row is at least one line of 9pt type: about 48 rows a page.
    assert minimum_pages("", 2_000, 0) <= MAX_PAGES < minimum_pages("", 3_000, 0)
    assert body_measure("甲\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n乙") == ("甲乙", 2)
