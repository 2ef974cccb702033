"""The web edition's HTML pages: the edition's index, a page view per 版, an article page each.

All three are plain HTML5 in Chinese (`lang="zh-CN"`) with a bar at the top
naming the paper and the date (and, in a `--site` archive, 往期):

- **index.html** lists the 版 in order, each with its thumbnail and label
  (a link to its page view) and its headlines (links to the articles);
- **a page view** shows the page image (a `<picture>`: AVIF, JPEG fallback,
  two widths) with an SVG laid exactly over it whose `viewBox` is the page
  in points, so its rectangles — each article's block from the placed page —
  scale with the image. Each article is one `<a>` (a real link, named by its
  headline, reached by Tab in the order of reading) around its rectangles;
  they show faintly, and strongly on hover, focus and tap. The image's alt
  text lists the page's headlines; under the page the same articles are
  listed as text links, then the 版面导航 (every 版, the one shown marked);
- **an article page** is the article's markup shared with the EPUB
  (`layout/export/html/article.py`, the same CSS rules) with its photos as
  `<picture>`s, then 上一篇 / 下一篇 (the edition's order of reading) and
  links back to its 版 (both 版 of a jumped article) and to the index.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from layout.export.html import breaks, edition
from layout.export.html.article import LANG, article_element, figure, photo_alt
from layout.export.html.labels import page_label
from layout.export.html.markup import Element, el
from layout.export.web import meta
from layout.export.web.plan import CSS_HREF, INDEX_HREF, ArticleView, PageView, WebPlan
from layout.model import Issue

DOCTYPE = "<!DOCTYPE html>"
PAGE_SIZES = "(min-width: 50em) 46em, 100vw"
THUMB_SIZES = "7.5em"
PHOTO_SIZES = "(min-width: 40em) 36em, 100vw"


@dataclass(frozen=True, slots=True)
class Image:
    """One image in several files: (href, width, height, kind) each, smallest first."""

    files: tuple[tuple[str, int, int, str], ...]

    def of(self, kind: str) -> list[tuple[str, int, int, str]]:
        return [f for f in self.files if f[3] == kind]

    def largest_jpeg(self) -> str:
        return self.of("jpg")[-1][0]

    def smallest_jpeg(self) -> str:
        return self.of("jpg")[0][0]


@dataclass(frozen=True, slots=True)
class Context:
    issue: Issue
    plan: WebPlan
    pages: dict[str, Image]             # page stem → its page image
    thumbs: dict[str, Image]            # page stem → its thumbnail
    photos: dict[tuple[str, int], Image]   # (article id, photo index) → the photo
    base: str = ""                      # the edition folder's address ("" when unknown)
    archive: str | None = None          # link to the archive's front (in a --site)
    version: str = ""
    prev_next: dict[str, tuple[ArticleView | None, ArticleView | None]] = field(default_factory=dict)


def picture(image: Image, sizes: str, alt: str, lazy: bool = False,
            attrs: dict[str, str] | None = None) -> Element:
    """`<picture>`: an AVIF source, the JPEGs as the fallback `<img>` (with its size, so
    nothing moves when it arrives)."""
    def srcset(kind: str) -> str:
        return ", ".join(f"{href} {w}w" for href, w, _h, _k in image.of(kind))

    _href, width, height, _kind = image.of("jpg")[0]
    img = {"src": image.smallest_jpeg(), "srcset": srcset("jpg"), "sizes": sizes,
           "width": str(width), "height": str(height), "alt": alt, **(attrs or {})}
    if lazy:
        img.update({"loading": "lazy", "decoding": "async"})
    return el("picture", None,
              el("source", {"type": "image/avif", "srcset": srcset("avif"), "sizes": sizes}),
              el("img", img))


def headline_link(href: str, label: str, **attrs: str) -> Element:
    """A link named by a headline, breaking where the headline may (`breaks.headline`)."""
    return el("a", {"class": "headline-link", "href": href, **attrs}, *breaks.headline(label))


def _bar(ctx: Context, here: str = "") -> Element:
    """The top bar: the paper (to the index), the date, 往期 in an archive."""
    day = ctx.issue.date
    return el("header", {"class": "bar"},
              el("a", {"class": "paper", "href": INDEX_HREF}, ctx.issue.paper),
              el("span", {"class": "date"}, f"{edition.date_text(day)} {edition.weekday_text(day)}"),
              el("span", {"class": "here"}, here) if here else None,
              el("a", {"class": "archive", "href": ctx.archive}, "往期") if ctx.archive else None)


def shell(ctx: Context, head: Element, body_class: str, *content: Element | None,
          here: str = "") -> Element:
    body = el("body", {"class": body_class}, _bar(ctx, here), *content, _footer(ctx))
    return el("html", {"lang": LANG}, head, body)


def _footer(ctx: Context) -> Element:
    return el("footer", {"class": "foot"},
              el("p", None, ctx.version) if ctx.version else None,
              el("p", None, f"{ctx.issue.paper}数字报"))


def _og(ctx: Context, kind: str, title: str, description: str, stem: str, href: str) -> dict:
    image = meta.absolute(ctx.base, ctx.pages[stem].smallest_jpeg())
    return meta.open_graph(kind, title, description, ctx.issue.paper, image,
                           meta.absolute(ctx.base, href) if ctx.base else "", ctx.issue.date)


# ------------------------------------------------------------------ the page view

def page_alt(view: PageView) -> str:
    """The page image's alt text: which page, and its headlines in reading order."""
    titles = "；".join(a.label.replace("\u3000", " ") for a in view.articles)
    return f"{view.label}版面。本版文章：{titles}" if titles else f"{view.label}版面"


