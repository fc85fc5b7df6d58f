"""Printed notice-board PDFs. Importing this package does not import WeasyPrint."""

from .fonts import MissingFontError
from .render import render_notice_pdf
from .view import NoticePrintView, PrintColumn, PrintTable

__all__ = ["MissingFontError", "NoticePrintView", "PrintColumn", "PrintTable", "render_notice_pdf"]
