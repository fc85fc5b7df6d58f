"""A Markdown extension that keeps table header rows out of the search index: named in
mkdocs.yml for the pages, used by render/notice_body.py for the tables in notice bodies.

Material's search plugin indexes a page's text and leaves out every element carrying
data-search-exclude (material/plugins/search/plugin.py, Parser). A header row
("项目 | 内容", "日期 | 摘要 | …") says nothing an owner searches for, yet it began
almost every result's snippet; the rows under it keep their text.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


class _HeaderRowsOutOfSearch(Treeprocessor):
    def run(self, root):
        for head in root.iter("thead"):
            head.set("data-search-exclude", "")


class SearchMarkupExtension(Extension):
    def extendMarkdown(self, md):
        # After the tables extension built <thead> (the tree exists once block parsing is done).
        md.treeprocessors.register(_HeaderRowsOutOfSearch(md), "gongshi_search_markup", 0)


def makeExtension(**kwargs):
    return SearchMarkupExtension(**kwargs)
