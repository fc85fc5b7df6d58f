"""Field types: how the text an editor typed becomes a typed value.

Each type is a pydantic PlainValidator over the loader's `Plain`/`Quoted` scalars
plus the JSON Schema an editor's YAML plugin uses. Failures raise
PydanticCustomError whose type is our problem code and whose message is Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..load.discover import MAX_ID_LENGTH, id_problem
from ..load.scalars import Quoted

# ASCII digits only: Python's \d also takes ４５６ and ٤٥٦, which YAML (and an editor's
# schema check) reads as text, and a reviewer may not read as the figure it becomes.
_DECIMAL_RE = re.compile(r"[+]?(\d+)(?:\.(\d+))?", re.ASCII)
# 1,234,567.89: commas every three digits from the decimal point, and only there.
_THOUSANDS_RE = re.compile(r"[+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", re.ASCII)
_INT_RE = re.compile(r"[+]?(\d+)", re.ASCII)
# 千万亿: far above any community's figures, and far enough below Decimal's 28 significant
# digits that sums of a ledger stay exact.
MAX_INTEGER_DIGITS = 15
# Dates and day counts stay where date arithmetic cannot overflow (date.max is 9999-12-31).
EARLIEST_DATE, LATEST_DATE = date(1900, 1, 1), date(2199, 12, 31)
MAX_DAYS = 3660
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _fail(message: str, code: str = "schema.type"):
    return PydanticCustomError(code, message)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "一个映射（键: 值）"
    if isinstance(value, list):
        return "一个列表"
    return f"“{value}”"


def _scalar(value: Any, expected: str) -> str:
    if value is None:  # an empty value in a skeleton from `gongshi new`
        raise _fail(f"还没有填写：应为{expected}")
    if not isinstance(value, str):
        raise _fail(f"应为{expected}，实际是{_describe(value)}")
    return value


def _decimal(value: Any, what: str, *, allow_zero: bool = True) -> Decimal:
    text = _scalar(value, what)
    if isinstance(value, Quoted):
        raise _fail(f"{what}要写成数字，不能加引号（现在是文本“{text}”）")
    stripped = text.strip()
    low = stripped.lower()
    if low in {".nan", ".inf", "-.inf", "+.inf", "nan", "inf"}:
        raise _fail(f"{what}必须是具体的数字，不能是“{text}”")
    if "," in stripped or "，" in stripped:
        plain = stripped.replace("，", ",")
        if _THOUSANDS_RE.fullmatch(plain):
            raise _fail(f"{what}不能带千位分隔符：请写成 {plain.replace(',', '')}")
        # 12,5000.00: no thousands grouping, so no way to tell 125000.00 from 12500.00. A
        # guessed figure would be ten times the one meant; the voucher says which it is.
        raise _fail(f"{what}“{stripped}”的逗号不在千位上，看不出原来是多少：请按凭证重新写出这个{what}，"
                    "不加逗号")
    if "e" in low and re.fullmatch(r"[+-]?[\d.]+e[+-]?\d+", low):
        raise _fail(f"{what}不能用科学计数法“{text}”：请写出完整数字")
    if stripped.startswith("-"):
        raise _fail(f"{what}不能为负数（现在是 {stripped}）：收支方向由 type 决定")
    match = _DECIMAL_RE.fullmatch(stripped)
    if not match:
        raise _fail(f"{what}应为数字，实际是“{text}”")
    if match.group(2) is not None and len(match.group(2)) > 2:
        raise _fail(f"{what}最多两位小数（现在是 {stripped}）")
    if len(match.group(1).lstrip("0")) > MAX_INTEGER_DIGITS:
        raise _fail(f"{what}过大：整数部分超过 {MAX_INTEGER_DIGITS} 位，请核对")
    number = Decimal(stripped.lstrip("+"))
    if not allow_zero and number == 0:
        raise _fail(f"{what}必须大于 0")
    return number


def money(value: Any) -> Decimal:
    return _decimal(value, "金额")


def positive_money(value: Any) -> Decimal:
    return _decimal(value, "金额", allow_zero=False)


def area(value: Any) -> Decimal:
    return _decimal(value, "面积")


def positive_area(value: Any) -> Decimal:
    return _decimal(value, "面积", allow_zero=False)


def number(value: Any) -> Decimal:
    return _decimal(value, "数值")


def positive_number(value: Any) -> Decimal:
    return _decimal(value, "数值", allow_zero=False)


def count(value: Any) -> int:
    text = _scalar(value, "整数")
    if isinstance(value, Quoted):
        raise _fail(f"应为整数，不能加引号（现在是文本“{text}”）")
    match = _INT_RE.fullmatch(text.strip())
    if not match:
        raise _fail(f"应为不小于 0 的整数，实际是“{text}”")
    if len(match.group(1).lstrip("0")) > MAX_INTEGER_DIGITS:
        raise _fail(f"数值过大：超过 {MAX_INTEGER_DIGITS} 位，请核对")
    return int(match.group(1).lstrip("0") or "0")  # int() refuses over 4,300 digits, zeros too


def day_count(value: Any) -> int:
    n = count(value)
    if n > MAX_DAYS:
        raise _fail(f"天数应在 0 至 {MAX_DAYS} 之间（现在是 {n}）")
    return n


MAX_MONTHS = 12


def month_count(value: Any) -> int:
    """Months of a ledger period: a ledger period is a year, a half or a quarter, so a
    longest period above 12 months would never be reached."""
    n = count(value)
    if not 1 <= n <= MAX_MONTHS:
        raise _fail(f"月数应在 1 至 {MAX_MONTHS} 之间（现在是 {n}）")
    return n


def positive_count(value: Any) -> int:
    n = count(value)
    if n == 0:
        raise _fail("必须大于 0")
    return n


def text(value: Any) -> str:
    return str(_scalar(value, "文字"))


def a_date(value: Any) -> date:
    raw = _scalar(value, "日期").strip()
    if not _DATE_RE.fullmatch(raw):
        raise _fail(f"日期应写成 YYYY-MM-DD（例如 2024-03-15），实际是“{raw}”")
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        raise _fail(f"“{raw}”不是真实存在的日期") from None
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        # Rules add days to dates: 9999-12-31 plus a notice period crashed them.
        raise _fail(f"日期“{raw}”超出合理范围（{EARLIEST_DATE} 至 {LATEST_DATE}）")
    return value


# The portal's address becomes every printed notice's QR code and every page's canonical
# link: it must lead to one page and only there.
MAX_WEB_ADDRESS = 200     # characters: the QR code of a longer one no longer fits its box on A4
_UNSAFE_IN_ADDRESS = re.compile(r"[\s\"'<>\\`]")
_HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)", re.ASCII)
_IPV4 = re.compile(r"(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\.){3}(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})", re.ASCII)


def web_address_problem(raw: str) -> str | None:
    """Why raw is not a usable portal address (Chinese), or None: http(s), a host, an optional
    port up to 65535 and a path; no user name, query or fragment; at most 200 characters."""
    example = "例如 https://example.org/hexie/"
    if len(raw) > MAX_WEB_ADDRESS:
        return f"有 {len(raw)} 个字符，最多 {MAX_WEB_ADDRESS} 个（地址要印成公示上的二维码）"
    scheme, sep, rest = raw.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        return f"应以 http:// 或 https:// 开头，{example}"
    if not raw.isascii():
        return "含有非 ASCII 字符：中文域名请写成以 xn-- 开头的编码形式，路径中的中文请写成 %XX 形式"
    if _UNSAFE_IN_ADDRESS.search(raw):
        return "不能含空格、引号、尖括号、反斜杠或反引号"
    if "?" in raw or "#" in raw:
        return "不能带查询参数（?…）或锚点（#…）：二维码和规范链接都要指向门户本身"
    netloc, _, _ = rest.partition("/")
    if "@" in netloc:
        return "不能含用户名或密码（…@）：扫码的人会被带到“@”后面的主机"
    host, colon, port = netloc.rpartition(":") if not netloc.endswith("]") else (netloc, "", "")
    if not colon:
        host, port = netloc, None
    if port is not None and not (port.isdigit() and 1 <= int(port) <= 65535):
        return f"端口“{port}”不对：应为 1 至 65535 之间的数字"
    host = host.lower()
    if host.startswith("[") and host.endswith("]"):
        return None if re.fullmatch(r"\[[0-9a-f:.]+\]", host) else f"主机“{host}”不是有效的 IPv6 地址"
    labels = host.rstrip(".").split(".")
    if not host or len(host) > 253 or not all(_HOST_LABEL.fullmatch(label) for label in labels):
        return f"主机名“{host}”不对：只能由字母、数字、连字符和点组成，{example}"
    if labels[-1].isdigit() and not _IPV4.fullmatch(host):
        return f"主机“{host}”不是有效的 IP 地址"
    return None


def web_address(value: Any) -> str:
    """The portal's address (site.yml base_url), refused with site.base_url_invalid."""
    raw = text(value).strip()
    problem = web_address_problem(raw)
    if problem is not None:
        shown = raw if len(raw) <= 80 else raw[:80] + "…"
        raise _fail(f"网站地址“{shown}”{problem}", "site.base_url_invalid")
    return raw


