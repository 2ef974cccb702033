"""What the phone editions call a page and an article: `第1版 社区`, the headline,
or for untitled photo news the start of its caption."""
from __future__ import annotations

from layout.model import Article, ArticleKind, Page

PHOTO_LABEL_CHARS = 12          # characters of a caption used to name a photo-news item
TRAILING_PUNCTUATION = "，。、；：！？…—　 ,.;:!?"
ELLIPSIS = "……"                 # a Chinese ellipsis is two of U+2026


def page_label(page: Page) -> str:
    """`第1版 社区`: the page number and its name, as editors say it."""
    return f"第{page.number}版 {page.name}".strip()


def caption_start(caption: str, limit: int = PHOTO_LABEL_CHARS) -> str:
    """The first `limit` characters of a caption, ending in `……` when cut."""
    text = " ".join(caption.split())
    if len(text) <= limit:
        return text
    return text[:limit].rstrip(TRAILING_PUNCTUATION) + ELLIPSIS


def article_label(article: Article) -> str:
    """What a table of contents calls an article."""
    if article.headline.title:
        return article.headline.title
    if article.kind is ArticleKind.PHOTO and article.photos:
        return caption_start(article.photos[0].caption)
    if article.reserve:
        return f"广告：{article.reserve.label}" if article.reserve.label else "广告"
    return article.id
