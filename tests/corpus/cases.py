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
- a Case with a `command` (or a `runner`): another gongshi command run on the project (a
  build into a folder it must not replace, `new` through a link, `verify`, a preview asked
  with a foreign Host …), with its exit code, a `message` it must print, the paths it must
  leave as they were (`preserved`) and those it must remove (`gone`).

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
    command: tuple[str, ...] = ()               # gongshi arguments instead of `check` (run in the project)
    runner: Callable[[Path], object] | None = None   # (project) -> runner.Result, for what a command cannot show
    message: str = ""                           # printed by the command (stdout or stderr)
    preserved: tuple[str, ...] = ()             # project-relative paths the command must leave unchanged
    gone: tuple[str, ...] = ()                  # project-relative paths the command must remove


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


# ------------------------------------------------------------------ issue 12: nothing lost, nothing leaked

EVALUATION = f"{COMMUNITY}/evaluations/2025.yml"
UNPRINTABLE = f"{COMMUNITY}/notices/0-unprintable.yml"   # sorts first: the build stops at its PDF
RUN = "A1b2C3d4" * 50                                      # 400 characters, no space
WIDE_TABLE = ("| " + " | ".join(f"列{i}" for i in range(1, 15)) + " |\n|" + "---|" * 14 + "\n"
              + "| " + " | ".join(f"1,234,567.{i:02d}" for i in range(1, 15)) + " |\n")
# CSV injection (OWASP): every start a spreadsheet would run, in an inspection's items.
FORMULA_STARTS = ["＝HYPERLINK(1)", "＋1+1", "－1-1", "＠SUM(1)", " =1+1", "\t=1+1", "\u3000=1+1", "\u200b=1+1",
                  "\ufeff=1+1", "\u00a0@SUM(1)", "﹦1+1"]


def _csv_inspection() -> str:
    # ASCII-escaped JSON strings (\uXXXX) are YAML double-quoted scalars: invisible characters stay visible here.
    items = "".join(f"  - check: {json.dumps(text)}\n    result: pass\n" for text in FORMULA_STARTS)
    return ("date: 2026-11-02\nauthority: 示例街道办事处\nsource: street\nkind: facilities\nitems:\n" + items
            + "conclusion: 合格\n")


def _git_repository(data: Path, outside: Path) -> None:
    import subprocess
    subprocess.run(["git", "init", "-q"], cwd=data.parent, check=True)


def _folder_with_files(name: str):
    def setup(data: Path, outside: Path) -> None:
        folder = data.parent / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "page.md").write_text("# 手写的页面\n", encoding="utf-8")
    return setup


def _previous_build(data: Path, outside: Path) -> None:
    site = data.parent / "site"
    site.mkdir()
    (site / "manifest.json").write_text('{"generator": "gongshi", "site": {}}', encoding="utf-8")
    (site / "stale.html").write_text("<p>上一次构建留下的页面</p>", encoding="utf-8")


def _notices_link_outside(data: Path, outside: Path) -> None:
    import shutil
    notices = data / COMMUNITY / "notices"
    shutil.rmtree(notices)
    notices.symlink_to(outside / "notices", target_is_directory=True)


def _undecodable_file_name(data: Path, outside: Path) -> None:
    folder = os.fsencode(data / COMMUNITY / "notices")
    with open(folder + b"/\xff-\x1b[2J.yml", "w", encoding="utf-8") as handle:
        handle.write(notice())


def _site_with_a_pipe(data: Path, outside: Path) -> None:
    site = data.parent / "site"
    (site / "notices").mkdir(parents=True)
    (site / "manifest.json").write_text('{"generator": "gongshi", "site": {}}', encoding="utf-8")
    os.mkfifo(site / "notices" / "pipe.html")


