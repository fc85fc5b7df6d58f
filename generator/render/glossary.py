"""名词解释: the one table of terms owners meet on the pages, the glossary page made from it,
and the link from the first use of each term on every other page to its entry.

Definitions follow the spec's regulations.md (民法典, 物业管理条例, 住宅专项维修资金管理办法,
业主大会和业主委员会指导规则) and the readings in docs/decisions.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import links


@dataclass(frozen=True)
class Term:
    name: str                 # the heading on the glossary page
    anchor: str               # its id there: ASCII, stable, so links to it can be shared
    words: tuple[str, ...]    # how pages write it (the name first); each is linked
    definition: str


TERMS = (
    Term("专项维修资金", "maintenance-fund", ("专项维修资金",),
         "业主交存的、专门用于住宅共用部位和共用设施设备保修期满后维修、更新和改造的资金，属于业主共有（民法典第281条）。"
         "使用维修资金须经业主共同决定（参与表决的专有部分面积和人数都过半数同意），筹集维修资金须经四分之三以上同意"
         "（民法典第278条）；危及房屋安全等紧急情况可以依法申请使用。筹集和使用情况应当定期公布。"),
    Term("公共收益", "public-revenue", ("公共收益",),
         "利用业主共有部分（广告位、公共车位、场地等）经营取得的收入，扣除合理成本之后属于业主共有（民法典第282条），"
         "应当单独列账、定期公布。经营收入主要用于补充专项维修资金，也可以按业主大会的决定使用（物业管理条例第54条）。"),
    Term("期初余额", "opening-balance", ("期初余额",),
         "一期开始时账上的钱，等于上一期的期末余额。"),
    Term("期末余额", "closing-balance", ("期末余额",),
         "一期最后一天结束时账上的钱：期初余额加本期收入、减本期支出。本站写明它截至哪一天；"
         "还没有结束的一期没有期末余额，写作“本期至今余额（截至某日）”。"),
    Term("本期至今余额", "balance-to-date", ("本期至今余额", "本期至今"),
         "还没有结束的一期，从期初到括号里那一天为止的余额。这一期结束、账目公示后才有期末余额。"),
    Term("交存", "deposit", ("交存",),
         "业主按规定把专项维修资金交进分户账。"),
    Term("增值收益", "interest", ("增值收益",),
         "专项维修资金存入银行或依法购买国债等产生的利息和收益，归入专项维修资金，属于业主共有；"
         "与交存、使用和结存的总额一起定期公布（住宅专项维修资金管理办法第30条）。"),
    Term("转入", "transfer-in", ("转入",),
         "从别的账目转进专项维修资金的钱，常见的是按业主大会的决定把公共收益转入专项维修资金。"
         "同一笔钱在公共收益账上记为转出。"),
    Term("转出", "transfer-out", ("转出",),
         "从公共收益转到别的账目（例如补充专项维修资金）的钱；同一笔钱在对方账上记为转入。"),
    Term("合理成本", "reasonable-cost", ("合理成本",),
         "经营共有部分必须花的费用（如广告位的维护）。公共收益扣除合理成本之后属于业主共有（民法典第282条）。"),
    Term("分摊", "apportionment", ("分摊",),
         "一笔维修费用由列支范围内的业主分担：按各户专有部分面积分摊，或按户均摊。"
         "发生列支的项目、费用和分摊情况应当公布（住宅专项维修资金管理办法第30条）。"),
    Term("紧急使用", "emergency-use", ("紧急使用",),
         "发生危及房屋安全等紧急情况时，不经业主表决直接申请使用专项维修资金（住宅专项维修资金管理办法第24条），"
         "事后须向业主公示。"),
    Term("专有部分面积", "exclusive-area", ("专有部分面积",),
         "业主专有的房屋面积，一般按不动产登记簿记载的面积计算。业主共同决定事项时，"
         "既数人数，也数专有部分面积（民法典第278条）。"),
    Term("双三分之二（表决通过条件）", "two-thirds", ("双三分之二", "三分之二以上", "表决通过条件"),
         "业主共同决定事项，须由专有部分面积占比三分之二以上、且人数占比三分之二以上的业主参与表决（民法典第278条）。"
         "筹集专项维修资金、改建重建建筑物、改变共有部分用途或利用共有部分经营，还须经参与表决的面积和人数各四分之三以上同意；"
         "其他事项（包括使用专项维修资金）须经参与表决的面积和人数各过半数同意。"),
    Term("业主大会", "owners-assembly", ("业主大会",),
         "一个物业管理区域内全体业主组成的组织，决定管理规约、议事规则、选举业主委员会、"
         "使用和筹集专项维修资金等共同事项（民法典第278条）。"),
    Term("备案", "filing", ("备案",),
         "业主委员会选举产生后30日内，向物业所在地的街道办事处（乡镇人民政府）和房地产行政主管部门备案（物业管理条例第16条）。"),
    Term("候补委员", "alternate-member", ("候补委员",),
         "选举时产生、在委员出缺时依次递补的人员；递补之前不参加表决，不计入委员人数。"),
    Term("交叉任职", "cross-appointment", ("交叉任职",),
         "业主委员会委员同时担任社区党组织、居民委员会等职务。"),
    Term("公示期", "disclosure-period", ("公示期",),
         "公示张贴或发布、供业主查阅和提出异议的期间，从开始日到结束日，含首尾两日。"
         "各地规定的最短公示期从3日到30日不等。"),
    Term("异议渠道", "objection-channel", ("异议渠道",),
         "业主对公示内容有疑问或不同意时联系谁、怎样联系、截至哪天。公示没有写明的，本站列出业主委员会的办公电话。"),
    Term("数据指纹", "fingerprint", ("数据指纹",),
         "这条记录的数据文件的校验码（SHA-256 的前8位）。网页和打印版的指纹相同，说明两者来自同一份数据；数据改动后指纹随之改变。"),
    Term("履约考评", "evaluation", ("履约考评",),
         "对物业服务企业履行物业服务合同情况的评分和等级，按期进行。"),
    Term("明码标价", "price-display", ("明码标价",),
         "物业服务的收费项目、标准和计费方式在显著位置公示，标价之外不得收取任何未予标明的费用"
         "（明码标价和禁止价格欺诈规定第7条、第8条）。"),
    Term("警示名单", "warning-list", ("警示名单",),
         "所服务的任一小区最近一次考评不合格，或所服务各小区逾期未整改的检查项目合计达到规定项数的物业服务企业。"),
    Term("公示及时率", "timeliness", ("公示及时率",),
         "按时公示收支的期数 ÷ 已到期应当公示的期数。"),
)


@dataclass(frozen=True)
class _Index:
    pattern: re.Pattern[str]
    term_of: dict[str, Term]


@lru_cache(maxsize=1)
def _index() -> _Index:
    term_of = {word: term for term in TERMS for word in term.words}
    # Longest first: 本期至今余额 before 本期至今. Not after "!": ![…](…) would be an image.
    words = sorted(term_of, key=len, reverse=True)
    return _Index(re.compile("(?<!!)(?:" + "|".join(re.escape(w) for w in words) + ")"), term_of)


def glossary_view() -> list[dict]:
    return [{"name": t.name, "anchor": t.anchor, "definition": t.definition} for t in TERMS]


# What a line may hold that is not prose to link in: code spans, links and images, HTML
# tags (with their attributes), <code>/<a> elements with their text, attribute lists and entities.
_PROTECTED = re.compile(
    r"`[^`]*`"
    r"|<(code|a)\b[^>]*>.*?</\1>"
    r"|!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^)]*\)"
    r"|<[^>]*>"
    r"|\{[^}]*\}"
    r"|&#?\w+;"
)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _kept_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it is left as it is: front matter, fenced code, headings, a table's
    header row, admonition titles and raw HTML blocks (the notice body, charts)."""
    kept = [False] * len(lines)
    i = 0
    if lines and lines[0].strip() == "---":
        kept[0] = True
        i = 1
        while i < len(lines):
            kept[i] = True
            i += 1
            if lines[i - 1].strip() == "---":
                break
    fenced, html_depth = False, 0
    for j in range(i, len(lines)):
        line, stripped = lines[j], lines[j].strip()
        if html_depth:
            kept[j] = True
            html_depth += line.count("<div") - line.count("</div>")
            continue
        if _FENCE.match(line):
            fenced = not fenced
            kept[j] = True
        elif fenced or stripped.startswith(("#", "!!!", "???")) or _TABLE_RULE.match(line):
            kept[j] = True
        elif stripped.startswith("<"):
            kept[j] = True
            html_depth = max(line.count("<div") - line.count("</div>"), 0)
        elif stripped.startswith("|") and j + 1 < len(lines) and _TABLE_RULE.match(lines[j + 1]):
            kept[j] = True   # a table's header row
    return kept


def link_terms(markdown: str, page: str, glossary_page: str = links.GLOSSARY) -> str:
    """The page with the first use of each term (TERMS) linked to its entry on the glossary
    page, in prose, lists and table cells only: not in headings or titles, links, code,
    table headers or raw HTML. The glossary page itself is returned as it is."""
    if page == glossary_page:
        return markdown
    index, seen = _index(), set()
    target = links.href_from(page, glossary_page)

    def linked(match: re.Match) -> str:
        term = index.term_of[match.group(0)]
        if term.anchor in seen:
            return match.group(0)
        seen.add(term.anchor)
        return f"[{match.group(0)}]({target}#{term.anchor})"

    lines = markdown.split("\n")
    for j, keep in enumerate(_kept_lines(lines)):
        if keep or not index.pattern.search(lines[j]):
            continue
        line, out, done = lines[j], [], 0
        for protected in _PROTECTED.finditer(line):
            out += [index.pattern.sub(linked, line[done:protected.start()]), protected.group(0)]
            done = protected.end()
        out.append(index.pattern.sub(linked, line[done:]))
        lines[j] = "".join(out)
    return "\n".join(lines)
