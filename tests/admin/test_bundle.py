"""The Decap CMS bundle: the pinned npm package, verified before use, kept in the cache."""

from __future__ import annotations

import hashlib
import io
import tarfile

import pytest

from generator.admin import bundle
from generator.exits import ExitCode, Stop


def _tarball(script: bytes) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        info = tarfile.TarInfo(bundle.BUNDLE_MEMBER)
        info.size = len(script)
        archive.addfile(info, io.BytesIO(script))
    return out.getvalue()


def test_integrity_is_npm_s_sri_form():
    # `printf abc | openssl dgst -sha512 -binary | base64`
    assert bundle.integrity_of(b"abc") == (
        "sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==")


def test_a_tarball_that_is_not_the_published_one_is_refused():
    with pytest.raises(Stop) as stopped:
        bundle.bundle_from_tarball(_tarball(b"alert('not decap')"))
    assert stopped.value.exit_code == ExitCode.ENVIRONMENT
    assert "与 npm 登记的校验值不符" in stopped.value.message
    assert stopped.value.message.endswith("请执行 npm cache verify 后重试：npm pack decap-cms@3.16.3")


def test_without_npm_the_fix_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(bundle.shutil, "which", lambda name: None)
    with pytest.raises(Stop) as stopped:
        bundle.decap_bundle(tmp_path)
    assert stopped.value.exit_code == ExitCode.ENVIRONMENT
    assert stopped.value.message == ("找不到 npm：网页表单要用 npm 取得 Decap CMS。请运行 bash scripts/setup.sh"
                                     "（或 apt-get install nodejs npm）后重试。")


def test_a_failing_npm_pack_names_the_command(monkeypatch, tmp_path):
    fake = tmp_path / "npm"
    fake.write_text("#!/bin/sh\necho 'npm error code ENOTFOUND' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(bundle.shutil, "which", lambda name: str(fake))
    with pytest.raises(Stop) as stopped:
        bundle.decap_bundle(tmp_path / "cache")
    assert stopped.value.exit_code == ExitCode.ENVIRONMENT
    assert stopped.value.message == ("无法取得 decap-cms@3.16.3：npm error code ENOTFOUND。"
                                     "请检查网络或 npm 设置后重试：npm pack decap-cms@3.16.3")


def test_a_cached_bundle_is_used_only_while_it_is_the_pinned_file(monkeypatch, tmp_path):
    packs = []
    monkeypatch.setattr(bundle, "_pack", lambda: packs.append(1) or _tarball(b"x"))
    cached = tmp_path / "decap-cms" / bundle.DECAP_VERSION / bundle.BUNDLE_NAME
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"changed on disk")
    with pytest.raises(Stop):  # not the pinned file: fetched again, and that tarball is refused
        bundle.decap_bundle(tmp_path)
    assert packs == [1]
    assert cached.read_bytes() == b"changed on disk"


def test_the_real_package_passes_and_lands_in_the_cache(tmp_path):
    """npm pack (from npm's cache when it has the tarball) → verified → cached."""
    path = bundle.decap_bundle(tmp_path)
    assert path == tmp_path / "decap-cms/3.16.3/decap-cms.js"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == bundle.DECAP_JS_SHA256
    assert bundle.decap_bundle(tmp_path) == path  # second time: from the cache, no npm
