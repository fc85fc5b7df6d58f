"""Charts as inline SVG, drawn with matplotlib when the site is built.

The pages stay free of JavaScript and print like the rest of the text: each chart is one
`<svg>` element with a `<title>`, a viewBox and `width="100%"`, its words kept as
`<text>` so the reader's own Chinese fonts draw them and the file stays small.

Output is byte-identical for the same input: no dates, no random ids (the id salt is a
hash of the chart's own content, so two different charts on one page never share an id).
Matplotlib is imported only here and only when a chart is drawn; pyplot is never used,
so no figure or setting outlives a call.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import warnings
from datetime import date
from decimal import Decimal
from html import escape

from generator.formatting import money

# What the browser should draw the text with; the build machine's fonts only measure it.
FONT_STACK = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', "
    "'Microsoft YaHei', sans-serif"
)
# Installed fonts tried, in order, for laying out Chinese labels at build time.
MEASURING_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "Noto Sans CJK JP",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
)

INK = "#1a1a1a"  # line, bars and text: dark enough for any black-and-white printer
BAR_FILL = "#3b5b7f"  # prints as a mid grey, and each bar also carries its amount as text
GRID = "#8c8c8c"

WIDTH_INCHES = 5.0  # 360 pt viewBox: about 1:1 in a phone column (358 px), so labels keep their size
FONT_SIZE = 13.0

# rcParams are global in matplotlib; charts drawn from several threads take turns.
_lock = threading.Lock()


def running_balance_svg(points: list[tuple[date, Decimal]], *, title: str) -> str:
    """A step chart of an account's balance after each entry, given in date order; "" for none.

    The balance holds from one entry until the next, hence steps rather than slopes.
    """
    if not points:
        return ""
    dates = [day for day, _ in points]
    balances = [float(balance) for _, balance in points]  # plotting only; labels stay exact
    salt = _content_salt("running_balance", title, points)

    def draw(figure):
        axes = figure.add_subplot()  # constrained layout: margins fit the tick labels
        axes.step(dates, balances, where="post", color=INK, linewidth=1.6)
        if len(points) <= 40:  # markers show each entry when there is room to see them
            axes.plot(dates, balances, linestyle="none", marker="o", markersize=3.2, color=INK)
        low, high = min(balances), max(balances)
        if low < 0 < high:
            axes.axhline(0, color=INK, linewidth=0.8)
        if low == high:  # one point, or a balance that never moved
            spread = abs(low) * 0.1 or 100.0  # whole yuan ticks around a zero balance
            axes.set_ylim(low - spread, high + spread)
        # The axis always reaches zero: cut off near the lowest balance, a drop of 1% would
        # look like a crash (issue 18 measured an axis starting at 2.95 million).
        bottom, top = axes.get_ylim()
        axes.set_ylim(min(bottom, 0.0), max(top, 0.0))
        if dates[0] == dates[-1]:
            axes.set_xlim(_shift_days(dates[0], -15), _shift_days(dates[0], 15))
        _date_axis(axes)
        axes.yaxis.set_major_formatter(_yuan_tick_formatter(axes))
        axes.set_ylabel("余额（元）")
        axes.set_xlabel("日期")
        axes.grid(axis="y", color=GRID, linewidth=0.5, linestyle=(0, (2, 2)))
        _plain_spines(axes)
        figure.suptitle(title, x=0.02, ha="left", fontsize=FONT_SIZE * 1.2)

    return _render(draw, salt=salt, title=title, height_inches=3.4, layout="constrained")


def income_by_source_svg(items: list[tuple[str, Decimal]], *, title: str) -> str:
    """Horizontal bars of income by source, in the given order, each labelled with its amount.

    "" when there are no sources. The amounts are written on the bars, so no value axis
    is drawn; a zero income is a label with no bar.
    """
    if not items:
        return ""
    labels = [label for label, _ in items]
    amounts = [float(amount) for _, amount in items]  # bar lengths only; labels stay exact
    salt = _content_salt("income_by_source", title, items)
    height_inches = 1.0 + 0.42 * len(items)

    def draw(figure):
        top = 1 - 0.5 / height_inches
        bottom = 0.15 / height_inches
        left = min(0.45, (_text_width(max(labels, key=_text_width)) + 14) / (WIDTH_INCHES * 72))
        axes = figure.add_axes((left, bottom, 0.96 - left, top - bottom))
        positions = range(len(items))
        bars = axes.barh(positions, amounts, height=0.6, color=BAR_FILL, edgecolor=INK, linewidth=0.8)
        axes.bar_label(bars, labels=[money(amount) for _, amount in items], padding=4, color=INK)
        axes.set_yticks(list(positions), labels=labels)
        axes.set_ylim(len(items) - 0.5, -0.5)  # first source on top
        low, high = min(0.0, *amounts), max(0.0, *amounts)
        span = (high - low) or 1.0
        # Room for the amount labels beyond the longest bar, on either side of zero.
        axes.set_xlim(low - (0.3 * span if low < 0 else 0), high + 0.3 * span)
        axes.axvline(0, color=INK, linewidth=0.8)
        axes.xaxis.set_visible(False)
        axes.tick_params(axis="y", length=0)
        for side in ("top", "right", "bottom", "left"):
            axes.spines[side].set_visible(False)
        figure.suptitle(title, x=0.02, y=1 - 0.12 / height_inches, ha="left", va="top", fontsize=FONT_SIZE * 1.2)

    return _render(draw, salt=salt, title=title, height_inches=height_inches)


def _render(draw, *, salt: str, title: str, height_inches: float, layout: str | None = None) -> str:
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    settings = {
        "svg.fonttype": "none",
        "svg.hashsalt": salt,
        "font.family": [_measuring_font(), "DejaVu Sans"],
        "font.size": FONT_SIZE,
        "text.color": INK,
        "axes.labelcolor": INK,
        "axes.edgecolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "axes.unicode_minus": False,
        "path.simplify": True,
    }
    with _lock, matplotlib.rc_context(settings), warnings.catch_warnings():
        # Without a CJK font on the build machine the layout uses a fallback's widths;
        # the browser still draws the real glyphs, so the warning says nothing useful.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        figure = Figure(figsize=(WIDTH_INCHES, height_inches), dpi=72, layout=layout)
        FigureCanvasSVG(figure)
        draw(figure)
        buffer = io.BytesIO()
        figure.savefig(
            buffer,
            format="svg",
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
        )
    return _inline(buffer.getvalue().decode("utf-8"), title=title)


def _inline(document: str, *, title: str) -> str:
    """A standalone SVG file → one element fit to sit inside a page."""
    svg = document[document.index("<svg") :]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    # Matplotlib's `*{…}` stylesheet would apply to the whole page once inlined; the two
    # properties it sets are inherited, so the root element carries them instead.
    svg = re.sub(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>", "", svg, flags=re.S)
    svg = re.sub(r"font-family: [^;\"]*;? ?", "", svg)
    svg = re.sub(r'style=" *"', "", svg)
    opening = re.match(r"<svg\b[^>]*>", svg)
    assert opening is not None, "matplotlib wrote no <svg> element"
    view_box = re.search(r'viewBox="([^"]*)"', opening.group(0))
    assert view_box is not None, "matplotlib wrote no viewBox"
    root = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        f' viewBox="{view_box.group(1)}" width="100%" class="gongshi-chart" role="img"'
        f' aria-label="{escape(title)}"'
        f' style="font-family: {FONT_STACK}; height: auto;'
        ' stroke-linejoin: round; stroke-linecap: butt">'
        f"\n<title>{escape(title, quote=False)}</title>"
    )
    svg = root + svg[opening.end() :]
    # Matplotlib names every group (figure_1, axes_1, …); on a page with two charts those
    # names would repeat, so only ids something points at are kept.
    referenced = set(re.findall(r'(?:href="#|url\(#)([^")]+)', svg))
    svg = re.sub(
        r' id="([^"]*)"', lambda found: found.group(0) if found.group(1) in referenced else "", svg
    )
    svg = re.sub(r"\n\s*\n", "\n", svg)
    return svg.strip() + "\n"


def _content_salt(kind: str, title: str, data: list) -> str:
    """Ids differ between charts on the same page yet repeat exactly from build to build."""
    text = repr((kind, title, [(str(a), str(b)) for a, b in data]))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _measuring_font() -> str:
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((name for name in MEASURING_FONTS if name in installed), "DejaVu Sans")


def _text_width(text: str) -> float:
    """Points a label needs: a Chinese character is about 1 em, anything else about 0.6."""
    return sum(1.0 if ord(char) >= 0x2E80 else 0.6 for char in text) * FONT_SIZE


def _shift_days(day: date, days: int) -> date:
    from datetime import timedelta

    return day + timedelta(days=days)


def _date_axis(axes) -> None:
    """Dates as 2025年, 3月, 15日 — each tick says only what changed since the last."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(minticks=3, maxticks=8)

    class ChineseDateFormatter(ConciseDateFormatter):
        def format_ticks(self, values):
            return [_drop_leading_zeros(label) for label in super().format_ticks(values)]

        def get_offset(self):
            return _drop_leading_zeros(super().get_offset())

    formatter = ChineseDateFormatter(
        locator,
        formats=["%Y年", "%m月", "%d日", "%H:%M", "%H:%M", "%S.%f"],
        zero_formats=["", "%Y年", "%m月", "%m月%d日", "%H:%M", "%H:%M"],
        offset_formats=["", "%Y年", "%Y年%m月", "%Y年%m月%d日", "%Y年%m月%d日", "%Y年%m月%d日 %H:%M"],
    )
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(formatter)


def _drop_leading_zeros(label: str) -> str:
    return re.sub(r"(?<![\d])0(\d[月日])", r"\1", label)


def _yuan_tick_formatter(axes):
    """Tick values with thousands separators, decimals only when the ticks are that close."""
    from matplotlib.ticker import FuncFormatter

    def label(value: float, _position) -> str:
        ticks = axes.yaxis.get_majorticklocs()
        step = min((abs(b - a) for a, b in zip(ticks, ticks[1:]) if b != a), default=1.0)
        decimals = 0 if step >= 1 else 2
        text = f"{value:,.{decimals}f}"
        return "0" if text.strip("-0.,") == "" else text

    return FuncFormatter(label)


def _plain_spines(axes) -> None:
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
