"""The notice-board PDFs of one community, into its docs folder."""

from __future__ import annotations

from pathlib import Path

from ..render.print_view import notice_print_view
from .result import PdfCount


def render_pdfs(ctx, docs: Path, cache_dir: Path) -> PdfCount:
    """A PDF for every notice marked `print`; a missing CJK font raises MissingFontError
    (a Stop, exit 3). WeasyPrint loads only here (generator.pdf imports it lazily)."""
    from ..pdf import render_notice_pdf

    rendered = cached = 0
    for nid, notice in sorted(ctx.community.notices.items()):
        if not notice.model.print:
            continue
        out = docs / "notices" / f"{nid}.pdf"
        out.parent.mkdir(parents=True, exist_ok=True)
        if render_notice_pdf(notice_print_view(ctx, nid), out, cache_dir=cache_dir):
            rendered += 1
        else:
            cached += 1
    return PdfCount(rendered, cached)
