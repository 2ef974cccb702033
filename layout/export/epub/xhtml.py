"""XHTML content documents: one per article, and the cover page.

An article becomes `<article>` with a `<header>` for its headline group
(栏目头 `p.column`, 引题 `p.kicker`, 主题 `h1.title`, 副题 `p.subtitle`; a boxed or
tinted article's `<article>` has the classes `boxed boxed-<frame>` and
`tinted`, its tint as a background colour), the byline, the
paragraphs (电头 as a bold `span.dateline` run into the first one; 小标题 as
`h2.subhead` with an id the table of contents links to; a stanza of verse as
`p.verse` with a `span.line` per line) and its photos as
`figure`/`figcaption` with the credit in `span.credit`. An untitled photo-news
item gets the heading `图片新闻`, so every document has one.

Text is written exactly as the model holds it: a U+3000 between the two
phrases of a headline is content and stays; headlines carry `<wbr/>` where a
line may break (`breaks.py`); URLs become links; spacing and indents come
from the stylesheet only. The photo's alt text names what it is and leaves
the description to the caption, so a screen reader does not read it twice.

Documents are returned as element trees (`faces.py` reads which text is set
in which face from them) and written to bytes with `markup.document`.
"""
from __future__ import annotations

from layout.export.epub import breaks
from layout.export.epub.markup import Element, el
from layout.export.epub.plan import CSS_HREF, ArticleDoc, PhotoFile
from layout.model import ArticleKind, ParagraphKind

XHTML_NS = "http://www.w3.org/1999/xhtml"
OPS_NS = "http://www.idpf.org/2007/ops"
DOCTYPE = "<!DOCTYPE html>"
LANG = "zh-CN"
PHOTO_ALT = "新闻照片"
PHOTO_NEWS_HEADING = "图片新闻"
AD_HEADING = "广告"


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


def headline_group(doc: ArticleDoc) -> Element | None:
    """引题 / 主题 / 副题 in a header, or None for untitled photo news."""
    h, column = doc.article.headline, doc.article.column
    if not (h.kicker or h.title or h.subtitle or column):
        if doc.article.kind in (ArticleKind.PHOTO, ArticleKind.AD):
            label = AD_HEADING if doc.article.kind is ArticleKind.AD else PHOTO_NEWS_HEADING
            return el("header", {"class": "headline"}, el("h1", {"class": "label"}, label))
        return None
    return el("header", {"class": "headline"},
              el("p", {"class": "column"}, column) if column else None,
              el("p", {"class": "kicker"}, *breaks.headline(h.kicker)) if h.kicker else None,
              el("h1", {"class": "title"}, *breaks.headline(h.title)) if h.title else None,
              el("p", {"class": "subtitle"}, *breaks.headline(h.subtitle)) if h.subtitle else None)


def figure(photo_file: PhotoFile, doc_href: str) -> Element:
    """A photo with a short alt text and its figcaption, the credit set apart."""
    photo = photo_file.photo
    alt = PHOTO_ALT if photo.caption else (photo.credit or PHOTO_ALT)
    caption = el("figcaption", None,
                 el("span", {"class": "caption"}, *breaks.linked(photo.caption))
                 if photo.caption else None,
                 el("span", {"class": "credit"}, photo.credit) if photo.credit else None)
    img = el("img", {"src": relative(photo_file.href, doc_href), "alt": alt})
    return el("figure", {"class": "photo"}, img,
              caption if caption.children else None)


def paragraphs(doc: ArticleDoc) -> list[Element]:
    """Body paragraphs and subheads; the 电头 runs into the first body paragraph."""
    out: list[Element] = []
    dateline = doc.article.dateline
    subheads = iter(doc.subheads)
    for para in doc.article.paragraphs:
        if para.kind is ParagraphKind.SUBHEAD:
            anchor = next(subheads).anchor
            out.append(el("h2", {"class": "subhead", "id": anchor}, *breaks.headline(para.text)))
            continue
        if para.kind is ParagraphKind.VERSE:
            out.append(stanza(para.text))
            continue
        lead = el("span", {"class": "dateline"}, dateline) if dateline else None
        out.append(el("p", None, lead, *breaks.linked(para.text)))
        dateline = ""
    if dateline:  # a 电头 with no body text still reaches the reader
        out.append(el("p", None, el("span", {"class": "dateline"}, dateline)))
    return out


def stanza(text: str) -> Element:
    """A stanza: each line of verse a block of its own, wrapping under a hanging indent."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return el("p", {"class": "verse"}, *(el("span", {"class": "line"}, line) for line in lines))


def screen_colour(cmyk: tuple[float, float, float, float]) -> str:
    """A CMYK tint as a translucent wash of its inks: `rgba(0, 0, 0, 0.1)` for K 10 %.

    On white it is the tint's screen colour; on a night theme's black it stays
    dark, so text in the reader's (light) colour keeps its contrast, which an
    opaque light ground would take away."""
    strength = max(cmyk)
    if strength <= 0:
        return "transparent"
    c, m, y, k = (v / strength for v in cmyk)
    rgb = ", ".join(str(round(255 * (1 - v) * (1 - k))) for v in (c, m, y))
    return f"rgba({rgb}, {strength:.3g})"


def article_document(doc: ArticleDoc) -> Element:
    """The XHTML document of one article."""
    article = doc.article
    kind = {ArticleKind.PHOTO: "photo-news", ArticleKind.AD: "advert"}.get(article.kind, "story")
    attrs = {"id": doc.anchor, "class": kind}
    if article.box or article.tint:   # a boxed or tinted article: a frame, its tint behind
        frame = f" boxed boxed-{article.box}" if article.box else ""
        attrs["class"] = kind + frame + (" tinted" if article.tint else "")
        if article.tint:
            attrs["style"] = f"background-color: {screen_colour(article.tint)}"
    byline = el("p", {"class": "byline"}, article.byline) if article.byline else None
    figures = [figure(f, doc.href) for f in doc.photos]
    body_parts = [headline_group(doc), byline, *figures, *paragraphs(doc)]
    body = el("body", {"epub:type": "bodymatter"},
              el("article", attrs, *body_parts))
    return page_shell(doc.label, body, doc.href)


def cover_document(title: str, alt: str, image_href: str, doc_href: str) -> Element:
    """The cover page: the cover image, full height, with a spoken description."""
    body = el("body", {"class": "cover", "epub:type": "cover"},
              el("div", {"class": "cover-image"},
                 el("img", {"src": relative(image_href, doc_href), "alt": alt})))
    return page_shell(title, body, doc_href)
