"""The adversarial corpus: hostile (and hostile-looking but legitimate) data.

Two kinds of case, both run by test_corpus.py through `gongshi check` in a subprocess:

- a file in files/: it is copied into the sample portal (by default as
  communities/shili-jiayuan/notices/corpus.yml) and its first lines say what must happen:

      # corpus: exit=1 codes=yaml.tag@4 target=communities/shili-jiayuan/votes/x.yml
      # why: one line on what it guards

  `codes` lists the codes that must be printed; `code@N` also requires one of them at
  line N of the target file.
- a Case below, for what a small file cannot hold: files over the size limit, symbolic
  links, edits of the sample's own files, and legitimate inputs whose literal text must
  reach the built site (`literals`, checked by one shared build).

Every bug found in the generator's handling of hostile input becomes a case here first.
"""

from __future__ import annotations

import json
import os
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tests.conftest import SAMPLE_DATA

from .runner import COMMUNITY, SECRET

FILES = Path(__file__).parent / "files"
NOTICE = f"{COMMUNITY}/notices/corpus.yml"
FUND = f"{COMMUNITY}/maintenance-fund/2025-H1.yml"
VOTE = f"{COMMUNITY}/votes/2025-elevator.yml"
MB5 = 5 * 1024 * 1024


@dataclass(frozen=True)
class Case:
    id: str
    why: str
    files: dict = field(default_factory=dict)   # data-relative path -> str | bytes
    setup: Callable[[Path, Path], None] | None = None   # (data folder, outside folder)
    exit: int = 1
    codes: tuple[str, ...] = ()                 # "code" or "code@line" (a line of `target`)
    target: str = NOTICE
    literals: tuple[str, ...] = ()              # legitimate: shown as typed on `page` of the built site
    page: str | None = None
    pdf: bool = False                           # literals also in the notice's printed PDF
    build: bool = False                         # part of the shared corpus build
    absent: tuple[str, ...] = ()                # must not be printed (e.g. an English library message)


def notice(title: str = "语料测试公示", body: str = "正文。", *, issuer: str = "示例家园小区业主委员会",
           extra: str = "", print_pdf: bool = False) -> str:
    """A valid general notice whose fields can be replaced one at a time."""
    return (f"title: {_quoted(title)}\nkind: general\nissuer: {_quoted(issuer)}\npublished: 2026-11-01\n"
            f"period: {{from: 2026-11-01, to: 2026-11-30}}\n{extra}"
            + ("print: true\n" if print_pdf else "")
            + "body: |\n" + textwrap.indent(body, "  ", lambda line: True) + "\n")


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def sample(rel: str) -> str:
    return (SAMPLE_DATA / rel).read_text(encoding="utf-8")


def edited(rel: str, old: str, new: str) -> dict:
    """The sample file `rel` with `old` (which must occur) replaced by `new`."""
    text = sample(rel)
    assert old in text, f"{old!r} not in {rel}"
    return {rel: text.replace(old, new, 1)}


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


AMOUNT_LINE = line_of(sample(FUND), "amount: 45600.00")


def amount(bad: str) -> dict:
    return edited(FUND, "amount: 45600.00", f"amount: {bad}")


# ------------------------------------------------------------------ symbolic links

def _link(rel: str, target: Callable[[Path, Path], Path], *, replace: bool = False):
    def setup(data: Path, outside: Path) -> None:
        path = data / rel
        if replace:
            if path.is_dir():
                import shutil
                shutil.rmtree(path)
            else:
                path.unlink()
        path.symlink_to(target(data, outside))
    return setup


def _data_folder_is_a_link(data: Path, outside: Path) -> None:
    import shutil
    shutil.rmtree(data)
    data.symlink_to(outside / "data", target_is_directory=True)


def _fifo(data: Path, outside: Path) -> None:
    os.mkfifo(data / COMMUNITY / "notices" / "pipe.yml")


def _fill(size: int) -> str:
    """A valid notice padded with comment lines to exactly `size` bytes."""
    head = notice()
    line = "# " + "填" * 30 + "\n"   # 93 bytes
    padding = (size - len(head.encode())) // len(line.encode())
    text = head + line * padding
    rest = size - len(text.encode())
    return text + "#" * (rest - 1) + "\n"


def _deep_block(depth: int) -> str:
    return notice() + "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v: 1\n"


