"""Check, before WeasyPrint is touched, that the installed fonts can print every character
of the notice.

WeasyPrint (through Pango) segfaults when fontconfig knows no fonts at all, and prints an
empty box for every character no font has: Tibetan, Mongolian or Yi without their fonts,
emoji, private-use characters, the rarest ideographs. Asking fontconfig's own tool in a
subprocess first turns all of these into readable errors, and leaves this process's
fontconfig state alone. FONTCONFIG_FILE is honoured because the child inherits our
environment, exactly as Pango will later read it.

- No font at all, or none with Chinese: MissingFontError (exit 3, the machine lacks it).
- Some characters in no installed outline font (Pango falls back per character through
  every font, so the fonts together are what counts): UnprintableCharacters, which names
  them; the build names the fields that hold them (build/pdfs.py).
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

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


class UnprintableCharacters(Stop):
    """Characters of the notice that no installed font can draw (exit 1: the data holds them);
    `characters` lists them, sorted."""

    def __init__(self, characters: list[str]):
        self.characters = characters
        shown = "、".join(describe(char) for char in characters[:10])
        more = f"等 {len(characters)} 个字符" if len(characters) > 10 else ""
        super().__init__(f"已安装的字体都不能显示{shown}{more}，打印版会印成空框，无法生成公示 PDF。{UNPRINTABLE_HINT}",
                         ExitCode.DATA)


UNPRINTABLE_HINT = ("请删除或换成常用字符（表情符号、私用区字符无法打印；生僻字请核对是否误录）；"
                    "藏文、蒙古文、彝文等文字请在构建的机器上安装含有它们的字体（Debian：sudo apt-get install "
                    "fonts-noto-core）后重新构建。")


def describe(char: str) -> str:
    """“😀”（U+1F600）: the character and its code point, so it can be found even if the
    reader's own screen cannot show it either."""
    return f"“{char}”（U+{ord(char):04X}）"


def _needs_glyph(char: str) -> bool:
    """Spaces, line breaks, controls, format characters (zero-width spaces, joiners) and
    variation selectors print as nothing or as space: no font needs to have them."""
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Zs", "Zl", "Zp"):
        return False
    return not (0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF)


def unprintable(text: str) -> list[str]:
    """Characters of text no installed outline font has, sorted. Private-use characters are
    always among them: their look depends on whichever font happens to define one."""
    coverage = _installed_coverage()
    return sorted(char for char in set(text) if _needs_glyph(char)
                  and (ord(char) not in coverage or unicodedata.category(char) == "Co"))


@lru_cache(maxsize=1)
def _installed_coverage() -> frozenset[int]:
    """Every code point some installed outline font has (once per process, ~0.2 s)."""
    covered: set[int] = set()
    for line in _fc_list("%{charset}\n", ":outline=true"):
        for token in line.split():
            low, _, high = token.partition("-")
            covered.update(range(int(low, 16), int(high or low, 16) + 1))
    return frozenset(covered)


def cjk_codepoints(text: str) -> list[int]:
    return sorted({
        ord(char) for char in text
        if any(low <= ord(char) <= high for low, high in _CJK_RANGES)
    })


def check(text: str) -> str:
    """Return the font family to name in the CSS for printing `text`.

    Raises MissingFontError when fontconfig is absent, knows no fonts, or no installed font
    has the Chinese characters of `text`; UnprintableCharacters when some other characters
    (or a few rare Chinese ones) are in no installed outline font.
    """
    codepoints = cjk_codepoints(text)
    if not _installed_coverage():
        raise MissingFontError(f"本机没有安装任何字体，无法生成公示 PDF。{INSTALL_HINT}")
    missing = unprintable(text)
    missing_cjk = sorted(set(codepoints) & {ord(char) for char in missing})
    if codepoints and len(missing_cjk) == len(codepoints):
        sample = "".join(chr(codepoint) for codepoint in missing_cjk[:10])
        raise MissingFontError(
            f"本机没有能显示中文的字体（缺少“{sample}”等 {len(missing_cjk)} 个字符），"
            f"无法生成公示 PDF。{INSTALL_HINT}"
        )
    if missing:
        raise UnprintableCharacters(missing)
    families = _families_covering(codepoints)
    if families:
        return _preferred(families)
    # No single font has every Chinese character, but together they do: Pango falls back
    # per character, so name the family that has the most of them.
    coverage = _coverage_by_family(codepoints)
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
