"""An article as HTML: the markup the EPUB and the web edition share.

An article becomes `<article>` with a `<header>` for its headline group
(栏目头 `p.column`, 引题 `p.kicker`, 主题 `h1.title`, 副题 `p.subtitle`; a boxed or
tinted article's `<article>` has the classes `boxed boxed-<frame>` and
`tinted`, its tint as a background colour), the byline, the
paragraphs (电头 as a bold `span.dateline` run into the first one; 小标题 as
`h2.subhead` with an id a table of contents links to; a stanza of verse as
`p.verse` with a `span.line` per line) and its photos as
`figure`/`figcaption` with the credit in `span.credit`. An untitled photo-news
item gets the heading `图片新闻`, so every document has one.

Text is written exactly as the model holds it: a U+3000 between the two
phrases of a headline is content and stays; headlines carry `<wbr/>` where a
line may break (`breaks.py`); URLs become links; spacing and indents come
from the stylesheet only (`article.css`). The photo's alt text names what it
is and leaves the description to the caption, so a screen reader does not
read it twice. Each edition gives the image element itself (the EPUB an
`<img>`, the web edition a `<picture>` with smaller sizes).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from layout.export.html import breaks
from layout.export.html.markup import Element, el
from layout.model import Article, ArticleKind, ParagraphKind, Photo

WORDS = frozenset({"words"})   # the cache kinds an article's markup keeps in its file

LANG = "zh-CN"
ARTICLE_CSS = Path(__file__).with_name("article.css")
PHOTO_ALT = "新闻照片"
PHOTO_NEWS_HEADING = "图片新闻"
AD_HEADING = "广告"


def headline_group(article: Article) -> Element | None:
    """引题 / 主题 / 副题 in a header, or None for untitled photo news."""
    h, column = article.headline, article.column
    if not (h.kicker or h.title or h.subtitle or column):
        if article.kind in (ArticleKind.PHOTO, ArticleKind.AD):
            label = AD_HEADING if article.kind is ArticleKind.AD else PHOTO_NEWS_HEADING
            return el("header", {"class": "headline"}, el("h1", {"class": "label"}, label))
        return None
    return el("header", {"class": "headline"},
              el("p", {"class": "column"}, column) if column else None,
              el("p", {"class": "kicker"}, *breaks.headline(h.kicker)) if h.kicker else None,
              el("h1", {"class": "title"}, *breaks.headline(h.title)) if h.title else None,
              el("p", {"class": "subtitle"}, *breaks.headline(h.subtitle)) if h.subtitle else None)


def photo_alt(photo: Photo) -> str:
    """Short: the caption, read from the figcaption, describes the photo."""
    return PHOTO_ALT if photo.caption else (photo.credit or PHOTO_ALT)


def figure(photo: Photo, image: Element) -> Element:
    """A photo (`image`, an <img> or a <picture>) with its figcaption, the credit set apart."""
    caption = el("figcaption", None,
                 el("span", {"class": "caption"}, *breaks.linked(photo.caption))
                 if photo.caption else None,
                 el("span", {"class": "credit"}, photo.credit) if photo.credit else None)
    return el("figure", {"class": "photo"}, image, caption if caption.children else None)


def paragraphs(article: Article, subhead_ids: tuple[str, ...] = ()) -> list[Element]:
    """Body paragraphs and subheads; the 电头 runs into the first body paragraph. The
    k-th 小标题 gets the id `subhead_ids[k]` when there is one."""
    out: list[Element] = []
    dateline = article.dateline
    ids = iter(subhead_ids)
    for para in article.paragraphs:
        if para.kind is ParagraphKind.SUBHEAD:
            anchor = next(ids, None)
            out.append(el("h2", {"class": "subhead", **({"id": anchor} if anchor else {})},
                          *breaks.headline(para.text)))
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


def article_element(article: Article, anchor: str, figures: list[Element],
                    subhead_ids: tuple[str, ...] = ()) -> Element:
    """The `<article>` of one article: headline group, byline, figures, paragraphs."""
    kind = {ArticleKind.PHOTO: "photo-news", ArticleKind.AD: "advert"}.get(article.kind, "story")
    attrs = {"id": anchor, "class": kind}
    if article.box or article.tint:   # a boxed or tinted article: a frame, its tint behind
        frame = f" boxed boxed-{article.box}" if article.box else ""
        attrs["class"] = kind + frame + (" tinted" if article.tint else "")
        if article.tint:
            attrs["style"] = f"background-color: {screen_colour(article.tint)}"
    byline = el("p", {"class": "byline"}, article.byline) if article.byline else None
    with _words_kept(article):
        return el("article", attrs, headline_group(article), byline, *figures,
                  *paragraphs(article, subhead_ids))


@contextmanager
def _words_kept(article: Article):
    """The word bounds of the article's headlines and phrases (`breaks`) kept in one cache
    file for the article, written once it is done, instead of a file for every text."""
    from layout.cache import group

    with group("artwords", (str(article.source or article.id),), WORDS) as bundle:
        yield
        bundle.flush()