def _preview_asked_by(host: str):
    """Start `gongshi serve`, ask for its front page with this Host header, stop it (Ctrl-C)."""
    def run(project: Path):
        import http.client
        import signal
        import subprocess
        import sys
        import time

        from tests.conftest import ROOT, SAMPLE_AS_OF

        from .runner import Result
        from generator.builddate import epoch_of
        from datetime import date

        # ROOT first, the caller's path kept (scripts/test-at-date.sh puts its time.sleep fix there).
        python_path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        env = {**os.environ, "PYTHONPATH": python_path, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1",
               "SOURCE_DATE_EPOCH": str(epoch_of(date.fromisoformat(SAMPLE_AS_OF)))}
        process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--data", "data", "--port", "0"],
                                   cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline, port = time.monotonic() + 50, None
            while port is None and time.monotonic() < deadline:
                line = process.stdout.readline()
                if "预览地址：" in line:
                    port = int(line.rsplit(":", 1)[1].strip("/\n"))
                elif not line and process.poll() is not None:
                    break
            answer = ""
            if port is not None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.putrequest("GET", "/", skip_host=True)
                connection.putheader("Host", host.replace("PORT", str(port)))
                connection.endheaders()
                response = connection.getresponse()
                answer = f"HTTP {response.status}：{response.read().decode('utf-8')}"
                connection.close()
            process.send_signal(signal.SIGINT)
            out, err = process.communicate(timeout=20)
            return Result(process.returncode, out + "\n" + answer, err)
        finally:
            if process.poll() is None:
                process.kill()
    return run


SITE_RULE = {"days": ("min_notice_days: 7", "min_notice_days: 0", 9),
             "size-even": ("committee_size: [5, 11]", "committee_size: [6, 10]", 10),
             "size-order": ("committee_size: [5, 11]", "committee_size: [11, 5]", 10),
             "grade-over-100": ("{优秀: 90, 良好: 80, 合格: 60}", "{优秀: 190, 良好: 80, 合格: 60}", 11),
             "grades-ascending": ("{优秀: 90, 良好: 80, 合格: 60}", "{合格: 60, 良好: 80, 优秀: 90}", 11)}

