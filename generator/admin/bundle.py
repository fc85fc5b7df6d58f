"""The Decap CMS bundle: the npm package at a pinned version, verified before use.

`npm pack` fetches the package's tarball (or takes it from npm's cache); its SHA-512
must equal the registry's published `dist.integrity`, pinned here, before anything is
read from it. Only `package/dist/decap-cms.js` is kept, in gongshi's cache beside the
data (.cache/gongshi/decap-cms/VERSION/), and it is checked against its own pinned
SHA-256 every time it is used, so a cache changed on disk is never published.
No page loads it from a CDN: it is served from the site's own admin/ folder.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..exits import Stop

DECAP_VERSION = "3.16.3"
# `npm view decap-cms@3.16.3 dist.integrity`: the SHA-512 of the published tarball.
DECAP_INTEGRITY = "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=="
# SHA-256 of package/dist/decap-cms.js inside that tarball (the file published as admin/decap-cms.js).
DECAP_JS_SHA256 = "7c1efd6b616b4786e279aeef194dd21649a72058d3bc8d1f78901b574610dfb8"
BUNDLE_MEMBER = "package/dist/decap-cms.js"
BUNDLE_NAME = "decap-cms.js"
PACK_COMMAND = f"npm pack decap-cms@{DECAP_VERSION}"


def integrity_of(data: bytes) -> str:
    """Subresource-integrity form of the SHA-512, as npm's lock files and registry write it."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decap_bundle(cache: Path) -> Path:
    """The verified decap-cms.js in `cache` (gongshi's cache folder), fetched when missing."""
    target = cache / "decap-cms" / DECAP_VERSION / BUNDLE_NAME
    if target.is_file() and not target.is_symlink() and _sha256(target.read_bytes()) == DECAP_JS_SHA256:
        return target
    script = bundle_from_tarball(_pack())
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{BUNDLE_NAME}.{os.getpid()}")
    temporary.write_bytes(script)
    os.replace(temporary, target)
    return target


def bundle_from_tarball(tarball: bytes) -> bytes:
    """decap-cms.js out of the package tarball, once the tarball is the one published."""
    found = integrity_of(tarball)
    if found != DECAP_INTEGRITY:
        raise Stop.environment(
            f"npm 给出的 decap-cms@{DECAP_VERSION} 与 npm 登记的校验值不符（应为 {DECAP_INTEGRITY[:23]}…，"
            f"实际 {found[:23]}…），拒绝使用。请执行 npm cache verify 后重试：{PACK_COMMAND}")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        member = archive.getmember(BUNDLE_MEMBER)
        script = archive.extractfile(member).read()
    if _sha256(script) != DECAP_JS_SHA256:  # the tarball is verified: this only guards the pinned constants
        raise Stop.environment(f"decap-cms@{DECAP_VERSION} 中的 {BUNDLE_MEMBER} 与 gongshi 记录的不符，拒绝使用。")
    return script


def _pack() -> bytes:
    npm = shutil.which("npm")
    if npm is None:
        raise Stop.environment("找不到 npm：网页表单要用 npm 取得 Decap CMS。请运行 bash scripts/setup.sh"
                               "（或 apt-get install nodejs npm）后重试。")
    with tempfile.TemporaryDirectory(prefix="gongshi-decap-") as tmp:
        try:
            done = subprocess.run([npm, "pack", f"decap-cms@{DECAP_VERSION}", "--json", "--prefer-offline",
                                   "--pack-destination", tmp], cwd=tmp, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.SubprocessError) as exc:
            raise Stop.environment(f"无法运行 {PACK_COMMAND}：{exc}") from None
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["（没有输出）"])[-1]
            raise Stop.environment(f"无法取得 decap-cms@{DECAP_VERSION}：{last}。请检查网络或 npm 设置后重试：{PACK_COMMAND}")
        try:
            name = json.loads(done.stdout)[0]["filename"]
        except (ValueError, LookupError, TypeError):
            raise Stop.environment(f"{PACK_COMMAND} 的输出无法读取：{done.stdout[:200]}") from None
        return (Path(tmp) / Path(name).name).read_bytes()
