"""Render stage: checked records → Markdown pages (and HTML for PDFs).

Every data value is escaped for HTML and for Markdown where the page text is
generated (escape.py); only notice bodies are Markdown, rendered by a locked-down
converter (notice_body.py) and inserted as trusted HTML in one place.
"""
