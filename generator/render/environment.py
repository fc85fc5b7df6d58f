"""The Jinja environment for page templates: every value escaped unless marked trusted."""

from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
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


@lru_cache(maxsize=None)
def environment(package: str = "generator.render") -> Environment:
    """The page-template environment of `package` (its templates/ folder)."""
    env = Environment(
        loader=PackageLoader(package, "templates"),
        # finalize escapes every value for Markdown and HTML at once and marks the result
        # Markup; autoescape is on only so that macro calls return Markup too, and their
        # HTML (status badges, ✓/✗, links) is not escaped a second time when printed.
        autoescape=True,
        finalize=finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["href"] = href
    env.filters["nowrap"] = nowrap
    return env


def render(template: str, *, package: str = "generator.render", **context) -> str:
    return environment(package).get_template(template).render(**context)
