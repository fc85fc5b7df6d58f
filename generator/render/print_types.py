"""The print view's types: everything a notice PDF shows, already formatted for people.

They belong to the render stage (render/print_view.py fills them from the checked data);
the PDF layer (generator/pdf) imports them from here and never sees the data models.
Whoever builds a view has computed every figure, date and status and turned it into the
exact text to print, so templates only place strings and rendering can be cached on the
view's content alone.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .print_measure import running_title


@dataclass(frozen=True)
class PrintColumn:
    label: str
    # Numeric columns are right-aligned so digits line up for readers comparing amounts.
    numeric: bool = False
    # Short values (dates, entry types) kept on one line: a narrow column otherwise
    # stacks them one character per line.
    nowrap: bool = False


@dataclass(frozen=True)
class PrintTable:
    caption: str
    columns: tuple[PrintColumn, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    # The size of type that keeps every column on the page (render/print_measure.table_fit):
    # "" (body size), "fit-small", "fit-smaller", or "fit-wrap" (smallest, cells wrap anywhere).
    fit: str = ""


@dataclass(frozen=True)
class NoticePrintView:
    title: str
    issuer: str
    period_from: str
    period_to: str
    objection_contact: str
    objection_until: str
    # Already rendered from Markdown and sanitised by the caller; marked safe in one place
    # (pdf/render._template_context) and nowhere else.
    body_html: str
    tables: tuple[PrintTable, ...]
    page_url: str
    fingerprint: str
    # Shown at the foot of the notice, e.g. "2024年6月1日".
    issued_on: str
    # The same date in W3C form ("2024-06-01") for the PDF's creation/modification
    # dates. Empty means the PDF carries no dates; either way output is reproducible.
    issued_on_iso: str = ""
    # The title as the header of pages 2 onwards repeats it (cut when long); left empty, it is
    # made from the title.
    running_title: str = ""

    def __post_init__(self) -> None:
        if not self.running_title:
            object.__setattr__(self, "running_title", running_title(self.title))

    def printed_text(self) -> str:
        """All view text that can reach the page, for the font coverage check."""
        cells = [cell for table in self.tables for row in table.rows for cell in row]
        labels = [
            text
            for table in self.tables
            for text in (table.caption, table.note, *(c.label for c in table.columns))
        ]
        return "\n".join([
            self.title, self.issuer, self.period_from, self.period_to,
            self.objection_contact, self.objection_until, html.unescape(self.body_html),
            self.fingerprint, self.issued_on, *labels, *cells,
        ])
