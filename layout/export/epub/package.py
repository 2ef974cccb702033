"""The package document (OPF): metadata, manifest and spine.

Metadata states what a reading system and a library need: title (paper and
date), the paper as creator (so Calibre does not say "Unknown"), language
zh-CN, the edition date, publisher, a stable identifier, `dcterms:modified`,
the series (paper) with the issue number so readers shelve editions
together, and EPUB Accessibility 1.1 metadata with its conformance claim
(WCAG 2.1 AA: alt text, headings in every document, reading order, text that
reflows and keeps its contrast in any theme). An EPUB 2 `<guide>` names the
cover page, which older readers and Calibre need to show the cover once.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.export.html import edition
from layout.export.html.markup import Element, document, el
from layout.export.epub.xhtml import LANG
from layout.model import Issue

OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"

ACCESS_MODES = ("textual", "visual")
ACCESS_MODES_SUFFICIENT = ("textual", "textual,visual")
ACCESSIBILITY_FEATURES = ("alternativeText", "displayTransformability", "readingOrder",
                          "structuralNavigation", "tableOfContents")
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
ACCESSIBILITY_SUMMARY = ("本书为可重排的文字版报纸，按版次顺序排列各篇文章；目录按版面列出全部文章，"
                         "每幅图片都有替代文字和图片说明，可调整字号并由读屏软件朗读。")


@dataclass(frozen=True, slots=True)
class Resource:
    """One file of the package, with its manifest entry."""

    href: str                 # relative to the package folder
    media_type: str
    data: bytes
    item_id: str
    properties: str = ""
    in_spine: bool = False


def _meta(prop: str, value: str, **attrs: str) -> Element:
    return el("meta", {"property": prop, **attrs}, value)


def metadata(issue: Issue, uid: str, modified: str) -> Element:
    """The <metadata> element."""
    paper = issue.style.paper
    entries = [
        el("dc:identifier", {"id": "pub-id"}, uid),
        el("dc:title", {"id": "title"}, edition.title(issue)),
        el("dc:creator", {"id": "creator"}, issue.paper),
        el("dc:language", None, LANG),
        el("dc:date", None, issue.date.isoformat()),
        el("dc:publisher", None, paper.publisher) if paper.publisher else None,
        _meta("dcterms:modified", modified),
        _meta("belongs-to-collection", issue.paper, id="series"),
        _meta("collection-type", "series", refines="#series"),
        _meta("group-position", str(issue.number), refines="#series") if issue.number else None,
        *(_meta("schema:accessMode", m) for m in ACCESS_MODES),
        *(_meta("schema:accessModeSufficient", m) for m in ACCESS_MODES_SUFFICIENT),
        *(_meta("schema:accessibilityFeature", f) for f in ACCESSIBILITY_FEATURES),
        _meta("schema:accessibilityHazard", "none"),
        _meta("schema:accessibilitySummary", ACCESSIBILITY_SUMMARY),
        _meta("dcterms:conformsTo", CONFORMS_TO),
        _meta("a11y:certifiedBy", paper.publisher or issue.paper),
        el("meta", {"name": "cover", "content": "cover-image"}),
    ]
    return el("metadata", {"xmlns:dc": DC_NS}, *entries)


def guide(resources: tuple[Resource, ...]) -> Element | None:
    """The EPUB 2 guide: the cover page and the table of contents."""
    refs = [el("reference", {"type": kind, "title": title, "href": r.href})
            for kind, title, item_id in (("cover", "封面", "cover"), ("toc", "目录", "nav"))
            for r in resources if r.item_id == item_id]
    return el("guide", None, *refs) if refs else None


def package_document(issue: Issue, uid: str, modified: str,
                     resources: tuple[Resource, ...], ncx_id: str) -> bytes:
    """content.opf for `resources`; the spine follows their order."""
    items = []
    for r in resources:
        attrs = {"id": r.item_id, "href": r.href, "media-type": r.media_type}
        if r.properties:
            attrs["properties"] = r.properties
        items.append(el("item", attrs))
    spine = el("spine", {"toc": ncx_id},
               *(el("itemref", {"idref": r.item_id}) for r in resources if r.in_spine))
    package = el("package", {"xmlns": OPF_NS, "version": "3.0", "unique-identifier": "pub-id",
                             "xml:lang": LANG},
                 metadata(issue, uid, modified), el("manifest", None, *items), spine,
                 guide(resources))
    return document(package)
