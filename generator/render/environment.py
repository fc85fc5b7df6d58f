"""The Jinja environment for page templates: every value escaped unless marked trusted."""

from __future__ import annotations

import hashlib
import pickle
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import ChoiceLoader, Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markupsafe import Markup

from .escape import finalize

_SAFE_HREF = re.compile(r"[A-Za-z0-9._/#-]*")


def nowrap(value) -> Markup:
    """A date (or other short run) that must not break across lines on a narrow phone.
    Nothing for an empty value, so an empty table cell stays :empty (gongshi.css)."""
    text = finalize(value)
    return Markup('<span class="nowrap">') + text + Markup("</span>") if text else text


def href(value) -> Markup:
    """Link targets are made by our code from validated ids; refuse anything else."""
    text = str(value)
    if not _SAFE_HREF.fullmatch(text):
        raise ValueError(f"unsafe link target {text!r}")
    return Markup(text)


class _BestEffortBytecodeCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, but a build never fails because of it: an entry
    that cannot be read or written is compiled again."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # unreadable or damaged
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # temporary folder full or gone
            pass


def bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiling the templates is most of the rendering time of a one-off command. Jinja's
    per-user folder in the temporary directory (created 0700, its owner checked; entries
    keyed by each template source's checksum) spares it on every build after the first.
    None (compile every time) when that folder cannot be made safe."""
    try:
        return _BestEffortBytecodeCache(pattern=f"__gongshi_{code_fingerprint()}_%s.cache")
    except (OSError, RuntimeError):
        return None


def code_fingerprint(source: bytes | None = None) -> str:
    """What compiled templates depend on besides their own source, which Jinja's key covers:
    this module (the environment's options) and the Jinja version. In the cache file names,
    so a changed option or an upgraded Jinja never meets code compiled for the old ones."""
    source = Path(__file__).read_bytes() if source is None else source
    return hashlib.sha256(source + b"\0" + jinja2.__version__.encode()).hexdigest()[:16]


PAGE_TEMPLATES = "generator.render"


@lru_cache(maxsize=None)
def environment(package: str = PAGE_TEMPLATES) -> Environment:
    """The page-template environment of `package` (its templates/ folder). Another package's
    templates (the district's) may import the page macros (_macros.md.j2) too, so a status
    badge or a flagged figure is written in one place."""
    loaders = [PackageLoader(package, "templates")]
    if package != PAGE_TEMPLATES:
        loaders.append(PackageLoader(PAGE_TEMPLATES, "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        # finalize escapes every value for Markdown and HTML at once and marks the result
        # Markup; autoescape is on only so that macro calls return Markup too, and their
        # HTML (status badges, ✓/✗, links) is not escaped a second time when printed.
        autoescape=True,
        finalize=finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(),
    )
    env.filters["href"] = href
    env.filters["nowrap"] = nowrap
    return env


def render(template: str, *, package: str = PAGE_TEMPLATES, **context) -> str:
    return environment(package).get_template(template).render(**context)
