"""Reading a built site the way an owner reads it, and the sample's YAML the way an auditor does.

Expected figures in the tests come from the YAML files, parsed here with Decimal numbers,
never from the generator's own code: a bug in the generator cannot hide itself.
"""

from __future__ import annotations

import hashlib
import math
import re
import shutil
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import yaml

from tests.conftest import ROOT, SAMPLE_DATA

COMMUNITY = SAMPLE_DATA / "communities" / "shili-jiayuan"
# Entry types that add to each account's balance (the spec's data-format.md; docs/fields.md); all others subtract.
INFLOW_TYPES = {
    "maintenance-fund": {"deposit", "interest", "transfer_in"},
    "public-revenue": {"income"},
}


class _ExactLoader(yaml.SafeLoader):
    """YAML floats become Decimal, so 0.1 + 0.2 stays 0.3 (money is never a float)."""


_ExactLoader.add_constructor("tag:yaml.org,2002:float", lambda loader, node: Decimal(loader.construct_scalar(node)))


def read_yaml(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ExactLoader)


def yuan(amount: Decimal) -> str:
    """How the portal writes money: 1,234,567.89 元."""
    return f"{Decimal(amount):,.2f} 元"


def percent_beside(ratio: Fraction, met: bool) -> str:
    """How the portal writes a ratio beside its threshold: two decimals, rounded away from
    the threshold (up when it is met, down when not)."""
    hundredths = ratio * 10000
    whole = math.ceil(hundredths) if met else math.floor(hundredths)
    return f"{whole // 100}.{whole % 100:02d}%"


def cn_date(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def latest_ledger(account: str, community: Path = COMMUNITY) -> tuple[str, dict]:
    """(period, ledger) of the latest period: file names sort by period (2025-H1 < 2025-H2 < 2026-H1)."""
    path = sorted((community / account).glob("*.yml"))[-1]
    return path.stem, read_yaml(path)


def recomputed_closing(account: str, ledger: dict) -> Decimal:
    balance = Decimal(ledger["opening_balance"])
    for entry in ledger["entries"]:
        amount = Decimal(entry["amount"])
        balance += amount if entry["type"] in INFLOW_TYPES[account] else -amount
    return balance


@dataclass
class Page:
    """The article of one built page: its text (entities decoded, whitespace collapsed),
    its links and every start tag inside it."""

    text: str
    links: list[tuple[str, str]] = field(default_factory=list)   # (href, link text)
    tags: list[tuple[str, dict]] = field(default_factory=list)
    html: str = ""

    def section(self, heading: str, until: str | None = None) -> str:
        """The text from a heading to the next given heading (or the end)."""
        start = self.text.index(heading)
        end = self.text.index(until, start) if until else len(self.text)
        return self.text[start:end]


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0            # >0 inside <article>
        self.chunks: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.tags: list[tuple[str, dict]] = []
        self._link: tuple[str, list[str]] | None = None
        self._skip = 0            # inside the heading permalinks ("¶")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self.depth += 1
            return
        if not self.depth:
            return
        self.tags.append((tag, attributes))
        if tag == "a" and "headerlink" in (attributes.get("class") or ""):
            self._skip += 1
        elif tag == "a":
            self._link = (attributes.get("href") or "", [])
        if tag in ("br", "p", "li", "tr", "h1", "h2", "h3", "td", "th", "div"):
            self.chunks.append(" ")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif self.depth and tag == "a":
            if self._skip:
                self._skip -= 1
            elif self._link is not None:
                href, text = self._link
                self.links.append((href, "".join(text).strip()))
                self._link = None

    def handle_data(self, data):
        if self.depth and not self._skip:
            self.chunks.append(data)
            if self._link is not None:
                self._link[1].append(data)


def read_page(site: Path, url_path: str) -> Page:
    """url_path as in the browser: "" for the home page, "votes/2025-elevator/" for a vote."""
    html = (site / url_path / "index.html").read_text(encoding="utf-8")
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    text = re.sub(r"\s+", " ", "".join(parser.chunks)).strip()
    return Page(text, parser.links, parser.tags, html)


def tree_hashes(folder: Path) -> dict[str, str]:
    """Relative path → sha256 of every file, so two trees compare byte for byte."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def copy_sample(target: Path) -> Path:
    """A copy of the sample data folder at target/data (the project files stay gongshi's own)."""
    data = target / "data"
    shutil.copytree(SAMPLE_DATA, data)
    return data


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace one exact line fragment; fails loudly if the sample changed under the test."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: expected exactly one {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


__all__ = ["ROOT", "SAMPLE_DATA", "COMMUNITY", "read_yaml", "yuan", "cn_date", "latest_ledger",
           "recomputed_closing", "read_page", "tree_hashes", "copy_sample", "replace_in", "Page"]
