"""The notice-board PDFs of one community, into its docs folder, and the checks that come
before any of them is rendered: no notice longer than a board can hold, and no character
that no installed font can print (named with the field that holds it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..exits import Stop
from ..load.strings import field_path, walk_strings
from ..load.yamlread import Document
from ..problems import Location, display_path
from ..render.print_measure import MAX_PAGES, body_measure, minimum_pages
from ..render.print_view import notice_print_view, print_tables
from ..render.views.context import Context
from .result import PdfCount

MAX_LISTED = 10


def render_pdfs(ctx: Context, docs: Path, cache_dir: Path) -> PdfCount:
    """A PDF for every notice marked `print`; a missing CJK font raises MissingFontError
    (a Stop, exit 3), a character no font has raises a Stop naming its fields (exit 1).
    WeasyPrint loads only here (generator.pdf imports it lazily)."""
    from ..pdf import UnprintableCharacters, render_notice_pdf

    rendered = cached = 0
    for nid, notice in sorted(ctx.community.notices.items()):
        if not notice.model.print:
            continue
        out = docs / "notices" / f"{nid}.pdf"
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            fresh = render_notice_pdf(notice_print_view(ctx, nid), out, cache_dir=cache_dir)
        except UnprintableCharacters as missing:
            raise _unprintable_in_fields(ctx, nid, missing) from None
        if fresh:
            rendered += 1
        else:
            cached += 1
    return PdfCount(rendered, cached)


def refuse_overlong_notices(ctx: Context) -> None:
    """A printed notice is bounded (print_measure.MAX_PAGES): one beyond it is refused from
    its row count, in a second, before any page or PDF is rendered (a 150,000-row table took
    86 s and all the memory before). Called first by every build that makes PDFs."""
    too_long = []
    for nid, notice in sorted(ctx.community.notices.items()):
        if not notice.model.print:
            continue
        prose, body_rows = body_measure(notice.model.body)
        record_rows = sum(len(table.rows) + 1 for table in print_tables(ctx, nid))
        pages = minimum_pages(notice.model.title + prose, body_rows, record_rows)
        if pages > MAX_PAGES:
            rows = f"（表格共 {body_rows + record_rows:,} 行）" if body_rows + record_rows else ""
            at = notice.doc.at("print")
            too_long.append(f"{display_path(at.path)}:{at.line}:{at.column}: 公示“{nid}”的打印版估计至少 {pages:,} 页{rows}，"
                            f"超过公示栏打印版的上限 {MAX_PAGES} 页")
    if too_long:
        raise Stop.data("打印版过长，未生成（原有网站保持不变）：\n" + "\n".join(f"  {line}" for line in too_long)
                        + "\n请把明细放在网站上（网页没有页数限制），打印版只保留摘要；或把公示拆成几份，"
                          "或对这条公示写 print: false。")


def _places(doc: Document, characters: set[str]) -> Iterator[tuple[Location, str, str]]:
    """(where, field, character) for each value of doc holding one of the characters."""
    for path, text, _ in walk_strings(doc.data):
        for char in sorted(characters.intersection(text), key=text.index):   # each at its first place
            offset = text.index(char)
            at = doc.line_in_text(path, text.count("\n", 0, offset)) if path in doc.block_scalars else doc.at(*path)
            yield at, field_path(path), char


def _unprintable_in_fields(ctx: Context, nid: str, missing) -> Stop:
    """The error with the file, line and field of each unprintable character: the notice's
    own fields first, then the records whose figures and titles its tables print."""
    from ..pdf.fonts import UNPRINTABLE_HINT, MissingFontError, describe

    characters = set(missing.characters)
    notice = ctx.community.notices[nid]
    folder = ctx.community.folder.resolve()
    docs = [notice.doc] + [doc for doc in ctx.portal.documents
                           if doc is not notice.doc and folder in Path(doc.path).resolve().parents]
    found = [place for doc in docs for place in _places(doc, characters)]
    if not found:   # gongshi's own text: the machine lacks a font (exit 3, as for Chinese)
        return MissingFontError(missing.message)
    lines = [f"  {display_path(at.path)}:{at.line}:{at.column}: 字段 {field} 中的{describe(char)}没有已安装的字体能打印"
             for at, field, char in found[:MAX_LISTED]]
    if len(found) > MAX_LISTED:
        lines.append(f"  ……共 {len(found)} 处")
    return Stop.data(f"公示“{nid}”的打印版有无法打印的字符，未生成 PDF（原有网站保持不变）：\n" + "\n".join(lines)
                     + f"\n{UNPRINTABLE_HINT}")
