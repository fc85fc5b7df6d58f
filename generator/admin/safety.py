"""What the web forms may put into a site: exactly admin/index.html as shipped, the
pinned bundle and config.yml, and no owners' page that loads any of them.

The owners' pages are checked by site/safety.py with these three files skipped;
this checks the three files themselves.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import ADMIN_FILES, ADMIN_FOLDER, PAGE
from .bundle import BUNDLE_NAME, DECAP_JS_SHA256


def scan_admin(site_dir: Path) -> list[str]:
    """One message per offence; empty when admin/ holds what gongshi writes and nothing else."""
    folder = site_dir / ADMIN_FOLDER
    offences = []
    present = {p.relative_to(site_dir).as_posix() for p in folder.rglob("*")} if folder.is_dir() else set()
    offences += [f"{rel}: 不是 gongshi 写的文件" for rel in sorted(present - set(ADMIN_FILES))]
    offences += [f"{rel}: 缺失" for rel in sorted(set(ADMIN_FILES) - present)]
    page = folder / "index.html"
    if page.is_file() and page.read_bytes() != PAGE.read_bytes():
        offences.append(f"{ADMIN_FOLDER}/index.html: 与 gongshi 自带的页面不同")
    bundle = folder / BUNDLE_NAME
    if bundle.is_file() and hashlib.sha256(bundle.read_bytes()).hexdigest() != DECAP_JS_SHA256:
        offences.append(f"{ADMIN_FOLDER}/{BUNDLE_NAME}: 与固定版本的校验值不符")
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel not in ADMIN_FILES and BUNDLE_NAME in html.read_text(encoding="utf-8", errors="replace"):
            offences.append(f"{rel}: 业主浏览的页面提到了 {BUNDLE_NAME}")
    return offences
