"""Navigation: the EPUB 3 navigation document and the NCX for older readers.

Both group the articles under their pages, as a reader of the printed paper
finds them: `第1版 社区` and beneath it the page's headlines in order, and
under an article its 小标题. A page entry leads to its first article. The
navigation document also carries the landmarks (cover, table of contents,
start of reading) and, under the contents, when this version of the edition
was last changed, so a reader can tell a corrected edition from the first.
"""
from __future__ import annotations

from layout.export.html.markup import Element, document, el
from layout.export.epub.plan import COVER_HREF, NAV_HREF, ArticleDoc, BookPlan
from layout.export.epub.xhtml import LANG, page_shell, relative

NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
TOC_TITLE = "目录"


def _link(href: str, label: str, epub_type: str | None = None) -> Element:
    attrs = {"epub:type": epub_type} if epub_type else {}
    return el("a", {**attrs, "href": relative(href, NAV_HREF)}, label)


def _article_item(doc: ArticleDoc) -> Element:
    subheads = [el("li", None, _link(f"{doc.href}#{s.anchor}", s.text)) for s in doc.subheads]
    return el("li", None, _link(doc.href, doc.label), el("ol", None, *subheads) if subheads else None)


def nav_document(plan: BookPlan, title: str, version: str = "") -> Element:
    """nav.xhtml: the table of contents by page, the version line and the landmarks."""
    pages = []
    for entry in plan.pages:
        items = [_article_item(d) for d in entry.docs]
        first = entry.docs[0].href if entry.docs else COVER_HREF
        pages.append(el("li", None, _link(first, entry.label), el("ol", None, *items)))
    toc = el("nav", {"epub:type": "toc", "id": "toc", "role": "doc-toc"},
             el("h1", None, TOC_TITLE), el("ol", None, *pages))
    stamp = el("p", {"class": "version"}, version) if version else None
    start = plan.docs()[0].href if plan.docs() else COVER_HREF
    landmarks = el("nav", {"epub:type": "landmarks", "id": "landmarks", "hidden": "hidden"},
                   el("h2", None, "导览"),
                   el("ol", None,
                      el("li", None, _link(COVER_HREF, "封面", "cover")),
                      el("li", None, _link(NAV_HREF + "#toc", TOC_TITLE, "toc")),
                      el("li", None, _link(start, "正文", "bodymatter"))))
    body = el("body", {"class": "nav"}, toc, stamp, landmarks)
    return page_shell(f"{title} {TOC_TITLE}", body, NAV_HREF)


def ncx_document(plan: BookPlan, title: str, uid: str) -> bytes:
    """toc.ncx: the same tree for EPUB 2 readers; one play order per target."""
    orders: dict[str, int] = {}

    def point(number: int, href: str, label: str, *children: Element) -> Element:
        order = orders.setdefault(href, len(orders) + 1)
        return el("navPoint", {"id": f"np-{number}", "playOrder": str(order)},
                  el("navLabel", None, el("text", None, label)),
                  el("content", {"src": href}), *children)

    points, count = [point(1, COVER_HREF, "封面")], 1
    for entry in plan.pages:
        page_number = count = count + 1
        first = entry.docs[0].href if entry.docs else COVER_HREF
        orders.setdefault(first, len(orders) + 1)  # the page shares its first article's order
        children = []
        for doc in entry.docs:
            count = number = count + 1
            orders.setdefault(doc.href, len(orders) + 1)  # the article before its 小标题
            subs = []
            for sub in doc.subheads:
                count += 1
                subs.append(point(count, f"{doc.href}#{sub.anchor}", sub.text))
            children.append(point(number, doc.href, doc.label, *subs))
        points.append(point(page_number, first, entry.label, *children))
    head = el("head", None,
              el("meta", {"name": "dtb:uid", "content": uid}),
              el("meta", {"name": "dtb:depth", "content": "3" if any(
                  d.subheads for d in plan.docs()) else "2"}),
              el("meta", {"name": "dtb:totalPageCount", "content": "0"}),
              el("meta", {"name": "dtb:maxPageNumber", "content": "0"}))
    ncx = el("ncx", {"xmlns": NCX_NS, "version": "2005-1", "xml:lang": LANG}, head,
             el("docTitle", None, el("text", None, title)), el("navMap", None, *points))
    return document(ncx)
