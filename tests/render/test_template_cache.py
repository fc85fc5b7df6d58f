"""The compiled-template cache speeds builds up and can never break one."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

import jinja2
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


# ------------------------------------------------------------ reuse only by the same code
# Jinja keys an entry by the template's name and source only; compiled code also depends on
# the environment's options (environment.py) and on Jinja itself. Whether a template was
# compiled or taken from the cache is seen by counting Environment.compile calls.

MACROS = "_macros.md.j2"
ROWS = [{"published": "2026-11-20", "title": "关于更正的公告", "href": "notices/2026-fix/", "changes": "原为甲，现为乙。"}]


@pytest.fixture
def compiled(monkeypatch):
    """The names of the templates compiled from source (not taken from the cache) so far."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, *args, **kwargs):
        names.append(name)
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def macros_output(env) -> str:
    """What the macros print: corrections() depends on trim_blocks and lstrip_blocks."""
    module = env.get_template(MACROS).module
    return str(module.corrections("本表决有更正", ROWS)) + str(module.state("open", "公示中"))


def environment_variant(tmp_path, old: str, new: str):
    """environment.py with one change, imported as a module of its own: what a later
    gongshi with an edited environment.py is, sharing the same per-user cache folder."""
    source = Path(env_module.__file__).read_text(encoding="utf-8")
    assert source.count(old) == 1, f"environment.py no longer has {old!r}"
    path = tmp_path / "environment_variant.py"
    path.write_text(source.replace(old, new), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("generator.render._environment_variant", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_same_code_and_jinja_reuse_the_compiled_template(temp_dir, compiled):
    first = macros_output(env_module.environment.__wrapped__())
    assert compiled.count(MACROS) == 1
    again = macros_output(env_module.environment.__wrapped__())   # a new environment, as in the next build
    assert compiled.count(MACROS) == 1, "compiled again although the cache held it"
    assert again == first


def _jinja_upgraded(monkeypatch, tmp_path):
    monkeypatch.setattr(jinja2, "__version__", "99.0.0")
    return env_module.environment.__wrapped__()


def _environment_py_edited(monkeypatch, tmp_path):
    return environment_variant(tmp_path, '"""The Jinja environment', '"""Edited. The Jinja environment').environment.__wrapped__()


@pytest.mark.parametrize("other_code", [_jinja_upgraded, _environment_py_edited], ids=lambda f: f.__name__.strip("_"))
def test_other_code_compiles_again_with_the_same_output(temp_dir, tmp_path, compiled, monkeypatch, other_code):
    first = macros_output(env_module.environment.__wrapped__())
    again = macros_output(other_code(monkeypatch, tmp_path))
    assert compiled.count(MACROS) == 2, "compiled code of other code was reused"
    assert again == first


def test_changed_options_run_their_own_compiled_code_not_the_cached_one(temp_dir, tmp_path, compiled):
    cached = macros_output(env_module.environment.__wrapped__())
    variant = environment_variant(tmp_path, "trim_blocks=True,", "trim_blocks=False,")
    changed = macros_output(variant.environment.__wrapped__())
    assert compiled.count(MACROS) == 2
    uncached = variant.environment.__wrapped__()
    uncached.bytecode_cache = None
    assert changed == macros_output(uncached) != cached
    # ... and the original code still finds its own entry.
    assert macros_output(env_module.environment.__wrapped__()) == cached
    assert compiled.count(MACROS) == 3   # only the uncached one above compiled besides the two
