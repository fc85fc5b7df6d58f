"""Charts drawn once per content: an on-disk cache in front of charts.py.

Drawing the sample's three charts costs about as much as the whole MkDocs build
(importing matplotlib and loading a CJK font to measure the labels), yet a chart only
changes when its data does. So, as for the PDFs, finished SVGs are kept on disk under a
key covering every input that can change the bytes: the chart's kind, title and data,
the source of charts.py, matplotlib's version and the installed fonts (fontconfig's list,
which is where matplotlib finds them). A hit never imports matplotlib.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from functools import cache
from importlib import metadata
from pathlib import Path

from ..files import write_atomically
from . import charts

# Bump when the key's ingredients change meaning, so old entries are never matched.
KEY_FORMAT = 1


class CachedCharts:
    """The chart functions of charts.py, answered from cache_dir when possible.

    cache_dir None draws every time (and is what tests of the charts themselves use).
    """

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir
        self.drawn = self.reused = 0

    def running_balance_svg(self, points, *, title: str) -> str:
        return self._chart("running_balance", charts.running_balance_svg, points, title)

    def income_by_source_svg(self, items, *, title: str) -> str:
        return self._chart("income_by_source", charts.income_by_source_svg, items, title)

    def _chart(self, kind: str, draw, data, title: str) -> str:
        if self.cache_dir is None:
            self.drawn += 1
            return draw(data, title=title)
        path = self.cache_dir / f"{chart_key(kind, title, data)}.svg"
        try:
            svg = path.read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            pass
        else:
            self.reused += 1
            return svg
        svg = draw(data, title=title)
        self.drawn += 1
        # A parallel or interrupted build never leaves half an SVG for the next one to use.
        write_atomically(path, svg.encode("utf-8"))
        return svg


def chart_key(kind: str, title: str, data) -> str:
    payload = {
        "format": KEY_FORMAT,
        "kind": kind,
        "title": title,
        # Dates and Decimals as text: Decimal("1.50") and Decimal("1.5") draw the same
        # bar but may be labelled differently, so the exact text is the input.
        "data": [[str(a), str(b)] for a, b in data],
        "charts": _charts_source_digest(),
        "matplotlib": _version("matplotlib"),
        "fonts": _installed_fonts_digest(),
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _charts_source_digest() -> str:
    return hashlib.sha256(Path(charts.__file__).read_bytes()).hexdigest()


@cache
def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


@cache
def _installed_fonts_digest() -> str:
    """Fingerprint of the fonts matplotlib can measure with (it lists them with fc-list)."""
    try:
        listing = subprocess.run(["fc-list", "--format", "%{family}|%{style}|%{file}\n"],
                                 capture_output=True, timeout=60, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return "no-fontconfig"
    return hashlib.sha256(b"\n".join(sorted(listing.splitlines()))).hexdigest()

