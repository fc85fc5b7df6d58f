"""The compiled-template cache speeds builds up and can never break one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic

from generator.render import environment as env_module

@pytest.fixture
def temp_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def cache_folder(temp_dir):
    return temp_dir / f"_jinja2-cache-{os.getuid()}"


def test_templates_are_compiled_once_and_reused(temp_dir):
    first = env_module.environment.__wrapped__()
    first.get_template("_macros.md.j2")
    entries = sorted(cache_folder(temp_dir).iterdir())
    assert entries and oct(cache_folder(temp_dir).stat().st_mode & 0o777) == "0o700"
    before = {e: e.stat().st_mtime_ns for e in entries}
    env_module.environment.__wrapped__().get_template("_macros.md.j2")
    assert {e: e.stat().st_mtime_ns for e in sorted(cache_folder(temp_dir).iterdir())} == before


def test_a_planted_cache_folder_is_not_used(temp_dir):
    # Another user's link in a shared temporary folder: Jinja refuses it, gongshi compiles.
    elsewhere = temp_dir / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    cache_folder(temp_dir).symlink_to(elsewhere)
    assert env_module.bytecode_cache() is None
    env = env_module.environment.__wrapped__()
    assert env.bytecode_cache is None
    assert env.get_template("_macros.md.j2") is not None
    assert list(elsewhere.iterdir()) == []


def test_a_damaged_entry_is_compiled_again(temp_dir):
    env_module.environment.__wrapped__().get_template("_macros.md.j2")
    for entry in cache_folder(temp_dir).iterdir():
        entry.write_bytes(bc_magic + b"\x80not a pickle at all")
    template = env_module.environment.__wrapped__().get_template("_macros.md.j2")
    assert template.module is not None   # compiled from source again and usable
    # ... and the entry was written anew.
    assert all(b"not a pickle" not in entry.read_bytes() for entry in cache_folder(temp_dir).iterdir())


def test_a_full_temporary_folder_does_not_stop_rendering(temp_dir, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", disk_full)
    template = env_module.environment.__wrapped__().get_template("_macros.md.j2")
    assert template.module is not None
    assert not cache_folder(temp_dir).exists() or list(cache_folder(temp_dir).glob("*.cache")) == []


def test_code_compiled_for_other_environment_options_is_not_reused(temp_dir, monkeypatch):
    # Jinja keys entries by template source only; a change to the environment's options
    # (environment.py) or a Jinja upgrade must miss the cache, not run old compiled code.
    env_module.environment.__wrapped__().get_template("_macros.md.j2")
    before = sorted(p.name for p in cache_folder(temp_dir).iterdir())
    assert before and all(env_module.code_fingerprint() in name for name in before)
    monkeypatch.setattr(env_module, "code_fingerprint", lambda: "0123456789abcdef")
    env_module.environment.__wrapped__().get_template("_macros.md.j2")
    after = sorted(p.name for p in cache_folder(temp_dir).iterdir())
    assert len(after) == 2 * len(before)      # compiled again, under the new fingerprint


def test_the_fingerprint_follows_the_module_source():
    source = Path(env_module.__file__).read_bytes()
    assert env_module.code_fingerprint(source) == env_module.code_fingerprint()
    assert env_module.code_fingerprint(source.replace(b"trim_blocks=True", b"trim_blocks=False")) != \
        env_module.code_fingerprint()
