"""数据下载's workbook: the CSV files' figures in typed cells under Chinese headers,
exact for 2-decimal amounts, byte-identical across builds; and the round trip
download → gongshi import into an empty period → the same entries."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.model import labels
from generator.model.headers import ACCOUNT_NAMES
from generator.render import downloads
from generator.render.workbook import write_workbook
from generator.render.workbook_columns import columns_of
from tests.build.helpers import read_yaml
from tests.conftest import SAMPLE_AS_OF, SAMPLE_DATA
from tests.spreadsheet.helpers import C

BUILD_DATE = date.fromisoformat(SAMPLE_AS_OF)
# Enumerated values the workbook shows in Chinese: the labels of model/labels.py (the site
# shows the same words), and the two the downloads add.
LABELS: dict[str, set[str]] = {}
for table in (labels.FUND_ENTRY, labels.REVENUE_ENTRY, labels.REVENUE_SOURCE, labels.APPORTION_BASIS, ACCOUNT_NAMES,
              labels.DECLARED_RESULT, labels.MATTER, labels.ITEM_RESULT, labels.INSPECTION_KIND, labels.INSPECTION_SOURCE,
              labels.DOCUMENT_KIND, labels.MEETING_KIND,
              {"inflow": "收入", "outflow": "支出", "vote": "表决文件所写", "community": "小区概况"},
              {"current": "现行有效", "upcoming": "尚未生效", "superseded": "已失效", "true": "是", "false": "否"}):
    for key, label in table.items():
        LABELS.setdefault(key, set()).add(label)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("workbook") / "site"
    assert main(["build", "--data", str(SAMPLE_DATA), "--out", str(out), "--as-of", SAMPLE_AS_OF, "--no-pdf"]) == 0
    return out


def _csv(site, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((site / "downloads" / name).read_bytes().decode("utf-8-sig"))))


def _page_csv_names(site) -> list[str]:
    page = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    return list(dict.fromkeys(re.findall(r'href="([\w.-]+\.csv)"', page)))


def test_the_downloads_page_links_the_workbook(site):
    page = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert 'href="shili-jiayuan.xlsx"' in page
    assert (site / "downloads" / "shili-jiayuan.xlsx").is_file()


def test_every_csv_column_has_a_chinese_header():
    lists = {"maintenance-fund-2025-H1": downloads.LEDGER_COLUMNS, "maintenance-fund-periods": downloads.PERIOD_COLUMNS,
             "votes": downloads.VOTE_COLUMNS, "inspections": downloads.INSPECTION_COLUMNS,
             "evaluations": downloads.EVALUATION_COLUMNS, "evaluation-scores": downloads.SCORE_COLUMNS,
             "documents": downloads.DOCUMENT_COLUMNS, "meetings": downloads.MEETING_COLUMNS}
    for stem, names in lists.items():
        missing = [name for name in names if name not in columns_of(stem)]
        assert missing == [], f"{stem}: add a Chinese header in generator/render/workbook_columns.py for {missing}"
        headers = [columns_of(stem)[name].header for name in names]
        assert len(set(headers)) == len(headers) and all(re.search(r"[\u4e00-\u9fff]", h) for h in headers)


def _as_csv_text(value, csv_text: str):
    """A workbook cell compared with its CSV cell: numbers exactly, dates as dates, labels as labels."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, (int, float)):
        return Decimal(repr(value)) == Decimal(csv_text) and csv_text
    if value in LABELS.get(csv_text, ()):
        return csv_text
    return value


def test_each_sheet_holds_its_csv_file_in_typed_cells(site):
    book = openpyxl.load_workbook(site / "downloads" / "shili-jiayuan.xlsx")
    names = _page_csv_names(site)
    assert len(book.sheetnames) == len(names) == 15
    assert book.sheetnames[-3:] == ["制度文件", "会议与决定", "物业服务企业名录及行为记录"]
    kinds = set()
    for sheet_name, csv_name in zip(book.sheetnames, names):
        sheet, rows = book[sheet_name], _csv(site, csv_name)
        stem = csv_name.removesuffix(".csv")
        values = list(sheet.iter_rows(values_only=True))
        assert list(values[0]) == [columns_of(stem)[name].header for name in rows[0]]
        assert len(values) == len(rows), sheet_name
        for cells, texts, row in zip(values[1:], rows[1:], sheet.iter_rows(min_row=2)):
            for value, text, cell in zip(cells, texts, row):
                expected = text.removeprefix("'") if text.startswith(("'=", "'+", "'-", "'@")) else text
                assert _as_csv_text(value, text) == expected, (sheet_name, cell.coordinate, value, text)
                kinds.add(type(value).__name__)
                if isinstance(value, float):
                    assert cell.number_format in ("#,##0.00", "General"), cell.coordinate
                if isinstance(value, datetime):
                    assert cell.number_format == "yyyy-mm-dd"
    assert {"float", "int", "datetime", "str"} <= kinds
    fund = book["专项维修资金 2025年下半年明细"]
    assert fund["D2"].value == 38600.0 and fund["D2"].number_format == "#,##0.00"
    assert fund["C2"].value == "使用" and fund["B2"].value == datetime(2025, 7, 28)


