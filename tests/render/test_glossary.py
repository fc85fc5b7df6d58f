"""名词解释 (issue 18): the first use of each term on a page links to its entry; headings,
titles, table headers, links, code and raw HTML are left as written."""

from __future__ import annotations

from generator.render.glossary import TERMS, link_terms

PAGE = """---
search:
  exclude: true
---
# 专项维修资金 2026年上半年

!!! warning "期末余额与明细不符"
    请核对期末余额。

| 期初余额 | 金额（元） |
| --- | ---: |
| 期初余额 | 100.00 |
| **期末余额（截至2026年6月30日）** | **120.00** |

按[专项维修资金](../maintenance-fund/index.md)的规定，`增值收益` 和 <code>转入</code> 不算；专项维修资金、增值收益和转入都算。

<div class="notice-body">
<p>公示期内可以提出异议。</p>
</div>

公示期 2026年1月1日至2026年1月7日{ .note }，增值收益再次出现。
"""

LINKED = """---
search:
  exclude: true
---
# 专项维修资金 2026年上半年

!!! warning "期末余额与明细不符"
    请核对[期末余额](../glossary.md#closing-balance)。

| 期初余额 | 金额（元） |
| --- | ---: |
| [期初余额](../glossary.md#opening-balance) | 100.00 |
| **期末余额（截至2026年6月30日）** | **120.00** |

按[专项维修资金](../maintenance-fund/index.md)的规定，`增值收益` 和 <code>转入</code> 不算；[专项维修资金](../glossary.md#maintenance-fund)、[增值收益](../glossary.md#interest)和[转入](../glossary.md#transfer-in)都算。

<div class="notice-body">
<p>公示期内可以提出异议。</p>
</div>

[公示期](../glossary.md#disclosure-period) 2026年1月1日至2026年1月7日{ .note }，增值收益再次出现。
"""


def test_the_first_use_of_each_term_in_prose_and_table_cells_links_to_its_entry():
    assert link_terms(PAGE, "maintenance-fund/2026-H1.md") == LINKED


def test_the_link_is_relative_to_the_page_and_the_glossary_itself_is_left_alone():
    assert link_terms("资金来自公共收益。", "index.md") == "资金来自[公共收益](glossary.md#public-revenue)。"
    assert link_terms("资金来自公共收益。", "glossary.md") == "资金来自公共收益。"
    assert link_terms("注意!公共收益", "index.md") == "注意!公共收益"   # ![…](…) would be an image


def test_the_longest_word_wins_and_every_word_of_a_term_leads_to_one_entry():
    text = "本期至今余额（截至2026年11月25日），本期至今；参与表决须达到三分之二以上，即双三分之二。"
    assert link_terms(text, "x.md") == (
        "[本期至今余额](glossary.md#balance-to-date)（截至2026年11月25日），本期至今；"
        "参与表决须达到[三分之二以上](glossary.md#two-thirds)，即双三分之二。")


def test_every_term_has_a_distinct_ascii_anchor_and_a_definition():
    anchors = [t.anchor for t in TERMS]
    assert len(set(anchors)) == len(anchors)
    assert all(a.isascii() and a.replace("-", "").isalnum() for a in anchors)
    assert all(t.words[0] in t.name and t.definition.endswith("。") for t in TERMS)
