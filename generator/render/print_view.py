"""The notice-board view of a notice: the same figures as its web page, as print tables."""

from __future__ import annotations

import html
import re

from ..analysis.documents import STATE_LABELS, document_state
from ..analysis.periods import period_label
from ..analysis.votes import compute_outcome, electorate_of, is_supermajority, tallies
from ..formatting import area, cn_date, money
from ..model import labels
from . import links
from .notice_body import body_html
from .print_measure import ColumnText, table_fit
from .print_types import NoticePrintView, PrintColumn, PrintTable
from .views.context import Context, fingerprint, meeting_title, ref_label
from .views.disclosed import MATTER, RESULT, STATEMENT, disclosed_blocks
from .views.documents import adopting_vote, effective_text
from .views.ledgers import entry_rows, statement_view
from .views.meetings import approval_text
from .views.notices import objection_channel
from .views.votes import ratio_tests

# (label, numeric, nowrap): numeric columns are right-aligned; nowrap keeps short codes
# such as dates and entry types on one line instead of one character per line.
TEXT, NUM, SHORT = (False, False), (True, False), (False, True)

# Chinese characters and punctuation (CJK symbols, ideographs, fullwidth forms).
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
# A source line break between two Chinese characters, maybe with inline tags on either
# side (，\n<strong>本事项): Markdown keeps it, and WeasyPrint prints it as a visible
# space in the middle of a sentence.
_TAGS = "(?:</?(?:a|abbr|b|code|del|em|i|ins|mark|s|small|span|strong|sub|sup|u)\\b[^<>]*>)*"
_CJK_LINE_BREAK = re.compile(f"([{_CJK}]{_TAGS})[ \\t]*\\n[ \\t]*(?={_TAGS}[{_CJK}])")
_PREFORMATTED = re.compile(r"(<pre\b.*?</pre>)", re.S)


def _table(caption: str, columns: list[tuple[str, tuple[bool, bool]]], rows: list[list[str]],
           note: str = "") -> PrintTable:
    # Numeric and short columns stay on one line (notice.css); the others wrap.
    texts = [ColumnText((label, *(row[i] for row in rows)), nowrap=any(kind))
             for i, (label, kind) in enumerate(columns)]
    return PrintTable(caption, tuple(PrintColumn(label, *kind) for label, kind in columns),
                      tuple(tuple(r) for r in rows), note, fit=table_fit(texts))


_BODY_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _fit_body_table(match: re.Match) -> str:
    """A Markdown table of the body, with the class of the type size that keeps its columns."""
    rows = [[html.unescape(_TAG.sub("", cell)) for cell in _CELL.findall(row)] for row in _ROW.findall(match.group(1))]
    width = max((len(row) for row in rows), default=0)
    columns = [ColumnText(tuple(row[i] for row in rows if i < len(row))) for i in range(width)]
    fit = table_fit(columns)
    return (f'<table class="{fit}">' if fit else "<table>") + match.group(1) + "</table>"


def print_body_html(markdown_text: str) -> str:
    """The sanitised body, with line breaks inside Chinese sentences joined (but not in
    preformatted blocks, where the author's line breaks are the content)."""
    parts = _PREFORMATTED.split(body_html(markdown_text, phone_links=False))   # paper: nothing to tap
    return "".join(part if part.startswith("<pre") else _BODY_TABLE.sub(_fit_body_table, _CJK_LINE_BREAK.sub(r"\1", part))
                   for part in parts)


def _statement_table(ctx: Context, account: str, period: str) -> PrintTable:
    s = statement_view(account, period, ctx.community.ledgers(account)[period].model, ctx.as_of)
    rows = [["期初余额", s["opening"]]]
    rows += [[f"收入：{i['label']}", i["amount"]] for i in s["inflows"]]
    rows += [[f"支出：{o['label']}", o["amount"]] for o in s["outflows"]]
    rows += [["本期收入合计", s["total_inflow"]], ["本期支出合计", s["total_outflow"]], [s["closing_label"], s["closing"]]]
    return _table(f"{labels.ACCOUNT_TITLE[account]} {period_label(period)}收支",
                  [("项目", TEXT), ("金额（元）", NUM)], rows)