def test_two_builds_give_the_same_bytes_and_carry_the_build_date(site, tmp_path):
    out = tmp_path / "again"
    assert main(["build", "--data", str(SAMPLE_DATA), "--out", str(out), "--as-of", SAMPLE_AS_OF, "--no-pdf"]) == 0
    first = (site / "downloads" / "shili-jiayuan.xlsx").read_bytes()
    assert (out / "downloads" / "shili-jiayuan.xlsx").read_bytes() == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 25, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert core.count("2026-11-25T00:00:00Z") == 2


class _Dataset:
    def __init__(self, rows, label="专项维修资金 2026年上半年明细"):
        self.stem, self.label, self.columns, self.rows = "maintenance-fund-2026-H1", label, ["amount", "summary"], rows


def _stored_values(path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return re.findall(r"<v>([^<]*)</v>", archive.read("xl/worksheets/sheet1.xml").decode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10 ** 15 - 1))
def test_a_two_decimal_amount_is_stored_as_the_float_nearest_to_it(tmp_path_factory, cents):
    amount = Decimal(cents).scaleb(-2)
    path = tmp_path_factory.mktemp("exact") / "x.xlsx"
    write_workbook([_Dataset([{"amount": str(amount), "summary": "x"}])], path, BUILD_DATE, "t")
    stored = _stored_values(path)[0]
    assert float(stored) == float(amount)           # what Excel stores when the amount is typed in
    value = openpyxl.load_workbook(path)["专项维修资金 2026年上半年明细"]["A2"].value
    assert Decimal(repr(value)).quantize(Decimal("0.01")) == amount


def test_edge_amounts_and_text_that_looks_like_a_formula(tmp_path):
    rows = [{"amount": text, "summary": summary} for text, summary in
            (("9.95", "=HYPERLINK(\"http://x\")"), ("0.10", "+1"), ("12345678901234.56", "@A1"), ("0.01", "a\x07b"))]
    path = tmp_path / "x.xlsx"
    write_workbook([_Dataset(rows)], path, BUILD_DATE, "t")
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet                                     # no formula anywhere
    cells = openpyxl.load_workbook(path).active
    assert [cells[f"B{r}"].value for r in range(2, 6)] == ['=HYPERLINK("http://x")', "+1", "@A1", "a\ufffdb"]
    assert [cells[f"B{r}"].data_type for r in range(2, 6)] == ["s"] * 4
    assert cells["A2"].value == 9.95 and cells["A3"].value == 0.1
    assert cells["A4"].value == "12345678901234.56"              # 16 digits: kept exact, as text


# ---------------------------------------------------------------- round trip

def _empty_period(path) -> None:
    text = path.read_text(encoding="utf-8")
    data = read_yaml(path)
    start, end = text.index("entries:"), text.index("closing_balance:")
    closing = text[end:].split("\n", 1)[0].split(":", 1)[1].split("#")[0].strip()
    rest = text[end:].replace(closing, f"{data['opening_balance']}", 1)
    path.write_text(text[:start] + "entries: []\n" + rest, encoding="utf-8")


@pytest.mark.parametrize("account, period, sheet", [
    ("maintenance-fund", "2025-H2", "专项维修资金 2025年下半年明细"),
    ("public-revenue", "2026-H1", "公共收益 2026年上半年明细"),
    ("maintenance-fund", "2026-H1", None),            # the CSV file
])
def test_download_then_import_into_an_empty_period_gives_the_same_entries(site, repo, monkeypatch, capsys,
                                                                          account, period, sheet):
    root = repo
    monkeypatch.chdir(root)
    ledger = root / C / account / f"{period}.yml"
    original = read_yaml(ledger)
    _empty_period(ledger)
    assert read_yaml(ledger)["entries"] == []
    source = site / "downloads" / ("shili-jiayuan.xlsx" if sheet else f"{account}-{period}.csv")
    args = ["import", str(source), "--account", account, "--period", period] + (["--sheet", sheet] if sheet else [])
    assert main(args) == 0, capsys.readouterr().out
    restored = read_yaml(ledger)
    assert restored["entries"] == original["entries"]           # every field, ids included
    assert restored["closing_balance"] == original["closing_balance"]
    assert re.findall(r"amount: (\S+)", ledger.read_text(encoding="utf-8")) == \
        [f"{e['amount']:.2f}" for e in original["entries"]]     # money written with two decimals
    capsys.readouterr()
    assert main(["check", "--as-of", SAMPLE_AS_OF]) == 0, capsys.readouterr().out

