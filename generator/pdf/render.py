"""Print a notice view to an A4 PDF for the board, reproducibly and with a cache.

WeasyPrint is imported only inside _write_pdf, after fonts.check() has passed: with no
fonts installed, Pango would otherwise crash the whole build with a segfault.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import unicodedata
from importlib import metadata
from pathlib import Path

import jinja2
import segno
from markupsafe import Markup

from ..exits import Stop
from ..files import write_atomically
from ..render.print_types import NoticePrintView, PrintTable
from . import cache, fonts

__all__ = ["render_notice_html", "render_notice_pdf"]

LOGGER = logging.getLogger(__name__)

PDF_DIR = Path(__file__).parent
TEMPLATE_NAME = "notice.html.j2"
STYLESHEET_NAME = "notice.css"
# Must match fetcher.ASSETS: the only URL the rendered HTML may load.
STYLESHEET_URL = "gongshi-asset:notice.css"

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(PDF_DIR),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    # Block tags leave no blank lines or indentation behind.
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_notice_pdf(view: NoticePrintView, out_path: Path, *, cache_dir: Path | None) -> bool:
    """Write the notice PDF to out_path. True if rendered, False if copied from cache.

    Raises fonts.MissingFontError (Chinese message) when no installed font can print it.
    """
    template_source = (PDF_DIR / TEMPLATE_NAME).read_text(encoding="utf-8")
    css_source = (PDF_DIR / STYLESHEET_NAME).read_text(encoding="utf-8")
    # Template and CSS carry printed labels too (公示期, 第 N 页 …), so they are checked.
    font_family = fonts.check("\n".join([view.printed_text(), template_source, css_source]))

    # The HTML is in the key too: it also carries what this module computes for the
    # layout (title lines, table classes), which no version number tracks during work.
    html = render_notice_html(view, font_family)
    cache_key = cache.key(
        view=dataclasses.asdict(view),
        html=html,
        template=template_source,
        css=css_source,
        font_family=font_family,
        gongshi=_version("gongshi"),
        weasyprint=_version("weasyprint"),
    )
    if cache_dir is not None and cache.copy_cached(cache_dir, cache_key, out_path):
        return False

    # The cache key doubles as the PDF's /ID: stable for equal inputs, distinct otherwise.
    pdf = _write_pdf(html, identifier=cache_key[:32].encode("ascii"))
    write_atomically(out_path, pdf)
    if cache_dir is not None:
        cache.store(cache_dir, cache_key, pdf)
    return True


def render_notice_html(view: NoticePrintView, font_family: str) -> str:
    """The HTML WeasyPrint prints (exposed for tests and for debugging a layout)."""
    return _ENV.get_template(TEMPLATE_NAME).render(_template_context(view, font_family))


def _template_context(view: NoticePrintView, font_family: str) -> dict:
    return {
        "notice": view,
        "title_lines": title_lines(view.title),
        # The one place trusted markup is marked safe: the caller sanitised body_html,
        # and the QR SVG is generated here from the URL.
        "body_html": Markup(view.body_html),
        "qr_svg": Markup(_qr_svg(view.page_url)),
        "tables": [_table_context(table) for table in view.tables],
        "font_family": font_family,
        "stylesheet_url": STYLESHEET_URL,
    }


# A table of up to this many rows is moved whole to the next page rather than split
# (a seven-row statement should not leave its opening balance alone on page 1); a
# longer one starts where it is and breaks between rows, repeating its header.
KEEP_TOGETHER_ROWS = 12

# The title's line length in ems: A4 less the page margins (178 mm) at the h1's 24pt
# (8.47 mm per em) holds 21; one em is kept spare for the estimate's error.
TITLE_LINE_EMS = 20
# No line may start with closing punctuation or end with opening punctuation (禁则).
_NO_LINE_START = set("，。、；：！？）》」』”’〕】…%")
_NO_LINE_END = set("（《「『“‘〔【")


def title_lines(title: str) -> list[str]:
    """The title cut into lines of about equal width at word boundaries, so a long title
    never leaves one or two characters alone on its last line (WeasyPrint has no
    text-wrap: balance) and never splits a word such as 维修|资金.

    Widths are estimated (CJK one em, Latin and digits about half); should a line still
    not fit, WeasyPrint wraps it as usual, so a wrong guess costs looks, never text.
    """
    widths = [1.0 if unicodedata.east_asian_width(char) in "WF" else 0.55 for char in title]
    total = sum(widths)
    if total <= TITLE_LINE_EMS:
        return [title]
    count = math.ceil(total / TITLE_LINE_EMS)
    offsets = [0.0]
    for width in widths:
        offsets.append(offsets[-1] + width)
    edges = [
        index for index in _word_boundaries(title)
        if title[index] not in _NO_LINE_START and title[index - 1] not in _NO_LINE_END
        # A number stays with what it counts: 3号楼, 2025年.
        and not (title[index - 1].isascii() and title[index - 1].isalnum())
    ]
    cuts: list[int] = []
    for k in range(1, count):
        target = total * k / count
        candidates = [index for index in edges if not cuts or index > cuts[-1]]
        if not candidates:
            break
        cuts.append(min(candidates, key=lambda index: abs(offsets[index] - target)))
    bounds = [0, *cuts, len(title)]
    return [title[start:stop] for start, stop in zip(bounds, bounds[1:])]


def _word_boundaries(text: str) -> list[int]:
    """Indexes between two words of text (jieba, which the site's search already uses)."""
    import jieba  # noqa: PLC0415 - ~0.5 s to load its dictionary; only long titles need it

    jieba.setLogLevel(logging.WARNING)  # it announces loading its dictionary otherwise
    boundaries, index = [], 0
    for word in jieba.lcut(text):
        index += len(word)
        boundaries.append(index)
    return boundaries[:-1]


def _table_context(table: PrintTable) -> dict:
    """Pair each cell with its column's alignment, so the template only places strings."""
    classes = [
        ("numeric" if column.numeric else "text") + (" nowrap" if column.nowrap else "")
        for column in table.columns
    ]
    return {
        "section_class": "record keep-together" if len(table.rows) <= KEEP_TOGETHER_ROWS else "record",
        "table_class": " ".join(filter(None, ("records", table.fit))),
        "caption": table.caption,
        "note": table.note,
        "columns": [
            {"label": column.label, "css_class": css_class}
            for column, css_class in zip(table.columns, classes, strict=True)
        ],
        "rows": [
            [{"text": text, "css_class": css_class}
             for text, css_class in zip(row, classes, strict=True)]
            for row in table.rows
        ],
    }


def _qr_svg(url: str) -> str:
    # Inline SVG: vector-sharp at any print size and nothing for the fetcher to load.
    # Level M survives smudges and tape on a board; size comes from the CSS (omitsize).
    return segno.make(url, error="m", boost_error=False).svg_inline(border=4, omitsize=True)


def _write_pdf(html: str, *, identifier: bytes) -> bytes:
    """The single WeasyPrint call (tests replace it to prove a cache hit renders nothing)."""
    try:
        from weasyprint import HTML  # noqa: PLC0415 - only after the font check, see module doc

        from .fetcher import AssetFetcher  # noqa: PLC0415 - imports WeasyPrint too
    except (ImportError, OSError) as error:  # WeasyPrint loads Pango as it is imported
        raise Stop.environment(f"WeasyPrint 无法加载，不能生成公示 PDF：{error}。Debian/Ubuntu 上请运行 "
                               "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0，再 pip install weasyprint；"
                               "不需要 PDF 时可加 --no-pdf。") from error

    fetcher = AssetFetcher()
    document = _fit_one_page(html, lambda text: HTML(string=text, url_fetcher=fetcher).render())
    # No dates unless the template sets dcterms.created/modified from the view, and a
    # fixed /ID: together these make equal inputs give byte-identical files.
    pdf = document.write_pdf(pdf_identifier=identifier)
    for url in fetcher.refused:
        LOGGER.warning("公示 PDF 未加载外部资源（只允许内置样式）：%s", url)
    return pdf


def _fit_one_page(html: str, render):
    """The laid-out notice; one that takes two pages is laid out again snug (less space
    between its parts, the same type sizes, notice.css `html.snug`) and printed so when
    that fits it on one page: a short notice on the board is one sheet, not a half-empty
    page and a second one holding the last table and the stamp box."""
    document = render(html)
    if len(document.pages) == 2:
        snug = render(html.replace("<html ", '<html class="snug" ', 1))
        if len(snug.pages) == 1:
            return snug
    return document


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"
