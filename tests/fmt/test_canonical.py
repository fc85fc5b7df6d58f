"""gongshi fmt: one canonical text per file, whatever Decap CMS or an editor wrote."""

from __future__ import annotations

import textwrap

import pytest

from generator.fmt import canonical_text
from generator.model.records import KINDS

SCHEMA = "../../../../schemas/maintenance-fund.schema.json"


def fmt(text: str, kind: str = "maintenance-fund") -> str:
    out = canonical_text(textwrap.dedent(text).lstrip("\n"), KINDS[kind], SCHEMA)
    assert canonical_text(out, KINDS[kind], SCHEMA) == out, "fmt is not idempotent here"
    return out


def test_undoes_what_decap_does_to_a_ledger():
    # What Decap CMS writes: no comments, 60000 for 60000.00, a string widget's quoted
    # amount, keys in the order they were typed, flow mappings spread over lines.
    damaged = """
        period: 2026-H1
        opening_balance: 2990788.74
        entries:
          - date: 2026-05-19
            amount: "16850"
            id: mf-2026-003
            type: expense
            summary: 地下泵房消防水泵故障紧急更换
            emergency:
              reason: 消防水泵电机烧毁
              approved_by: 示例家园小区业主委员会
              reported_on: 2026-05-12
            apportionment:
              scope:
                - 1号楼
                - 2号楼
              basis: area
        closing_balance: 2973938.7
    """
    assert fmt(damaged) == textwrap.dedent(f"""\
        # yaml-language-server: $schema={SCHEMA}
        period: 2026-H1
        opening_balance: 2990788.74
        entries:
          - id: mf-2026-003
            date: 2026-05-19
            type: expense
            amount: 16850.00
            summary: 地下泵房消防水泵故障紧急更换
            apportionment: {{basis: area, scope: [1号楼, 2号楼]}}
            emergency: {{reason: 消防水泵电机烧毁, approved_by: 示例家园小区业主委员会, reported_on: 2026-05-12}}
        closing_balance: 2973938.70
    """)


def test_keeps_comments_where_the_file_had_them():
    text = f"""\
        # yaml-language-server: $schema={SCHEMA}
        # 示例家园 专项维修资金台账 2026-H1
        opening_balance: 100   # 期初余额
        period: 2026-H1   # 期间
        entries: []
        closing_balance: 100.5 # 期末余额
    """
    assert fmt(text) == textwrap.dedent(f"""\
        # yaml-language-server: $schema={SCHEMA}
        # 示例家园 专项维修资金台账 2026-H1
        period: 2026-H1   # 期间
        opening_balance: 100.00 # 期初余额
        entries: []
        closing_balance: 100.50 # 期末余额
    """)


def test_an_empty_list_or_mapping_with_a_comment_stays_on_its_line():
    # gongshi init writes `entries: []   # 明细…`; written as a block list, ruamel put `[]`
    # on a line of its own below the comment, which is not YAML.
    text = """
        period: 2026                   # 期间
        opening_balance: 0.00
        entries: []                    # 明细，按日期排列
        closing_balance: 0.00
    """
    assert "\nentries: []                    # 明细，按日期排列\nclosing_balance: 0.00\n" in fmt(text)
    assert "\nproperty_manager: {}   # 物业\n" in fmt("name: 示例家园\nproperty_manager: {}   # 物业\n", "community")
    # Its comment keeps its column (it once took the column of the comment above it).
    notice = "period: {from: 2026-11-25, to: 2026-12-09}  # 公示期\nrelated: []          # 涉及的记录\n"
    assert notice in fmt(notice, "notice")


def test_a_small_mapping_keeps_its_lines_when_they_carry_comments():
    text = """
        title: 表决
        matter: use_fund
        voting: {start: 2025-04-01, end: 2025-04-20}
        turnout:     # 参与表决
          owners: 82       # 人数
          area_m2: 7420.5  # 面积
        approve:     # 同意
          owners: 60
          area_m2: 5000
    """
    out = fmt(text, "vote")
    assert "turnout:     # 参与表决\n  owners: 82       # 人数\n  area_m2: 7420.50 # 面积\n" in out
    assert "approve: {owners: 60, area_m2: 5000.00} # 同意\n" in out


