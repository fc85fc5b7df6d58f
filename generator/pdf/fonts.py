"""Check, before WeasyPrint is touched, that an installed font can print the notice.

WeasyPrint (through Pango) segfaults when fontconfig knows no fonts at all, and prints
empty boxes when no font has the Chinese characters. Asking fontconfig's own tool in a
subprocess first turns both into one readable error, and leaves this process's
fontconfig state alone. FONTCONFIG_FILE is honoured because the child inherits our
environment, exactly as Pango will later read it.
"""

from __future__ import annotations

import shutil
import subprocess
from bisect import bisect_left, bisect_right

from ..exits import ExitCode, Stop

# Named explicitly in the CSS: with only lang="zh-CN" to go on, WeasyPrint picks the
# Japanese glyph forms from the shared Noto CJK collection.
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Serif SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
)

INSTALL_HINT = "请安装中文字体后重试：sudo apt-get install fonts-noto-cjk"

# Blocks whose characters a Latin-only system cannot show: CJK radicals, punctuation,
# bopomofo, enclosed and compatibility forms, ideographs (incl. extensions), fullwidth.
_CJK_RANGES = (
    (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3100, 0x312F), (0x31A0, 0x31EF),
    (0x3200, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3134F),
)

_FC_TIMEOUT_SECONDS = 60  # the first call may have to build fontconfig's cache


class MissingFontError(Stop):
    """No installed font can print the notice; the message says what to install (exit 3)."""

    def __init__(self, message: str):
        super().__init__(message, ExitCode.ENVIRONMENT)


def cjk_codepoints(text: str) -> list[int]:
    return sorted({
        ord(char) for char in text
        if any(low <= ord(char) <= high for low, high in _CJK_RANGES)
    })


def check(text: str) -> str:
    """Return the font family to name in the CSS for printing `text`.

    Raises MissingFontError when fontconfig is absent, knows no fonts, or some CJK
    character of `text` is in no installed outline font.
    """
    codepoints = cjk_codepoints(text)
    families = _families_covering(codepoints)
    if families:
        return _preferred(families)
    # No single font has everything. Pango falls back per character, so the notice still
    # prints if the fonts together cover it; only characters no font has are fatal.
    coverage = _coverage_by_family(codepoints)
    if not coverage:
        raise MissingFontError(f"本机没有安装任何字体，无法生成公示 PDF。{INSTALL_HINT}")
    missing = set(codepoints).difference(*coverage.values())
    sample = "".join(chr(codepoint) for codepoint in sorted(missing)[:10])
    if missing == set(codepoints):
        raise MissingFontError(
            f"本机没有能显示中文的字体（缺少“{sample}”等 {len(missing)} 个字符），"
            f"无法生成公示 PDF。{INSTALL_HINT}"
        )
    if missing:
        # Chinese fonts are there but lack some rare characters: say which, so the
        # operator can check the data for a typo or install a font that has them.
        raise MissingFontError(
            f"已安装的字体都不含这 {len(missing)} 个字符：{sample}，无法生成公示 PDF。"
            f"请核对数据中是否有误录的生僻字，或安装包含这些字符的字体。"
        )
    most = max(len(covered) for covered in coverage.values())
    return _preferred(sorted(f for f, covered in coverage.items() if len(covered) == most))


def _preferred(families: list[str]) -> str:
    for family in PREFERRED_FAMILIES:
        if family in families:
            return family
    return families[0]


def _families_covering(codepoints: list[int]) -> list[str]:
    """Families of outline fonts whose charset includes every code point, sorted."""
    # Bitmap fonts cannot be embedded usefully in a PDF, so only outline fonts count.
    pattern = ":outline=true"
    if codepoints:
        pattern += ":charset=" + _charset_ranges(codepoints)
    # One line per font file; a line lists the family's names separated by commas.
    lines = _fc_list("%{family}\n", pattern)
    names = {name.strip() for line in lines for name in line.split(",")}
    return sorted(name for name in names if name)


def _coverage_by_family(codepoints: list[int]) -> dict[str, set[int]]:
    """For every outline font family, which of `codepoints` it has (slow path, ~0.1 s)."""
    needed = sorted(codepoints)
    coverage: dict[str, set[int]] = {}
    for line in _fc_list("%{family[0]}\t%{charset}\n", ":outline=true"):
        family, _, charset = line.partition("\t")
        covered = coverage.setdefault(family, set())
        for token in charset.split():
            low, _, high = token.partition("-")
            start = bisect_left(needed, int(low, 16))
            stop = bisect_right(needed, int(high or low, 16))
            covered.update(needed[start:stop])
    return coverage


def _fc_list(output_format: str, pattern: str) -> list[str]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        raise MissingFontError(
            f"找不到 fc-list 命令（未安装 fontconfig），无法确认中文字体。"
            f"请先安装：sudo apt-get install fontconfig；{INSTALL_HINT}"
        )
    try:
        result = subprocess.run(
            [fc_list, "--format", output_format, pattern],
            capture_output=True, text=True, timeout=_FC_TIMEOUT_SECONDS, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise MissingFontError(f"无法运行 fc-list（{error}），无法确认中文字体。{INSTALL_HINT}") from None
    if result.returncode != 0:
        raise MissingFontError(f"fc-list 运行失败，无法确认中文字体。{INSTALL_HINT}")
    return [line for line in result.stdout.splitlines() if line.strip()]


def _charset_ranges(codepoints: list[int]) -> str:
    """fontconfig's charset syntax, "4e00-4e05 4e2d", keeping the argument short."""
    ranges: list[list[int]] = []
    for codepoint in codepoints:  # sorted, unique
        if ranges and codepoint == ranges[-1][1] + 1:
            ranges[-1][1] = codepoint
        else:
            ranges.append([codepoint, codepoint])
    return " ".join(f"{low:x}" if low == high else f"{low:x}-{high:x}" for low, high in ranges)
