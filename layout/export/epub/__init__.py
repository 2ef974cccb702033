"""EPUB 3 export: the edition for residents' phones.

`write_epub(job, target)` writes a reflowable EPUB 3.3 from the semantic
model (`job.issue`): one XHTML document per article in page order, a
navigation document and an NCX grouping the articles (and their 小标题)
under their pages, a cover drawn from the masthead, photos resized for
phones (each file stored once), Chinese CSS and, by default, WOFF2 subsets
of every face the text is set in, with the fonts' licence.

The EPUB is written by hand rather than with EbookLib: every byte is
decided here, so the output validates cleanly under EPUBCheck 5 and two
builds of the same sources are byte-identical (see `container.py` and
`edition.modified`).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from layout.errors import BuildError
from layout.export.epub import cover, navigation, xhtml
from layout.export.html import edition, faces, fonts
from layout.export.html.article import ARTICLE_CSS
from layout.export.epub.container import APPLE_OPTIONS, APPLE_OPTIONS_PATH, container_xml, write_zip
from layout.export.html.photos import phone_jpeg
from layout.export.html.markup import Element, document
from layout.export.epub.package import Resource, package_document
from layout.export.epub.plan import (COVER_HREF, COVER_IMAGE_HREF, CSS_HREF, NAV_HREF,
                                     NCX_HREF, PACKAGE_DIR, BookPlan, plan_book)
from layout.i18n import _
from layout.model import Issue

if TYPE_CHECKING:
    from layout.export import ExportJob

# Measured on the sample edition (one page, 7 articles, 2 photos): see README
# "The EPUB" for the sizes with and without fonts. Embedding gives every
# phone the paper's 宋/标宋/黑/楷 (many Android readers have no Chinese serif,
# none has a 楷), so it is on unless `--no-epub-fonts` is given.
EMBED_FONTS_BY_DEFAULT = True
XHTML_TYPE = "application/xhtml+xml"
CSS_PATH = Path(__file__).with_name("edition.css")

__all__ = ["build_resources", "stylesheet", "write_epub"]


def _text_trees(issue: Issue, plan: BookPlan, moment: dt.datetime
                ) -> list[tuple[str, Element, str, str]]:
    """(href, document tree, item id, properties) of the cover page, the navigation
    document and every article, in reading order."""
    title = edition.title(issue)
    version = edition.version_text(moment)
    out = [(COVER_HREF, xhtml.cover_document(title, cover.cover_alt(issue, plan),
                                             COVER_IMAGE_HREF, COVER_HREF), "cover", ""),
           (NAV_HREF, navigation.nav_document(plan, title, version), "nav", "nav")]
    out += [(doc.href, xhtml.article_document(doc), doc.anchor, "") for doc in plan.docs()]
    return out


def stylesheet(issue: Issue, embedded: tuple[fonts.EmbeddedFont, ...]) -> bytes:
    """The edition's CSS: @font-face rules, each role's face, the shared article rules,
    then edition.css."""
    charset, shared = ARTICLE_CSS.read_text(encoding="utf-8").split("\n", 1)
    own = CSS_PATH.read_text(encoding="utf-8")
    head = fonts.font_face_css(embedded) if embedded else ""
    roles = faces.role_css(issue.style, faces.embedded_keys(issue.style, embedded))
    return f"{charset}\n{head}\n{roles}\n{shared}\n{own}".encode("utf-8")


def _licence(embedded: tuple[fonts.EmbeddedFont, ...]) -> list[Resource]:
    from layout.fonts import FONT_DIR

    if not embedded:
        return []
    ofl = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    return [Resource(fonts.LICENCE_HREF, "text/plain", fonts.licence_text(embedded, ofl),
                     "font-licence")]


def build_resources(issue: Issue, embed_fonts: bool, moment: dt.datetime | None = None
                    ) -> tuple[str, list[Resource]]:
    """The identifier and every manifest resource of the edition's EPUB, in manifest order."""
    plan = plan_book(issue)
    if not plan.docs():
        raise BuildError(_("the issue has no articles: nothing to put in the EPUB"))
    uid = edition.identifier(issue)
    trees = _text_trees(issue, plan, moment or edition.modified(issue))
    text = [Resource(href, XHTML_TYPE, document(tree, xhtml.DOCTYPE), item_id, props,
                     in_spine=True) for href, tree, item_id, props in trees]
    text.insert(2, Resource(NCX_HREF, "application/x-dtbncx+xml",
                            navigation.ncx_document(plan, edition.title(issue), uid), "ncx"))
    embedded = faces.embedded_faces(issue.style, [t[1] for t in trees]) if embed_fonts else ()
    style = [Resource(CSS_HREF, "text/css", stylesheet(issue, embedded), "css")]
    style += [Resource(f.href, "font/woff2", f.data, f"font-{i}")
              for i, f in enumerate(embedded, start=1)]
    style += _licence(embedded)
    images = [Resource(COVER_IMAGE_HREF, "image/png", cover.cover_png(issue, plan),
                       "cover-image", "cover-image")]
    images += [Resource(f.href, "image/jpeg", phone_jpeg(f.photo.path), f"img-{i}")
               for i, f in enumerate(plan.photos(), start=1)]
    return uid, text + style + images


def write_epub(job: ExportJob, target: Path) -> str:
    """Write the EPUB of `job.issue` to `target`; return a one-line summary."""
    issue = job.issue
    embed = job.options.epub_fonts
    embed = EMBED_FONTS_BY_DEFAULT if embed is None else embed
    moment = edition.modified(issue)
    uid, resources = build_resources(issue, embed, moment)
    opf = package_document(issue, uid, edition.w3c_datetime(moment), tuple(resources), "ncx")
    opf_path = f"{PACKAGE_DIR}/content.opf"
    entries = [("META-INF/container.xml", container_xml(opf_path))]
    if embed:
        entries.append((APPLE_OPTIONS_PATH, APPLE_OPTIONS))
    entries.append((opf_path, opf))
    entries += [(f"{PACKAGE_DIR}/{r.href}", r.data) for r in resources]
    write_zip(Path(target), entries, moment)
    size = Path(target).stat().st_size
    articles = len(issue.articles())
    photos = sum(1 for r in resources if r.media_type == "image/jpeg")
    fonts_note = _("fonts embedded") if embed else _("fonts not embedded")
    return _("EPUB 3: {articles} articles on {pages} page(s), {photos} photos, {fonts}, {kb} KB"
             ).format(articles=articles, pages=len(issue.pages), photos=photos, fonts=fonts_note,
                      kb=f"{size / 1024:.0f}")
