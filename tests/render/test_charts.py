"""Build-time SVG charts: safe to inline, deterministic, small, and saying what they show."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from functools import cache
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from decimal import Decimal

import pytest

from generator.render import charts as charts_module
from generator.render.charts import income_by_source_svg, running_balance_svg

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SVG_NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


def hundred_points() -> list[tuple[date, Decimal]]:
    """A year of entries with balances that wander up and down, cents included."""
    points, balance, day = [], Decimal("52340.12"), date(2024, 1, 3)
    for i in range(100):
        day += timedelta(days=(i * 7) % 5)
        balance += Decimal((i * 7919) % 1_700_000 - 800_000) / 100
        points.append((day, balance))
    return points


INCOME = [
    ("停车", Decimal("123456.78")),
    ("广告", Decimal("23400")),
    ("场地租赁", Decimal("8800.5")),
    ("其他", Decimal("0")),
]


@cache
def charts() -> tuple[str, ...]:
    return (
        running_balance_svg(hundred_points(), title="维修资金账户余额"),
        running_balance_svg([(date(2025, 3, 1), Decimal("1234.5"))], title="单笔"),
        running_balance_svg([(date(2025, 3, 1), Decimal(0)), (date(2025, 5, 1), Decimal(0))], title="全零"),
        income_by_source_svg(INCOME, title="2024年公共收益来源"),
        income_by_source_svg([("停车", Decimal(0)), ("广告", Decimal(0))], title="全零收入"),
        income_by_source_svg([("停车", Decimal("500")), ("退款", Decimal("-120"))], title="含退款"),
    )


def texts(svg: str) -> list[str]:
    return re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)


def test_empty_input_gives_empty_string():
    assert running_balance_svg([], title="余额") == ""
    assert income_by_source_svg([], title="收益") == ""


def test_same_input_gives_identical_bytes():
    assert running_balance_svg(hundred_points(), title="余额") == running_balance_svg(hundred_points(), title="余额")
    assert income_by_source_svg(INCOME, title="收益") == income_by_source_svg(INCOME, title="收益")


def test_same_input_gives_identical_bytes_in_another_process():
    program = (
        "from tests.render.test_charts import charts; import sys; "
        "sys.stdout.buffer.write(''.join(charts()).encode('utf-8'))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run([sys.executable, "-c", program], capture_output=True, check=True, env=env, cwd=ROOT)
    assert other.stdout.decode("utf-8") == "".join(charts())


@pytest.mark.parametrize("index", range(6))
def test_chart_is_one_inlinable_svg_element(index):
    svg = charts()[index]
    assert svg.startswith("<svg ")
    assert svg.rstrip().endswith("</svg>")
    for leftover in ("<?xml", "<!DOCTYPE", "<!--", "<metadata", "<style"):
        assert leftover not in svg
    ET.fromstring(svg)  # well-formed
    root = re.match(r"<svg\b[^>]*>", svg).group(0)
    assert 'width="100%"' in root
    assert re.search(r'viewBox="0 0 [\d.]+ [\d.]+"', root)
    assert " height=" not in root  # the height follows the width through the viewBox


@pytest.mark.parametrize("index", range(6))
def test_chart_has_nothing_active_or_external(index):
    svg = charts()[index]
    assert "<script" not in svg.lower()
    assert not re.search(r"\son\w+\s*=", svg, re.IGNORECASE)
    assert "javascript:" not in svg.lower()
    assert "<foreignObject" not in svg
    assert set(re.findall(r"https?://[^\"'\s)]*", svg)) <= SVG_NAMESPACES
    for target in re.findall(r'href="([^"]*)"', svg):
        assert target.startswith("#")


def test_ids_are_only_those_referenced_and_differ_between_charts():
    first, second = running_balance_svg(hundred_points(), title="甲"), running_balance_svg(hundred_points()[:50], title="乙")
    for svg in (first, second):
        ids = re.findall(r'\sid="([^"]*)"', svg)
        assert ids, "the tick marks and clip paths are shared definitions"
        for name in ids:
            assert f"#{name}" in svg
    assert not set(re.findall(r'\sid="([^"]*)"', first)) & set(re.findall(r'\sid="([^"]*)"', second))


def test_title_is_an_accessible_title_element_and_escaped():
    svg = running_balance_svg(hundred_points(), title="物业费 & 维修资金 <2024>")
    assert "<title>物业费 &amp; 维修资金 &lt;2024&gt;</title>" in svg
    assert 'role="img"' in svg
    assert 'aria-label="物业费 &amp; 维修资金 &lt;2024&gt;"' in svg


def test_text_stays_text_in_the_readers_chinese_font():
    svg = income_by_source_svg(INCOME, title="公共收益")
    assert "<path" in svg and "<text" in svg
    root = re.match(r"<svg\b[^>]*>", svg).group(0)
    assert re.search(r"font-family: 'Noto Sans CJK SC', ", root)
    assert "font-family" not in svg[len(root):]  # one font stack, on the root


def test_income_labels_and_amounts_are_text():
    shown = texts(income_by_source_svg(INCOME, title="公共收益"))
    for label in ("停车", "广告", "场地租赁", "其他"):
        assert label in shown
    for amount in ("123,456.78", "23,400.00", "8,800.50", "0.00"):
        assert amount in shown
    assert "公共收益" in shown  # drawn too, so a printout says what it is


def test_income_refund_is_labelled_negative():
    shown = texts(income_by_source_svg([("停车", Decimal("500")), ("退款", Decimal("-120"))], title="收益"))
    assert "-120.00" in shown and "500.00" in shown


def test_balance_axes_are_labelled_in_chinese_with_thousands_separators():
    shown = texts(running_balance_svg(hundred_points(), title="余额走势"))
    assert "余额（元）" in shown
    assert "日期" in shown
    assert any(re.fullmatch(r"-?\d{1,3}(,\d{3})+", label) for label in shown)
    assert "2024年" in shown
    assert any(re.fullmatch(r"\d{1,2}月", label) for label in shown)


def test_single_point_and_all_zero_balances_draw_a_chart():
    single = texts(running_balance_svg([(date(2025, 3, 1), Decimal("1234.5"))], title="单笔"))
    assert "余额（元）" in single and any("," in label for label in single)
    zero = texts(running_balance_svg([(date(2025, 3, 1), Decimal(0)), (date(2025, 5, 1), Decimal(0))], title="全零"))
    assert "0" in zero
    assert not any("." in label for label in zero)  # whole yuan ticks, not ±0.05


def test_all_zero_income_still_lists_every_source():
    shown = texts(income_by_source_svg([("停车", Decimal(0)), ("广告", Decimal(0))], title="收益"))
    assert shown.count("0.00") == 2
    assert "停车" in shown and "广告" in shown


def test_hundred_points_stay_small():
    assert len(running_balance_svg(hundred_points(), title="维修资金账户余额").encode("utf-8")) < 40_000
    assert len(income_by_source_svg(INCOME, title="公共收益").encode("utf-8")) < 10_000


def test_no_warnings_and_no_settings_left_behind(caplog):
    import matplotlib

    before = dict(matplotlib.rcParams)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        charts.__wrapped__()
    assert [str(w.message) for w in caught] == []
    assert [r.getMessage() for r in caplog.records if r.name.startswith("matplotlib")] == []
    assert dict(matplotlib.rcParams) == before


def test_without_a_chinese_font_the_build_stays_quiet(monkeypatch):
    """Layout falls back to DejaVu Sans; the browser still draws the labels in its own CJK font."""
    monkeypatch.setattr(charts_module, "MEASURING_FONTS", ("No Such Font",))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        svg = income_by_source_svg(INCOME, title="公共收益")
    assert [str(w.message) for w in caught] == []
    assert "停车" in texts(svg)


@pytest.mark.parametrize("balances, zero_at", [
    (["2990788.74", "2959348.47", "2982148.47"], 0),    # issue 18: near 2.95 million, a 1% drop
    (["1234.50"], 0),                                    # one point
    (["-500.00", "-300.00"], -1),                        # overdrawn throughout: zero is the top
])
def test_balance_axis_reaches_zero_so_a_small_drop_looks_small(balances, zero_at):
    points = [(date(2025, 7, 1) + timedelta(days=30 * i), Decimal(b)) for i, b in enumerate(balances)]
    shown = texts(running_balance_svg(points, title="余额"))
    ticks = [label for label in shown if re.fullmatch(r"-?[\d,]+", label)]   # the value axis, bottom up
    assert ticks[zero_at] == "0", ticks
