"""Run MkDocs programmatically into a fresh folder (the build layer stages it and swaps it
in for --out only when everything succeeded: build/staging.py).

MkDocs takes the sitemap's <lastmod> and the mtime in sitemap.xml.gz's gzip header from
SOURCE_DATE_EPOCH (as a UTC date), else from the wall clock: pass build_date, or set
SOURCE_DATE_EPOCH yourself, or two builds on different days differ.
"""

from __future__ import annotations

import html
import json
import logging
import os
import tempfile
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterator

import yaml
from markupsafe import Markup

from ..css_text import css_string
from ..exits import ExitCode, Stop
from ..formatting import cn_date

log = logging.getLogger(__name__)


class SiteBuildError(Stop):
    """The site could not be built (exit 1, unless the machine lacks something: then the
    message names the fix and the exit code says so)."""


def build_site(
    docs_dir: Path,
    site_dir: Path,
    *,
    site_name: str,
    nav: list | None,
    site_url: str | None,
    base_config: Path,
    build_date: date | None = None,
    strict: bool = True,
) -> None:
    """Build docs_dir into site_dir (a folder that does not exist yet) with the settings of
    base_config (the repository's mkdocs.yml).

    build_date: the date written into sitemap.xml(.gz); None keeps SOURCE_DATE_EPOCH as set.
    strict: MkDocs warnings (a nav entry or link to a missing page, ...) fail the build,
    because a disclosure portal with a dead link hides something from owners.
    """
    docs_dir = Path(docs_dir).resolve()
    site_dir = Path(site_dir).resolve()
    base_config = Path(base_config).resolve()
    _require_site_stack()
    with tempfile.TemporaryDirectory(prefix="gongshi-mkdocs-") as work:
        config_file = Path(work) / "mkdocs.yml"
        config = _effective_config(base_config, docs_dir, site_dir, site_name=site_name, nav=nav, site_url=site_url,
                                   build_date=build_date)
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        with _source_date(build_date):
            _run_mkdocs(config_file, strict=strict)
    _compact_search_index(site_dir)


def _require_site_stack() -> None:
    try:
        import material  # noqa: F401 - the theme every portal is built with
    except ImportError as error:
        raise SiteBuildError(f"缺少网站主题 Material for MkDocs（{error}）。请重新安装 gongshi，"
                             "或运行 pip install \"mkdocs-material>=9.5,<10\"。", ExitCode.ENVIRONMENT) from error
    # Material imports jieba inside a try/except and, without it, silently writes an
    # index where every Chinese sentence is one token: search then finds nothing.
    try:
        import jieba
        from material.plugins.search import plugin as search_plugin
    except ImportError as error:
        raise SiteBuildError(f"缺少中文分词库 jieba，站内搜索将无法检索中文。请运行 README 中的安装步骤（pip install jieba）。({error})",
                             ExitCode.ENVIRONMENT) from error
    if search_plugin.jieba is None:
        raise SiteBuildError("Material 的搜索插件未能加载 jieba，站内搜索将无法检索中文。请重新安装 jieba 后再构建。",
                             ExitCode.ENVIRONMENT)
    # jieba prints "Building prefix dict ..." to stderr on first use.
    jieba.setLogLevel(logging.WARNING)


def _effective_config(
    base_config: Path, docs_dir: Path, site_dir: Path, *, site_name: str, nav: list | None, site_url: str | None,
    build_date: date | None = None,
) -> dict:
    try:
        config = yaml.safe_load(base_config.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise SiteBuildError(f"无法读取站点配置 {base_config}：{error}") from error
    if not isinstance(config, dict):
        raise SiteBuildError(f"站点配置 {base_config} 应为键值映射。")

    # Material prints config.site_name unescaped (<title>, header, aria-label="…"): the title
    # comes from site.yml, so it goes in as HTML text, never as markup.
    config.update(site_name=html.escape(site_name), docs_dir=str(docs_dir), site_dir=str(site_dir))
    # The running header and footer of printed pages (overrides/main.html): the community and
    # the date the figures stand at, as CSS strings.
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    extra["print_site"] = css_string(site_name)
    extra["print_date"] = css_string(f"数据截至 {cn_date(build_date)}") if build_date else '""'
    config["extra"] = extra
    for key, value in (("nav", nav), ("site_url", site_url)):
        if value is None:
            config.pop(key, None)  # MkDocs then derives nav from the files / omits canonical URLs
        else:
            config[key] = value

    # The effective config lives in a temp folder: relative theme paths would resolve there.
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((base_config.parent / theme["custom_dir"]).resolve())
    # extra_css entries are site URLs (served from custom_dir or docs_dir), not file paths:
    # they stay as they are.
    return config


@contextmanager
def _source_date(build_date: date | None) -> Iterator[None]:
    # Midnight UTC: MkDocs formats the epoch as a UTC date, so midnight in Asia/Shanghai
    # (16:00 UTC the day before) would print the previous day.
    if build_date is None:
        yield
        return
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    midnight = datetime(build_date.year, build_date.month, build_date.day, tzinfo=timezone.utc)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


@contextmanager
def _quiet_mkdocs() -> Iterator[list[logging.LogRecord]]:
    """Hide MkDocs' info chatter; collect its warnings and errors (for the exception message,
    or re-logged once after a non-strict build that succeeded)."""
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("mkdocs")
    handler = Collect(logging.WARNING)
    saved_level, saved_propagate = logger.level, logger.propagate
    logger.setLevel(logging.WARNING)
    logger.propagate = False  # printed once, by us, not also by the application's handlers
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved_level)  # setLevel, not .level =, so the level cache is cleared
        logger.propagate = saved_propagate


def _run_mkdocs(config_file: Path, *, strict: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with _quiet_mkdocs() as records:
        try:
            config = load_config(str(config_file), strict=strict)
            # site_name is already HTML text (_effective_config): marked so, Material's few
            # "{{ config.site_name | e }}" (the logo's title="…") keep it instead of escaping twice.
            config["site_name"] = Markup(config["site_name"])
            # Same sequence as "mkdocs build": plugins expect startup/shutdown around build().
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except (Exception, SystemExit) as error:  # MkDocs' Abort (strict warnings) is a SystemExit
            details = "\n".join(f"  {record.getMessage()}" for record in records)
            message = f"站点构建失败：{error}"
            raise SiteBuildError(message + ("\n" + details if details else "")) from error
    for record in records:
        log.warning("MkDocs：%s", record.getMessage())


def _compact_search_index(site_dir: Path) -> None:
    """Rewrite Material's search index as UTF-8 JSON.

    Material writes every Chinese character and each of jieba's U+200B separators as a
    six-byte \\uXXXX escape; written as UTF-8 the index the first search fetches is about
    half the size (about 13 % smaller gzipped). Same content, same order.
    """
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