def _entries_table(ctx: Context, page: str, account: str, period: str, only: set[str] | None = None) -> PrintTable:
    rows = entry_rows(ctx, account, period, page, only)
    # Month and day only (the caption names the period), no type column (the statement
    # totals by type), the voucher after the summary and each authorisation once, in the
    # note, marked ①②…: on A4 at board size a column for either would leave the summary
    # a few characters wide.
    bases: dict[str, str] = {}
    table = []
    for e in rows:
        summary = f"{e['summary']}（{e['voucher']}）" if e["voucher"] else e["summary"]
        if e["authorisation"]:
            label = e["authorisation"]["label"]
            summary += bases.setdefault(label, _MARKS[len(bases) % len(_MARKS)])
        table.append([e["month_day"], summary, e["inflow"], e["outflow"], e["balance"]])
    note = "授权依据：" + "；".join(f"{mark}{label}" for label, mark in bases.items()) + "。" if bases else ""
    title = f"{labels.ACCOUNT_TITLE[account]} {period_label(period)}"
    caption = f"{title}明细" if only is None else f"{title}明细（本公示涉及的）"
    return _table(caption, [("日期", SHORT), ("摘要（凭证号）", TEXT), ("收入（元）", NUM), ("支出（元）", NUM),
                            ("余额（元）", NUM)], table, note)


_MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _approval_rule(vote) -> str:
    # 民法典第278条: 2/3 participation by area and headcount; 3/4 or a majority to approve.
    approval = "达到参与表决的四分之三以上" if is_supermajority(vote.matter) else "超过参与表决的半数"
    return f"参与表决的专有部分面积和人数均达到三分之二以上，且同意的面积和人数均{approval}"


def _pre_vote_table(ctx: Context, vid: str, caption: str) -> PrintTable:
    vote = ctx.community.votes[vid].model
    rows = [["表决事项", vote.title], ["事项类别", labels.MATTER[vote.matter]],
            ["表决期间", f"{cn_date(vote.voting.start)}至{cn_date(vote.voting.end)}"],
            ["预算上限", f"{money(vote.budget)} 元" if vote.budget is not None else "无（本表决不授权支出）"]]
    electorate = electorate_of(vote, ctx.profile)
    if electorate is not None:
        rows.append(["表决范围", f"{electorate.owners:,} 户，专有部分面积 {area(electorate.area_m2)} 平方米"])
    rows.append(["通过条件", _approval_rule(vote)])
    return _table(caption, [("项目", SHORT), ("内容", TEXT)], rows)


def _result_tables(ctx: Context, vid: str) -> list[PrintTable]:
    vote = ctx.community.votes[vid].model
    outcome = compute_outcome(vote, ctx.profile)
    # A vote limited to some owners (e.g. one building's lift) counts against them only.
    electorate_label = "表决范围内业主" if vote.electorate is not None else "全体业主"
    tally_rows = [[electorate_label, f"{outcome.electorate.owners:,}", area(outcome.electorate.area_m2)]]
    tally_rows += [[label, f"{t.owners:,}", area(t.area_m2)] for label, t in tallies(vote)]
    test_rows = [[t["label"], t["figures"], t["ratio"], t["threshold"], "达到" if t["met"] else "未达到"]
                 for t in ratio_tests(outcome)]
    result = labels.DECLARED_RESULT[outcome.result]
    return [
        _table(f"计票：{vote.title}", [("项目", TEXT), ("人数", NUM), ("面积（平方米）", NUM)], tally_rows),
        _table("法定比例", [("项目", SHORT), ("计算", NUM), ("比例", NUM), ("门槛", SHORT), ("结果", SHORT)],
               test_rows),
        _table(f"表决结果：{result}", [("项目", SHORT), ("内容", TEXT)],
               [["计算结果", result], ["理由", outcome.reason], ["通过条件", _approval_rule(vote)]]),
    ]


