"""Data text is never markup: escape it for HTML and for Markdown at once.

Jinja's select_autoescape does not cover .md templates, and Python-Markdown passes
raw HTML through, so every value printed by a page template goes through
`md_text` (the environment's finalize). Characters that Markdown, attr_list or
tables would act on become numeric character references, which Python-Markdown
keeps and browsers show as the character itself.
"""

from __future__ import annotations

from markupsafe import Markup

from ..markdown_text import md_text


def finalize(value):
    """Jinja finalize: trusted Markup passes, everything else is escaped (and then Markup,
    so that the environment's autoescape leaves it as it is)."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    return Markup(md_text(value))


def trusted(html: str) -> Markup:
    """Mark HTML produced by our own code (sanitised bodies, charts) as safe."""
    return Markup(html)
