"""The `gongshi` command line: parse, dispatch, map outcomes to exit codes.

Exit codes (cli.md, exits.py): 0 success, 1 the data has errors, 2 wrong usage,
3 the environment lacks something. A run that cannot go on raises exits.Stop wherever
that is found; this is the one place that prints it and turns it into the exit status.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .builddate import BadDate, resolve_build_date
from .control_chars import escape
from .exits import ExitCode, Stop


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own wording, with a Chinese lead and exit 2
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: 用法错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gongshi", description="小区信息公开门户生成器：检查数据、生成网站和公示栏打印版。")
    parser.add_argument("--version", action="version", version=f"gongshi {__version__}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    def data_option(p):
        p.add_argument("--data", type=Path, default=Path("data"), metavar="DIR", help="数据目录（默认 ./data）")

    def as_of_option(p):
        p.add_argument("--as-of", metavar="DATE", help="构建日期 YYYY-MM-DD（默认取 SOURCE_DATE_EPOCH，否则为北京时间今天）")

    p = sub.add_parser("check", help="检查所有数据文件，列出每一个问题")
    data_option(p)
    as_of_option(p)
    p.add_argument("--format", choices=("text", "json", "github"), default="text", help="输出格式（默认 text）")
    p.add_argument("--base", metavar="REV", help="同时检查相对于 git 版本 REV 已公示的记录是否被悄悄修改；默认在非默认分支上与默认分支的分叉点比较，none 表示不比较")

    p = sub.add_parser("build", help="检查数据，生成网站和公示栏打印版 PDF")
    data_option(p)
    p.add_argument("--out", type=Path, default=Path("site"), metavar="DIR", help="输出目录（默认 ./site）")
    as_of_option(p)
    p.add_argument("--no-pdf", action="store_true", help="不生成打印版 PDF")
    p.add_argument("--community", metavar="SLUG", help="只构建这个小区")
    p.add_argument("--admin", action="store_true", help="同时生成网页表单 admin/（Decap CMS，按 site.yml 的 admin 设置提交修改）")

    p = sub.add_parser("serve", help="在 127.0.0.1 上实时预览，数据改动后自动重建")
    data_option(p)
    p.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")

    p = sub.add_parser("new", help="新建一个带中文注释的数据文件模板")
    p.add_argument("kind", metavar="KIND", help="notice、correction、vote、inspection、evaluation、document、meeting、"
                   "expense、income、entry、revenue-entry、member 或 firm（全区物业服务企业名录，不属于某个小区）")
    p.add_argument("--community", metavar="SLUG", help="小区（只有一个小区时可省略）")
    data_option(p)
    as_of_option(p)
    p.add_argument("--base", metavar="REV",
                   help="correction：按与 git 版本 REV 的差异填写被更正的记录和原值、新值（默认 HEAD，即还没提交的改动）")

    p = sub.add_parser("import", help="从 Excel 工作簿（.xlsx）或 CSV 文件导入台账明细")
    p.add_argument("file", type=Path, metavar="FILE", help="要导入的 .xlsx 或 .csv 文件")
    p.add_argument("--community", metavar="SLUG", help="小区（只有一个小区时可省略）")
    p.add_argument("--account", required=True, choices=("maintenance-fund", "public-revenue"),
                   help="导入到专项维修资金（maintenance-fund）或公共收益（public-revenue）")
    p.add_argument("--period", metavar="P", help="全部放入这一期（如 2026-H2）；默认按每行的日期放入所在的期间")
    p.add_argument("--map", type=Path, metavar="MAP.yml", help="列名对照表（YAML，每行“表头: 字段”），用于内置列名以外的表头")
    p.add_argument("--sheet", metavar="NAME", help="要导入的工作表（工作簿只有一张有内容的工作表时可省略）")
    data_option(p)

    p = sub.add_parser("diff", help="比较两个 git 版本之间公示内容的变化（中文 Markdown）")
    p.add_argument("base", metavar="BASE")
    p.add_argument("head", metavar="HEAD", nargs="?")
    data_option(p)
    as_of_option(p)

    p = sub.add_parser("fmt", help="把数据文件整理成规范格式（字段顺序、两位小数、注释保留），网页表单改过的文件也能复原")
    data_option(p)
    p.add_argument("--check", action="store_true", help="只列出需要整理的文件，不改动；有则退出码为 1（用于 CI）")
    p.add_argument("files", type=Path, nargs="*", metavar="FILE", help="只整理这些文件（默认：数据目录中的全部数据文件）")

    p = sub.add_parser("schema", help="写出每类数据文件的 JSON Schema")
    p.add_argument("--out", type=Path, default=Path("schemas"), metavar="DIR", help="输出目录（默认 ./schemas）")

    p = sub.add_parser("verify", help="按 manifest.json 重新核对已构建或下载的网站")
    p.add_argument("site", type=Path, metavar="SITE")

    p = sub.add_parser("init", help="新建一个小区公示网站的仓库：示例数据、说明、自动检查和发布的工作流")
    p.add_argument("dir", type=Path, metavar="DIR", help="新仓库的文件夹（不存在时新建；须为空）")
    p.add_argument("--district", action="store_true", help="街道（多个小区）的仓库：写两个小区")
    as_of_option(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return ExitCode.USAGE
    try:
        as_of = resolve_build_date(getattr(args, "as_of", None)) if hasattr(args, "as_of") else None
    except BadDate as exc:  # an option's value: said as argparse says it
        print(escape(f"gongshi: 用法错误：{exc}"), file=sys.stderr)
        return ExitCode.USAGE
    try:
        return _dispatch(args, as_of)
    except Stop as stop:
        print(escape(f"gongshi {_naming(args)}：{stop.message}"), file=sys.stderr)
        return stop.exit_code


def _naming(args) -> str:
    """The command as a message names it; `check --base` stops only for the other revision."""
    return "check --base" if args.command == "check" and args.base else args.command


def _dispatch(args, as_of) -> ExitCode:
    command = args.command
    if command == "check":
        from .commands import check
        return check.run(args.data, as_of, args.format, args.base)
    if command == "schema":
        from .commands import schema
        return schema.run(args.out)
    if command == "build":
        from .commands import build
        return build.run(args.data, args.out, as_of, pdf=not args.no_pdf, community=args.community, admin=args.admin)
    if command == "serve":
        from .commands import serve
        return serve.run(args.data, args.port)
    if command == "new":
        from .commands import new
        return new.run(args.kind, args.community, args.data, as_of, args.base)
    if command == "import":
        from .commands import import_
        return import_.run(args.file, args.community, args.account, args.data, args.period, args.map, args.sheet)
    if command == "diff":
        from .commands import diff
        return diff.run(args.base, args.head, args.data, as_of)
    if command == "fmt":
        from .commands import fmt
        return fmt.run(args.data, args.files, check_only=args.check)
    if command == "init":
        from .commands import init
        return init.run(args.dir, as_of, args.district)
    from .commands import verify
    return verify.run(args.site)


if __name__ == "__main__":
    sys.exit(main())
