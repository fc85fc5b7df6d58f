"""Printed notice-board PDFs. Importing this package does not import WeasyPrint, and
the renderer (segno, the print templates) loads only when a PDF is made: a
`--no-pdf` build needs no more than the print view's dataclasses."""

from .fonts import MissingFontError
from .view import NoticePrintView, PrintColumn, PrintTable

__all__ = ["MissingFontError", "NoticePrintView", "PrintColumn", "PrintTable", "render_notice_pdf"]


def __getattr__(name: str):
    if name == "render_notice_pdf":
        from .render import render_notice_pdf

        return render_notice_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
