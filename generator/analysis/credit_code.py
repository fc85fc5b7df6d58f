"""统一社会信用代码 (GB 32100-2015): 18 characters, the last one a check character.

The characters come from the 31 of "0123456789ABCDEFGHJKLMNPQRTUWXY" (I, O, Z, S and V are
left out so none can be misread as a digit); the first 17 are weighted by 3^(i−1) mod 31 for
position i, and the check character is the one whose value is 31 − (weighted sum mod 31),
0 when that is 31.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
LENGTH = 18
WEIGHTS = tuple(pow(3, i, 31) for i in range(LENGTH - 1))   # 1, 3, 9, 27, 19, 26, 16, 17, 20, …


def check_character(body: str) -> str:
    """The check character of the first 17 characters (each from ALPHABET)."""
    total = sum(ALPHABET.index(ch) * weight for ch, weight in zip(body, WEIGHTS))
    remainder = 31 - total % 31
    return ALPHABET[0 if remainder == 31 else remainder]


def credit_code_fault(code: str) -> str | None:
    """Why `code` is not a valid 统一社会信用代码 (a Chinese sentence), or None when it is."""
    if len(code) != LENGTH:
        return f"应为 {LENGTH} 位，实际是 {len(code)} 位"
    wrong = sorted({ch for ch in code if ch not in ALPHABET})
    if wrong:
        hint = "（字母须大写）" if any(ch.upper() in ALPHABET for ch in wrong) else ""
        return (f"含有不允许的字符 {'、'.join(wrong)}{hint}：只能用数字和大写字母，"
                "且不用 I、O、Z、S、V")
    expected = check_character(code[:-1])
    if code[-1] != expected:
        return f"最后一位校验码应为 {expected}，实际是 {code[-1]}：请对照营业执照核对每一位"
    return None
