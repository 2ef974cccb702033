"""The web edition's plan: every file's name, the order of reading, each page's hotspots.

Names come from positions in the issue, never from article ids (which may
hold any character): `index.html`, a page view `p01.html` per 版, an article
page `p01-a03.html` per article (its page and its place in the manifest),
images under `images/`. The plan reads the semantic model (which article is
where in the manifest) and the placed pages (where each article's block was
drawn: `PlacedPage.regions`, the rectangles the build reads each article's
text back from), nothing else.

The order of reading on a page is the order the placer drew its blocks in —
the guillotine cuts taken first part first (top before bottom, left before
right) — which is how a reader's eye goes over a page of horizontal text:
the lead across the top, then each column of stories down. An article jumped
to another page (转版) has one article page; both pages' hotspots lead to it.
Advertisements have a block on the page image but no article page.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.export.html.labels import article_label, page_label
from layout.export.html.article import PHOTO_NEWS_HEADING as PHOTO_NEWS
from layout.model import Article, ArticleKind, Issue, Page
from layout.model.placed import PlacedIssue, PlacedPage

INDEX_HREF = "index.html"
CSS_HREF = "web.css"
IMAGE_DIR = "images"
SITEMAP = "sitemap.xml"
EDITION_JSON = "edition.json"


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    page: Page                   # the page the manifest lists it on
    stem: str                    # p01-a03
    label: str                   # the headline, or the start of a photo-news caption

    @property
    def href(self) -> str:
        return f"{self.stem}.html"


@dataclass(frozen=True, slots=True)
class Hotspot:
    """An article's block on a page: one rectangle, or several (a 简讯 item's legs)."""

    view: ArticleView
    rects: tuple[tuple[float, float, float, float], ...]   # x, y, w, h in points


@dataclass(frozen=True, slots=True)
class PageView:
    page: Page
    placed: PlacedPage | None
    label: str                   # 第1版 社区
    hotspots: tuple[Hotspot, ...]      # in reading order
    articles: tuple[ArticleView, ...]  # the page's articles in reading order (its hotspots',
                                       # then any the page lists without a block)

    @property
    def stem(self) -> str:
        return f"p{self.page.number:02d}"

    @property
    def href(self) -> str:
        return f"{self.stem}.html"


@dataclass(frozen=True, slots=True)
class WebPlan:
    pages: tuple[PageView, ...]

    def articles(self) -> tuple[ArticleView, ...]:
        """Every article page once, in the edition's order of reading (page by page)."""
        seen: dict[str, ArticleView] = {}
        for view in self.pages:
            for article in view.articles:
                if article.page.number == view.page.number:
                    seen.setdefault(article.article.id, article)
        return tuple(seen.values())

    def pages_of(self, view: ArticleView) -> tuple[PageView, ...]:
        """The pages an article's blocks are on (two for a jump), its own page first."""
        found = [p for p in self.pages if any(h.view is view for h in p.hotspots)]
        own = [p for p in self.pages if p.page.number == view.page.number]
        return tuple(dict.fromkeys(own + found))


def label(article: Article) -> str:
    """The headline; untitled photo news `图片新闻：` and the start of its caption."""
    text = article_label(article)
    if not article.headline.title and article.kind is ArticleKind.PHOTO:
        return f"{PHOTO_NEWS}：{text}"
    return text


def article_views(issue: Issue) -> dict[str, ArticleView]:
    """Article id → its article page, for every article that has one (not advertisements)."""
    out = {}
    for page in issue.pages:
        for index, article in enumerate(page.articles, start=1):
            if article.reserve is None:
                out[article.id] = ArticleView(article, page, f"p{page.number:02d}-a{index:02d}",
                                              label(article))
    return out


def _hotspots(placed: PlacedPage | None, views: dict[str, ArticleView]) -> tuple[Hotspot, ...]:
    rects: dict[str, list[tuple[float, float, float, float]]] = {}
    for region in placed.regions if placed else ():
        if region.article in views and region.w > 0 and region.h > 0:
            rects.setdefault(region.article, []).append((region.x, region.y, region.w, region.h))
    return tuple(Hotspot(views[a], tuple(r)) for a, r in rects.items())


def plan_web(issue: Issue, placed: PlacedIssue | None) -> WebPlan:
    """Name every page of the web edition and find each page's hotspots."""
    views = article_views(issue)
    by_number = {p.number: p for p in placed.pages} if placed else {}
    pages = []
    for page in issue.pages:
        spots = _hotspots(by_number.get(page.number), views)
        listed = [views[a.id] for a in page.articles if a.id in views]
        order = list(dict.fromkeys([h.view for h in spots] + listed))
        pages.append(PageView(page, by_number.get(page.number), page_label(page), spots,
                              tuple(order)))
    return WebPlan(tuple(pages))
