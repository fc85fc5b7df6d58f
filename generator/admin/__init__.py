"""The web forms: admin/ in the built site, where committee members edit the data
through Decap CMS and every save becomes a pull request (editorial workflow).

admin/ holds three files and nothing else: index.html (static), decap-cms.js (the
pinned, verified bundle: bundle.py) and config.yml (generated from the data models:
config.py). Owners' pages never load any of them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ..exits import Stop
from ..build.manifest import repository_root
from ..model.portal import Portal
from .bundle import BUNDLE_NAME, decap_bundle
from .config import admin_config

ADMIN_FOLDER = "admin"
PAGE = Path(__file__).with_name("index.html")
CONFIG_NAME = "config.yml"
ADMIN_FILES = tuple(f"{ADMIN_FOLDER}/{name}" for name in ("index.html", BUNDLE_NAME, CONFIG_NAME))
CONFIG_HEADER = "# 网页表单的设置：由 gongshi build --admin 从数据模型和 site.yml 生成，请勿手改。\n"


def config_text(portal: Portal) -> str:
    config = admin_config(portal, repository_root(portal.data_dir.resolve()))
    return CONFIG_HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1 << 16)


def write_admin(portal: Portal, site_dir: Path, cache: Path) -> None:
    """Write admin/ into a finished build folder (before it replaces the published site)."""
    folder = site_dir / ADMIN_FOLDER
    if folder.exists():
        raise Stop.data("网站中已经有 admin/（来自 content/ 的页面或名为 admin 的小区）：它是网页表单的位置，请改名。"
                        "（原有网站保持不变）")
    config = config_text(portal)
    bundle = decap_bundle(cache)
    folder.mkdir()
    shutil.copyfile(PAGE, folder / "index.html")
    shutil.copyfile(bundle, folder / BUNDLE_NAME)
    (folder / CONFIG_NAME).write_text(config, encoding="utf-8")