def boolean(value: Any) -> bool:
    raw = _scalar(value, "true 或 false")
    if isinstance(value, Quoted) or raw not in {"true", "false", "True", "False", "TRUE", "FALSE"}:
        raise _fail(f"应为 true 或 false，实际是“{raw}”")
    return raw.lower() == "true"


def record_id(value: Any) -> str:
    raw = text(value)
    reason = id_problem(raw)
    if reason is not None:
        shown = raw if len(raw) <= 40 else raw[:40] + "…"
        raise _fail(f"编号“{shown}”{reason}", "id.invalid")
    return raw


@dataclass(frozen=True)
class Choices:
    """The allowed values of a choice() field with their Chinese labels, in order (the web
    forms' select widgets read them; pydantic ignores this marker)."""

    labels: tuple[tuple[str, str], ...]


def choice(labels: dict[str, str]):
    """An enumerated text field whose error lists every allowed value with its label."""
    allowed = "、".join(f"{k}（{v}）" for k, v in labels.items())

    def validate(value: Any) -> str:
        raw = text(value)
        if raw not in labels:
            raise _fail(f"“{raw}”不是允许的值。可选：{allowed}", "schema.enum")
        return raw

    schema = {
        "type": "string",
        "enum": list(labels),
        "description": "；".join(f"{k}: {v}" for k, v in labels.items()),
    }
    return Annotated[str, PlainValidator(validate), WithJsonSchema(schema), Choices(tuple(labels.items()))]


