"""What a reader of the printed notice relies on: the text, fonts, QR code and pages."""

from __future__ import annotations

import re
import subprocess

import zxingcpp
from PIL import Image

from tests.pdf.pdf_samples import PAGE_URL, SAMPLE_VIEW
from tests.pdf_text import pdf_text


def test_every_font_is_embedded_and_the_chinese_one_is_sc(sample_pdf):
    listing = subprocess.run(
        ["pdffonts", str(sample_pdf)], capture_output=True, text=True, check=True
    ).stdout
    fonts = listing.splitlines()[2:]  # after the header and the dashes
    assert fonts
    # Columns: name type… encoding emb sub uni object-id; read them from the right.
    embedded = {line.split()[0]: line.split()[-5] for line in fonts}
    assert set(embedded.values()) == {"yes"}, listing
    assert any(re.fullmatch(r"[A-Z]{6}\+Noto-Sans-CJK-SC.*", name) for name in embedded), listing


def test_text_shows_title_period_amounts_and_page_numbers(sample_pdf):
    text = pdf_text(sample_pdf, "-layout")
    # The title is long enough to wrap; compare it without the layout's line breaks.
    assert SAMPLE_VIEW.title in re.sub(r"\s+", "", text)
    assert "公示期" in text
    assert "2024年7月1日 至 2024年7月15日" in text
    assert "1,234,567.89" in text
    assert "120,000.00" in text
    assert "第 1 页 共 2 页" in text
    assert "第 2 页 共 2 页" in text
    assert "数据指纹 1a2b3c4d" in text
    assert "扫码查看网上公示" in text
    assert "（盖章）" in text


def test_header_row_repeats_on_page_two(sample_pdf):
    page_two = pdf_text(sample_pdf, "-layout", "-f", "2", "-l", "2")
    header = next(line for line in page_two.splitlines() if "日期" in line)
    assert re.search(r"日期\s+摘要\s+收入（元）\s+支出（元）\s+余额（元）", header)
    # Page 2 holds rows, not just a stray header: the last row of the statement.
    assert "2024-06-28" in page_two


def test_amounts_are_right_aligned(sample_pdf):
    # Right-aligned, every amount in a column ends at the same x: three numeric columns
    # (income, expense, balance) give exactly three right edges, on both pages.
    bbox = pdf_text(sample_pdf, "-bbox")
    words = re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)</word>', bbox)
    amount_right_edges = [
        round(float(x_max)) for x_max, word in words if re.fullmatch(r"\d{1,3}(,\d{3})*\.\d\d", word)
    ]
    # Every row has a balance, all but the opening row an income or an expense.
    assert len(amount_right_edges) == 2 * len(SAMPLE_VIEW.tables[0].rows) - 1
    amount_right_edges = set(amount_right_edges)
    assert len(amount_right_edges) == 3, amount_right_edges


def test_qr_code_on_page_one_leads_to_the_online_notice(sample_pdf, tmp_path):
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(sample_pdf),
         str(tmp_path / "page")],
        check=True,
    )
    (png,) = tmp_path.glob("page*.png")
    decoded = [barcode.text for barcode in zxingcpp.read_barcodes(Image.open(png))]
    assert decoded == [PAGE_URL]


def test_pdf_metadata_comes_from_the_view(sample_pdf):
    info = subprocess.run(
        ["pdfinfo", "-isodates", str(sample_pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Title:\s+" + re.escape(SAMPLE_VIEW.title) + "$", info, re.M)
    assert re.search(r"^Author:\s+阳光花园小区业主委员会$", info, re.M)
    assert re.search(r"^CreationDate:\s+2024-07-01", info, re.M)
    assert re.search(r"^Pages:\s+2$", info, re.M)
    assert re.search(r"^Page size:.*\(A4\)$", info, re.M)