CASES: list[Case] = [
    # ---- size and shape limits (yamlread.py)
    Case("file-over-5mb", "a file over 5 MB is refused before it is read",
         files={NOTICE: _fill(MB5 + 1)}, codes=("file.too_large@1",)),
    Case("file-at-5mb", "exactly 5 MB is still read", files={NOTICE: _fill(MB5)}, exit=0),
    Case("deep-block-nesting", "65 levels of block mappings", files={NOTICE: _deep_block(70)},
         codes=("yaml.too_complex",)),
    Case("deep-flow-nesting", "bug: libyaml's own depth limit came out as an English yaml.syntax",
         files={NOTICE: "x: " + "[" * 100_000 + "]" * 100_000 + "\n"},
         codes=("yaml.too_complex@1",), absent=("exceeded maximum nesting depth",)),
    Case("alias-of-a-big-string", "bug: 300,000 aliases of a 1 MB string passed the node limit and hung the check",
         files={NOTICE: "x: &a " + "长" * 1_000_000 + "\nr: [" + ",".join(["*a"] * 300_000) + "]\n"},
         codes=("yaml.too_complex@2",)),
    Case("empty-lists-past-the-node-limit", "bug: empty containers were not counted, 520,000 of them took a minute",
         files={NOTICE: notice() + "related:\n" + "- []\n" * 520_000}, codes=("yaml.too_complex",)),
    Case("very-long-title", "a 4 MB title is text like any other", exit=0,
         files={NOTICE: notice(title="长" * 1_300_000)}),
    Case("very-long-digit-run", "4 million digits are no personal number and no slowdown", exit=0,
         files={NOTICE: notice(body="1" * 4_000_000)}),
    Case("very-long-spaced-digits", "digit groups separated by spaces, 2 million of them", exit=0,
         files={NOTICE: notice(body="1 " * 1_000_000)}),

    # ---- many problems in one file: each must stay linear
    Case("many-mobile-numbers", "bug: finding the line of each number was quadratic (a minute for 100,000)",
         files={NOTICE: notice(body="".join(f"138{i:08d}\n" for i in range(100_000)))},
         codes=("privacy.mobile@7",)),
    Case("many-unknown-fields", "bug: a 'did you mean' per unknown field took a minute for 400,000 fields",
         files={NOTICE: notice() + "".join(f"k{i}: 1\n" for i in range(100_000))},
         codes=("schema.unknown_field@8",)),
    Case("many-raw-html-lines", "bug: the relative path of each problem was recomputed (45 s for 400,000)",
         files={NOTICE: notice(body="<b>x</b>\n" * 100_000)}, codes=("markdown.raw_html@7",)),

    # ---- symbolic links (discover.py): nothing outside data/ is ever read
    Case("symlinked-notice-file", "a notice that is a link to a file outside data/",
         setup=_link(f"{COMMUNITY}/notices/leak.yml", lambda d, o: o / "secret.yml"),
         codes=("file.symlink",), target=f"{COMMUNITY}/notices/leak.yml"),
    Case("symlinked-notices-folder", "the notices folder is a link to a folder outside data/",
         setup=_link(f"{COMMUNITY}/notices", lambda d, o: o / "notices", replace=True),
         codes=("file.symlink", "ref.missing"), target=f"{COMMUNITY}/notices"),
    Case("symlinked-community-folder", "a community that is a link to a folder outside data/",
         setup=_link("communities/leak", lambda d, o: o / "community"), codes=("file.symlink",),
         target="communities/leak"),
    Case("symlinked-site-yml", "site.yml is a link",
         setup=_link("site.yml", lambda d, o: o / "secret.yml", replace=True),
         codes=("file.symlink", "file.missing"), target="site.yml"),
    Case("symlinked-data-folder", "data/ itself is a link to a portal outside",
         setup=_data_folder_is_a_link, codes=("file.symlink",), target=""),
    Case("symlink-to-etc-passwd", "a link to a system file",
         setup=_link(f"{COMMUNITY}/notices/passwd.yml", lambda d, o: Path("/etc/passwd")), codes=("file.symlink",),
         target=f"{COMMUNITY}/notices/passwd.yml"),
    Case("dangling-symlink", "a link to nothing",
         setup=_link(f"{COMMUNITY}/notices/gone.yml", lambda d, o: o / "missing.yml"), codes=("file.symlink",),
         target=f"{COMMUNITY}/notices/gone.yml"),
    Case("symlink-loop", "a link to itself",
         setup=_link(f"{COMMUNITY}/notices/loop.yml", lambda d, o: d / COMMUNITY / "notices" / "loop.yml"),
         codes=("file.symlink",), target=f"{COMMUNITY}/notices/loop.yml"),
    Case("symlink-inside-data", "even a link to a file inside data/ is refused",
         setup=_link(f"{COMMUNITY}/notices/copy.yml", lambda d, o: d / COMMUNITY / "notices" / "2026-12-fire-drill.yml"),
         codes=("file.symlink",), target=f"{COMMUNITY}/notices/copy.yml"),
    Case("fifo-is-not-read", "a named pipe would block a reader forever; it is skipped with a warning",
         setup=_fifo, exit=0, codes=("file.unexpected",), target=f"{COMMUNITY}/notices/pipe.yml"),

    # ---- money, areas and counts (fields.py)
    *[Case(f"money-{name}", f"money written as {name}", files=amount(bad), codes=(f"schema.type@{AMOUNT_LINE}",), target=FUND)
      for name, bad in [("string", '"45600.00"'), ("single-quoted", "'45600.00'"), ("thousands", "45,600.00"),
                        ("fullwidth-comma", "45，600.00"), ("exponent", "4.56e4"), ("exponent-upper", "4.56E+4"),
                        ("nan", ".nan"), ("NaN", ".NaN"), ("inf", ".inf"), ("minus-inf", "-.inf"),
                        ("three-decimals", "45600.001"), ("negative", "-45600.00"), ("hex", "0xB220"),
                        ("underscore", "45_600.00"), ("yuan-sign", "¥45600.00"), ("word", "四万五千六百")]],
    Case("money-fullwidth-digits", "bug: Python's \\d took ４５６００.００ as 45600.00; YAML reads it as text",
         files=amount("４５６００.００"), codes=(f"schema.type@{AMOUNT_LINE}",), target=FUND),
    Case("money-arabic-indic-digits", "bug: ٤٥٦٠٠ was read as 45600", files=amount("٤٥٦٠٠"),
         codes=(f"schema.type@{AMOUNT_LINE}",), target=FUND),
    Case("money-beyond-exact-sums", "bug: a 34-digit balance crashed a ledger rule (internal.rule_failed)",
         files=edited(FUND, "opening_balance: 3268540.36", "opening_balance: 1" + "0" * 33 + ".36"),
         codes=("schema.type@5",), target=FUND, absent=("internal.rule_failed",)),
    Case("count-of-5000-digits", "bug: printed Python's English int-conversion error",
         files=edited(VOTE, "turnout: {owners: 82", "turnout: {owners: " + "9" * 5000),
         codes=("schema.type@11",), target=VOTE, absent=("set_int_max_str_digits", "Value error")),
    Case("count-with-5000-leading-zeros", "bug: 000…082 gave Python's English int-conversion error; it is 82",
         exit=0, files=edited(VOTE, "turnout: {owners: 82", "turnout: {owners: " + "0" * 5000 + "82")),
    Case("count-arabic-indic-digits", "bug: ٨٢ owners was read as 82",
         files=edited(VOTE, "turnout: {owners: 82", "turnout: {owners: ٨٢"), codes=("schema.type@11",), target=VOTE),
    Case("zero-electorate-owners", "an electorate of zero owners",
         files=edited(VOTE, "electorate: {owners: 100", "electorate: {owners: 0"), codes=("schema.type@10",), target=VOTE),
    Case("zero-electorate-area", "an electorate of zero area",
         files=edited(VOTE, "area_m2: 9000.00}", "area_m2: 0.00}"), codes=("schema.type@10",), target=VOTE),
    Case("community-of-zero-owners", "a community with no owners",
         files=edited(f"{COMMUNITY}/community.yml", "owners: ", "owners: 0 #"), codes=("schema.type",),
         target=f"{COMMUNITY}/community.yml"),

    # ---- dates and day counts: rules add days to dates (fields.py)
    Case("notice-period-at-the-end-of-time", "bug: 9999-12-30 to 9999-12-31 crashed the notice rule (internal.rule_failed)",
         files={NOTICE: notice().replace("{from: 2026-11-01, to: 2026-11-30}", "{from: 9999-12-30, to: 9999-12-31}")},
         codes=("schema.type@5",), absent=("internal.rule_failed",)),
    Case("vote-in-year-one", "a voting start in year 1 gave a -739319-day notice period",
         files=edited(VOTE, "voting: {start: 2025-04-01,", "voting: {start: 0001-01-01,"), codes=("schema.type@8",),
         target=VOTE),
    Case("rule-days-beyond-any-date", "bug: min_notice_days: 99999999999 crashed the notice rule",
         files=edited("site.yml", "min_notice_days: 7", "min_notice_days: 99999999999"), codes=("schema.type@9",),
         target="site.yml", absent=("internal.rule_failed",)),

    # ---- ids and references (discover.py, fields.py)
    Case("id-with-dots", "a file stem with dots", files={f"{COMMUNITY}/votes/2025.elevator.yml": sample(VOTE)},
         codes=("id.invalid",), target=f"{COMMUNITY}/votes/2025.elevator.yml"),
    Case("id-with-upper-case", "a file stem in upper case", files={f"{COMMUNITY}/notices/Fire-Drill.yml": notice()},
         codes=("id.invalid",), target=f"{COMMUNITY}/notices/Fire-Drill.yml"),
    Case("id-in-chinese", "a file stem in Chinese", files={f"{COMMUNITY}/notices/消防.yml": notice()},
         codes=("id.invalid",), target=f"{COMMUNITY}/notices/消防.yml"),
    Case("slug-in-upper-case", "a community folder in upper case",
         files={"communities/Shili/community.yml": sample(f"{COMMUNITY}/community.yml")},
         codes=("id.invalid",), target="communities/Shili"),
    Case("period-in-fullwidth-digits", "bug: discover's \\d took ２０２７ for a period",
         files={f"{COMMUNITY}/evaluations/２０２７.yml": sample(f"{COMMUNITY}/evaluations/2025.yml")},
         codes=("period.invalid",), target=f"{COMMUNITY}/evaluations/２０２７.yml"),
    Case("entry-id-with-slash-and-dot", "an entry id with / and .",
         files=edited(FUND, "id: mf-2025-001", "id: mf/2025.001"), codes=("id.invalid@7",), target=FUND),
    Case("reference-with-dot-dot", "a reference that walks up folders names nothing",
         files={NOTICE: notice(extra="related: [inspection/../../../etc/passwd, vote/A.B, notice/]\n")},
         codes=("ref.missing@6",)),

    # ---- the portal address becomes a QR code and canonical links
    *[Case(f"base-url-{name}", f"bug: base_url {url!r} passed the check (and broke or poisoned the build)",
           files=edited("site.yml", "https://example.org/shili/", url), codes=("site.base_url_invalid@5",), target="site.yml")
      for name, url in [("javascript", "javascript:alert(1)//"), ("file", "file:///etc/passwd/"),
                        ("data", "data:text/html,<script>alert(1)</script>"),
                        ("quote", 'https://x.org/"><script>alert(1)</script>/'), ("no-scheme", "example.org/shili/")]],

    # ---- legitimate input that looks hostile: printed as typed, never run (one shared build)
    Case("template-syntax-in-text", "Jinja syntax in data is text: {{ 7*7 }} is not 49", exit=0, build=True,
         files={f"{COMMUNITY}/notices/corpus-template.yml": notice(
             title="模板 {{ 7*7 }} {% raw %} {# 注释 #}", issuer="{{ config.site_name }}{% endraw %}",
             body="正文 {{ 7*7 }}、{% raw %}{{ x }}{% endraw %}、{% include '/etc/passwd' %}、${HOME}、{{ '\\x41' }}",
             print_pdf=True)},
         literals=("模板 {{ 7*7 }} {% raw %} {# 注释 #}", "{{ config.site_name }}{% endraw %}",
                   "正文 {{ 7*7 }}、{% raw %}{{ x }}{% endraw %}、{% include '/etc/passwd' %}、${HOME}"),
         page="notices/corpus-template/index.html", pdf=True),
    Case("html-in-text-fields", "bug: <title> printed a title's <script> as markup; text fields are shown, never run",
         exit=0, build=True,
         files={f"{COMMUNITY}/notices/corpus-html.yml": notice(
             title="<script>alert(1)</script><img src=x onerror=alert(2)>", issuer="<svg onload=alert(3)>",
             extra="objection: {contact: \"<iframe src=javascript:alert(4)>\", until: 2026-11-30}\n",
             print_pdf=True)},
         literals=("<script>alert(1)</script><img src=x onerror=alert(2)>", "<svg onload=alert(3)>",
                   "<iframe src=javascript:alert(4)>"),
         page="notices/corpus-html/index.html", pdf=True),
    Case("markdown-in-text-fields", "Markdown in a text field is text: no link, no bold, no attribute list",
         exit=0, build=True,
         files={f"{COMMUNITY}/notices/corpus-markdown.yml": notice(
             title="[点我](javascript:alert(1)) **粗** `码` {: onclick=\"alert(1)\" } | 表 | # 号",
             issuer="![图](file:///etc/passwd) <https://evil.example/>")},
         literals=("[点我](javascript:alert(1)) **粗** `码` {: onclick=\"alert(1)\" } | 表 | # 号",
                   "![图](file:///etc/passwd) <https://evil.example/>"),
         page="notices/corpus-markdown/index.html"),
    Case("code-and-entities-in-body", "HTML in a code span or as entities is shown, not run; links in code are not links",
         exit=0, build=True,
         files={f"{COMMUNITY}/notices/corpus-code.yml": notice(
             body="代码 `<script>alert(1)</script>` 与 `[x](javascript:alert(1))`，实体 &lt;iframe&gt;。")},
         literals=("<script>alert(1)</script>", "[x](javascript:alert(1))", "<iframe>"),
         page="notices/corpus-code/index.html"),
    Case("safe-links-in-body", "http(s), mailto and relative links stay links", exit=0, build=True,
         files={f"{COMMUNITY}/notices/corpus-links.yml": notice(
             body="[官网](https://example.org/) [邮件](mailto:ywh@example.org) [上一条](../2026-12-fire-drill/) "
                  "<https://example.org/a>")},
         literals=("官网", "邮件", "上一条"), page="notices/corpus-links/index.html"),
    Case("masked-personal-numbers", "bug: a body's 138****1234 and 张*三 printed as bold/italic without their asterisks",
         exit=0, build=True,
         files={f"{COMMUNITY}/notices/corpus-masked.yml": notice(
             body="联系人 138****1234（张*三、李*四），电话 0571-86005678，身份证 110101********1234。**注意**：按时参加。",
             print_pdf=True)},
         literals=("联系人 138****1234（张*三、李*四），电话 0571-86005678，身份证 110101********1234。注意：按时参加。",),
         page="notices/corpus-masked/index.html", pdf=True),
    Case("site-title-with-html", "bug: Material printed the site title (config.site_name) as markup on every page",
         exit=0, build=True,
         files=edited("site.yml", "title: 示例家园小区信息公开", 'title: 示例家园 <script>alert("t")</script> & {{ 7*7 }}'),
         literals=('示例家园 <script>alert("t")</script> & {{ 7*7 }}',), page="index.html"),
    Case("long-title-is-built", "a 20,000-character title is a page like any other", exit=0, build=True,
         files={f"{COMMUNITY}/notices/corpus-long.yml": notice(title="长标题" * 7000)},
         literals=("长标题" * 7000,), page="notices/corpus-long/index.html"),
    Case("formula-in-a-ledger-summary", "bug: =HYPERLINK(…) in a summary became a live formula in the CSV download",
         exit=0, build=True,
         files=edited(FUND, "summary: 6号楼底商3套新售房屋首期交存",
                      'summary: "=HYPERLINK(\\"https://evil.example\\",\\"点我\\")"'),
         literals=('=HYPERLINK("https://evil.example","点我")',), page="maintenance-fund/2025-H1/index.html"),
    Case("carriage-return-line-ends", "found by fuzzing: old Mac line ends (CR only) are lines too", exit=0,
         files={NOTICE: notice(title="旧式换行", body="一\n二").replace("\n", "\r")}),
    Case("bom-and-crlf", "a UTF-8 BOM and CRLF line ends are fine", exit=0, build=True,
         files={f"{COMMUNITY}/notices/corpus-crlf.yml": b"\xef\xbb\xbf" + notice(title="换行符 CRLF").replace("\n", "\r\n").encode()},
         literals=("换行符 CRLF",), page="notices/corpus-crlf/index.html"),
]


# ------------------------------------------------------------------ files/

_HEADER = re.compile(rb"^# corpus: (.*)$", re.MULTILINE)


def file_case(path: Path) -> Case:
    raw = path.read_bytes()
    header = _HEADER.search(raw)
    assert header, f"{path.name}: needs a line '# corpus: exit=… codes=…'"
    options = dict(item.split("=", 1) for item in header.group(1).decode("utf-8").split())
    why = re.search(rb"^# why: (.*)$", raw, re.MULTILINE)
    target = options.get("target", NOTICE)
    return Case(f"file-{path.stem}", why.group(1).decode("utf-8", "replace") if why else "",
                files={target: raw}, exit=int(options["exit"]),
                codes=tuple(c for c in options.get("codes", "").split(",") if c), target=target,
                absent=tuple(a.replace("_", " ") for a in options.get("absent", "").split(",") if a))


FILE_CASES = [file_case(p) for p in sorted(FILES.iterdir()) if p.is_file()]
ALL_CASES = CASES + FILE_CASES
LEGITIMATE_BUILD = [c for c in ALL_CASES if c.build]