_NUMBER_SCHEMA = {"type": "number", "minimum": 0}
Money = Annotated[Decimal, PlainValidator(money), WithJsonSchema({**_NUMBER_SCHEMA, "description": "金额（元），最多两位小数，不加引号、不加千位分隔符"})]
PositiveMoney = Annotated[Decimal, PlainValidator(positive_money), WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "description": "金额（元），大于 0，最多两位小数"})]
Area = Annotated[Decimal, PlainValidator(area), WithJsonSchema({**_NUMBER_SCHEMA, "description": "面积（平方米），最多两位小数"})]
PositiveArea = Annotated[Decimal, PlainValidator(positive_area), WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "description": "面积（平方米），大于 0"})]
Number = Annotated[Decimal, PlainValidator(number), WithJsonSchema({**_NUMBER_SCHEMA, "description": "数值，最多两位小数"})]
PositiveNumber = Annotated[Decimal, PlainValidator(positive_number), WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "description": "数值，大于 0，最多两位小数"})]
Count = Annotated[int, PlainValidator(count), WithJsonSchema({"type": "integer", "minimum": 0})]
DayCount = Annotated[int, PlainValidator(day_count), WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAX_DAYS})]
MonthCount = Annotated[int, PlainValidator(month_count), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_MONTHS})]
PositiveCount = Annotated[int, PlainValidator(positive_count), WithJsonSchema({"type": "integer", "minimum": 1})]
# Text accepts whatever was typed; editors may type numbers (a voucher 0101) too.
Text = Annotated[str, PlainValidator(text), WithJsonSchema({"type": ["string", "number", "boolean"]})]
Date = Annotated[date, PlainValidator(a_date), WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "日期，YYYY-MM-DD"})]
WebAddress = Annotated[str, PlainValidator(web_address), WithJsonSchema({
    "type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#@]+(/[^?#]*)?$", "maxLength": MAX_WEB_ADDRESS,
    "description": "网站地址，http:// 或 https:// 开头，不带 ?、# 和用户名，最多 200 个字符"})]
Bool = Annotated[bool, PlainValidator(boolean), WithJsonSchema({"type": "boolean"})]
Id = Annotated[str, PlainValidator(record_id), WithJsonSchema({"type": "string", "pattern": "^[a-z0-9-]+$",
                                                                "maxLength": MAX_ID_LENGTH})]
