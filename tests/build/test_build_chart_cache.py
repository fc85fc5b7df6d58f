"""Charts are drawn once per content and then read from the build cache (render/chart_cache.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from generator.render import chart_cache, charts
from generator.render.chart_cache import CachedCharts

POINTS = [(date(2025, 1, 10), Decimal("100.00")), (date(2025, 3, 1), Decimal("250.50"))]
INCOME = [("停车", Decimal("1200.00")), ("广告", Decimal("300.00"))]


@pytest.fixture
def drawn(monkeypatch):
    """Stand-ins for the matplotlib drawing: record each call, return a distinct SVG."""
    calls = []

    def fake(kind):
        def draw(data, *, title):
            calls.append((kind, title, list(data)))
            return f"<svg>{kind} {title} {len(calls)}</svg>\n"
        return draw

    monkeypatch.setattr(charts, "running_balance_svg", fake("balance"))
    monkeypatch.setattr(charts, "income_by_source_svg", fake("income"))
    return calls


def test_second_request_is_read_from_the_cache(drawn, tmp_path):
    first = CachedCharts(tmp_path)
    svg = first.running_balance_svg(POINTS, title="余额")
    again = CachedCharts(tmp_path)  # the next build
    assert again.running_balance_svg(POINTS, title="余额") == svg
    assert len(drawn) == 1 and (first.drawn, again.reused) == (1, 1)
    assert [p.suffix for p in tmp_path.iterdir()] == [".svg"]  # no temporary file left behind


@pytest.mark.parametrize("change", ["data", "title", "kind", "fonts", "charts source"])
def test_any_changed_input_draws_again(drawn, tmp_path, monkeypatch, change):
    cached = CachedCharts(tmp_path)
    cached.running_balance_svg(POINTS, title="余额")
    if change == "data":
        cached.running_balance_svg(POINTS[:1] + [(date(2025, 3, 1), Decimal("250.51"))], title="余额")
    elif change == "title":
        cached.running_balance_svg(POINTS, title="结余")
    elif change == "kind":
        cached.income_by_source_svg([(str(d), b) for d, b in POINTS], title="余额")
    else:
        name = "_installed_fonts_digest" if change == "fonts" else "_charts_source_digest"
        monkeypatch.setattr(chart_cache, name, lambda: "changed")
        cached.running_balance_svg(POINTS, title="余额")
    assert len(drawn) == 2


def test_decimal_text_is_part_of_the_key(drawn, tmp_path):
    # 1200.0 and 1200.00 are equal numbers but may be labelled differently.
    cached = CachedCharts(tmp_path)
    cached.income_by_source_svg([("停车", Decimal("1200.0"))], title="收入")
    cached.income_by_source_svg([("停车", Decimal("1200.00"))], title="收入")
    assert len(drawn) == 2


def test_without_a_cache_folder_every_chart_is_drawn(drawn):
    cached = CachedCharts(None)
    cached.income_by_source_svg(INCOME, title="收入")
    cached.income_by_source_svg(INCOME, title="收入")
    assert len(drawn) == 2


def test_a_cached_chart_is_byte_identical_to_a_fresh_drawing(tmp_path):
    fresh = charts.income_by_source_svg(INCOME, title="公共收益收入来源")
    CachedCharts(tmp_path).income_by_source_svg(INCOME, title="公共收益收入来源")
    reread = CachedCharts(tmp_path)
    assert reread.income_by_source_svg(INCOME, title="公共收益收入来源") == fresh
    assert reread.reused == 1
