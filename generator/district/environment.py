"""Jinja for the district pages: the page templates' environment (render/environment.py)
over this package's templates, with the same escaping."""

from __future__ import annotations

from ..render.environment import render as _render


def render(template: str, **context) -> str:
    return _render(template, package="generator.district", **context)
