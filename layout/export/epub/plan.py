"""The book's plan: which document holds which article, and what it is called.

Every path inside the EPUB is decided here, once, from positions in the
issue (page number, order on the page), never from article ids, which may
hold any character. Paths are relative to the package folder `EPUB/`.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.model import Article, ArticleKind, Issue, Page, Photo

PACKAGE_DIR = "EPUB"
PHOTO_LABEL_CHARS = 12          # characters of a caption used to name a photo-news item
TRAILING_PUNCTUATION = "，。、；：！？…—　 ,.;:!?"


@dataclass(frozen=True, slots=True)
class PhotoFile:
    photo: Photo
    href: str                    # e.g. images/p01-a06-1.jpg


@dataclass(frozen=True, slots=True)
class ArticleDoc:
    article: Article
    page: Page
    href: str                    # e.g. text/p01-a01.xhtml
    anchor: str                  # id of the <article> element
    label: str                   # headline, or the caption's start for photo news
    photos: tuple[PhotoFile, ...]


@dataclass(frozen=True, slots=True)
class PageEntry:
    page: Page
    label: str                   # `第1版 社区`
    docs: tuple[ArticleDoc, ...]


@dataclass(frozen=True, slots=True)
class BookPlan:
    pages: tuple[PageEntry, ...]

    def docs(self) -> tuple[ArticleDoc, ...]:
        return tuple(d for p in self.pages for d in p.docs)

    def photos(self) -> tuple[PhotoFile, ...]:
        return tuple(f for d in self.docs() for f in d.photos)


COVER_HREF = "text/cover.xhtml"
COVER_IMAGE_HREF = "images/cover.png"
NAV_HREF = "nav.xhtml"
NCX_HREF = "toc.ncx"
CSS_HREF = "css/edition.css"


def page_label(page: Page) -> str:
    """`第1版 社区`: the page number and its name, as editors say it."""
    return f"第{page.number}版 {page.name}".strip()


def caption_start(caption: str, limit: int = PHOTO_LABEL_CHARS) -> str:
    """The first `limit` characters of a caption, ending in `…` when cut."""
    text = " ".join(caption.split())
    if len(text) <= limit:
        return text
    return text[:limit].rstrip(TRAILING_PUNCTUATION) + "…"


def article_label(article: Article) -> str:
    """What the table of contents calls an article."""
    if article.headline.title:
        return article.headline.title
    if article.kind is ArticleKind.PHOTO and article.photos:
        return caption_start(article.photos[0].caption)
    return article.id


def plan_book(issue: Issue) -> BookPlan:
    """Name every document and image of the edition, in page order."""
    pages = []
    for page in issue.pages:
        docs = []
        for index, article in enumerate(page.articles, start=1):
            stem = f"p{page.number:02d}-a{index:02d}"
            photos = tuple(PhotoFile(ph, f"images/{stem}-{k}.jpg")
                           for k, ph in enumerate(article.photos, start=1))
            docs.append(ArticleDoc(article, page, f"text/{stem}.xhtml", stem,
                                   article_label(article), photos))
        pages.append(PageEntry(page, page_label(page), tuple(docs)))
    return BookPlan(tuple(pages))