def hotspots(view: PageView) -> Element:
    """An SVG over the page image: each article's block a link named by its headline."""
    placed = view.placed
    links = []
    for spot in view.hotspots:
        name = spot.view.label.replace("\u3000", " ")
        rects = [el("rect", {"x": f"{x:.2f}", "y": f"{y:.2f}", "width": f"{w:.2f}",
                             "height": f"{h:.2f}"}) for x, y, w, h in spot.rects]
        links.append(el("a", {"href": spot.view.href, "aria-label": name,
                              "data-article": spot.view.stem}, el("title", None, name), *rects))
    return el("svg", {"class": "hotspots", "xmlns": "http://www.w3.org/2000/svg",
                      "viewBox": f"0 0 {placed.width:.2f} {placed.height:.2f}",
                      "preserveAspectRatio": "none", "role": "group",
                      "aria-label": f"{view.label}版面上的文章"}, *links)


def page_navigation(ctx: Context, current: PageView | None) -> Element:
    """版面导航: every 版, the one shown marked; previous and next 版."""
    pages = ctx.plan.pages
    items = [el("li", None, el("a", {"href": v.href, **({"aria-current": "page"}
                                                     if v is current else {})}, v.label))
             for v in pages]
    at = pages.index(current) if current in pages else -1
    step = [el("a", {"class": "prev", "rel": "prev", "href": pages[at - 1].href}, "上一版")
            if at > 0 else None,
            el("a", {"class": "next", "rel": "next", "href": pages[at + 1].href}, "下一版")
            if 0 <= at < len(pages) - 1 else None]
    return el("nav", {"class": "pages-nav", "aria-label": "版面导航"},
              el("h2", None, "版面导航"), el("ol", None, *items),
              el("p", {"class": "step"}, *step) if any(step) else None)


def page_document(ctx: Context, view: PageView) -> Element:
    """The page view of one 版."""
    title = f"{view.label} - {meta.edition_title(ctx.issue)}"
    description = "本版：" + "；".join(a.label.replace("\u3000", " ") for a in view.articles)
    head = meta.head(title, meta.shorten(description, 150), CSS_HREF,
                     _og(ctx, "website", title, description, view.stem, view.href))
    sheet = el("div", {"class": "sheet"},
               picture(ctx.pages[view.stem], PAGE_SIZES, page_alt(view)),
               hotspots(view) if view.placed else None)
    contents = el("section", {"class": "contents", "aria-labelledby": "contents"},
                  el("h2", {"id": "contents"}, "本版文章"),
                  el("ol", None, *(el("li", None, headline_link(a.href, a.label))
                                   for a in view.articles)))
    editor = f"责任编辑：{view.page.editor}" if view.page.editor else ""
    main = el("main", {"class": "page-view"},
              el("h1", {"class": "page-label"}, view.label),
              el("p", {"class": "editor"}, editor) if editor else None,
              sheet, contents, page_navigation(ctx, view))
    return shell(ctx, head, "page", main)


