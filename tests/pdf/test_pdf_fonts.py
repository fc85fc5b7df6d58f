"""The font check: a readable Chinese error instead of tofu boxes or a segfault.

Checks that change fontconfig's configuration run in a child process with
FONTCONFIG_FILE set, so this process's fontconfig (and WeasyPrint's) is untouched.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pdf import MissingFontError, fonts
from tests.conftest import ROOT

# Renders the sample in the child: the whole path a build takes, not just the check.
RENDER_SCRIPT = """
import sys
from pathlib import Path
from tests.pdf.pdf_samples import SAMPLE_VIEW
from generator.pdf import MissingFontError, render_notice_pdf
try:
    render_notice_pdf(SAMPLE_VIEW, Path(sys.argv[1]), cache_dir=None)
except MissingFontError as error:
    print(type(error).__name__, error)
    print("weasyprint imported:", "weasyprint" in sys.modules)
    sys.exit(3)
"""


# What a command-line front end does with the error: print it, exit non-zero.
CHECK_SCRIPT = """
import sys
from generator.pdf import MissingFontError, fonts
try:
    print(fonts.check(sys.argv[1]))
except MissingFontError as error:
    sys.exit(str(error))
"""


def fontconfig_file(tmp_path: Path, font_dir: Path) -> Path:
    """A configuration that knows only the fonts in font_dir (and caches in tmp)."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{font_dir}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return config


def run_with_fonts(config: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def latin_only(tmp_path) -> Path:
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    assert dejavu.is_dir(), "scripts/setup.sh installs fonts-dejavu-core"
    return fontconfig_file(tmp_path, dejavu)


@pytest.fixture
def no_fonts(tmp_path) -> Path:
    empty = tmp_path / "empty-font-dir"
    empty.mkdir()
    return fontconfig_file(tmp_path, empty)


def test_chinese_text_gets_the_simplified_chinese_font():
    assert fonts.check("阳光花园小区公共收益公示 1,234,567.89") == "Noto Sans CJK SC"


def test_latin_only_fonts_give_the_install_hint(latin_only):
    result = run_with_fonts(latin_only, "-c", CHECK_SCRIPT, "公示期")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "本机没有能显示中文的字体（缺少“公期示”等 3 个字符），无法生成公示 PDF。"
        "请安装中文字体后重试：sudo apt-get install fonts-noto-cjk\n"
    )


@pytest.mark.parametrize("config", ["latin_only", "no_fonts"])
def test_render_stops_before_weasyprint_without_a_chinese_font(config, request, tmp_path):
    result = run_with_fonts(
        request.getfixturevalue(config), "-c", RENDER_SCRIPT, str(tmp_path / "x.pdf"),
    )
    assert result.returncode != -signal.SIGSEGV  # WeasyPrint alone segfaults with no fonts
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    first_line, imported = result.stdout.splitlines()
    assert first_line.startswith("MissingFontError 本机")
    assert "无法生成公示 PDF" in first_line
    assert "sudo apt-get install fonts-noto-cjk" in first_line
    assert imported == "weasyprint imported: False"
    assert not (tmp_path / "x.pdf").exists()


def test_no_fonts_at_all_is_said_plainly(no_fonts):
    result = run_with_fonts(no_fonts, "-c", CHECK_SCRIPT, "公示")
    assert result.returncode == 1
    assert result.stderr == (
        "本机没有安装任何字体，无法生成公示 PDF。"
        "请安装中文字体后重试：sudo apt-get install fonts-noto-cjk\n"
    )


def test_missing_fontconfig_gives_the_same_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-list anywhere
    with pytest.raises(MissingFontError) as raised:
        fonts.check("公示")
    assert str(raised.value) == (
        "找不到 fc-list 命令（未安装 fontconfig），无法确认中文字体。"
        "请先安装：sudo apt-get install fontconfig；"
        "请安装中文字体后重试：sudo apt-get install fonts-noto-cjk"
    )


def test_a_character_no_installed_font_has_is_named():
    # U+2EBF0, CJK Extension I (Unicode 15.1): in no font Debian ships today.
    with pytest.raises(fonts.UnprintableCharacters) as raised:
        fonts.check("业主\U0002EBF0某")
    assert raised.value.exit_code == 1
    assert raised.value.characters == ["\U0002EBF0"]
    assert str(raised.value) == (
        "已安装的字体都不能显示“\U0002EBF0”（U+2EBF0），打印版会印成空框，无法生成公示 PDF。" + fonts.UNPRINTABLE_HINT)


@pytest.mark.parametrize("char, script", [
    ("\u0f40", "Tibetan"), ("\u182e", "Mongolian"), ("\ua188", "Yi"), ("\U0001f9e7", "emoji"),
    ("\U0001f4e2", "emoji"), ("\ue000", "private use"), ("\U000f0001", "supplementary private use"),
    ("\U0002ebf0", "CJK Extension I"), ("\u0378", "unassigned"),
])
def test_every_script_without_a_font_is_unprintable(char, script):
    # The machine's fonts (scripts/setup.sh): Noto CJK and DejaVu; none of these is in them.
    assert fonts.unprintable(f"公示 {char} abc") == [char], script
    with pytest.raises(fonts.UnprintableCharacters):
        fonts.check(f"公示{char}")


def test_private_use_is_unprintable_even_where_a_font_defines_it(monkeypatch):
    # A private-use character looks like whatever one font happens to put there.
    monkeypatch.setattr(fonts, "_installed_coverage", lambda: frozenset(range(0x10FFFF)))
    assert fonts.unprintable("\ue000\uf8ff公") == ["\ue000", "\uf8ff"]


def test_spaces_joiners_and_selectors_need_no_glyph():
    assert fonts.unprintable("甲\u3000乙\u200b丙\u200d丁\ufe0f戊\t己\n庚\u00ad辛\u2002") == []


def test_characters_spread_over_fonts_still_print(monkeypatch):
    # No single font covers the text, but together they do: Pango falls back per
    # character, so the check names the preferred family instead of failing.
    monkeypatch.setattr(fonts, "_families_covering", lambda codepoints: [])
    monkeypatch.setattr(
        fonts, "_coverage_by_family",
        lambda codepoints: {"Noto Sans CJK SC": {ord("公")}, "Some Other Font": {ord("示")}},
    )
    assert fonts.check("公示") == "Noto Sans CJK SC"


def test_only_cjk_characters_are_checked():
    assert fonts.cjk_codepoints("Room 101，公示：¥1,234.00") == sorted(map(ord, "，公示："))
    assert fonts._charset_ranges([0x4E00, 0x4E01, 0x4E02, 0x4E2D]) == "4e00-4e02 4e2d"


def test_weasyprint_that_cannot_load_is_exit_3_naming_pango(monkeypatch):
    # WeasyPrint loads Pango when it is imported: without the library the import fails.
    from generator.exits import ExitCode, Stop
    from generator.pdf import render

    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(Stop) as stopped:
        render._write_pdf("<html></html>", identifier=b"x")
    assert stopped.value.exit_code == ExitCode.ENVIRONMENT
    assert "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0" in stopped.value.message
