"""Printed notice-board PDFs of the print views (render/print_types.py). Importing this
package does not import WeasyPrint, and the renderer (segno, the print templates) loads
only when a PDF is made."""

from .fonts import MissingFontError, UnprintableCharacters

__all__ = ["MissingFontError", "UnprintableCharacters", "render_notice_pdf"]


def __getattr__(name: str):
    if name == "render_notice_pdf":
        from .render import render_notice_pdf

        return render_notice_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