# ------------------------------------------------------------------ article pages

def _figures(ctx: Context, view: ArticleView) -> list[Element]:
    out = []
    for k, photo in enumerate(view.article.photos, start=1):
        image = ctx.photos.get((view.article.id, k))
        if image is not None:
            out.append(figure(photo, picture(image, PHOTO_SIZES, photo_alt(photo), lazy=k > 1)))
    return out


def _step(view: ArticleView | None, rel: str, word: str) -> Element | None:
    if view is None:
        return None
    return el("li", {"class": rel}, el("a", {"rel": rel, "href": view.href},
                                       el("span", {"class": "word"}, word),
                                       el("span", {"class": "title"}, *breaks.headline(view.label))))


def article_navigation(ctx: Context, view: ArticleView) -> Element:
    """上一篇 / 下一篇, back to the article's 版 (each, for a jump), the index."""
    before, after = ctx.prev_next.get(view.stem, (None, None))
    backs = [el("li", {"class": "back"}, el("a", {"href": p.href}, f"返回{p.label}"))
             for p in ctx.plan.pages_of(view)]
    return el("nav", {"class": "article-nav", "aria-label": "文章导航"},
              el("ul", None, _step(before, "prev", "上一篇"), _step(after, "next", "下一篇"),
                 *backs, el("li", {"class": "home"}, el("a", {"href": INDEX_HREF}, "本期目录"))))


def article_document(ctx: Context, view: ArticleView) -> Element:
    """The article page of one article."""
    label = view.label.replace("\u3000", " ")
    title = f"{label} - {meta.edition_title(ctx.issue)} {view.page.number}版"
    description = meta.article_description(view.article)
    head = meta.head(title, description, CSS_HREF,
                     _og(ctx, "article", label, description, f"p{view.page.number:02d}",
                         view.href))
    article = article_element(view.article, view.stem, _figures(ctx, view))
    where = el("p", {"class": "where"}, el("a", {"href": f"p{view.page.number:02d}.html"},
                                           page_label(view.page)))
    main = el("main", {"class": "article-page"}, where, article, article_navigation(ctx, view))
    return shell(ctx, head, "article", main)


# ------------------------------------------------------------------ the index

def index_document(ctx: Context) -> Element:
    """index.html: the edition's 版 with thumbnails and headlines."""
    issue = ctx.issue
    title = f"{meta.edition_title(issue)} 数字报"
    heads = [a.label.replace("\u3000", " ") for v in ctx.plan.pages for a in v.articles[:1]]
    description = f"{meta.edition_title(issue)}，共{len(ctx.plan.pages)}版。" + "；".join(heads)
    first = ctx.plan.pages[0]
    head = meta.head(title, meta.shorten(description, 150), CSS_HREF,
                     _og(ctx, "website", title, description, first.stem, INDEX_HREF))
    number = f"总第{issue.number}期　" if issue.number else ""
    lunar = edition.lunar_text(issue.date)
    masthead = el("header", {"class": "masthead"},
                  el("h1", None, issue.paper),
                  el("p", None, f"{edition.date_text(issue.date)} {edition.weekday_text(issue.date)}"
                                f"{'　' + lunar if lunar else ''}"),
                  el("p", None, f"{number}今日{len(ctx.plan.pages)}版"))
    pages = [el("li", {"class": "page"},
                el("a", {"class": "thumb", "href": v.href},
                   picture(ctx.thumbs[v.stem], THUMB_SIZES, "", lazy=i > 1),
                   el("span", {"class": "label"}, v.label)),
                el("ul", {"class": "headlines"},
                   *(el("li", None, headline_link(a.href, a.label)) for a in v.articles)))
             for i, v in enumerate(ctx.plan.pages)]
    main = el("main", {"class": "index"}, masthead, el("ol", {"class": "pages"}, *pages))
    return shell(ctx, head, "index", main)
