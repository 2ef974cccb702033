"""The book's plan: which document holds which article, and what it is called.

Every path inside the EPUB is decided here, once, from positions in the
issue (page number, order on the page), never from article ids, which may
hold any character. Paths are relative to the package folder `EPUB/`.
A photo file used more than once (the same bytes, under any name) is
stored once, under the name of its first use.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from layout.export.html.labels import article_label, page_label
from layout.model import Article, Issue, Page, Photo, ParagraphKind

PACKAGE_DIR = "EPUB"


@dataclass(frozen=True, slots=True)
class PhotoFile:
    photo: Photo
    href: str                    # e.g. images/p01-a06-1.jpg


@dataclass(frozen=True, slots=True)
class Subhead:
    text: str
    anchor: str                  # id of its <h2>, e.g. p01-a01-s1


@dataclass(frozen=True, slots=True)
class ArticleDoc:
    article: Article
    page: Page
    href: str                    # e.g. text/p01-a01.xhtml
    anchor: str                  # id of the <article> element
    label: str                   # headline, or the caption's start for photo news
    photos: tuple[PhotoFile, ...]
    subheads: tuple[Subhead, ...] = ()


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
        """Each stored photo file once, in order of first use."""
        seen: dict[str, PhotoFile] = {}
        for f in (f for d in self.docs() for f in d.photos):
            seen.setdefault(f.href, f)
        return tuple(seen.values())


COVER_HREF = "text/cover.xhtml"
COVER_IMAGE_HREF = "images/cover.png"
NAV_HREF = "nav.xhtml"
NCX_HREF = "toc.ncx"
CSS_HREF = "css/edition.css"


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:          # reported, with the file's name, when the photo is converted
        return str(path)


def subheads(article: Article, stem: str) -> tuple[Subhead, ...]:
    """The article's 小标题 with the ids their headings carry."""
    texts = [p.text for p in article.paragraphs if p.kind is ParagraphKind.SUBHEAD]
    return tuple(Subhead(t, f"{stem}-s{k}") for k, t in enumerate(texts, start=1))


def artwork(article: Article) -> tuple[Photo, ...]:
    """An advertisement's artwork as its one figure, captioned with the advertiser."""
    reserve = article.reserve
    if reserve is None:
        return ()
    return (Photo(reserve.file, reserve.label or "广告", "", 1000, round(1000 * reserve.aspect)),)


def plan_book(issue: Issue) -> BookPlan:
    """Name every document and image of the edition, in page order."""
    stored: dict[str, str] = {}          # photo content digest → href of its first use
    pages = []
    for page in issue.pages:
        docs = []
        for index, article in enumerate(page.articles, start=1):
            if article.reserve and not article.reserve.epub:
                continue   # an advertisement is in the EPUB only when it asks (epub: true)
            stem = f"p{page.number:02d}-a{index:02d}"
            photos = tuple(PhotoFile(ph, stored.setdefault(_digest(ph.path),
                                                           f"images/{stem}-{k}.jpg"))
                           for k, ph in enumerate(article.photos or artwork(article), start=1))
            docs.append(ArticleDoc(article, page, f"text/{stem}.xhtml", stem,
                                   article_label(article), photos, subheads(article, stem)))
        pages.append(PageEntry(page, page_label(page), tuple(docs)))
    return BookPlan(tuple(pages))
