"""Where gongshi's default site files are: mkdocs.yml, overrides/ and content/.

The one module that knows. Installed from a wheel, they are package data under
generator/defaults/ (pyproject.toml maps the repository's top-level files there). Run
from a source checkout (an editable install, or PYTHONPATH), they are the repository's
own top-level files, the ones the bundled sample portal is built with.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from . import __version__
from .exits import Stop

PACKAGE_DIR = Path(__file__).resolve().parent
INSTALLED_DEFAULTS = PACKAGE_DIR / "defaults"
SITE_FILES = ("mkdocs.yml", "overrides", "content")


def _complete(root: Path) -> bool:
    return (root / "mkdocs.yml").is_file() and (root / "overrides").is_dir() and (root / "content").is_dir()


@cache
def defaults_root() -> Path:
    """The folder holding the default mkdocs.yml, overrides/ and content/.

    A wheel that lacks them is a broken installation, not bad data: exit 3, with the fix.
    """
    checkout = PACKAGE_DIR.parent
    for root in (INSTALLED_DEFAULTS, checkout):
        if _complete(root) and (root is INSTALLED_DEFAULTS or (checkout / "pyproject.toml").is_file()):
            return root
    raise Stop.environment(
        f"gongshi 的安装不完整：找不到默认的网站文件 mkdocs.yml、overrides/ 和 content/（应在 {INSTALLED_DEFAULTS}）。"
        f"请重新安装：pip install --force-reinstall \"gongshi=={__version__}\"（或您安装时用的 wheel 文件、git 地址）。")


def default_path(name: str) -> Path:
    """One of SITE_FILES, as gongshi ships it."""
    if name not in SITE_FILES:
        raise ValueError(name)
    return defaults_root() / name
