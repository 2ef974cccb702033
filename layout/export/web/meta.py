"""What the web edition says about itself: titles, descriptions, Open Graph, the sitemap.

Every page has a `<title>` naming it and the edition, a description (an
article's first sentences, a page's headlines), and Open Graph properties
(`og:title`, `og:description`, `og:image` — the page's image as a JPEG, the
same for the page and each of its articles — `og:type`, `og:site_name`,
`og:locale`), so a link shared in a chat group shows a card. Open Graph and
sitemaps want full addresses: with the house style's `web.url` (where the
site is served) they are given in full, else relative to the page, which
browsers and most chat apps resolve but search engines do not. Nothing here
loads anything from elsewhere; there is no tracking of any kind, and
`referrer` is not sent when a reader follows a link out.
"""
from __future__ import annotations

import datetime as dt

from layout.export.html import edition
from layout.export.html.markup import Element, el, escape
from layout.model import Article, Issue, ParagraphKind

DESCRIPTION_CHARS = 90
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def edition_title(issue: Issue) -> str:
    """`铁东新闻 2025年6月18日`."""
    return edition.title(issue)


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """`text` on one line, cut at `limit` characters with `……`."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rstrip("，、；：　 ") + "……"


def article_description(article: Article) -> str:
    """The 副题, else the start of the body (the 电头 left out), else the first caption."""
    if article.headline.subtitle:
        return shorten(article.headline.subtitle.lstrip("—"))
    body = "".join(p.text for p in article.paragraphs if p.kind is not ParagraphKind.SUBHEAD)
    if body.strip():
        return shorten(body)
    return shorten(article.photos[0].caption) if article.photos else ""


def absolute(base: str, path: str) -> str:
    """`path` (from the site's root) under the site's address, or as it is without one."""
    return base.rstrip("/") + "/" + path if base else path   # base: web.url, ends with /


def head(title: str, description: str, css: str, og: dict[str, str],
         extra: tuple[Element, ...] = ()) -> Element:
    """The `<head>` of a web page: charset, viewport, title, description, Open Graph."""
    metas = [el("meta", {"property": key if ":" in key else f"og:{key}", "content": value})
             for key, value in og.items() if value]
    return el("head", None,
              el("meta", {"charset": "utf-8"}),
              el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
              el("title", None, title),
              el("meta", {"name": "description", "content": description}),
              el("meta", {"name": "referrer", "content": "no-referrer"}),
              el("meta", {"name": "format-detection", "content": "telephone=no"}),
              *metas,
              el("link", {"rel": "stylesheet", "href": css}),
              *extra)


def open_graph(kind: str, title: str, description: str, site_name: str, image: str,
               url: str, published: dt.date | None = None) -> dict[str, str]:
    """Open Graph properties of a page (`kind` article or website)."""
    og = {"type": kind, "title": title, "description": description, "site_name": site_name,
          "locale": "zh_CN", "image": image, "url": url}
    if published is not None and kind == "article":
        og["article:published_time"] = published.isoformat()
    return og


def sitemap(urls: list[tuple[str, dt.date]]) -> bytes:
    """sitemap.xml listing `urls` (address, last change)."""
    rows = [f"  <url><loc>{escape(url)}</loc><lastmod>{day.isoformat()}</lastmod></url>"
            for url, day in urls]
    text = ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<urlset xmlns="{SITEMAP_NS}">\n' + "\n".join(rows) + "\n</urlset>\n")
    return text.encode("utf-8")
