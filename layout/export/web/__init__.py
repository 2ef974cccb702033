"""The web edition (数字报): a static site residents open from a link on their phones.

`write_web(job, target)` writes the folder `target` (staged by the pipeline
and swapped into place whole, like every other output): `index.html` (the
版 with thumbnails and headlines), a page view per 版 with its page image and
each article's block as a link, an article page per article, the page images
and photos (AVIF with JPEG fallbacks, `images.py`), the stylesheet (the
faces of the house style's roles embedded as WOFF2 subsets, the article
rules shared with the EPUB, `web.css`), `sitemap.xml`, and in a `--site`
archive `edition.json` (what the archive's date index and search read).

It reads the semantic model (`job.issue`) and the placed pages
(`job.placed`: each page's items, drawn as the page image by the PDF
exporter's drawing code, and each article's block, `PlacedPage.regions`),
nothing of the pages stage itself. Every file is plain HTML, CSS and images:
it works from any web server or straight from the folder (`file://`), makes
no request outside it and runs no script but the archive's search.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from layout.errors import BuildError
from layout.export.html import edition, faces, fonts
from layout.export.html.article import ARTICLE_CSS
from layout.export.html.markup import Element, document
from layout.export.web import documents, images, meta
from layout.export.web.site import edition_folder
from layout.export.web.documents import Context, Image
from layout.export.web.plan import (CSS_HREF, EDITION_JSON, IMAGE_DIR, INDEX_HREF, SITEMAP,
                                    ArticleView, WebPlan, plan_web)
from layout.i18n import _
from layout.model import Issue
from layout.model.placed import PlacedIssue

if TYPE_CHECKING:
    from layout.export import ExportJob

WEB_CSS = Path(__file__).with_name("web.css")
FONT_DISPLAY = "swap"
ARCHIVE_FRONT = "../index.html"

__all__ = ["write_web"]


def _page_images(plan: WebPlan, placed: PlacedIssue, diag, files: dict[str, bytes]
                 ) -> tuple[dict[str, Image], dict[str, Image]]:
    """Each page's image and thumbnail, drawn from its placed page."""
    from layout.export.memory import give_back
    from layout.export.pdf.screen import screen_pages

    width = max(p.width for p in placed.pages)
    copies = dict(zip((p.number for p in placed.pages),
                      screen_pages(placed, images.screen_ppi(width), diag)))
    give_back()      # drawing the copies' memory, before the pages' rasters and encoders
    pages, thumbs = {}, {}
    for view in plan.pages:
        if view.page.number not in copies:
            continue
        found = {"page": [], "thumb": []}
        for v in images.page_images(copies[view.page.number]):
            role = "thumb" if v.width == images.THUMB_WIDTH else "page"
            href = f"{IMAGE_DIR}/{view.stem}-{v.width}.{v.kind}"
            files[href] = v.data
            found[role].append((href, v.width, v.height, v.kind))
        pages[view.stem], thumbs[view.stem] = Image(tuple(found["page"])), Image(tuple(found["thumb"]))
    return pages, thumbs


def _photos(articles: tuple[ArticleView, ...], files: dict[str, bytes]
            ) -> dict[tuple[str, int], Image]:
    """Every photo of every article page (a photo used twice is stored once)."""
    import hashlib

    stored: dict[str, Image] = {}
    out = {}
    for view in articles:
        for k, photo in enumerate(view.article.photos, start=1):
            variants = images.photo_images(photo.path)
            digest = hashlib.sha256(b"".join(v.data for v in variants)).hexdigest()
            if digest not in stored:
                entries = []
                for v in variants:
                    href = f"{IMAGE_DIR}/{view.stem}-{k}-{v.width}.{v.kind}"
                    files[href] = v.data
                    entries.append((href, v.width, v.height, v.kind))
                stored[digest] = Image(tuple(sorted(entries, key=lambda e: e[1])))
            out[(view.article.id, k)] = stored[digest]
    return out


def _articles_in(tree: Element) -> list[Element]:
    if tree.tag == "article":
        return [tree]
    return [a for child in tree.children if isinstance(child, Element) for a in _articles_in(child)]