def _meeting_table(ctx: Context, mid: str) -> PrintTable:
    """A meeting's decisions, each with the committee's votes for it (of all members in office)."""
    m = ctx.community.meetings[mid].model
    counted = m.members is not None and any(d.approve is not None for d in m.decisions)
    rows = []
    for i, d in enumerate(m.decisions, start=1):
        rows.append([str(i), d.text, approval_text(m, d)] if counted else [str(i), d.text])
    columns = [("序号", SHORT), ("决定", TEXT)] + ([("委员表决", SHORT)] if counted else [])
    note = f"{cn_date(m.date)}{labels.MEETING_KIND[m.kind]}"
    if m.members is not None:
        note += f"，出席委员 {m.members.present} 人，在任委员 {m.members.total} 人"
    if m.invited:
        note += f"；参加单位：{'、'.join(m.invited)}"
    return _table(f"会议决定：{meeting_title(m)}", columns, rows, note + "。")


def _document_table(ctx: Context, did: str) -> PrintTable:
    d = ctx.community.documents[did].model
    rows = [["类别", labels.DOCUMENT_KIND[d.kind]], ["状态", STATE_LABELS[document_state(d, ctx.as_of)]],
            ["有效期", effective_text(d)], ["通过日期", cn_date(d.adopted)]]
    vote = adopting_vote(ctx, d, links.document_page(did))
    if vote is not None:
        rows.append(["通过它的表决", f"{vote['title']}（{vote['voting']}，{vote['result']}）"])
    if d.file:
        rows.append(["全文（PDF）", ctx.base_url + links.page_url(links.document_page(did))])
    return _table(f"{labels.DOCUMENT_KIND[d.kind]}：{d.title}", [("项目", SHORT), ("内容", TEXT)], rows)


def related_texts_html(ctx: Context, notice) -> str:
    """The full text of each related document written in Markdown, after the notice's body:
    a notice that publishes a covenant prints the covenant itself."""
    parts = []
    for ref in notice.related:
        kind, _, ident = ref.partition("/")
        document = ctx.community.documents.get(ident) if kind == "document" else None
        if document is not None and (document.model.body or "").strip():
            parts.append(f"<h2>{html.escape(document.model.title)}</h2>\n" + print_body_html(document.model.body))
    return "".join(parts)


def print_tables(ctx: Context, nid: str) -> list[PrintTable]:
    notice, page = ctx.community.notices[nid].model, links.notice_page(nid)
    tables: list[PrintTable] = []
    for block in disclosed_blocks(ctx, notice):
        if block.kind == STATEMENT:
            tables.append(_statement_table(ctx, block.account, block.period))
            if block.with_entries:
                tables.append(_entries_table(ctx, page, block.account, block.period))
        elif block.kind == RESULT:
            tables += _result_tables(ctx, block.vote)
        elif block.kind == MATTER:
            caption = {"pre_vote": "表决事项", "vote_result": "表决事项（尚未计票）"}.get(notice.kind, "相关表决")
            tables.append(_pre_vote_table(ctx, block.vote, caption))
        else:
            tables.append(_entries_table(ctx, page, block.account, block.period, set(block.entries)))
    for ref in notice.related:
        kind, _, ident = ref.partition("/")
        if kind == "meeting" and ident in ctx.community.meetings:
            tables.append(_meeting_table(ctx, ident))
        elif kind == "document" and ident in ctx.community.documents:
            tables.append(_document_table(ctx, ident))
    if not tables and notice.related:
        rows = [[ref_label(ctx, r)] for r in notice.related]
        tables.append(_table("公示的记录", [("记录", TEXT)], rows))
    return tables


def notice_print_view(ctx: Context, nid: str) -> NoticePrintView:
    loaded = ctx.community.notices[nid]
    n = loaded.model
    objection_contact, objection_until = objection_channel(ctx, n)
    return NoticePrintView(
        title=n.title,
        issuer=n.issuer,
        period_from=cn_date(n.period.from_),
        period_to=cn_date(n.period.to),
        objection_contact=objection_contact,
        objection_until=objection_until,
        body_html=print_body_html(n.body) + related_texts_html(ctx, n),
        tables=tuple(print_tables(ctx, nid)),
        page_url=ctx.base_url + links.page_url(links.notice_page(nid)),
        fingerprint=fingerprint(loaded.doc),
        issued_on=cn_date(n.published),
        issued_on_iso=n.published.isoformat(),
    )
