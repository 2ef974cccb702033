"""XHTML content documents: one per article, and the cover page.

Each article's `<article>` is the markup the EPUB shares with the web
edition (`layout/export/html/article.py`), inside an XHTML document linked to
the edition's stylesheet; its photos are plain `<img>`s of the package's
phone-sized JPEGs. Documents are returned as element trees (`faces.py` reads
which text is set in which face from them) and written to bytes with
`markup.document`. A vertical article (`direction: vertical`) is marked for
`writing-mode: vertical-rl` (`vertical.py`).
"""
from __future__ import annotations

from layout.export.epub.plan import CSS_HREF, ArticleDoc
from layout.export.epub.vertical import vertical_document
from layout.export.html.article import LANG, article_element, figure, photo_alt
from layout.export.html.markup import Element, el

XHTML_NS = "http://www.w3.org/1999/xhtml"
OPS_NS = "http://www.idpf.org/2007/ops"
DOCTYPE = "<!DOCTYPE html>"


def relative(href: str, from_href: str) -> str:
    """`href` (package-relative) as seen from the document at `from_href`."""
    depth = from_href.count("/")
    return "../" * depth + href


def page_shell(title: str, body: Element, doc_href: str) -> Element:
    """A complete XHTML document around `body`, linked to the edition stylesheet."""
    head = el("head", None,
              el("meta", {"charset": "utf-8"}),
              el("title", None, title),
              el("link", {"rel": "stylesheet", "type": "text/css",
                          "href": relative(CSS_HREF, doc_href)}))
    return el("html", {"xmlns": XHTML_NS, "xmlns:epub": OPS_NS,
                       "lang": LANG, "xml:lang": LANG}, head, body)


def article_document(doc: ArticleDoc) -> Element:
    """The XHTML document of one article."""
    figures = [figure(f.photo, el("img", {"src": relative(f.href, doc.href),
                                          "alt": photo_alt(f.photo)}))
               for f in doc.photos]
    article = article_element(doc.article, doc.anchor, figures,
                              tuple(s.anchor for s in doc.subheads))
    body = el("body", {"epub:type": "bodymatter"}, article)
    page = page_shell(doc.label, body, doc.href)
    return vertical_document(page) if doc.article.vertical else page


def cover_document(title: str, alt: str, image_href: str, doc_href: str) -> Element:
    """The cover page: the cover image, full height, with a spoken description."""
    body = el("body", {"class": "cover", "epub:type": "cover"},
              el("div", {"class": "cover-image"},
                 el("img", {"src": relative(image_href, doc_href), "alt": alt})))
    return page_shell(title, body, doc_href)