def _stylesheet(issue: Issue, trees: list[Element], files: dict[str, bytes]) -> bytes:
    """Faces (subsets of exactly the characters each sets in the articles), each role's
    face inside `article`, the article rules shared with the EPUB, then web.css."""
    from layout.fonts import FONT_DIR

    embedded = faces.embedded_faces(issue.style, [a for t in trees for a in _articles_in(t)])
    for font in embedded:
        files[font.href] = font.data
    if embedded:
        ofl = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
        files[fonts.LICENCE_HREF] = fonts.licence_text(embedded, ofl)
    keys = faces.embedded_keys(issue.style, embedded)
    charset, shared = ARTICLE_CSS.read_text(encoding="utf-8").split("\n", 1)
    head = fonts.font_face_css(embedded, css_dir_depth=0, display=FONT_DISPLAY)
    roles = faces.role_css(issue.style, keys, scope="article")
    own = WEB_CSS.read_text(encoding="utf-8")
    return f"{charset}\n{head}\n{roles}\n{shared}\n{own}".encode("utf-8")


def _order(articles: tuple[ArticleView, ...]) -> dict[str, tuple]:
    """Each article page's 上一篇 and 下一篇."""
    padded = (None, *articles, None)
    return {a.stem: (padded[i], padded[i + 2]) for i, a in enumerate(articles)}


def _html(tree: Element) -> bytes:
    return document(tree, documents.DOCTYPE, html=True)


def write_web(job: ExportJob, target: Path) -> str:
    """Write the web edition of `job.issue` into the folder `target`; return a summary."""
    issue, placed = job.issue, job.placed
    if placed is None or not placed.pages:
        raise BuildError(_("the web edition needs placed pages; none were given"))
    plan = plan_web(issue, placed)
    articles = plan.articles()
    if not articles:
        raise BuildError(_("the issue has no articles: nothing to put in the web edition"))
    files: dict[str, bytes] = {}
    pages, thumbs = _page_images(plan, placed, job.diagnostics, files)
    site = getattr(job.options, "site", None)
    base = issue.style.web_url            # the edition's own address: in a site, under it
    if base and site:
        base = f"{base}{edition_folder(issue)}/"
    ctx = Context(issue, plan, pages, thumbs, _photos(articles, files), base,
                  ARCHIVE_FRONT if site else None,
                  edition.version_text(edition.modified(issue)), _order(articles))
    trees = {INDEX_HREF: documents.index_document(ctx)}
    trees.update({v.href: documents.page_document(ctx, v) for v in plan.pages if v.stem in pages})
    trees.update({a.href: documents.article_document(ctx, a) for a in articles})
    files[CSS_HREF] = _stylesheet(issue, list(trees.values()), files)
    files.update({href: _html(tree) for href, tree in trees.items()})
    day = edition.modified(issue).date()
    files[SITEMAP] = meta.sitemap([(meta.absolute(base, href), day) for href in trees])
    if site:
        files[EDITION_JSON] = edition_json(issue, plan, thumbs)
    _write_folder(Path(target), files)
    return _summary(plan, files)


def edition_json(issue: Issue, plan: WebPlan, thumbs: dict[str, Image]) -> bytes:
    """What a `--site` archive needs of this edition: date, pages, articles and their text."""
    data = {"paper": issue.paper, "date": issue.date.isoformat(), "number": issue.number,
            "pages": [{"href": v.href, "label": v.label,
                       "thumb": thumbs[v.stem].smallest_jpeg() if v.stem in thumbs else ""}
                      for v in plan.pages],
            "articles": [{"href": a.href, "title": a.label, "page": a.page.number,
                          "text": a.article.all_text()} for a in plan.articles()]}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _write_folder(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in sorted(files):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])


def _summary(plan: WebPlan, files: dict[str, bytes]) -> str:
    """Pages and articles, what a phone loads for a page image (the mean over the
    pages at each width, AVIF then JPEG), and the folder's size."""
    def mean_kb(width: int, kind: str) -> str:
        sizes = [len(data) for name, data in files.items()
                 if name.startswith(IMAGE_DIR + "/p") and name.endswith(f"-{width}.{kind}")
                 and "-a" not in name]
        return f"{sum(sizes) / max(1, len(sizes)) / 1024:.0f}"

    small, large = images.PAGE_WIDTHS
    return _("{pages} page(s), {articles} articles; a page image {small_avif}/{large_avif} KB "
             "at {small}/{large} px (AVIF; JPEG {small_jpeg}/{large_jpeg} KB); {kb} KB in all"
             ).format(pages=len(plan.pages), articles=len(plan.articles()),
                      small_avif=mean_kb(small, "avif"), large_avif=mean_kb(large, "avif"),
                      small=small, large=large, small_jpeg=mean_kb(small, "jpg"),
                      large_jpeg=mean_kb(large, "jpg"),
                      kb=f"{sum(len(d) for d in files.values()) / 1024:.0f}")
