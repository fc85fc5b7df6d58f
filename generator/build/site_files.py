"""The site files of one build, laid out in a temporary folder: gongshi's default
overrides/ and content/ with the portal's own copied over them (a portal's file wins, path
by path), and the default mkdocs.yml with the few keys a portal's own mkdocs.yml may set.

What a portal's mkdocs.yml may set (docs/decisions.md): the footer text, its own
stylesheets, and the theme's colours, logo and favicon. Everything else is gongshi's:
site_name, site_url and nav come from data/site.yml and the data; plugins, Markdown
extensions and scripts could load from other hosts or break the Chinese search, which
every portal must keep. A key outside the list stops the build (exit 1) and says so,
rather than being ignored without a word.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..exits import Stop
from .project import Project

# key → what it does, as the refusal lists them
PORTAL_KEYS = {"copyright": "页脚文字", "extra_css": "追加的样式表（放在 overrides/ 里）"}
PORTAL_THEME_KEYS = {"palette": "配色", "logo": "标志图片", "favicon": "网站图标"}
GONGSHI_KEYS = {"site_name": "data/site.yml 的 title", "site_url": "data/site.yml 的 base_url",
                "nav": "数据和 content/ 的页面", "docs_dir": "gongshi", "site_dir": "gongshi build --out"}


@dataclass(frozen=True)
class SiteFiles:
    """What MkDocs is given: the effective mkdocs.yml (its custom_dir the merged overrides/)
    and the merged content/ folder."""

    mkdocs_yml: Path
    content_dir: Path


@contextmanager
def site_files(project: Project) -> Iterator[SiteFiles]:
    with tempfile.TemporaryDirectory(prefix="gongshi-site-files-") as tmp:
        root = Path(tmp)
        for name in ("overrides", "content"):
            (root / name).mkdir()
            for layer in project.layers(name):
                _copy_over(layer, root / name, name)
        config = effective_config(project)
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        yield SiteFiles(root / "mkdocs.yml", root / "content")


def _copy_over(layer: Path, target: Path, name: str) -> None:
    """Every regular file of `layer` into `target` at the same relative path, replacing a
    file that is there. Symbolic links are skipped (build/project.py refuses them first)."""
    if not layer.is_dir():
        return
    for path in sorted(layer.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(layer)
        dest = target / rel
        if dest.is_dir() or any(parent.is_file() for parent in list(dest.parents)[: len(rel.parts) - 1]):
            raise Stop.data(f"{name}/{rel.as_posix()} 与 gongshi 自带的同名文件夹或文件冲突，请改名（原有网站保持不变）。")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)


def _read_mapping(path: Path) -> dict:
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise Stop.data(f"无法读取站点配置 {path}：{error}") from error
    if not isinstance(config, dict):
        raise Stop.data(f"站点配置 {path} 应为键值映射。")
    return config


def effective_config(project: Project) -> dict:
    """The default mkdocs.yml with the portal's own settings over it; custom_dir is the
    merged overrides/ beside the written file."""
    config = _read_mapping(project.defaults / "mkdocs.yml")
    own = project.own("mkdocs.yml")
    if own is not None:
        _apply_portal_settings(config, _read_mapping(own), own)
    theme = config.setdefault("theme", {})
    theme["custom_dir"] = "overrides"
    return config


def _refuse(path: Path, key: str, why: str) -> Stop:
    allowed = "、".join([*(f"{k}（{v}）" for k, v in PORTAL_KEYS.items()),
                        *(f"theme.{k}（{v}）" for k, v in PORTAL_THEME_KEYS.items())])
    return Stop.data(f"{path.name} 中的 {key} 不能由小区仓库设置：{why}。小区仓库的 mkdocs.yml 只能设置 {allowed}；"
                     "其余设置由 gongshi 提供（原有网站保持不变）。")


def _is_local(url: object) -> bool:
    return isinstance(url, str) and bool(url) and "://" not in url and not url.startswith("//")


def _apply_portal_settings(config: dict, own: dict, path: Path) -> None:
    for key, value in own.items():
        if key == "copyright":
            if not isinstance(value, str):
                raise Stop.data(f"{path.name} 中的 copyright 应为一段文字。")
            config["copyright"] = value
        elif key == "extra_css":
            if not isinstance(value, list) or not all(_is_local(item) for item in value):
                raise Stop.data(f"{path.name} 中的 extra_css 应为本站样式表路径的列表（例如 assets/stylesheets/xiaoqu.css，"
                                "放在 overrides/ 里），不能是其他网站的地址。")
            config["extra_css"] = [*config.get("extra_css", []), *value]
        elif key == "theme":
            if not isinstance(value, dict):
                raise Stop.data(f"{path.name} 中的 theme 应为键值映射。")
            for theme_key, theme_value in value.items():
                if theme_key not in PORTAL_THEME_KEYS:
                    raise _refuse(path, f"theme.{theme_key}", "主题的其余设置由 gongshi 提供")
                if theme_key in ("logo", "favicon") and not _is_local(theme_value):
                    raise Stop.data(f"{path.name} 中的 theme.{theme_key} 应为本站图片的路径（放在 overrides/ 里）。")
                config.setdefault("theme", {})[theme_key] = theme_value
        elif key in GONGSHI_KEYS:
            raise _refuse(path, str(key), f"它由 {GONGSHI_KEYS[key]} 决定")
        else:
            raise _refuse(path, str(key), "插件、Markdown 扩展和脚本可能从其他网站加载内容，或使中文搜索失效")
