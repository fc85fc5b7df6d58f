"""How much room printed text takes on the board's A4 page, measured before anything is
rendered: which size of type lets a table keep every column (the print view names it), and
how many pages a notice fills at the least (a notice beyond MAX_PAGES is refused).

Widths are estimated as the title lines are (render/print_view and pdf/render.title_lines):
a Chinese character takes one em, any other character LATIN_EM. The estimate errs wide, so
a table chosen to fit does fit; should WeasyPrint still need room, cells wrap anywhere.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

PT_MM = 25.4 / 72
# notice.css: A4 portrait, margins 18 mm top, 16 mm left and right, 20 mm bottom.
PAGE_WIDTH_MM = 210 - 2 * 16
PAGE_HEIGHT_MM = 297 - 18 - 20
BODY_PT, BODY_LINE = 14, 1.6           # html { font-size: 14pt; line-height: 1.6 }
TABLE_LINE = 1.4                       # table.records, .body table { line-height: 1.4 }
CELL_PADDING_MM = 2 * 2 + 0.75 * PT_MM   # padding 1mm 2mm, a 0.75pt rule
LATIN_EM = 0.62                         # Latin letters and digits of the CJK font, rounded up

# The sizes a table may take, largest first, and the class that sets each (notice.css).
# Below the smallest, cells wrap anywhere: "smaller type, then wrapping".
TABLE_SIZES = ((14, ""), (11, "fit-small"), (9, "fit-smaller"))
WRAP_CLASS = "fit-wrap"
SMALLEST_PT = TABLE_SIZES[-1][0]

# A notice is read standing at a board: past this many pages nobody reads it there, and
# rendering it would take minutes and gigabytes (a 150,000-row table exhausted memory).
MAX_PAGES = 50

_BREAK = re.compile(r"\s+")
# The running title at the top of pages 2 onwards (11pt in a margin box): a long title is
# cut there, or it would run down into the page.
RUNNING_TITLE_EMS = 28


def char_em(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else LATIN_EM


def text_em(text: str) -> float:
    return sum(map(char_em, text))


def longest_unbreakable_em(text: str) -> float:
    """The widest piece a line cannot break inside: a word between spaces; Chinese text
    breaks between any two characters."""
    widest = 0.0
    for word in _BREAK.split(text):
        run = 0.0
        for char in word:
            if unicodedata.east_asian_width(char) in "WF":
                widest, run = max(widest, run, 1.0), 0.0
            else:
                run += LATIN_EM
        widest = max(widest, run)
    return widest


def running_title(title: str) -> str:
    """The title as the page header repeats it: whole, or cut at RUNNING_TITLE_EMS with "…"."""
    if text_em(title) <= RUNNING_TITLE_EMS:
        return title
    kept, width = [], 0.0
    for char in title:
        width += char_em(char)
        if width > RUNNING_TITLE_EMS - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


@dataclass(frozen=True)
class ColumnText:
    """What one column holds: every cell's text (the header's too), and whether its cells
    stay on one line (white-space: nowrap) or wrap at spaces and between Chinese characters."""

    cells: tuple[str, ...]
    nowrap: bool = False

    def min_em(self) -> float:
        measure = text_em if self.nowrap else longest_unbreakable_em
        return max((measure(cell) for cell in self.cells), default=0.0)


def table_fit(columns: list[ColumnText]) -> str:
    """The class of the largest type at which every column's narrowest width fits the page;
    WRAP_CLASS when even the smallest type needs cells to wrap anywhere."""
    widths = [column.min_em() for column in columns]
    for points, css_class in TABLE_SIZES:
        if sum(em * points * PT_MM + CELL_PADDING_MM for em in widths) <= PAGE_WIDTH_MM:
            return css_class
    return WRAP_CLASS


def minimum_pages(body_text: str, body_table_rows: int, record_table_rows: int) -> int:
    """Pages the notice fills at the least: its text set at the body size across the full
    width, and every table row one line of the smallest type (a lower bound, so a notice
    refused for its length is certainly too long)."""
    ems_per_line = PAGE_WIDTH_MM / (BODY_PT * PT_MM)
    text_lines = math.ceil(text_em(body_text) / ems_per_line)
    row_mm = SMALLEST_PT * TABLE_LINE * PT_MM + 1.0   # 0.5 mm padding above and below at the least
    height = text_lines * BODY_PT * BODY_LINE * PT_MM + (body_table_rows + record_table_rows) * row_mm
    return max(1, math.ceil(height / PAGE_HEIGHT_MM))


_DELIMITER_ROW = re.compile(r"^[\s|:-]+$")


def body_measure(markdown: str) -> tuple[str, int]:
    """A notice body's prose and the number of its table rows, read from the Markdown source
    before it is converted (a 150,000-row table takes seconds to convert)."""
    prose, rows = [], 0
    for line in markdown.split("\n"):
        if "|" in line:
            rows += not _DELIMITER_ROW.match(line)
        else:
            prose.append(line)
    return "".join(prose), rows
