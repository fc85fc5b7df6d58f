"""Jinja for the district pages: the page templates' settings and escaping (render/environment.py)."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..render.environment import href
from ..render.escape import finalize


def _finalize(value) -> Markup:
    # Escaped once for Markdown and HTML by render/escape.py, then Markup, so that autoescape
    # (on so that macro calls return Markup) does not escape it a second time.
    return Markup(finalize(value))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.district", "templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["href"] = href
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
