"""text.control_character: bidirectional formatting characters and C0/C1 control characters
are refused in every field and field name, with the character and its position; printers
show them escaped."""

from __future__ import annotations

import pytest

from generator.control_chars import escape
from generator.problems import Location, error, format_github, format_json, format_text
from tests.rules.helpers import (
    COMMITTEE, COMMITTEE_PATH, INSPECTION, INSPECTION_PATH, PRE_NOTICE, PRE_NOTICE_PATH, brief, edit, line_of, only,
    run,
)


@pytest.mark.parametrize("escaped, shown", [
    ("\\u202E", "U+202E（从右到左覆盖）"),
    ("\\u202A", "U+202A（从左到右嵌入）"),
    ("\\u2066", "U+2066（从左到右隔离）"),
    ("\\u2069", "U+2069（方向隔离结束）"),
    ("\\u200F", "U+200F（从右到左标记）"),
    ("\\e", "U+001B（转义符 ESC）"),
    ("\\0", "U+0000（空字符 NUL）"),
    ("\\x7f", "U+007F（删除符 DEL）"),
    ("\\x9b", "U+009B（C1 控制字符）"),
    ("\\x08", "U+0008（退格 BS）"),
])
def test_a_control_character_in_a_quoted_field(tmp_path, escaped, shown):
    text = edit(INSPECTION, "finding: 2号楼北侧通道堆放杂物", f'finding: "编号{escaped}0001"')
    data, problems = run(tmp_path, {INSPECTION_PATH: text})
    p = only(problems, data, "text.control_character", INSPECTION_PATH, line_of(text, "finding"),
             text.split("\n")[line_of(text, "finding") - 1].index('"') + 1)
    assert p.message.startswith(f"字段 items[1].finding 的第 3 个字符是看不见的控制字符 {shown}：")


def test_a_bidi_override_typed_as_it_is(tmp_path):
    # YAML's reader lets U+202E through unescaped: a pasted override is caught too.
    text = edit(INSPECTION, "finding: 2号楼北侧通道堆放杂物", "finding: 退款 \u202e0001 元")
    data, problems = run(tmp_path, {INSPECTION_PATH: text})
    p = only(problems, data, "text.control_character", INSPECTION_PATH, line_of(text, "finding"), 17)
    assert "第 4 个字符" in p.message and "把 0001 显示成 1000" in p.message


def test_a_control_character_on_its_line_of_a_body(tmp_path):
    text = edit(PRE_NOTICE, "  拟使用专项维修资金维修屋面，预算 100000.00 元。\n",
                "  拟使用专项维修资金维修屋面，预算 100000.00 元。\n  第二行 \u2067隔离\u2069 结束。\n")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    p = only(problems, data, "text.control_character", PRE_NOTICE_PATH, line_of(text, "第二行"), 1)
    assert "U+2067" in p.message and "（共 2 个）" in p.message


def test_a_control_character_in_a_field_name(tmp_path):
    text = COMMITTEE + '"note\\e[31m": 1\n'
    data, problems = run(tmp_path, {COMMITTEE_PATH: text})
    assert sorted(brief(problems, data)) == [
        (COMMITTEE_PATH, line_of(text, "note"), 1, "error", "schema.unknown_field"),
        (COMMITTEE_PATH, line_of(text, "note"), 1, "error", "text.control_character"),
    ]


def test_tab_and_line_breaks_are_text(tmp_path):
    text = edit(INSPECTION, "finding: 2号楼北侧通道堆放杂物", 'finding: "甲\\t乙\\n丙"')
    data, problems = run(tmp_path, {INSPECTION_PATH: text})
    assert brief(problems, data) == []


# ---------------------------------------------------------------- printed escaped

HOSTILE = error(Location("data/x/\udcff\x1b[2J.yml", 3, 4), "id.invalid", "文件名“\udcff\x1b[2J”\u202e不对")


def test_escape_writes_out_controls_and_stray_bytes():
    assert escape("a\x1b[31mb\u202ec\udcffd\ud800e\tf\ng") == "a<U+001B>[31mb<U+202E>c\\xffd<U+D800>e\tf\ng"


@pytest.mark.parametrize("formatter", [format_text, format_json, format_github])
def test_printers_write_no_control_character_and_encode_as_utf8(formatter):
    out = formatter([HOSTILE])
    out.encode("utf-8")   # a byte that was not UTF-8 in a file name no longer crashes the printer
    assert "\x1b" not in out and "\u202e" not in out
    assert "<U+001B>[2J" in out and "\\xff" in out
