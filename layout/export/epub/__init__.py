"""EPUB 3 export: the edition for residents' phones.

`write_epub(job, target)` writes a reflowable EPUB 3.3 from the semantic
model (`job.issue`): one XHTML document per article in page order, a
navigation document and an NCX grouping the articles under their pages, a
cover drawn from the masthead, photos resized for phones, Chinese CSS and,
optionally, WOFF2 subsets of the body and headline faces.

The EPUB is written by hand rather than with EbookLib: every byte is
decided here, so the output validates cleanly under EPUBCheck 5 and two
builds of the same issue are byte-identical (see `container.py` and
`edition.modified`).
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from layout.errors import BuildError
from layout.export.epub import cover, edition, fonts, navigation, xhtml
from layout.export.epub.container import container_xml, write_zip
from layout.export.epub.images import phone_jpeg
from layout.export.epub.package import Resource, package_document
from layout.export.epub.plan import (COVER_HREF, COVER_IMAGE_HREF, CSS_HREF, NAV_HREF,
                                     NCX_HREF, PACKAGE_DIR, BookPlan, plan_book)
from layout.model import Issue

if TYPE_CHECKING:
    from layout.export import ExportJob

# Measured on the sample edition (one page, 7 articles, 2 photos): 599 KB
# without fonts, 715 KB with them (+116 KB: body subset 104 KB, headline
# subset 12 KB). A full edition of ~2,500 distinct characters would add about
# 510 KB, still small beside its photos. Embedding gives every phone the
# paper's 宋/标宋 (many Android readers have no Chinese serif), so it is on
# unless `--no-epub-fonts` is given.
EMBED_FONTS_BY_DEFAULT = True
XHTML_TYPE = "application/xhtml+xml"
CSS_PATH = Path(__file__).with_name("edition.css")
_TAG = re.compile(r"<[^>]+>")

__all__ = ["build_resources", "stylesheet", "write_epub"]


def _visible_text(documents: list[bytes]) -> str:
    """The characters a reader sees in `documents` (tags and markup removed)."""
    return "".join(html.unescape(_TAG.sub("", d.decode("utf-8"))) for d in documents)


def _text_resources(issue: Issue, plan: BookPlan, uid: str) -> list[Resource]:
    """Cover page, navigation, NCX and the article documents, in reading order."""
    title = edition.title(issue)
    out = [Resource(COVER_HREF, XHTML_TYPE, xhtml.cover_document(
               title, cover.cover_alt(issue, plan), COVER_IMAGE_HREF, COVER_HREF),
               "cover", in_spine=True),
           Resource(NAV_HREF, XHTML_TYPE, navigation.nav_document(plan, title), "nav",
                    "nav", in_spine=True),
           Resource(NCX_HREF, "application/x-dtbncx+xml",
                    navigation.ncx_document(plan, title, uid), "ncx")]
    for doc in plan.docs():
        out.append(Resource(doc.href, XHTML_TYPE, xhtml.article_document(doc),
                            doc.anchor, in_spine=True))
    return out


def _embedded_fonts(issue: Issue, plan: BookPlan,
                    text: list[Resource]) -> tuple[fonts.EmbeddedFont, ...]:
    """Subsets of the body face (all visible text) and headline face (the 主题)."""
    from layout.fonts import font_set

    paths = font_set(issue.style).paths
    headlines = "".join(d.article.headline.title for d in plan.docs())
    body = _visible_text([r.data for r in text if r.media_type == XHTML_TYPE])
    return fonts.embedded_fonts(paths["serif"], paths["serif_bold"], body, headlines)


def stylesheet(embedded: tuple[fonts.EmbeddedFont, ...]) -> bytes:
    """The edition's CSS, with @font-face rules after `@charset` when fonts are embedded."""
    css = CSS_PATH.read_text(encoding="utf-8")
    if embedded:
        charset, rest = css.split("\n", 1)
        css = f"{charset}\n{fonts.font_face_css(embedded)}\n{rest}"
    return css.encode("utf-8")


def build_resources(issue: Issue, embed_fonts: bool) -> tuple[str, list[Resource]]:
    """The identifier and every manifest resource of the edition's EPUB, in manifest order."""
    plan = plan_book(issue)
    if not plan.docs():
        raise BuildError("the issue has no articles: nothing to put in the EPUB")
    uid = edition.identifier(issue)
    text = _text_resources(issue, plan, uid)
    embedded = _embedded_fonts(issue, plan, text) if embed_fonts else ()
    style = [Resource(CSS_HREF, "text/css", stylesheet(embedded), "css")]
    style += [Resource(f.href, "font/woff2", f.data, f"font-{i}")
              for i, f in enumerate(embedded, start=1)]
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
    uid, resources = build_resources(issue, embed)
    moment = edition.modified(issue)
    opf = package_document(issue, uid, edition.w3c_datetime(moment), tuple(resources), "ncx")
    opf_path = f"{PACKAGE_DIR}/content.opf"
    entries = [("META-INF/container.xml", container_xml(opf_path))]
    if embed:
        entries.append((fonts.APPLE_OPTIONS_PATH, fonts.APPLE_OPTIONS))
    entries.append((opf_path, opf))
    entries += [(f"{PACKAGE_DIR}/{r.href}", r.data) for r in resources]
    write_zip(Path(target), entries, moment)
    size = Path(target).stat().st_size
    articles = len(issue.articles())
    photos = sum(1 for r in resources if r.media_type == "image/jpeg")
    return (f"EPUB 3: {articles} articles on {len(issue.pages)} page(s), {photos} photos, "
            f"fonts {'embedded' if embed else 'not embedded'}, {size / 1024:.0f} KB")