def test_the_schema_line_comes_first_and_keeps_its_address():
    text = """
        # 台账
        # yaml-language-server: $schema=https://example.org/schemas/maintenance-fund.schema.json
        period: 2026
        opening_balance: 0.00
        closing_balance: 0.00
    """
    assert fmt(text).split("\n")[:3] == [
        "# yaml-language-server: $schema=https://example.org/schemas/maintenance-fund.schema.json", "# 台账", "period: 2026"]


def test_a_file_without_the_schema_line_gets_one():
    assert fmt("period: 2026\nopening_balance: 0\nclosing_balance: 0\n").startswith(
        f"# yaml-language-server: $schema={SCHEMA}\nperiod: 2026\nopening_balance: 0.00\n")


@pytest.mark.parametrize("written", [
    '"1,234.50"',     # a thousands separator: check says how to write it
    "1234.505",       # three decimals: check refuses, fmt does not round
    "-5.00",          # negative: check refuses
    "1.2e4",          # exponent form
    "'十万'",
    ".nan",
])
def test_leaves_amounts_it_cannot_read_exactly_for_check_to_report(written):
    out = fmt(f"period: 2026\nopening_balance: {written}\nclosing_balance: 0.00\n")
    assert f"opening_balance: {written}\n" in out


def test_amounts_are_exact_beyond_what_a_float_holds():
    out = fmt("period: 2026\nopening_balance: 123456789012345.6\nclosing_balance: '000000000000007'\n")
    assert "opening_balance: 123456789012345.60\n" in out
    assert "closing_balance: 7.00\n" in out


def test_scores_and_counts_lose_their_quotes_but_keep_their_digits():
    text = """
        evaluated: 某某物业
        date: '2025-01-10'
        categories:
          - name: 综合管理
            max: "20"
            score: 18.5
        satisfaction: {surveyed: '300', satisfied: 255}
        declared_grade: 良好
    """
    out = fmt(text, "evaluation")
    assert "date: 2025-01-10\n" in out
    assert "  - {name: 综合管理, max: 20, score: 18.5}\n" in out
    assert "satisfaction: {surveyed: 300, satisfied: 255}\n" in out


def test_named_things_and_long_records_stay_on_separate_lines():
    text = """
        name: 示例家园
        party_organisation: {name: 示例家园党支部, kind: branch, established: 2022-03-01}
        property_manager: {name: 某某物业, contract: {end: 2025-12-31, start: 2023-01-01}, fees: [{item: 物业费, price: 2.5, unit: 元/平方米·月}]}
    """
    assert fmt(text, "community").split("\n", 1)[1] == textwrap.dedent("""\
        name: 示例家园
        property_manager:
          name: 某某物业
          contract: {start: 2023-01-01, end: 2025-12-31}
          fees:
            - {item: 物业费, price: 2.50, unit: 元/平方米·月}
        party_organisation:
          name: 示例家园党支部
          kind: branch
          established: 2022-03-01
    """)


def test_unknown_keys_stay_after_the_known_ones_as_written():
    out = fmt("closing_balance: 1\nremark: 备注\nperiod: 2026\nopening_balance: 1\n")
    assert out.split("\n")[1:5] == ["period: 2026", "opening_balance: 1.00", "closing_balance: 1.00", "remark: 备注"]


def test_text_keeps_its_quotes_and_block_style():
    text = """
        title: '0101'
        kind: general
        issuer: 业委会
        published: 2026-01-01
        period: {from: 2026-01-01, to: 2026-01-10}
        body: |
          第一行
          第二行
    """
    out = fmt(text, "notice")
    assert "title: '0101'\n" in out
    assert "body: |\n  第一行\n  第二行\n" in out


def test_site_grades_and_committee_size_are_one_line_each():
    text = """
        title: 门户
        publisher: 业委会
        base_url: https://example.org/
        rules:
          grades:
            优秀: 90
            合格: '60'
          committee_size:
            - 5
            - 11
    """
    out = fmt(text, "site")
    assert "  committee_size: [5, 11]\n  grades: {优秀: 90, 合格: 60}\n" in out