ISSUE_12: list[Case] = [
    # ---- data loss: --out may only name a folder gongshi wrote (build/guard.py), exit 2
    Case("out-is-the-data-folder", "bug: --out data deleted every YAML file and exited 0",
         command=("build", "--data", "data", "--out", "data", "--no-pdf"), exit=2,
         message="输出目录 data 就是数据目录", preserved=("data",)),
    Case("out-is-a-community-list", "bug: --out data/communities wiped the communities",
         command=("build", "--data", "data", "--out", "data/communities", "--no-pdf"), exit=2,
         message="输出目录 data/communities 位于数据目录 data 之内", preserved=("data",)),
    Case("out-is-the-git-folder", "bug: --out .git destroyed the repository", setup=_git_repository,
         command=("build", "--data", "data", "--out", ".git", "--no-pdf"), exit=2,
         message="输出目录 .git 就是仓库的 git 目录", preserved=(".git",)),
    Case("out-is-content", "bug: --out content wiped the hand-written pages", setup=_folder_with_files("content"),
         command=("build", "--data", "data", "--out", "content", "--no-pdf"), exit=2,
         message="输出目录 content 就是手写页面目录", preserved=("content",)),
    Case("out-is-overrides", "bug: --out overrides wiped the site's templates", setup=_folder_with_files("overrides"),
         command=("build", "--data", "data", "--out", "overrides", "--no-pdf"), exit=2,
         message="输出目录 overrides 就是网站模板目录", preserved=("overrides",)),
    Case("out-is-the-repository-root", "bug: --out . replaced the whole project", setup=_git_repository,
         command=("build", "--data", "data", "--out", ".", "--no-pdf"), exit=2,
         message="输出目录（当前目录） 包含数据目录 data", preserved=("data", ".git")),
    Case("out-is-above-the-current-folder", "--out .. contains the current folder",
         command=("build", "--data", "data", "--out", "..", "--no-pdf"), exit=2,
         message="输出目录 .. 包含数据目录 data", preserved=("data", "../outside")),
    Case("out-is-an-unrelated-folder", "bug: any folder full of files was wiped",
         command=("build", "--data", "data", "--out", "../outside", "--no-pdf"), exit=2,
         message="输出目录 ../outside 不是空目录，也不是 gongshi 以前生成的网站", preserved=("../outside",)),
    Case("out-is-a-previous-build", "a previous gongshi build is replaced, all of it", setup=_previous_build,
         command=("build", "--data", "data", "--out", "site", "--no-pdf", "--as-of", "2026-11-25"), exit=0,
         message="网站已生成：site/", gone=("site/stale.html",)),
    Case("new-through-a-linked-folder", "gongshi new wrote into a folder outside data/ through a link",
         setup=_notices_link_outside, command=("new", "notice", "--data", "data", "--as-of", "2026-11-25"), exit=1,
         message="data/communities/shili-jiayuan/notices 是符号链接：gongshi new 不通过符号链接写文件",
         preserved=("../outside",)),

    # ---- personal data written so that it slipped through (rules/privacy.py normalises first)
    *[Case(f"mobile-{name}", f"bug: a mobile number written with {name} passed the check",
           files={NOTICE: notice(body=f"联系人电话 {number}")}, codes=("privacy.mobile@7",))
      for name, number in [("fullwidth-digits", "１３８１２３４５６７８"), ("zero-width-spaces", "138\u200b1234\u200b5678"),
                           ("ideographic-spaces", "138\u30001234\u30005678"), ("double-spaces", "138  1234  5678"),
                           ("non-breaking-hyphens", "138\u20111234\u20115678"), ("dots", "138.1234.5678"),
                           ("mathematical-digits", "𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖"), ("byte-order-marks", "138\ufeff1234\ufeff5678")]],
    Case("id-number-fullwidth", "bug: an ID number in full-width digits passed the check",
         files={NOTICE: notice(body="身份证 １１０１０５１９４９１２３１００２Ｘ")}, codes=("privacy.id_number@7",)),
    Case("fifteen-digit-amount", "bug: 999999999999999.99 was reported as an ID number", exit=0,
         files={NOTICE: notice(body="预算上限 999999999999999.99 元，编号 999999999999999。")}),

    # ---- spoofed text: bidi and control characters in any field (rules/text.py)
    *[Case(f"control-{name}", f"bug: {name} reached the page, the PDF or the terminal",
           # Written as a YAML escape (\\uXXXX): typed raw, C0/C1 controls are a yaml.syntax error already.
           files={NOTICE: notice().replace('title: "语料测试公示"', f"title: {json.dumps('编号 ' + char + '0001')}")},
           codes=("text.control_character@1",), absent=(char,))
      for name, char in [("right-to-left-override", "\u202e"), ("left-to-right-isolate", "\u2066"),
                         ("escape", "\x1b"), ("nul", "\x00"), ("c1-csi", "\x9b"), ("right-to-left-mark", "\u200f")]],

    # ---- ids and names that collide (site_layout.py, load/discover.py)
    Case("notice-named-index", "bug: notices/index.yml replaced the list of notices",
         files={f"{COMMUNITY}/notices/index.yml": notice()}, codes=("id.reserved@1",),
         target=f"{COMMUNITY}/notices/index.yml"),
    Case("vote-named-index", "bug: votes/index.yml replaced the list of votes",
         files={f"{COMMUNITY}/votes/index.yml": sample(VOTE)}, codes=("id.reserved@1",),
         target=f"{COMMUNITY}/votes/index.yml"),
    *[Case(f"community-named-{slug}", f"bug: a community folder named {slug} failed only at build",
           files={f"communities/{slug}/community.yml": sample(f"{COMMUNITY}/community.yml")},
           codes=("id.reserved@1",), target=f"communities/{slug}")
      for slug in ("assets", "search", "guide", "404", "admin")],
    Case("id-of-101-characters", "ids are at most 100 characters",
         files={f"{COMMUNITY}/notices/{'n' * 101}.yml": notice()}, codes=("id.invalid@1",),
         target=f"{COMMUNITY}/notices/{'n' * 101}.yml"),
    Case("id-of-251-characters", "bug: a 251-character notice id crashed the PDF step with ENAMETOOLONG",
         files={f"{COMMUNITY}/notices/{'n' * 251}.yml": notice(print_pdf=True)}, codes=("id.invalid@1",),
         target=f"{COMMUNITY}/notices/{'n' * 251}.yml"),
    Case("site-yml-and-site-yaml", "bug: site.yaml beside site.yml was silently ignored",
         files={"site.yaml": sample("site.yml").replace("title: ", "title: 另一个", 1)},
         codes=("site.duplicate_file@1",), target="site.yaml"),
    Case("hidden-env-file", "a .env in data/ is neither read nor published", exit=0,
         files={".env": f"TOKEN={SECRET}\n"}, codes=("file.hidden@1",), target=".env"),
    Case("hidden-draft-with-personal-data", "a hidden draft is not read (its numbers are not checked either)",
         exit=0, build=True, files={f"{COMMUNITY}/notices/.draft.yml": notice(title=SECRET, body="电话 13812345678")},
         codes=("file.hidden@1",), target=f"{COMMUNITY}/notices/.draft.yml", page="index.html"),

    # ---- settings that break the build (model/fields.py, model/records.py)
    *[Case(f"base-url-{name}", f"bug: base_url {name} crashed the QR step or misdirected every QR code",
           files=edited("site.yml", "https://example.org/shili/", url), codes=("site.base_url_invalid@5",),
           target="site.yml")
      for name, url in [("3000-characters", "https://example.org/" + "x" * 3000 + "/"),
                        ("query", "https://xiaoqu.test/shili/?from=qr"), ("fragment", "'https://xiaoqu.test/shili/#top'"),
                        ("userinfo", "https://xiaoqu.test@evil.test/"), ("non-ascii-host", "https://示例家园.cn/"),
                        ("port-99999", "https://xiaoqu.test:99999/")]],
    Case("base-url-placeholder", "the sample's example.org address is warned about", exit=0,
         codes=("site.base_url_example@5",), target="site.yml"),
    *[Case(f"site-rules-{name}", f"site.yml rules: {name}", files=edited("site.yml", old, new),
           codes=(f"site.rules_invalid@{line}",), target="site.yml")
      for name, (old, new, line) in SITE_RULE.items()],
    Case("evaluation-without-categories", "bug: published as 0.00% 不合格",
         files={EVALUATION: sample(EVALUATION).split("categories:")[0] + "categories: []\ndeclared_grade: 不合格\n"},
         codes=("schema.type@7",), target=EVALUATION),
    Case("evaluation-maximum-of-0", "bug: a maximum of 0 was published as 0.00% 不合格",
         files=edited(EVALUATION, "{name: 综合管理, max: 20, score: 17}", "{name: 综合管理, max: 0, score: 0}"),
         codes=("schema.type@8",), target=EVALUATION),
    Case("evaluation-periods-overlap", "two evaluations of the same half-year",
         files={f"{COMMUNITY}/evaluations/2025-H2.yml": sample(EVALUATION)}, codes=("period.overlap@4",),
         target=f"{COMMUNITY}/evaluations/2025-H2.yml"),
    *[Case(f"as-of-{day}", "bug: --as-of outside 2000-2099 gave a Python format error",
           command=("check", "--data", "data", "--as-of", day), exit=2,
           message=f"--as-of 应在 2000-01-01 至 2099-12-31 之间，实际是 {day}")
      for day in ("1999-12-31", "2100-01-01", "0001-01-01")],

    # ---- loading from elsewhere: images at //host and /\host are links (render/notice_body.py)
    Case("remote-images-in-body", "bug: //host, /\\host and reference-style images made browsers fetch elsewhere",
         exit=0, build=True,
         files={f"{COMMUNITY}/notices/corpus-remote.yml": notice(
             body="![跨站图片](//evil.example/x.png)\n\n![反斜杠图片](/\\evil.example/y.png)\n\n"
                  "![引用图片][r]\n\n[r]: //evil.example/z.png\n\n![本站图片](../../assets/images/favicon.svg)")},
         literals=("图片：跨站图片", "图片：反斜杠图片", "图片：引用图片"), page="notices/corpus-remote/index.html"),

    # ---- printing (render/print_measure.py, pdf/fonts.py, build/pdfs.py)
    Case("long-run-and-wide-table-print-whole", "bug: a 400-character run was cut after 66, a wide table lost columns",
         exit=0, build=True,
         files={f"{COMMUNITY}/notices/corpus-wide.yml": notice(body=f"长串：{RUN}\n\n{WIDE_TABLE}", print_pdf=True)},
         literals=(RUN, "列1", "列14"), page="notices/corpus-wide/index.html", pdf=True),
    *[Case(f"unprintable-{name}", f"bug: {name} printed as empty boxes",
           files={UNPRINTABLE: notice(title=f"公示 {char}", print_pdf=True)},
           command=("build", "--data", "data", "--out", "site", "--as-of", "2026-11-25"), exit=1,
           message=f"0-unprintable.yml:1:8: 字段 title 中的“{char}”（U+{ord(char):04X}）没有已安装的字体能打印")
      for name, char in [("tibetan", "ཀ"), ("mongolian", "ᠮ"), ("yi", "ꆈ"), ("emoji", "📢"), ("private-use", "\ue000")]],
    Case("printed-table-of-150000-rows", "bug: a 150,000-row printed table exhausted memory after 86 s",
         files={UNPRINTABLE: notice(body="| 序号 | 内容 |\n|---|---|\n" + "".join(f"| {i} | 第{i}行 |\n" for i in range(150_000)),
                                    print_pdf=True)},
         command=("build", "--data", "data", "--out", "site", "--as-of", "2026-11-25"), exit=1,
         message="的打印版估计至少 3,154 页（表格共 150,001 行），超过公示栏打印版的上限 50 页"),

    # ---- crashes
    Case("github-format-with-an-undecodable-file-name", "bug: check --format github raised UnicodeEncodeError",
         setup=_undecodable_file_name, command=("check", "--data", "data", "--as-of", "2026-11-25", "--format", "github"),
         exit=1, message="文件名“\\xff-<U+001B>[2J”不是有效的编号", absent=("\x1b",)),
    Case("verify-finds-a-named-pipe", "bug: verify reported only regular files; a FIFO verified clean",
         setup=_site_with_a_pipe, command=("verify", "site"), exit=1,
         message="不是普通文件（命名管道、设备或套接字）：notices/pipe.html"),

    # ---- preview: only this machine's names (preview.py)
    *[Case(f"preview-host-{name}", "bug: serve answered any Host header (DNS rebinding read the preview)",
           runner=_preview_asked_by(host), exit=0, message="HTTP 403：<!doctype html><meta charset=utf-8><title>gongshi serve</title><p>gongshi serve 只接受以 localhost、127.0.0.1 或 [::1] 访问的请求。")
      for name, host in [("foreign", "evil.example"), ("foreign-with-port", "evil.example:PORT"),
                         ("lookalike", "127.0.0.1.evil.example:PORT")]],

    # ---- CSV injection: every form of a formula start (render/downloads.py)
    Case("formula-starts-in-csv", "bug: ＝＋－＠ and = + - @ after spaces or zero-width characters stayed formulas",
         exit=0, build=True, files={f"{COMMUNITY}/inspections/corpus-csv.yml": _csv_inspection()},
         literals=("＝HYPERLINK(1)",), page="inspections/index.html"),
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
ALL_CASES = CASES + ISSUE_12 + FILE_CASES
LEGITIMATE_BUILD = [c for c in ALL_CASES if c.build]
