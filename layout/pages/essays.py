"""Which pages are 副刊 (pages of essays) and which of their stories are essays.

A 副刊 goes by many names (副刊, 春江, 江花, 白沙 …): a page is one when its 版名
is among the house style's `makeup.essay_pages`, or when it carries a poem and
none of its stories opens with a 电头 — a page of signed prose and verse, not of
news. On such a page a story is an essay unless it opens with a 电头 (a news
story placed there keeps a news story's shape). An essay is set as a module,
a few columns wide and deep (`sizing.Sizer._shape_cost`).
"""
from __future__ import annotations

from layout.model import Article, ArticleKind, Page
from layout.style import HouseStyle


def essay_page(page: Page, style: HouseStyle) -> bool:
    """Whether the page is a 副刊: named so by the house style, or verse and signed prose."""
    if page.name in style.makeup.essay_pages:
        return True
    stories = [a for a in page.articles if a.kind is ArticleKind.STORY]
    return (any(a.kind is ArticleKind.POEM for a in page.articles)
            and bool(stories) and not any(a.dateline for a in stories))


def is_essay(article: Article, on_essay_page: bool) -> bool:
    """A story of prose without a 电头 on a 副刊."""
    return (on_essay_page and article.kind is ArticleKind.STORY and bool(article.paragraphs)
            and not article.dateline)
